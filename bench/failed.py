#!/usr/bin/env python3
"""bench/failed.py — plant N networks whose create failed (config v1, the job put then
removed from the queue, a CREATE_FAILED state), as the engine leaves them after a Heat
outage; or, with --reset, remove every job and audit record of those networks so the
next replay starts from the same state. Standard library only (etcd's JSON gateway).

Usage: bench/failed.py --endpoint http://127.0.0.1:23795 --count 1000 [--reset]
Prints the network ids, one per line (without --reset).
"""
import argparse, base64, http.client, json, urllib.parse


def b64(s):
    return base64.b64encode(s.encode()).decode()


def prefix_end(p):
    b = bytearray(p.encode())
    b[-1] += 1
    return base64.b64encode(bytes(b)).decode()


class Gw:
    def __init__(self, endpoint):
        u = urllib.parse.urlparse(endpoint)
        self.c = http.client.HTTPConnection(u.hostname, u.port or 2379, timeout=120)

    def post(self, path, doc):
        self.c.request("POST", path, json.dumps(doc), {"Content-Type": "application/json"})
        r = self.c.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit(f"failed.py: {path} {r.status}: {body[:200]!r}")
        return json.loads(body)

    def txn(self, ops):
        return self.post("/v3/kv/txn", {"success": ops})


def ids(n):
    return [f"b0000000-0000-4000-8000-{i:012d}" for i in range(n)]


def plant(gw, n):
    go = dict(separators=(",", ":"), sort_keys=True)
    for chunk in range(0, n, 25):
        puts, dels = [], []
        for rid in ids(n)[chunk:chunk + 25]:
            body = {"id": rid, "name": f"net-{rid[-6:]}", "admin_state_up": True,
                    "tenant_id": "fe3a4a1a72c04479bb6c19c2c0ccba4c", "shared": False, "subnets": []}
            cfg = {"body": json.dumps(body, **go), "marked_for_deletion": False, "version": 1}
            jid = f"create:heat_worker:network:{rid}:1:fa11d"
            job = ["heat_worker", {"id": jid, "action": "create", "dependency": [], "params": [],
                                   "resource_type": "network", "resource_id": rid, "version": 1}, 0]
            st = {"error": "heat: 503 from the orchestration endpoint", "version": 1,
                  "state": {"heat_outputs": "[]", "orchestration_state": "CREATE_FAILED",
                            "worker_state": "CREATE_FAILED"}}
            puts += [(f"/config/v2.0/networks/{rid}", json.dumps(cfg, **go)),
                     (f"/jobs/all/{jid}", json.dumps(job)),
                     (f"/state/v2.0/networks/{rid}", json.dumps(st))]
            dels.append(f"/jobs/all/{jid}")
        gw.txn([{"request_put": {"key": b64(k), "value": b64(v)}} for k, v in puts])
        gw.txn([{"request_delete_range": {"key": b64(k)}} for k in dels])


def reset(gw, n):
    ops = []
    for rid in ids(n):
        for d in ("all", "ready", "waiting"):
            p = f"/jobs/{d}/create:heat_worker:network:{rid}:"
            ops.append({"request_delete_range": {"key": b64(p), "range_end": prefix_end(p)}})
        if len(ops) >= 96:
            gw.txn(ops)
            ops = []
    ops.append({"request_delete_range": {"key": b64("/esi-audit/"), "range_end": prefix_end("/esi-audit/")}})
    gw.txn(ops)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--reset", action="store_true")
    a = ap.parse_args()
    gw = Gw(a.endpoint)
    if a.reset:
        reset(gw, a.count)
    else:
        plant(gw, a.count)
        print("\n".join(ids(a.count)))


if __name__ == "__main__":
    main()
