#!/usr/bin/env bash
# Run a batch as N shards with GNU parallel, then merge them into the one-machine file.
#   deploy/gnu-parallel.sh SCENARIO RUNS SHARDS OUT [--sshlogin host1,host2] [--ssh COMMAND]
# Locally: one shard per job slot. Over ssh: pass --sshlogin (GNU parallel's own option, as is
# --ssh); each host needs this project at the same path and shares the output folder (or add
# --return).
set -euo pipefail
scenario=$1 runs=$2 shards=$3 out=$4
shift 4
dir=$(dirname "$out") base=$(basename "$out") ext=${out##*.}
here=$(cd "$(dirname "$0")/.." && pwd)
seq 0 $((shards - 1)) | parallel --halt now,fail=1 "$@" \
  "cd '$here' && node bin/convene.js batch '$scenario' --runs $runs --workers 1 --shard {}/$shards --resume --out '$dir/$base.shard{}.$ext' 2>/dev/null"
files=()
for i in $(seq 0 $((shards - 1))); do files+=("$dir/$base.shard$i.$ext"); done
node "$here/bin/convene.js" merge "${files[@]}" --out "$out"
rm -f "${files[@]}"
