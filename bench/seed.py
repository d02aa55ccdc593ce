#!/usr/bin/env python3
"""bench/seed.py — load an ESI-shaped dataset into etcd v3 for the benchmarks.

N resources (ports 40%, networks 20%, subnets 20%, vnf_instances 20%) with all six
families, J in-flight jobs spread over the queue stages (~4 KB values), and H
resources taken through K versions (config → job → stack → state → monitoring →
cleanup) so their keys have MVCC history. Writes go through etcd's JSON gateway
(POST /v3/kv/txn) in batches; standard library only. Prints a JSON manifest with
sample ids.

Usage: bench/seed.py --endpoint http://127.0.0.1:23791 --resources 10000 --jobs 100000 \
                     --versions 20 --history-resources 10 > manifest.json
"""
import argparse, base64, http.client, json, random, sys, threading, time, urllib.parse, uuid

TYPES = [("port", "ports", 0.4, "vmi"), ("network", "networks", 0.2, None),
         ("subnet", "subnets", 0.2, None), ("vnf_instance", "vnf_instances", 0.2, "server")]
PY = dict(separators=(", ", ": "))
GO = dict(separators=(",", ":"), sort_keys=True)
TENANT = "fe3a4a1a72c04479bb6c19c2c0ccba4c"


def b64(s):
    return base64.b64encode(s.encode()).decode()


class Gw:
    def __init__(self, endpoint):
        u = urllib.parse.urlparse(endpoint)
        self.host, self.port = u.hostname, u.port or 2379
        self.local = threading.local()

    def txn(self, puts, deletes=()):
        c = getattr(self.local, "c", None)
        if c is None:
            c = self.local.c = http.client.HTTPConnection(self.host, self.port, timeout=120)
        ops = [{"request_put": {"key": b64(k), "value": b64(v)}} for k, v in puts]
        ops += [{"request_delete_range": {"key": b64(k)}} for k in deletes]
        c.request("POST", "/v3/kv/txn", json.dumps({"success": ops}), {"Content-Type": "application/json"})
        r = c.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit(f"seed: txn failed {r.status}: {body[:200]!r}")
        return int(json.loads(body)["header"]["revision"])


def body(t, rid, v, rng):
    b = {"id": rid, "name": f"{t}-{rid[:8]}", "tenant_id": TENANT, "status": "ACTIVE",
         "orchestration_state": "UPDATE_COMPLETE", "description": f"bench v{v}", "admin_state_up": v % 2 == 1}
    if t == "port":
        b.update({"network_id": str(uuid.UUID(int=rng.getrandbits(128))), "device_owner": "compute:nova",
                  "mac_address": "fa:16:3e:%02x:%02x:%02x" % (rng.randrange(256), rng.randrange(256), rng.randrange(256)),
                  "fixed_ips": [{"subnet_id": str(uuid.UUID(int=rng.getrandbits(128))), "ip_address": "10.0.0.%d" % rng.randrange(1, 250)}],
                  "attached": True, "security_groups": [], "allowed_address_pairs": []})
    return b


def records(t, plural, field, rid, v, rng, marked=False):
    p = f"v2.0/{plural}/{rid}"
    b = body(t, rid, v, rng)
    outs = [{"output_value": str(uuid.UUID(int=rng.getrandbits(128))), "description": "A unique id.", "output_key": "id"},
            {"output_value": f"default-domain:admin:{rid}", "description": "FQ name", "output_key": "fq_name"}]
    recs = [
        (f"/config/{p}", json.dumps({"body": json.dumps(b, **GO), "marked_for_deletion": marked, "version": v}, **GO)),
        (f"/esi-worker/config/{p}", json.dumps({"body": b, "deleted": marked, "version": v}, **PY)),
        (f"/esi-worker/heat_stacks/{p}", json.dumps({"id": f"{t}:{rid}", "stack_id": f"{t}_{rid}", "tenant_id": TENANT,
                                                     "stack_status": "UPDATE_COMPLETE", "status_reason": "Stack successfully updated", "output": outs}, **PY)),
        (f"/state/{p}", json.dumps({"error": "", "state": {"heat_outputs": json.dumps(outs, **PY), "orchestration_state": "UPDATE_COMPLETE",
                                                         "worker_state": "MODIFY_COMPLETED"}, "version": v}, **PY)),
    ]
    if field:
        recs.append((f"/monitoring/{p}", json.dumps({"version": v, field: "UP"}, **GO)))
    return recs


