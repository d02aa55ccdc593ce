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
