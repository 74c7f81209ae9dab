#!/usr/bin/env bash
# A batch as a Slurm job array: task I runs shard I of N; merge when all are done. Submit from
# the project's folder (sbatch runs a copy of this script, from the folder it was submitted in):
#   sbatch --array=0-15 deploy/slurm-array.sh scenarios/reference.yaml 1000000 16 results/out.csv
#   (after the array finishes)
#   node bin/convene.js merge results/out.csv.shard*.csv --out results/out.csv
# Each task asks for 2 CPUs, which any node has; ask for more on the command line, which
# overrides the line below (sbatch --cpus-per-task=8 ...): the task uses as many workers as it
# was given (SLURM_CPUS_PER_TASK). --resume makes a requeued or preempted task continue where
# it stopped; `exec` makes the command the task itself, so Slurm's signal reaches it and no
# orphan keeps writing the partial file beside the requeued task.
#SBATCH --job-name=convene
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --requeue
set -euo pipefail
scenario=$1 runs=$2 shards=$3 out=$4
ext=${out##*.}
cd "${SLURM_SUBMIT_DIR:-.}"
mkdir -p "$(dirname "$out")"
exec node bin/convene.js batch "$scenario" --runs "$runs" --workers "${SLURM_CPUS_PER_TASK:-2}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${shards}" --resume --out "${out}.shard${SLURM_ARRAY_TASK_ID}.${ext}"
