#!/bin/bash
# Submits an experiment as a Slurm job array of SHARDS tasks plus a merge job that waits for all of them:
#   EXPERIMENT=exp.json RESULTS=/shared/runs/exp SHARDS=8 samples/cluster/slurm/submit.sh
# Prints the two job ids (array, merge). If a shard fails, the merge job never starts (afterok); run the merge by
# hand on the shards that finished, then `losslab run --resume $RESULTS/merged` trains the missing runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SHARDS=${SHARDS:-4}
: "${RESULTS:?set RESULTS to a results folder on shared storage}"
mkdir -p "$RESULTS"
array=$(sbatch --parsable --chdir="$RESULTS" --array="0-$((SHARDS - 1))" --export=ALL "$here/losslab-shard.sbatch")
merge=$(sbatch --parsable --chdir="$RESULTS" --dependency="afterok:${array%%;*}" --kill-on-invalid-dep=yes --export=ALL "$here/losslab-merge.sbatch")
echo "$array $merge"
