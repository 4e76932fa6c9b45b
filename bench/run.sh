#!/usr/bin/env bash
# The LstmCourse benchmark, one command:   bench/run.sh [--quick]
#
# Builds Release, then for each hidden size runs our CharLstm, TorchSharp (LibTorch 2.10, bench/LstmCourse.Bench.Torch)
# and PyTorch 1.13 side by side (same model: one-hot V=100 -> 1-layer LSTM -> linear -> cross-entropy; N=32 streams,
# T=50 steps, float32, plain SGD; TorchSharp also with Adam + clip 5), with 1 and 2 threads, plus the SGEMM GFLOP/s
# of our kernel at 1024^3. Prints a table, the ratios ours/PyTorch (each side at its
# best thread count) against the targets, the share of the single-thread SGEMM peak reached by the H=512 step, and
# which BLAS torch uses. FLOPs are counted as N*T*(24H^2 + 6HV) for a training step (bench/LstmCourse.Bench/Flops.cs).
#
# PyTorch: apt-get install -y python3-torch libopenblas0-pthread   (run with /usr/bin/python3; without OpenBLAS,
# torch uses the reference BLAS and is several times slower). If torch is missing, our numbers are still printed.
# Timings are medians of 7 samples after warm-up; on a shared machine note `uptime` (printed) and rerun when idle.
# OpenBLAS 0.3.21 may not recognise a new CPU and fall back to generic SSE kernels (the script prints the core it
# chose and warns); TORCH_OPENBLAS_CORETYPE=SkylakeX bench/run.sh then compares against its AVX-512 kernels.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PY=/usr/bin/python3
BENCH=bench/LstmCourse.Bench/bin/Release/net10.0/LstmCourse.Bench.dll
TSBENCH=bench/LstmCourse.Bench.Torch/bin/Release/net10.0/LstmCourse.Bench.Torch.dll
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

dotnet build bench/LstmCourse.Bench -c Release -v quiet -nologo | grep -E "error|Warn|warn" || true
# TorchSharp: restores LibTorch (about 0.6 GB, once) and builds the bridge; without it our numbers are still printed.
have_ts=0
if dotnet build bench/LstmCourse.Bench.Torch -c Release -v quiet -nologo > "$OUT.ts" 2>&1; then have_ts=1; else
  grep -E "error" "$OUT.ts" | head -5; echo "(TorchSharp bench did not build; continuing without it)"
fi
rm -f "$OUT.ts"
echo "== load before: $(uptime)"
have_torch=0
if [ -x "$PY" ] && "$PY" -c "import torch" 2>/dev/null; then have_torch=1; else
  echo "PyTorch not found for $PY; install it with: apt-get install -y python3-torch libopenblas0-pthread"
  echo "(continuing with our numbers only)"
fi
# PyTorch runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (OpenBLAS picks its kernels itself) unless
# TORCH_OPENBLAS_CORETYPE names a core to force (e.g. SkylakeX when OpenBLAS does not recognise the CPU).
torch() {
  if [ -n "${TORCH_OPENBLAS_CORETYPE:-}" ]; then
    env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE="$TORCH_OPENBLAS_CORETYPE" "$PY" bench/pytorch_char_lstm.py "$@"
  else
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" bench/pytorch_char_lstm.py "$@"
  fi
}

dotnet "$BENCH" --only gemm "$@" | tee -a "$OUT"
if [ $have_torch = 1 ]; then torch --blas-only | tee -a "$OUT"; fi
for H in 128 512; do
  dotnet "$BENCH" --only train --hidden $H "$@" | tee -a "$OUT"
  if [ $have_ts = 1 ]; then dotnet "$TSBENCH" --hidden $H "$@" | tee -a "$OUT"; fi
  if [ $have_torch = 1 ]; then torch --hidden $H "$@" | tee -a "$OUT"; fi