def job(t, rid, v, rng, action="modify"):
    suffix = "".join(rng.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(5))
    jid = f"{action}:heat_worker:{t}:{rid}:{v}:{suffix}"
    params = [{"param": f"param_{i}", "type": "value", "value": "x" * 60, "resources": []} for i in range(40)]
    obj = {"id": jid, "job_name": f"{t}:{rid}:{v}", "action": action, "handler": "heat_worker", "resource_type": t,
           "resource_id": rid, "version": v, "resource_input": body(t, rid, v, rng), "params": params,
           "dependency": [], "is_first": True, "is_last": True, "on_failure": "fail"}
    return jid, json.dumps(["heat_worker", obj, 0], **PY)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--resources", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=100000)
    ap.add_argument("--versions", type=int, default=20)
    ap.add_argument("--history-resources", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--threads", type=int, default=4)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    gw = Gw(a.endpoint)
    t0 = time.time()
    ids = {t: [] for t, *_ in TYPES}
    batches, cur = [], []
    for t, plural, share, field in TYPES:
        for n in range(int(a.resources * share)):
            rid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            ids[t].append(rid)
            if t == "port" and n < a.history_resources and a.versions > 0:
                continue  # history ports: written first, below, then cycled
            cur += records(t, plural, field, rid, 3, rng)
            if len(cur) >= a.batch:
                batches.append(cur); cur = []
    # History ports get K full cycles and no bulk jobs (as in a live deployment, their
    # queue holds only their own cycles).
    hist = ids["port"][: a.history_resources]
    in_history = set(hist)
    # in-flight jobs over the stages: 40% ready, 20% waiting, 20% working, 10% finished, 10% unqueued
    all_ids = [(t, rid) for t, *_ in TYPES for rid in ids[t] if rid not in in_history]
    stages = ["ready"] * 4 + ["waiting"] * 2 + ["working"] * 2 + ["finished", None]
    for i in range(a.jobs):
        t, rid = all_ids[i % len(all_ids)]
        jid, val = job(t, rid, 4 + i // len(all_ids), rng)
        cur.append((f"/jobs/all/{jid}", val))
        st = stages[i % len(stages)]
        if st:
            cur.append((f"/jobs/{st}/{jid}", {"working": str(uuid.UUID(int=rng.getrandbits(128))), "finished": ""}.get(st, "heat_worker")))
        if len(cur) >= a.batch:
            batches.append(cur); cur = []
    if cur:
        batches.append(cur)
    lock = threading.Lock()
    def load(chunk):
        def worker():
            while True:
                with lock:
                    if not chunk:
                        return
                    b = chunk.pop()
                gw.txn(b)
        ths = [threading.Thread(target=worker) for _ in range(a.threads)]
        [th.start() for th in ths]; [th.join() for th in ths]
    def cycle(rid, v):  # one job cycle of a history port, write by write as the engine does
        recs = records("port", "ports", "vmi", rid, v, rng)
        jid, val = job("port", rid, v, rng)
        gw.txn([recs[0]]); gw.txn([recs[1]])
        gw.txn([(f"/jobs/all/{jid}", val), (f"/jobs/ready/{jid}", "heat_worker")])
        gw.txn([(f"/jobs/working/{jid}", "11111111-1111-4111-8111-111111111111")], [f"/jobs/ready/{jid}"])
        gw.txn(recs[2:4]); gw.txn([(f"/jobs/finished/{jid}", "")]); gw.txn([recs[4]])
        gw.txn([], [f"/jobs/working/{jid}", f"/jobs/all/{jid}", f"/jobs/finished/{jid}"])
    # The bulk load is cut into K chunks and history round k is written before chunk k,
    # so history revisions interleave with everything else (a walk from a history port's
    # creation replays the whole load, as it would on a busy cluster).
    rounds = max(a.versions, 1) if hist else 1
    per = -(-len(batches) // rounds)
    chunks = [batches[i * per:(i + 1) * per] for i in range(rounds)]
    for rid in hist:
        gw.txn(records("port", "ports", "vmi", rid, 3, rng))
    for k, chunk in enumerate(chunks):
        if hist:
            for rid in hist:
                cycle(rid, 4 + k)
        load(chunk)
    rev = gw.txn([("/bench/done", str(time.time()))])
    json.dump({"revision": rev, "seconds": round(time.time() - t0, 1), "resources": a.resources, "jobs": a.jobs,
               "sample": {t: ids[t][len(ids[t]) // 2] for t in ids}, "history_port": hist[0] if hist else None,
               "ports": len(ids["port"])}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
