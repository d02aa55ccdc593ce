#!/usr/bin/env bash
# bench/fleet.sh — fleet operations against their peers, in the same run:
#   check: `esi check -o json` on the seed.py dataset (10k resources, 100k jobs) against
#          `etcdctl get --prefix /jobs/ --keys-only` (the cheapest look at the queue), and
#          esi's peak RSS;
#   bulk:  1000 failed networks (bench/failed.py) replayed by one `esi replay jobs` against
#          the operator's shell loop of `esi replay job --latest` over the same ids, on a
#          second etcd; the end state is compared (one new job per network either way).
# Usage: bench/fleet.sh [check|bulk|all]   (needs hyperfine, etcdctl, python3, GNU time)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
what=${1:-all}
[[ -x $ESI ]] || { echo "build first: cargo build --release" >&2; exit 1; }

if [[ $what == check || $what == all ]]; then
    bench_up
    bench_seed --resources "${RESOURCES:-10000}" --jobs "${JOBS:-100000}" --versions 20 --history-resources 10
    export ETCDCTL_ENDPOINTS=$ESI_BENCH_ENDPOINT ESI_ENDPOINTS=$ESI_BENCH_ENDPOINT
    echo "check: esi check -o json vs etcdctl get --prefix /jobs/ --keys-only ($(etcdctl get --prefix /jobs/ --keys-only | grep -c .) keys)"
    # esi check exits 11/12 when the fleet has problems: that is its answer, not an error.
    hyperfine --warmup 2 --min-runs "${RUNS:-10}" -N -i --export-json "$ESI_BENCH_DIR/check.json" \
        "$ESI check -o json" "etcdctl get --prefix /jobs/ --keys-only" >/dev/null
    python3 - "$ESI_BENCH_DIR/check.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for x in r:
    print(f"  {x['median']*1000:9.1f} ms median  ({x['median']/r[1]['median']:5.2f}x of etcdctl)  {x['command']}")
PY
    /usr/bin/time -f "  esi check -o json peak RSS: %M KB" "$ESI" check -o json >/dev/null || true
fi

if [[ $what == bulk || $what == all ]]; then
    ESI_BENCH_PORT=23795 ESI_BENCH_DIR=/tmp/esi-bench-bulk
    ESI_BENCH_ENDPOINT=http://127.0.0.1:$ESI_BENCH_PORT
    bench_down 2>/dev/null || true
    bench_up
    export ETCDCTL_ENDPOINTS=$ESI_BENCH_ENDPOINT ESI_ENDPOINTS=$ESI_BENCH_ENDPOINT
    n=${COUNT:-1000}
    "$here/failed.py" --endpoint "$ESI_BENCH_ENDPOINT" --count "$n" >"$ESI_BENCH_DIR/ids"
    jobs_of() { etcdctl get --prefix /jobs/all/create:heat_worker:network: --keys-only | grep -c . || true; }
    t0=$(date +%s.%N)
    "$ESI" replay jobs --type network --verdict failed --reason bench --yes -q >/dev/null
    t1=$(date +%s.%N)
    bulk_jobs=$(jobs_of)
    "$here/failed.py" --endpoint "$ESI_BENCH_ENDPOINT" --count "$n" --reset
    # The loop takes over a second per id: LOOP (default: all) ids of the same set are
    # run, and the per-id time is scaled to the whole set when LOOP < COUNT.
    m=${LOOP:-$n}
    t2=$(date +%s.%N)
    head -n "$m" "$ESI_BENCH_DIR/ids" | while read -r id; do "$ESI" replay job --latest network "$id" --yes -q >/dev/null; done
    t3=$(date +%s.%N)
    loop_jobs=$(jobs_of)
    python3 - "$t0" "$t1" "$t2" "$t3" "$bulk_jobs" "$loop_jobs" "$n" "$m" <<'PY'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:5])
b, l, n, m = sys.argv[5], sys.argv[6], int(sys.argv[7]), int(sys.argv[8])
loop = (t3 - t2) * n / m
scaled = "" if m == n else f" (measured {t3-t2:.2f} s over the first {m} ids, scaled to {n})"
print(f"bulk: {n} failed networks: esi replay jobs {t1-t0:.2f} s ({b} jobs); "
      f"shell loop of esi replay job --latest {loop:.2f} s{scaled} ({l} jobs); {loop/(t1-t0):.1f}x")
PY
    bench_down
fi
