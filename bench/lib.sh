# shellcheck shell=bash
# bench/lib.sh — start/stop a throwaway loopback etcd for the benchmarks (sourced).
# ESI_BENCH_PORT (default 23791), ESI_BENCH_DIR (default /tmp/esi-bench-<port>).
ESI_BENCH_PORT=${ESI_BENCH_PORT:-23791}
ESI_BENCH_DIR=${ESI_BENCH_DIR:-/tmp/esi-bench-$ESI_BENCH_PORT}
ESI_BENCH_ENDPOINT=http://127.0.0.1:$ESI_BENCH_PORT
ESI=${ESI:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/release/esi}
export ETCDCTL_API=3

bench_up() {
    if curl -fsS --max-time 1 "$ESI_BENCH_ENDPOINT/health" >/dev/null 2>&1; then return 0; fi
    mkdir -p "$ESI_BENCH_DIR"
    setsid etcd --name esi-bench --data-dir "$ESI_BENCH_DIR/data" \
        --listen-client-urls "$ESI_BENCH_ENDPOINT" --advertise-client-urls "$ESI_BENCH_ENDPOINT" \
        --listen-peer-urls "http://127.0.0.1:$((ESI_BENCH_PORT + 10))" \
        --initial-advertise-peer-urls "http://127.0.0.1:$((ESI_BENCH_PORT + 10))" \
        --initial-cluster "esi-bench=http://127.0.0.1:$((ESI_BENCH_PORT + 10))" \
        --quota-backend-bytes 8589934592 >"$ESI_BENCH_DIR/etcd.log" 2>&1 &
    echo $! >"$ESI_BENCH_DIR/etcd.pid"
    for _ in $(seq 100); do
        curl -fsS --max-time 1 "$ESI_BENCH_ENDPOINT/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "bench: etcd did not start (see $ESI_BENCH_DIR/etcd.log)" >&2; return 1
}

bench_down() {
    [[ -f $ESI_BENCH_DIR/etcd.pid ]] && kill "$(cat "$ESI_BENCH_DIR/etcd.pid")" 2>/dev/null
    sleep 0.5; rm -rf "$ESI_BENCH_DIR"
}

# Seed once per data dir; the manifest records sample ids.
bench_seed() {
    [[ -s $ESI_BENCH_DIR/manifest.json ]] && return 0
    "$(dirname "${BASH_SOURCE[0]}")/seed.py" --endpoint "$ESI_BENCH_ENDPOINT" "$@" >"$ESI_BENCH_DIR/manifest.json"
}

manifest() { python3 -c "import json,sys; d=json.load(open('$ESI_BENCH_DIR/manifest.json')); print(eval('d' + sys.argv[1]))" "$1"; }

# The engine benchmarks' helpers (engine.sh, engine-cluster.sh, heat.sh), against
# $ETCDCTL_ENDPOINTS.
py() { python3 "$(dirname "${BASH_SOURCE[0]}")/engine_load.py" "$@"; }
count() { etcdctl get "$1" --prefix --keys-only --limit 1 -w json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("count", 0))'; }
completed() { etcdctl get /state/v2.0/ports/ --prefix --print-value-only | grep -c CREATE_COMPLETED || true; }
revision() { etcdctl get / -w json | python3 -c 'import json,sys; print(json.load(sys.stdin)["header"]["revision"])'; }
# wait_for DESCRIPTION TEST-COMMAND...: poll (200 ms: polling competes with the engine for
# CPU) until the command succeeds, WAIT_MAX seconds at most (default 600).
wait_for() {
    local what=$1 t0=$SECONDS; shift
    until "$@"; do
        (( SECONDS - t0 < ${WAIT_MAX:-600} )) || { echo "bench: timed out waiting for $what" >&2; exit 1; }
        sleep 0.2
    done
}
at_least() { [[ $("$1" "${@:3}") -ge $2 ]]; }  # FUNC TARGET ARGS...
queue_empty() { [[ $(count /jobs/) -eq 0 ]]; }
