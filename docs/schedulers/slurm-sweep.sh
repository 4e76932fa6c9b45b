#!/usr/bin/env bash
# A sweep spread over a Slurm job array: array task k of n trains shard k/n of the grid into one shared sweep folder.
#
#   dotnet build lib/LstmCourse.Runner -c Release                      # once, on a node that sees the shared file system
#   job=$(sbatch --parsable docs/schedulers/slurm-sweep.sh)            # from the repository's root
#   sbatch --dependency=afterany:"$job" --wrap "dotnet lib/LstmCourse.Runner/bin/Release/net10.0/lstm-course.dll report runs/sweep-weather"
#
# The array's size is the number of shards (SLURM_ARRAY_TASK_COUNT). A task that is preempted, killed or requeued can
# simply run again: finished runs are skipped and a run killed half-way is trained again from the start. Step budgets
# (MaxSteps) rather than time budgets make a run's numbers the same on every node.
#SBATCH --job-name=lstm-sweep
#SBATCH --array=1-4
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --requeue
#SBATCH --output=slurm-lstm-sweep-%A_%a.out
set -euo pipefail

cd "${SLURM_SUBMIT_DIR:-.}"
LSTM_COURSE=${LSTM_COURSE:-lib/LstmCourse.Runner/bin/Release/net10.0/lstm-course.dll}
CONFIG=${CONFIG:-configs/weather.json}
STEPS=${STEPS:-2000}
OUT=${OUT:-runs/sweep-weather}
SHARD="${SLURM_ARRAY_TASK_ID:?run this with sbatch (an array task), or set SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT:?set SLURM_ARRAY_TASK_COUNT}"

dotnet "$LSTM_COURSE" sweep --config "$CONFIG" \
  --set MaxSteps="$STEPS" --set Threads="${SLURM_CPUS_PER_TASK:-1}" \
  --grid HiddenSize=128,256 --grid LearningRate=0.001,0.002,0.003 --grid Seed=1,2 \
  --out "$OUT" --shard "$SHARD"