done
echo "== load after: $(uptime)"
echo
grep -E "^(torch [^V]*config|BLAS library|OpenBLAS:|WARNING|PyTorch not found|LstmCourse TorchSharp bench)" "$OUT" || true

awk '
  /^RESULT/ {
    kind = $2; delete kv
    for (i = 3; i <= NF; i++) { split($i, p, "="); kv[p[1]] = p[2] }
    if (kind == "sgemm") { sgemm[kv["threads"]] = kv["gflops"]; next }
    key = kv["H"] SUBSEP kv["threads"]
    cps[kind, key] = kv["chars_per_s"]; gf[kind, key] = kv["gflops"]
    if (kv["chars_per_s"] + 0 > best[kind, kv["H"]] + 0) { best[kind, kv["H"]] = kv["chars_per_s"]; bestT[kind, kv["H"]] = kv["threads"] }
  }
  END {
    printf "\n| hidden | threads | ours chars/s | ours GFLOP/s | PyTorch chars/s | PyTorch GFLOP/s | ours / PyTorch | TorchSharp chars/s | TorchSharp GFLOP/s | TorchSharp Adam+clip chars/s | ours / TorchSharp |\n"
    printf "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    n = split("128 512", hk, " "); m = split("1 2", tk, " ")
    for (a = 1; a <= n; a++) for (b = 1; b <= m; b++) {
      key = hk[a] SUBSEP tk[b]
      if (!(("ours", key) in cps)) continue
      tc = ("torch", key) in cps ? cps["torch", key] : ""
      ts = ("torchsharp", key) in cps ? cps["torchsharp", key] : ""
      ta = ("torchsharp_adam", key) in cps ? cps["torchsharp_adam", key] : "-"
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", hk[a], tk[b], cps["ours", key], gf["ours", key],
        tc == "" ? "-" : tc, tc == "" ? "-" : gf["torch", key], tc == "" ? "-" : sprintf("%.2fx", cps["ours", key] / tc),
        ts == "" ? "-" : ts, ts == "" ? "-" : gf["torchsharp", key], ta, ts == "" ? "-" : sprintf("%.2fx", cps["ours", key] / ts)
    }
    printf "\nSGEMM 1024^3 (our kernel): "
    for (b = 1; b <= m; b++) if (tk[b] in sgemm) printf "%s thread(s) %s GFLOP/s   ", tk[b], sgemm[tk[b]]
    printf "\n"
    for (a = 1; a <= n; a++) {
      h = hk[a]; if (!(("ours", h) in best)) continue; target = h == 128 ? 1.5 : (h == 512 ? 1.3 : 0)
      if (("torch", h) in best)
        printf "H=%s: ours %s chars/s (%s thread(s)) / PyTorch %s chars/s (%s thread(s)) = %.2fx (target %.1fx: %s)\n", h,
          best["ours", h], bestT["ours", h], best["torch", h], bestT["torch", h], best["ours", h] / best["torch", h],
          target, (best["ours", h] / best["torch", h] >= target ? "met" : "NOT met")
      else printf "H=%s: ours %s chars/s (%s thread(s)); no PyTorch number\n", h, best["ours", h], bestT["ours", h]
    }
    if ((1 in sgemm) && (("ours", 512 SUBSEP 1) in gf))
      printf "H=512 training step, 1 thread: %s GFLOP/s = %.0f%% of the 1-thread SGEMM peak %s GFLOP/s (target 50%%)\n",
        gf["ours", 512 SUBSEP 1], 100 * gf["ours", 512 SUBSEP 1] / sgemm[1], sgemm[1]
    if ((2 in sgemm) && (("ours", 512 SUBSEP 2) in gf))
      printf "H=512 training step, 2 threads: %s GFLOP/s = %.0f%% of the 2-thread SGEMM %s GFLOP/s\n",
        gf["ours", 512 SUBSEP 2], 100 * gf["ours", 512 SUBSEP 2] / sgemm[2], sgemm[2]
  }' "$OUT"
