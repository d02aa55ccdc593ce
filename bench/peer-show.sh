#!/usr/bin/env bash
# bench/peer-show.sh — what an operator runs today to see one resource: five etcdctl
# gets plus a keys-only listing of the whole queue grepped for the id.
set -euo pipefail
type=$1 id=$2
case $type in
    port) plural=ports ;; vnf_instance) plural=vnf_instances ;;
    network) plural=networks ;; subnet) plural=subnets ;;
    *) echo "peer-show.sh: unknown type $type" >&2; exit 2 ;;
esac
p="v2.0/$plural/$id"
for fam in /config /esi-worker/heat_stacks /esi-worker/job_state /state /monitoring; do
    etcdctl get "$fam/$p"
done
etcdctl get --prefix /jobs/all/ --keys-only | grep -- "$id" || true
