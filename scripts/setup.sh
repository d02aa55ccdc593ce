#!/usr/bin/env bash
# Install what building and testing esi needs, only when missing:
#   protoc (etcd-client compiles etcd's protobufs), and for tests the etcd server and
#   OpenStack Heat (Debian's heat-api + heat-engine, run by the tests as one process),
#   Keystone (python3-keystone, served by the tests),
#   Prometheus and tmux (the live views' tests).
# Usage: scripts/setup.sh [--test]
set -euo pipefail
need=()
heat=()
command -v protoc >/dev/null || need+=(protobuf-compiler)
if [[ ${1:-} == --test ]]; then
    command -v etcd >/dev/null || need+=(etcd-server)
    command -v etcdctl >/dev/null || need+=(etcd-client)
    # docs/cookbook.md's recipes (executed by the tests) use jq.
    command -v jq >/dev/null || need+=(jq)
    # tests/it/heat: a real Heat (heat-all, heat-manage), without recommends.
    [[ -x /usr/bin/heat-all && -x /usr/bin/heat-manage ]] || heat=(python3-heat heat-api heat-engine)
    # tests/it/heat/auth.rs: a real Keystone (the library and keystone-manage only; the
    # `keystone` package would add a packaged service).
    [[ -d /usr/lib/python3/dist-packages/keystone ]] || heat+=(python3-keystone)
    # tests/it/live: esi top in a real terminal (tmux), esi exporter scraped by a real
    # Prometheus (a packaged service: installed like Heat, without starting it).
    command -v tmux >/dev/null || need+=(tmux)
    [[ -x /usr/bin/prometheus && -x /usr/bin/promtool ]] || heat+=(prometheus)
fi
command -v cargo >/dev/null || { echo "setup: cargo (Rust toolchain) is required" >&2; exit 1; }
if ((${#need[@]})); then
    sudo=""
    [[ $(id -u) == 0 ]] || sudo="sudo"
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ((${#heat[@]})); then
    sudo=""
    [[ $(id -u) == 0 ]] || sudo="sudo"
    echo "setup: installing ${heat[*]}" >&2
    # The tests start their own Heat; the packaged services must not start (they would
    # wait for RabbitMQ and MySQL). A policy-rc.d already present is left as it is.
    policy=""
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        policy=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
        $sudo chmod +x "$policy"
        trap '$sudo rm -f "$policy"' EXIT
    fi
    ((${#need[@]})) || $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${heat[@]}" >/dev/null
fi
