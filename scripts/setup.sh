#!/usr/bin/env bash
# Install what building and testing esi needs, only when missing:
#   protoc (etcd-client compiles etcd's protobufs), and for tests the etcd server.
# Usage: scripts/setup.sh [--test]
set -euo pipefail
need=()
command -v protoc >/dev/null || need+=(protobuf-compiler)
if [[ ${1:-} == --test ]]; then
    command -v etcd >/dev/null || need+=(etcd-server)
    command -v etcdctl >/dev/null || need+=(etcd-client)
    # docs/cookbook.md's recipes (executed by the tests) use jq.
    command -v jq >/dev/null || need+=(jq)
fi
command -v cargo >/dev/null || { echo "setup: cargo (Rust toolchain) is required" >&2; exit 1; }
if ((${#need[@]})); then
    sudo=""
    [[ $(id -u) == 0 ]] || sudo="sudo"
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
