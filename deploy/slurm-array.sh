#!/usr/bin/env bash
# A batch as a Slurm job array: task I runs shard I of N; merge when all are done.
#   sbatch --array=0-15 deploy/slurm-array.sh scenarios/reference.yaml 1000000 16 results/out.csv
#   (after the array finishes)
#   npx convene merge results/out.csv.shard*.csv --out results/out.csv
# --resume makes a requeued or preempted task continue where it stopped.
#SBATCH --job-name=convene
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
#SBATCH --requeue
set -euo pipefail
scenario=$1 runs=$2 shards=$3 out=$4
ext=${out##*.}
npx convene batch "$scenario" --runs "$runs" --workers "${SLURM_CPUS_PER_TASK:-1}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${shards}" --resume --out "${out}.shard${SLURM_ARRAY_TASK_ID}.${ext}"
