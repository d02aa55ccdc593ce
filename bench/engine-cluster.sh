#!/usr/bin/env bash
# bench/engine-cluster.sh — the engine as it scales past one machine: a 3-member loopback
# etcd cluster, one job manager, and three worker processes, each worker talking only to
# its own member (worker k → member k; the manager → member 1). N port configs are
# written as Gohan would (bench/engine_load.py), then timed from the engine's start until
# every port is CREATE_COMPLETED and the queue is empty. Then checks that every job ran
# exactly once: each worker logs one `job <id> completed` line per job it finished, so
# the three logs together must hold N distinct port jobs and no id twice.
#
# Usage: bench/engine-cluster.sh     N=1000 SLOTS=8 ENGINE_ARGS=… KEEP=1 (keep the logs)
#        (needs etcd, etcdctl, python3, a release build: cargo build --release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/lib.sh"
N=${N:-1000}
SLOTS=${SLOTS:-8}
BASE=${BASE:-23931}
dir=/tmp/esi-bench-cluster-$BASE
[[ -x $ESI ]] || { echo "build first: cargo build --release" >&2; exit 1; }
eps=() peers=()
for i in 1 2 3; do
    eps+=("http://127.0.0.1:$((BASE + i - 1))")
    peers+=("m$i=http://127.0.0.1:$((BASE + 10 + i - 1))")
done
initial=$(IFS=,; echo "${peers[*]}")
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ ${KEEP:-0} == 1 ]] && echo "logs kept in $dir" >&2 || rm -rf "$dir"
}
trap cleanup EXIT
rm -rf "$dir"; mkdir -p "$dir"
for i in 1 2 3; do
    setsid etcd --name "m$i" --data-dir "$dir/m$i" \
        --listen-client-urls "${eps[i-1]}" --advertise-client-urls "${eps[i-1]}" \
        --listen-peer-urls "http://127.0.0.1:$((BASE + 10 + i - 1))" \
        --initial-advertise-peer-urls "http://127.0.0.1:$((BASE + 10 + i - 1))" \
        --initial-cluster "$initial" --initial-cluster-token "esi-bench-$BASE" \
        --initial-cluster-state new >"$dir/etcd-m$i.log" 2>&1 &
    pids+=($!)
done
for ep in "${eps[@]}"; do
    for _ in $(seq 200); do curl -fsS --max-time 1 "$ep/health" 2>/dev/null | grep -q true && break; sleep 0.1; done
done
export ETCDCTL_ENDPOINTS=${eps[0]}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "esi engine on a 3-member cluster: $N ports, 1 manager (member 1) + 3 workers x $SLOTS slots (worker k on member k), sim backend, zero latency, etcd $(etcd --version | head -1 | awk '{print $3}')"
py base "$root"
"$ESI" --endpoints "${eps[0]}" -q engine run --slots 2 ${ENGINE_ARGS:-} &
warm=$!
wait_for "network and subnet" at_least count 2 /state/
kill -TERM $warm; wait $warm || true
py ports "$N"
rev0=$(revision)
etcd0=0; for p in "${pids[@]:0:3}"; do etcd0=$((etcd0 + $(cpu_ticks "$p"))); done
start=$(date +%s.%N)
"$ESI" --endpoints "${eps[0]}" -q engine run --role manager ${ENGINE_ARGS:-} 2>"$dir/manager.log" &
manager=$!; pids+=($manager)
workers=()
for i in 1 2 3; do
    "$ESI" --endpoints "${eps[i-1]}" engine run --role worker --slots "$SLOTS" ${ENGINE_ARGS:-} 2>"$dir/worker-$i.log" &
    workers+=($!); pids+=($!)
done
wait_for "$N port states" at_least completed "$N"
wait_for "an empty queue" queue_empty
end=$(date +%s.%N)
esi_ticks=$(cpu_ticks "$manager"); for w in "${workers[@]}"; do esi_ticks=$((esi_ticks + $(cpu_ticks "$w"))); done
etcd1=0; for p in "${pids[@]:0:3}"; do etcd1=$((etcd1 + $(cpu_ticks "$p"))); done
rev1=$(revision)
kill -TERM "$manager" "${workers[@]}"; wait "$manager" "${workers[@]}" || true
python3 - "$N" "$start" "$end" "$rev0" "$rev1" "$esi_ticks" "$((etcd1 - etcd0))" "$(getconf CLK_TCK)" "$dir" <<'PY'
import collections, re, sys
n, t0, t1, r0, r1, esi, etcd, tick, d = sys.argv[1:]
n, secs = int(n), float(t1) - float(t0)
runs, per = collections.Counter(), []
for k in (1, 2, 3):
    ids = re.findall(r"job (\S+) completed", open("%s/worker-%d.log" % (d, k)).read())
    per.append(len(ids)); runs.update(ids)
ports = [j for j in runs if ":port:" in j or ":ports:" in j]
twice = [j for j, c in runs.items() if c > 1]
print("seconds %.2f, %.1f jobs/s, %.1f writes/job, esi CPU %.2f ms/job (4 processes), etcd CPU %.2f ms/job (3 members)"
      % (secs, n / secs, (int(r1) - int(r0)) / n, int(esi) / int(tick) * 1000 / n, int(etcd) / int(tick) * 1000 / n))
print("jobs completed per worker: %s; distinct port jobs %d of %d; ran more than once: %d" % (per, len(ports), n, len(twice)))
sys.exit(0 if len(ports) == n and not twice else 1)
PY
