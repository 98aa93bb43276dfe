#!/usr/bin/env bash
# Record the benchmark on a GPU machine that has PyTorch and JAX but no TensorFlow: the same program,
# Keras 3 on each backend in turn. Keras and its pure-Python needs must be importable (PYTHONPATH).
#
#     bash benchmark/record_gpu.sh OUTDIR [--quick]
#
# Writes OUTDIR/<backend>.json (results with provenance) and OUTDIR/<backend>.log (progress lines);
# copy the JSON files to benchmark/results/ under a name that says which machine made them.
set -u
out=${1:?usage: record_gpu.sh OUTDIR [--quick]}
shift
mkdir -p "$out"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv | tee "$out/gpu.txt"
for backend in torch jax; do
  echo "== Keras on $backend"
  KERAS_BACKEND=$backend PYTHONUNBUFFERED=1 timeout 200 python3 snippets/q13_benchmark.py --json "$out/$backend.json" "$@" \
    > "$out/$backend.log" 2>&1
  echo "exit code $?"
  grep -v "^  " "$out/$backend.log" | tail -n 25
done
