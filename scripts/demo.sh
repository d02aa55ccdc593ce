#!/usr/bin/env bash
# The main job on the embedded default: esi over the bundled load-balancer sample.
# First the whole flow in-process (engine + simulated Heat, no server), then the
# read-only views of the sample as bundled.
set -euo pipefail
esi=${1:-esi}
run() { printf '\n\033[1m$ esi %s\033[0m\n' "$*"; "$esi" --color always "$@"; }
run demo
run --store sample ls port
run --store sample ls vnf_instance
run --store sample show port ddc14be4-3480-4e97-a978-817b18f9904c
run --store sample show port db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc
