#!/usr/bin/env bash
# bench/run.sh — esi against etcdctl in the same run, on the dataset of seed.py.
# Starts a loopback etcd (bench/lib.sh), seeds it once (10k resources, 100k jobs,
# 20-version history for 10 ports), then times with hyperfine and prints medians and
# ratios. Usage: bench/run.sh [show|ls|history|jobs|enqueue|watch|all]
# (needs hyperfine, etcdctl, python3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
what=${1:-all}
[[ -x $ESI ]] || { echo "build first: cargo build --release" >&2; exit 1; }
bench_up
bench_seed --resources "${RESOURCES:-10000}" --jobs "${JOBS:-100000}" --versions 20 --history-resources 10
export ETCDCTL_ENDPOINTS=$ESI_BENCH_ENDPOINT ESI_ENDPOINTS=$ESI_BENCH_ENDPOINT
port=$(manifest "['sample']['port']")
hist=$(manifest "['history_port']")
out=$ESI_BENCH_DIR/results
mkdir -p "$out"

run() { # name, hyperfine args...
    local name=$1; shift
    hyperfine --warmup 3 --min-runs "${RUNS:-20}" -N --export-json "$out/$name.json" "$@" >/dev/null
    python3 - "$out/$name.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    print(f"  {x['median']*1000:9.1f} ms median  ({x['median']/base:5.2f}x of first)  {x['command']}")
PY
}

if [[ $what == show || $what == all ]]; then
    echo "show: esi show port vs one etcdctl get vs the six-call operator script"
    run show "$ESI show port $port" "etcdctl get /config/v2.0/ports/$port" "$here/peer-show.sh port $port"
fi
if [[ $what == ls || $what == all ]]; then
    echo "ls: esi ls port over $(manifest "['ports']") ports vs etcdctl reading the five families the view needs, one after the other"
    families="/config /esi-worker/heat_stacks /esi-worker/job_state /state /monitoring"
    run ls "bash -c '$ESI ls port -o json >/dev/null'" \
        "bash -c 'for f in $families; do etcdctl get --prefix \$f/v2.0/ports/ -w json >/dev/null; done'"
fi
if [[ $what == history || $what == all ]]; then
    echo "history: esi history of a 20-version port vs one get vs 20 get --rev"
    revs=$(etcdctl get "/config/v2.0/ports/$hist" -w json | python3 -c "import json,sys; kv=json.load(sys.stdin)['kvs'][0]; print(kv['mod_revision'])")
    loop="for i in \$(seq 20); do etcdctl get /config/v2.0/ports/$hist --rev=$revs >/dev/null; done"
    run history "$ESI history port $hist -o json" "etcdctl get /config/v2.0/ports/$hist" "bash -c '$loop'"
fi
if [[ $what == jobs || $what == all ]]; then
    echo "jobs: esi jobs -o json over 100k jobs vs etcdctl get --prefix /jobs/all/ -w json"
    RUNS=5 run jobs "bash -c '$ESI jobs -o json >/dev/null'" "bash -c 'etcdctl get --prefix /jobs/all/ -w json >/dev/null'"
    /usr/bin/time -f "  esi jobs -o json peak RSS: %M KB" "$ESI" jobs -o json >/dev/null
fi
if [[ $what == enqueue || $what == all ]]; then
    echo "enqueue: esi enqueue modify port --dry-run vs one etcdctl get"
    # The bundled heat templates, as the system stores them (a Go-encoded body string).
    for f in "$here"/../data/templates/*.json; do
        python3 - "$f" <<'PY' | while IFS=$'\t' read -r k v; do etcdctl put "$k" "$v" >/dev/null; done
import json, sys
b = json.load(open(sys.argv[1]))["body"]
rec = {"body": json.dumps(b, separators=(",", ":"), sort_keys=True), "marked_for_deletion": False, "version": 1}
print("/config/v2.0/heat_templates/" + b["id"], json.dumps(rec, separators=(",", ":"), sort_keys=True), sep="\t")
PY
    done
    run enqueue "$ESI enqueue modify port $port --dry-run -o json" "etcdctl get /config/v2.0/ports/$port"
fi
if [[ $what == watch || $what == all ]]; then
    echo "watch: put -> printed latency, esi watch vs etcdctl watch (${EVENTS:-200} events)"
    "$here/watch_latency.py" --endpoint "$ESI_BENCH_ENDPOINT" --esi "$ESI" --port-id "$port" --events "${EVENTS:-200}"
fi
