#!/usr/bin/env bash
# bench/walks.sh — the two history walks against each other on the bench dataset: for every
# port with more than 5 config versions, `esi history` (point walk) and `esi history
# --exhaustive` (watch replay) must print the same document, ROUNDS times over. Run it while
# the machine is busy to check that the replay's end does not depend on timing.
# Usage: ROUNDS=8 bench/walks.sh   (needs etcdctl, python3, a release build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[[ -x $ESI ]] || { echo "build first: cargo build --release" >&2; exit 1; }
bench_up
bench_seed --resources "${RESOURCES:-10000}" --jobs "${JOBS:-100000}" --versions 20 --history-resources 10
export ETCDCTL_ENDPOINTS=$ESI_BENCH_ENDPOINT ESI_ENDPOINTS=$ESI_BENCH_ENDPOINT
ports=$(etcdctl get --prefix /config/v2.0/ports/ -w json | python3 -c "
import base64, json, sys
for kv in json.load(sys.stdin).get('kvs', []):
    if kv.get('version', 1) > 5:
        print(base64.b64decode(kv['key']).decode().rsplit('/', 1)[1])")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
same=0 differ=0
for _ in $(seq "${ROUNDS:-8}"); do
    for p in $ports; do
        "$ESI" history port "$p" -o json >"$tmp/points.json"
        "$ESI" history port "$p" -o json --exhaustive >"$tmp/watch.json"
        if cmp -s "$tmp/points.json" "$tmp/watch.json"; then
            same=$((same + 1))
        else
            differ=$((differ + 1))
            echo "differ: port $p" >&2
        fi
    done
done
echo "walks: $same identical, $differ different"
[[ $differ -eq 0 ]]
