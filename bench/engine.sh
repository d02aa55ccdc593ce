#!/usr/bin/env bash
# bench/engine.sh — engine throughput, end to end: N port configs written as Gohan would,
# then `esi engine run` (job manager + worker, sim backend, zero latency) turns them into
# jobs and runs them; timed from engine start until every port has its
# CREATE_COMPLETED state and the queue is empty. Repeated with 1, 2, 4 and 8 worker
# slots, against the etcd write ceiling measured in the same run (small puts from 16
# concurrent keep-alive clients through etcd's gRPC gateway, which is what one esi
# process would also see). Engine CPU per job comes from /proc/<pid>/stat (utime+stime).
#
# Usage: bench/engine.sh            N=500 SLOTS="1 2 4 8" ENGINE_ARGS="--no-workflow-request" (needs etcd, etcdctl, python3,
#        a release build: cargo build --release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
ESI_BENCH_PORT=${ESI_BENCH_PORT:-23795}
. "$here/lib.sh"
N=${N:-500}
SLOTS=${SLOTS:-"1 2 4 8"}
[[ -x $ESI ]] || { echo "build first: cargo build --release" >&2; exit 1; }
bench_up
trap bench_down EXIT
export ETCDCTL_ENDPOINTS=$ESI_BENCH_ENDPOINT
tick=$(getconf CLK_TCK)

py() { python3 - "$@" <<'PY'
import base64, http.client, json, os, sys, threading, time, glob
ep = os.environ["ETCDCTL_ENDPOINTS"].split("//")[1]
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
elif cmd == "ports":  # N attached ports on the network/subnet, 100 per txn
    n, c, batch = int(sys.argv[2]), conn(), []
    for i in range(n):
        pid = "%08x-0000-4000-8000-%012x" % (0xbe000000, i)
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
PY
}

count() { etcdctl get "$1" --prefix --keys-only --limit 1 -w json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("count", 0))'; }
completed() { etcdctl get /state/v2.0/ports/ --prefix --print-value-only | grep -c CREATE_COMPLETED || true; }
revision() { etcdctl get / -w json | python3 -c 'import json,sys; print(json.load(sys.stdin)["header"]["revision"])'; }
# wait_for DESCRIPTION TEST-COMMAND...: poll (200 ms: polling competes with the engine for CPU) until the command succeeds, 10 min max.
wait_for() {
    local what=$1 t0=$SECONDS; shift
    until "$@"; do
        (( SECONDS - t0 < 600 )) || { echo "bench: timed out waiting for $what" >&2; exit 1; }
        sleep 0.2
    done
}
at_least() { [[ $("$1" "${@:3}") -ge $2 ]]; }  # FUNC TARGET ARGS...
queue_empty() { [[ $(count /jobs/) -eq 0 ]]; }

echo "esi engine benchmark: $N ports per run, sim backend, zero latency, etcd $(etcd --version | head -1 | awk '{print $3}') on $ESI_BENCH_ENDPOINT"
ceiling=$(py ceiling)
etcdctl del /bench/ --prefix >/dev/null
echo "etcd write ceiling (16 clients, small puts): $ceiling puts/s"
printf '%-6s %10s %10s %14s %16s %12s %15s\n' slots seconds jobs/s writes/job "etcd writes/s" "CPU ms/job" "etcd CPU ms/job"
for slots in $SLOTS; do
    etcdctl del "" --from-key >/dev/null
    py base "$root"
    # Warm-up: the network and subnet stacks the ports reference.
    "$ESI" --endpoints "$ESI_BENCH_ENDPOINT" -q engine run --slots "$slots" ${ENGINE_ARGS:-} &
    pid=$!
    wait_for "network and subnet" at_least count 2 /state/
    kill -TERM $pid; wait $pid
    py ports "$N"
    rev0=$(revision)
    read -r eu0 es0 < <(awk '{print $14, $15}' "/proc/$(cat "$ESI_BENCH_DIR/etcd.pid")/stat")
    start=$(date +%s.%N)
    "$ESI" --endpoints "$ESI_BENCH_ENDPOINT" -q engine run --slots "$slots" ${ENGINE_ARGS:-} &
    pid=$!
    wait_for "$N port states" at_least completed "$N"
    wait_for "an empty queue" queue_empty
    end=$(date +%s.%N)
    read -r ut st < <(awk '{print $14, $15}' "/proc/$pid/stat")
    read -r eu1 es1 < <(awk '{print $14, $15}' "/proc/$(cat "$ESI_BENCH_DIR/etcd.pid")/stat")
    rev1=$(revision)
    kill -TERM $pid; wait $pid
    python3 - "$slots" "$start" "$end" "$N" "$rev0" "$rev1" "$ut" "$st" "$tick" "$((eu1 + es1 - eu0 - es0))" <<'PY'
import sys
slots, t0, t1, n, r0, r1, ut, st, tick, etcd_ticks = sys.argv[1:]
secs = float(t1) - float(t0); n = int(n); writes = int(r1) - int(r0)
cpu = (int(ut) + int(st)) / int(tick)
print("%-6s %10.2f %10.1f %14.1f %16.0f %12.2f %15.2f" % (slots, secs, n / secs, writes / n, writes / secs, cpu * 1000 / n,
      int(etcd_ticks) / int(tick) * 1000 / n))
PY
done
