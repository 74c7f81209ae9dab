#!/usr/bin/env bash
# Run a batch as N shards with GNU parallel, then merge them into the one-machine file.
#   deploy/gnu-parallel.sh SCENARIO RUNS SHARDS OUT [--sshlogin host1,host2] [--ssh COMMAND]
# Locally: one shard per job slot. Over ssh: pass --sshlogin (GNU parallel's own option, as is
# --ssh); each host needs this project at the same path and shares the output folder (or add
# --return). Each shard's messages go to OUT.shardI.log, kept when the shard fails.
set -euo pipefail
scenario=$1 runs=$2 shards=$3 out=$4
shift 4
dir=$(dirname "$out") base=$(basename "$out") ext=${out##*.}
here=$(cd "$(dirname "$0")/.." && pwd)
# Convene's own message (and status) for a missing folder, before any shard starts.
if [ ! -d "$dir" ]; then
  echo "--out $out: the folder $dir does not exist" >&2
  exit 2
fi
seq 0 $((shards - 1)) | parallel --halt now,fail=1 "$@" \
  "cd '$here' && node bin/convene.js batch '$scenario' --runs $runs --workers 1 --shard {}/$shards --resume --out '$dir/$base.shard{}.$ext' 2>'$dir/$base.shard{}.log'"
# GNU parallel takes a job's exit code 255 for a lost ssh connection and does not count it as a
# failure, so check that every shard was written before merging.
files=() missing=0
for i in $(seq 0 $((shards - 1))); do
  files+=("$dir/$base.shard$i.$ext")
  if [ ! -f "$dir/$base.shard$i.$ext" ]; then
    missing=1
    if [ -f "$dir/$base.shard$i.log" ]; then
      echo "gnu-parallel.sh: shard $i of $shards was not written; its messages ($dir/$base.shard$i.log):" >&2
      sed 's/^/  /' "$dir/$base.shard$i.log" >&2
    else
      echo "gnu-parallel.sh: shard $i of $shards never started (over ssh: is the host up, and is SHELL set there?)" >&2
    fi
  fi
done
[ "$missing" = 0 ] || exit 1
node "$here/bin/convene.js" merge "${files[@]}" --out "$out"
rm -f "${files[@]}" "${files[@]/%/.manifest.json}"
for i in $(seq 0 $((shards - 1))); do rm -f "$dir/$base.shard$i.log"; done
