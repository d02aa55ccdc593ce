#!/usr/bin/env bash
# bench/live.sh — the live views on the seed.py dataset (10k resources, 100k jobs):
#   exporter: start-up to the first scrape; scrape latency (hyperfine, against the
#             shell exporter's one read: etcdctl get --prefix /jobs/ --keys-only); esi
#             CPU per 1,000 queue events (bench/live_events.py writes them); peak RSS;
#   top:      start-up to the first full screen (tmux, 80x24) and peak RSS.
# Usage: bench/live.sh   (needs hyperfine, curl, tmux, python3; a release build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[[ -x $ESI ]] || { echo "build first: cargo build --release" >&2; exit 1; }
bench_up
bench_seed --resources "${RESOURCES:-10000}" --jobs "${JOBS:-100000}" --versions 20 --history-resources 10
export ETCDCTL_ENDPOINTS=$ESI_BENCH_ENDPOINT ESI_ENDPOINTS=$ESI_BENCH_ENDPOINT
addr=127.0.0.1:$((ESI_BENCH_PORT + 100))
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # clock ticks (1/100 s)
hwm() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; } # KB

t0=$(date +%s.%N)
"$ESI" exporter --listen "$addr" -q &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fsS "http://$addr/metrics" -o /dev/null 2>/dev/null; do sleep 0.02; done
t1=$(date +%s.%N)
python3 -c "import sys; print(f'exporter: start-up to first scrape {float(sys.argv[2])-float(sys.argv[1]):.2f} s')" "$t0" "$t1"
echo "  series served: $(curl -s "http://$addr/metrics" | grep -vc '^#')"
hyperfine --warmup 3 --min-runs "${RUNS:-30}" -N --export-json "$ESI_BENCH_DIR/scrape.json" \
    "curl -s http://$addr/metrics" "etcdctl get --prefix /jobs/ --keys-only" >/dev/null
python3 - "$ESI_BENCH_DIR/scrape.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for x in r:
    print(f"  {x['median']*1000:8.1f} ms median (min {x['min']*1000:.1f}, max {x['max']*1000:.1f}; {x['median']/r[1]['median']:5.3f}x of etcdctl)  {x['command']}")
PY
n=${EVENTS:-20000}
c0=$(cpu $pid)
last=$("$here/live_events.py" --endpoint "$ESI_BENCH_ENDPOINT" --events "$n")
until curl -s "http://$addr/metrics" | grep -q "^esi_store_revision $last\$"; do sleep 0.05; done
c1=$(cpu $pid)
python3 -c "import sys; c=(int(sys.argv[2])-int(sys.argv[1]))*10; n=int(sys.argv[3]); print(f'  esi CPU for {n} queue events: {c} ms = {c*1000/n:.1f} ms per 1,000 events')" "$c0" "$c1" "$n"
echo "  exporter peak RSS: $(hwm $pid) KB"
kill $pid; wait $pid 2>/dev/null || true; trap - EXIT

# top: tmux at 80x24; start-up = until the job list is drawn; RSS from GNU time.
sock=esi-bench-$$
for i in 1 2 3; do
    t0=$(date +%s.%N)
    tmux -L "$sock" new-session -d -s top -x 80 -y 24 \
        "/usr/bin/time -f %M -o $ESI_BENCH_DIR/top.rss $ESI top; sleep 30"
    until tmux -L "$sock" capture-pane -p -t top 2>/dev/null | grep -q "jobs in flight:"; do sleep 0.02; done
    t1=$(date +%s.%N)
    sleep 1
    tmux -L "$sock" send-keys -t top q
    until [[ -s $ESI_BENCH_DIR/top.rss ]]; do sleep 0.05; done
    python3 -c "import sys; print(f'top: run {sys.argv[3]}: start-up to the first full screen {float(sys.argv[2])-float(sys.argv[1]):.2f} s, peak RSS {sys.argv[4]} KB')" "$t0" "$t1" "$i" "$(tail -1 "$ESI_BENCH_DIR/top.rss")"
    rm -f "$ESI_BENCH_DIR/top.rss"
    tmux -L "$sock" kill-server
done
