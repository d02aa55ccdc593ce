#!/usr/bin/env python3
"""bench/watch_latency.py — put→printed latency of `esi watch` vs `etcdctl watch`.

Starts both watchers on one port's monitoring key, then does N puts through etcd's JSON
gateway (one at a time, spaced), timestamping just before each put and when each
watcher prints the matching line. Prints p50/p99 per watcher.
Usage: bench/watch_latency.py --endpoint URL --esi PATH --port-id ID [--events 200]
"""
import argparse, base64, http.client, json, subprocess, threading, time, urllib.parse


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--esi", required=True)
    ap.add_argument("--port-id", required=True)
    ap.add_argument("--events", type=int, default=200)
    a = ap.parse_args()
    key = f"/monitoring/v2.0/ports/{a.port_id}"
    u = urllib.parse.urlparse(a.endpoint)
    conn = http.client.HTTPConnection(u.hostname, u.port)
    seen = {"esi": {}, "etcdctl": {}}

    def reader(name, proc, parse):
        for line in proc.stdout:
            n = parse(line)
            if n is not None:
                seen[name][n] = time.perf_counter()

    def parse_esi(line):
        try:
            d = json.loads(line)
        except ValueError:
            return None
        if d.get("type") != "event":
            return None
        return (d.get("value") or {}).get("seq")

    def parse_ctl(line):
        if '"seq"' not in line:
            return None
        return json.loads(line)["seq"]

    esi = subprocess.Popen([a.esi, "--endpoints", a.endpoint, "watch", "port", a.port_id, "-o", "jsonl"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
    ctl = subprocess.Popen(["etcdctl", "--endpoints", a.endpoint, "watch", key],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
                           env={"ETCDCTL_API": "3", "PATH": "/usr/bin:/bin"})
    for name, p, f in (("esi", esi, parse_esi), ("etcdctl", ctl, parse_ctl)):
        threading.Thread(target=reader, args=(name, p, f), daemon=True).start()
    time.sleep(1.0)
    sent = {}
    for i in range(a.events):
        v = json.dumps({"version": 3, "vmi": "UP" if i % 2 else "FAIL", "seq": i}, separators=(",", ":"))
        body = json.dumps({"key": base64.b64encode(key.encode()).decode(), "value": base64.b64encode(v.encode()).decode()})
        sent[i] = time.perf_counter()
        conn.request("POST", "/v3/kv/put", body, {"Content-Type": "application/json"})
        conn.getresponse().read()
        time.sleep(0.01)
    time.sleep(1.0)
    esi.kill(); ctl.kill()
    for name in ("esi", "etcdctl"):
        lat = [(seen[name][i] - sent[i]) * 1000 for i in sent if i in seen[name]]
        print(f"{name:8s} events {len(lat)}/{len(sent)}  p50 {pct(lat, 50):.2f} ms  p99 {pct(lat, 99):.2f} ms")


if __name__ == "__main__":
    main()
