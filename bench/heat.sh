#!/usr/bin/env bash
# bench/heat.sh — job latency and jobs/s through a real OpenStack Heat against the sim
# backend, in the same run: N port configs written as Gohan would, then `esi engine run`
# (job manager + worker) turns them into jobs and runs them, timed from engine start until
# every port has its CREATE_COMPLETED state and the queue is empty; for each SLOTS value,
# first with --backend sim, then with --backend heat. The bundled templates run unchanged
# on Heat: a --heat-environment maps their vendor types onto OS::Heat::None. Heat is
# Debian's heat-all (scripts/setup.sh --test installs it) as one process: sqlite,
# fake:// messaging, noauth, legacy engine (as the tests run it).
#
# Per-job latency (reservation → finished) comes from the engine's own log lines
# ("job … completed in …"); Heat's API time from its request log.
#
# Usage: bench/heat.sh        N=20 SLOTS="1 4 8" POLL=1s KEEP=1 (keep the logs) (needs etcd, etcdctl, python3, heat-all
#        and a release build: cargo build --release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
ESI_BENCH_PORT=${ESI_BENCH_PORT:-23797}
. "$here/lib.sh"
WAIT_MAX=900
N=${N:-20}
SLOTS=${SLOTS:-"1 4 8"}
POLL=${POLL:-1s}
[[ -x $ESI ]] || { echo "build first: cargo build --release" >&2; exit 1; }
[[ -x /usr/bin/heat-all ]] || { echo "Heat is not installed: run scripts/setup.sh --test" >&2; exit 1; }
bench_up
heat_dir=$(mktemp -d /tmp/esi-bench-heat.XXXXXX)
heat_pid=""
cleanup() { [[ -n $heat_pid ]] && kill -9 "$heat_pid" 2>/dev/null; [[ -n ${KEEP:-} ]] || rm -rf "$heat_dir"; bench_down; }
trap cleanup EXIT
export ETCDCTL_ENDPOINTS=$ESI_BENCH_ENDPOINT

heat_port=$((ESI_BENCH_PORT + 20))
mkdir -p "$heat_dir/state" "$heat_dir/lock"
cat >"$heat_dir/heat.conf" <<EOF
[DEFAULT]
transport_url = fake://
num_engine_workers = 1
convergence_engine = false
log_file = $heat_dir/heat.log
state_path = $heat_dir/state
keystone_backend = heat.engine.clients.os.keystone.fake_keystoneclient.FakeKeystoneClient
deferred_auth_method = password
[heat_all]
enabled_services = api,engine
[heat_api]
workers = 1
bind_host = 127.0.0.1
bind_port = $heat_port
[database]
connection = sqlite:///$heat_dir/heat.sqlite
[paste_deploy]
flavor = noauth
api_paste_config = /etc/heat/api-paste.ini
[oslo_concurrency]
lock_path = $heat_dir/lock
EOF
cat >"$heat_dir/lab-env.yaml" <<'EOF'
# The vendor types of the bundled templates, stubbed out: Heat creates, updates and
# deletes the stacks and their resources, with no Contrail behind them.
resource_registry:
  OS::Contrail::VirtualNetwork: OS::Heat::None
  OS::Contrail::VnSubnet: OS::Heat::None
  OS::Contrail::VirtualMachineInterface: OS::Heat::None
  OS::Contrail::InstanceIp: OS::Heat::None
  ESI::Monitoring::MonitoringTarget: OS::Heat::None
  ESI::VNF::Instance: OS::Heat::None
EOF
t0=$(date +%s.%N)
/usr/bin/heat-manage --config-file "$heat_dir/heat.conf" db_sync >/dev/null 2>&1
t1=$(date +%s.%N)
setsid /usr/bin/heat-all --config-file "$heat_dir/heat.conf" >"$heat_dir/heat-all.out" 2>&1 &
heat_pid=$!
disown "$heat_pid"
until curl -fsS -o /dev/null "http://127.0.0.1:$heat_port/v1/admin/stacks" 2>/dev/null; do
    kill -0 "$heat_pid" 2>/dev/null || { echo "bench: heat-all exited (see $heat_dir)" >&2; exit 1; }
    sleep 0.1
done
t2=$(date +%s.%N)
heat_version=$(dpkg-query -W -f '${Version}' python3-heat 2>/dev/null || echo unknown)
echo "esi engine through Heat: $N ports per run; Heat $heat_version on 127.0.0.1:$heat_port" \
     "(db_sync $(python3 -c "print('%.1f' % ($t1 - $t0))") s, start $(python3 -c "print('%.1f' % ($t2 - $t1))") s);" \
     "etcd $(etcd --version | head -1 | awk '{print $3}'); --heat-poll-interval $POLL"

# Templates, network and subnet, N ports: the same writer as bench/engine.sh.

heat_requests() { grep -c '"[A-Z]* /v1/' "$heat_dir/heat.log" 2>/dev/null || true; }
engine() {  # BACKEND SLOTS LOG: esi engine run in the background
    local extra=()
    [[ $1 == heat ]] && extra=(--heat-url "http://127.0.0.1:$heat_port/v1" --os-token bench
                               --heat-environment "$heat_dir/lab-env.yaml" --heat-poll-interval "$POLL")
    env -u OS_CLOUD -u OS_AUTH_URL RUST_LOG=esi::engine::worker=info \
        "$ESI" --endpoints "$ESI_BENCH_ENDPOINT" -v engine run --backend "$1" --slots "$2" "${extra[@]}" 2>"$3" &
    pid=$!
}

printf '%-6s %-8s %9s %9s %6s %12s %12s %12s %14s\n' slots backend seconds jobs/s jobs "median job" "p90 job" "max job" "Heat req/job"
run=0
for slots in $SLOTS; do
    for backend in sim heat; do
        run=$((run + 1))
        etcdctl del "" --from-key >/dev/null
        py base "$root"
        log=$heat_dir/engine-$run.log
        # Warm-up: the network and subnet stacks the ports reference.
        engine "$backend" "$slots" "$log.warm"
        wait_for "network and subnet" at_least count 2 /state/
        kill -TERM $pid; wait $pid || true
        py ports "$N" "$run"
        req0=$(heat_requests)
        start=$(date +%s.%N)
        engine "$backend" "$slots" "$log"
        wait_for "$N port states" at_least completed "$N"
        wait_for "an empty queue" queue_empty
        end=$(date +%s.%N)
        kill -TERM $pid; wait $pid || true
        req1=$(heat_requests)
        python3 - "$slots" "$backend" "$start" "$end" "$N" "$log" "$((req1 - req0))" <<'PY'
import re, statistics, sys
slots, backend, t0, t1, n, log, reqs = sys.argv[1:]
secs, n = float(t1) - float(t0), int(n)
lat = []
for line in open(log):
    m = re.search(r"job create:\S+:port:\S+ completed in ([0-9.]+)(ms|s|µs)", line)
    if m:
        v = float(m.group(1)); lat.append(v / 1000 if m.group(2) == "ms" else v / 1e6 if m.group(2) == "µs" else v)
lat.sort()
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float("nan")
per = "%.1f" % (int(reqs) / n) if backend == "heat" else "-"
print("%-6s %-8s %9.2f %9.2f %6d %11.3fs %11.3fs %11.3fs %14s" % (slots, backend, secs, n / secs, len(lat),
      statistics.median(lat) if lat else float("nan"), q(0.9), lat[-1] if lat else float("nan"), per))
PY
    done
done
