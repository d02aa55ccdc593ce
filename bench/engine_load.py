#!/usr/bin/env python3
"""bench/engine_load.py — the engine benchmarks' load, written as Gohan would: `base ROOT`
(the bundled templates, one network and one subnet), `ports N [RUN]` (N attached ports, 100
per txn, ids offset by RUN), `ceiling` (puts/s of small puts from 16 keep-alive clients for 5 s). Talks to the
first endpoint of $ETCDCTL_ENDPOINTS through etcd's gRPC gateway."""
import base64, http.client, json, os, sys, threading, time, glob
ep = os.environ["ETCDCTL_ENDPOINTS"].split(",")[0].split("//")[1]
host, port = ep.split(":")
def conn():
    return http.client.HTTPConnection(host, int(port), timeout=60)
def b64(s): return base64.b64encode(s.encode()).decode()
def txn(c, puts):
    ops = [{"request_put": {"key": b64(k), "value": b64(v)}} for k, v in puts]
    c.request("POST", "/v3/kv/txn", json.dumps({"success": ops}), {"Content-Type": "application/json"})
    r = c.getresponse(); body = r.read()
    assert r.status == 200, body
def go(v): return json.dumps(v, sort_keys=True, separators=(",", ":"))
def config(body, version=1):
    return go({"body": go(body), "marked_for_deletion": False, "version": version})
TENANT = "fe3a4a1a72c04479bb6c19c2c0ccba4c"
NET, SUB = "b761b0cd-d7c3-4b7a-b596-cea1cf9cc1e1", "622495a6-55a1-4c0c-9b3f-0b2b8c1c7d4e"
cmd = sys.argv[1]
if cmd == "base":  # templates, one network and one subnet (the engine creates their stacks)
    c = conn(); puts = []
    for f in sorted(glob.glob(sys.argv[2] + "/data/templates/*.json")):
        rec = json.load(open(f))
        puts.append(("/config/v2.0/heat_templates/" + rec["body"]["id"], config(rec["body"])))
    puts.append(("/config/v2.0/networks/" + NET, config({"id": NET, "name": "bench", "admin_state_up": True, "tenant_id": TENANT})))
    puts.append(("/config/v2.0/subnets/" + SUB, config({"id": SUB, "name": "bench", "network_id": NET, "cidr": "10.0.0.0/16",
        "gateway_ip": "10.0.0.1", "enable_dhcp": True, "dhcp_server_address": "10.0.0.2", "allocation_pools": [],
        "dns_nameservers": [], "ntp_servers": [], "host_routes": [], "tenant_id": TENANT})))
    txn(c, puts)
elif cmd == "ports":  # N attached ports on the network/subnet, 100 per txn; RUN offsets the ids
    n, c, batch = int(sys.argv[2]), conn(), []
    run = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    for i in range(n):
        pid = "%08x-0000-4000-8000-%012x" % (0xbe000000 + run, i)
        body = {"id": pid, "name": "bench-%d" % i, "network_id": NET, "tenant_id": TENANT, "device_owner": "compute:nova",
                "device_id": "47531b14-72e9-439d-8949-fd941457ecde", "attached": True, "admin_state_up": True,
                "fixed_ips": [{"subnet_id": SUB, "ip_address": "10.0.%d.%d" % (i // 250, i % 250 + 3)}],
                "mac_address": "fa:16:3e:%02x:%02x:%02x" % (i >> 16 & 255, i >> 8 & 255, i & 255),
                "allowed_address_pairs": [], "security_groups": [], "status": "PENDING_CREATE"}
        batch.append(("/config/v2.0/ports/" + pid, config(body)))
        if len(batch) == 100:
            txn(c, batch); batch = []
    if batch: txn(c, batch)
elif cmd == "ceiling":  # small puts from 16 keep-alive clients for 5 s
    done, count, stop = [0], threading.Lock(), time.time() + 5
    def loop(t):
        c, i = conn(), 0
        while time.time() < stop:
            txn(c, [("/bench/ceiling/%d/%d" % (t, i % 100), "x" * 64)]); i += 1
        with count: done[0] += i
    ts = [threading.Thread(target=loop, args=(t,)) for t in range(16)]
    [t.start() for t in ts]; [t.join() for t in ts]
    print("%.0f" % (done[0] / 5))
