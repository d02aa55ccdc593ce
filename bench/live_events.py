#!/usr/bin/env python3
"""bench/live_events.py: write N queue events through etcd's JSON gateway, as fast as one
client can: stage keys put and deleted under /jobs/ready/ (N/2 puts, N/2 deletes, one
event each, batches of 100 per txn so that etcd is not the bottleneck). Prints the last
revision written. Standard library only."""
import argparse, base64, http.client, json, urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("--endpoint", required=True)
ap.add_argument("--events", type=int, default=10000)
a = ap.parse_args()
u = urllib.parse.urlparse(a.endpoint)
c = http.client.HTTPConnection(u.hostname, u.port)
b64 = lambda s: base64.b64encode(s.encode()).decode()
keys = [f"/jobs/ready/create:heat_worker:port:bench-live-{i:06d}:1:b{i:05d}" for i in range(a.events // 2)]
rev = 0
for op in ("put", "delete"):
    for i in range(0, len(keys), 100):
        batch = keys[i:i + 100]
        if op == "put":
            ops = [{"request_put": {"key": b64(k), "value": ""}} for k in batch]
        else:
            ops = [{"request_delete_range": {"key": b64(k)}} for k in batch]
        c.request("POST", "/v3/kv/txn", json.dumps({"success": ops}), {"Content-Type": "application/json"})
        r = json.loads(c.getresponse().read())
        rev = int(r["header"]["revision"])
print(rev)
