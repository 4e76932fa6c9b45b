#!/usr/bin/env python3
"""PyTorch baseline for the LstmCourse benchmark: the same character LSTM trained the same way.

Model: one-hot input (V) -> nn.LSTM(V, H, 1 layer) -> nn.Linear(H, V) -> cross-entropy, the exact parameters of
LstmCourse's CharLstm (weight_ih_l0 is layer0.Wx, 4H x V). Batches of N streams x T steps, hidden state carried
from batch to batch and detached (truncated BPTT), plain SGD, float32. Reports the median training characters
per second after a warm-up, for each thread count, one process per count (the BLAS reads its thread count when
it loads).

Needs PyTorch (Debian: apt-get install -y python3-torch libopenblas0-pthread; without libopenblas0-pthread torch
falls back to the reference BLAS and is several times slower). Run it with /usr/bin/python3. bench/run.sh runs it
beside the C# benchmark.
"""
import argparse
import os
import re
import subprocess
import sys
import time


def measure(args):
    os.environ["OMP_NUM_THREADS"] = str(args.threads)           # set before torch (and its BLAS) load
    os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
    os.environ["MKL_NUM_THREADS"] = str(args.threads)
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    V, H, N, T = args.vocab, args.hidden, args.batch, args.steps

    class CharLstm(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(V, H, num_layers=1, batch_first=True)
            self.out = nn.Linear(H, V)

        def forward(self, x, state):
            y, state = self.lstm(F.one_hot(x, V).float(), state)   # (N, T, V) -> (N, T, H)
            return self.out(y), state                                 # (N, T, V)

    model = CharLstm()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    inputs = torch.randint(0, V, (N, T))
    targets = torch.randint(0, V, (N, T))
    state = (torch.zeros(1, N, H), torch.zeros(1, N, H))

    def step():
        nonlocal state
        logits, (h, c) = model(inputs, state)
        loss = F.cross_entropy(logits.reshape(N * T, V), targets.reshape(N * T))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        state = (h.detach(), c.detach())                              # carried, not differentiated through

    start = time.perf_counter()
    warm = 0
    while time.perf_counter() - start < args.warmup or warm < 3:
        step()
        warm += 1
    per_step = (time.perf_counter() - start) / warm
    calls = max(1, int(args.min_sample / per_step + 0.999))
    clock = time.process_time if args.cpu else time.perf_counter      # --cpu: process CPU time (development, one thread)
    times = []
    for _ in range(args.samples):
        t0 = clock()
        for _ in range(calls):
            step()
        times.append((clock() - t0) / calls)
    times.sort()
    seconds = times[0] if args.min else times[len(times) // 2]
    flops = N * T * (24.0 * H * H + 6.0 * H * V)                     # the C# bench's count (see Flops.cs)
    print(f"torch {torch.__version__} V={V} N={N} T={T} H={H}, {args.threads} thread(s): "
          f"{N * T / seconds:,.0f} chars/s, {flops / seconds / 1e9:.1f} GFLOP/s ({seconds * 1e3:.2f} ms/batch)", flush=True)
    print(f"RESULT torch H={H} threads={args.threads} chars_per_s={N * T / seconds:.0f} gflops={flops / seconds / 1e9:.1f}", flush=True)


def show_blas():
    import torch
    a = torch.randn(256, 256)
    (a @ a).sum()                                                     # make sure the BLAS is loaded
    libs = sorted({line.split()[-1] for line in open("/proc/self/maps") if "blas" in line.lower() or "mkl" in line.lower()})
    config = torch.__config__.show()
    infos = re.findall(r"(?:BLAS_INFO|LAPACK_INFO)=[^,\s]+", config)
    print(f"torch {torch.__version__}, torch.__config__.show(): {', '.join(infos) or 'no BLAS_INFO line'}")
    print("BLAS library loaded: " + (", ".join(libs) if libs else "none found in /proc/self/maps"))
    openblas = [l for l in libs if "libopenblas" in l]
    if not openblas:
        print("WARNING: torch is not using OpenBLAS (reference BLAS is several times slower); "
              "install it with: apt-get install -y python3-torch libopenblas0-pthread")
        return
    import ctypes
    lib = ctypes.CDLL(openblas[0])
    lib.openblas_get_corename.restype = ctypes.c_char_p
    lib.openblas_get_config.restype = ctypes.c_char_p
    core = lib.openblas_get_corename().decode()
    print(f"OpenBLAS: {lib.openblas_get_config().decode()}; kernels for core: {core} "
          f"(OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')})")
    if core.lower() in ("prescott", "core2", "katmai", "coppermine", "northwood", "banias", "atom"):
        print(f"WARNING: OpenBLAS did not recognise this CPU and runs its generic {core} (SSE) kernels, so PyTorch's "
              "figures are pessimistic. To compare against its AVX-512 kernels: TORCH_OPENBLAS_CORETYPE=SkylakeX bench/run.sh")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--hidden", type=int, nargs="+", default=[128, 512])
    p.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    p.add_argument("--vocab", type=int, default=100)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--warmup", type=float, default=1.5, help="seconds of warm-up")
    p.add_argument("--samples", type=int, default=7)
    p.add_argument("--min-sample", type=float, default=0.6, help="minimum seconds per timed sample")
    p.add_argument("--quick", action="store_true", help="short warm-up and samples (a smoke run)")
    p.add_argument("--min", action="store_true", help="report the fastest sample instead of the median (development)")
    p.add_argument("--cpu", action="store_true", help="time by process CPU time instead of the wall clock (development, 1 thread)")
    p.add_argument("--fine", action="store_true", help="31 short samples (development on a busy machine)")
    p.add_argument("--blas-only", action="store_true", help="only print which BLAS torch uses")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.quick:
        args.warmup, args.samples, args.min_sample = 0.3, 3, 0.2
    if args.fine:
        args.warmup, args.samples, args.min_sample = 0.5, 31, 0.02
    if args.child:
        args.hidden, args.threads = args.hidden[0], args.threads[0]
        measure(args)
        return
    try:
        import torch  # noqa: F401
    except ImportError:
        print("PyTorch is not installed for this python; install it with: apt-get install -y python3-torch libopenblas0-pthread")
        sys.exit(2)
    if args.blas_only:
        show_blas()
        return
    for h in args.hidden:
        for t in args.threads:
            cmd = [sys.executable, os.path.abspath(__file__), "--child", "--hidden", str(h), "--threads", str(t),
                   "--vocab", str(args.vocab), "--batch", str(args.batch), "--steps", str(args.steps),
                   "--warmup", str(args.warmup), "--samples", str(args.samples), "--min-sample", str(args.min_sample)]
            cmd += [flag for flag, on in (("--min", args.min), ("--cpu", args.cpu)) if on]
            subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
