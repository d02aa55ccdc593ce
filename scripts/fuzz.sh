#!/usr/bin/env bash
# Run every property of tests/it/props (decoders, job ids and values, key text, escaping,
# redaction, wire encoders, snapshot loaders, etcd backups, contexts file, mappings, HOT)
# with a large case count, in a release build.
#
#   scripts/fuzz.sh [CASES]      CASES in total across every property (default 1,000,000)
#
# The last line is `N cases, F failures`. A failure prints its shrunk input and the
# command that reproduces it (same ESI_FUZZ_SEED); set ESI_FUZZ_SEED to repeat a run.
set -euo pipefail
total=${1:-1000000}
cd "$(dirname "$0")/.."
seed=${ESI_FUZZ_SEED:-$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')}
report=$(mktemp)
log=$(mktemp)
trap 'rm -f "$report" "$log"' EXIT

run() { # $1 = cases per property (before each property's weight)
  : >"$report"
  ESI_FUZZ_CASES=$1 ESI_FUZZ_SEED=$seed ESI_FUZZ_REPORT=$report \
    cargo test --quiet --release --test it props:: >"$log" 2>&1 || true
}

# Calibrate: how many cases one unit of ESI_FUZZ_CASES gives across all properties.
run 64
unit=$(awk '{n += $2} END {print n}' "$report")
if [ -z "$unit" ] || [ "$unit" -eq 0 ]; then
  cat "$log"
  echo "0 cases, 1 failures (the property tests did not run)"
  exit 1
fi
per=$(( (total * 64 + unit - 1) / unit ))
echo "seed $seed: $per cases per property before weights, $(wc -l <"$report") properties" >&2
start=$(date +%s)
run "$per"
cases=$(awk '{n += $2} END {print n + 0}' "$report")
failures=$(awk '{f += $3} END {print f + 0}' "$report")
ran=$(wc -l <"$report")
echo "$ran properties in $(( $(date +%s) - start )) s" >&2
if [ "$failures" -gt 0 ] || ! grep -q "test result: ok" "$log"; then
  grep -E "property .* failed|minimal failing input|reproduce:" -A20 "$log" | grep -v '^ *[0-9]*: \|^ *at ' || cat "$log"
  [ "$failures" -gt 0 ] || failures=1
fi
echo "$cases cases, $failures failures"
[ "$failures" -eq 0 ]
