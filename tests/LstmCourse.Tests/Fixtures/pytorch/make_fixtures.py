"""Golden values from PyTorch for the reference engine (lib/LstmCourse), one JSON file per case.

What it writes, next to this script (tests/LstmCourse.Tests/Fixtures/pytorch/<case>.json):
  config   cell ("lstm" or "rnn"), D, H, V, layers, T, seed, window (null = full BPTT), weight_scale
  weights  every weight under OUR names and shapes, row-major:
             layer{l}.Wx = weight_ih_l{l}   (4H x D, or H x D for the RNN; D = H above layer 0)
             layer{l}.Wh = weight_hh_l{l}   (4H x H, or H x H)
             layer{l}.b  = bias_ih_l{l} + bias_hh_l{l} as a column (4H x 1, or H x 1)
             Wy = Linear.weight (V x H),  by = Linear.bias as a column (V x 1)
  x (T x D), y (T ints; -1 = no target at that step), h0 and c0 (layers x H, non-zero random; c0 empty for the RNN)
  h, c     per layer, per step (layers x T x H), the states after each step
  logits   (T x V),  loss = mean cross-entropy over the steps that have a target
  grads    dL/d(every weight) under our names; the bias gradient is d(b_ih), which equals d(b_hh) = d(b) (the script
           asserts they agree to 1e-14, the rounding of two reduction orders); dx (T x D), dh0 and dc0 (layers x H)

Each case runs torch.nn.LSTM / torch.nn.RNN(nonlinearity="tanh") over the whole sequence in one call and
torch.nn.Linear on every step's top hidden state, in float64, batch of one. A truncated case (window = k) runs
the sequence in chunks of k and detaches the carried state between chunks, so the gradient into the state is
cut every k steps from the start; dh0/dc0 then come from the first chunk only. The per-step states of every
layer are read by running the same module one step at a time; the script checks that this reproduces the
one-call outputs before writing anything.

Deterministic: float64, one thread, torch.manual_seed(seed) per case; floats are written with Python's
shortest round-trip repr, so the C# side reads back the exact doubles.

Rerun (needs PyTorch; Debian: apt-get install python3-torch; the C# tests only read the JSON files):
  /usr/bin/python3 tests/LstmCourse.Tests/Fixtures/pytorch/make_fixtures.py
It rewrites every <case>.json here and deletes stale ones it no longer produces; `git diff` shows what changed.
"""

import json
import os
import sys

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))

# name, cell, D, H, V, layers, T, seed, window, weight_scale, steps_without_target
CASES = [
    ("lstm_1layer", "lstm", 3, 4, 5, 1, 6, 101, None, 1.0, []),
    ("lstm_2layers", "lstm", 4, 5, 7, 2, 8, 102, None, 1.0, []),
    ("lstm_1step", "lstm", 3, 4, 5, 1, 1, 103, None, 1.0, []),
    ("lstm_1hidden", "lstm", 3, 1, 4, 1, 5, 104, None, 1.0, []),
    ("lstm_1input", "lstm", 1, 3, 4, 1, 5, 105, None, 1.0, []),
    ("lstm_1unit_2layers", "lstm", 1, 1, 2, 2, 4, 106, None, 1.0, []),
    ("lstm_large_weights", "lstm", 3, 4, 5, 1, 6, 107, None, 3.0, []),
    ("lstm_some_steps_without_target", "lstm", 3, 4, 5, 1, 6, 108, None, 1.0, [0, 3]),
    ("lstm_2layers_window3", "lstm", 3, 4, 5, 2, 8, 109, 3, 1.0, []),
    ("rnn_1layer", "rnn", 3, 4, 5, 1, 6, 201, None, 1.0, []),
    ("rnn_2layers", "rnn", 4, 5, 7, 2, 8, 202, None, 1.0, []),
    ("rnn_1step_1hidden", "rnn", 2, 1, 3, 1, 1, 203, None, 1.0, []),
    ("rnn_1layer_window3", "rnn", 3, 4, 5, 1, 8, 204, 3, 1.0, []),
]


def make_rnn(cell, D, H, layers):
    if cell == "lstm":
        return torch.nn.LSTM(D, H, num_layers=layers)
    return torch.nn.RNN(D, H, num_layers=layers, nonlinearity="tanh")


def run(rnn, x, h0, c0, window):
    """Outputs (T x 1 x H) of the top layer; the state is detached every `window` steps (None = never)."""
    T = x.shape[0]
    k = window or T
    h, c = h0, c0
    outs = []
    for s in range(0, T, k):
        if c is None:
            out, h = rnn(x[s:s + k], h)
        else:
            out, (h, c) = rnn(x[s:s + k], (h, c))
        outs.append(out)
        h = h.detach()
        c = None if c is None else c.detach()
    return torch.cat(outs, 0)


def per_step_states(rnn, x, h0, c0):
    """States of every layer after every step, by running the module one step at a time."""
    hs, cs = [], []
    h, c = h0, c0
    with torch.no_grad():
        for t in range(x.shape[0]):
            if c is None:
                _, h = rnn(x[t:t + 1], h)
            else:
                _, (h, c) = rnn(x[t:t + 1], (h, c))
            hs.append(h[:, 0, :].clone())             # (layers x H)
            cs.append(None if c is None else c[:, 0, :].clone())
    return hs, cs


def tensor(name, t):
    m = t.detach().reshape(t.shape[0], -1) if t.dim() > 1 else t.detach().reshape(-1, 1)
    return {"name": name, "rows": m.shape[0], "cols": m.shape[1], "data": m.reshape(-1).tolist()}


def make_case(name, cell, D, H, V, layers, T, seed, window, weight_scale, no_target):
    torch.manual_seed(seed)
    rnn = make_rnn(cell, D, H, layers)
    head = torch.nn.Linear(H, V)
    with torch.no_grad():
        for p in list(rnn.parameters()) + list(head.parameters()):
            p.mul_(weight_scale)
    x = torch.randn(T, 1, D, requires_grad=True)
    y = torch.randint(0, V, (T,))
    for t in no_target:
        y[t] = -1
    h0 = (0.5 * torch.randn(layers, 1, H)).requires_grad_()
    c0 = (0.5 * torch.randn(layers, 1, H)).requires_grad_() if cell == "lstm" else None

    out = run(rnn, x, h0, c0, window)                # (T x 1 x H)
    logits = head(out[:, 0, :])                        # (T x V)
    loss = F.cross_entropy(logits, y, ignore_index=-1)  # mean over steps with a target
    loss.backward()

    hs, cs = per_step_states(rnn, x.detach(), h0.detach(), None if c0 is None else c0.detach())
    top = torch.stack([h[-1] for h in hs])             # (T x H)
    gap = (top - out[:, 0, :].detach()).abs().max().item()
    assert gap < 1e-13, f"{name}: step-by-step states differ from the one-call outputs by {gap}"

    weights, grads = [], []
    for l in range(layers):
        w_ih, w_hh = getattr(rnn, f"weight_ih_l{l}"), getattr(rnn, f"weight_hh_l{l}")
        b_ih, b_hh = getattr(rnn, f"bias_ih_l{l}"), getattr(rnn, f"bias_hh_l{l}")
        split = (b_ih.grad - b_hh.grad).abs().max().item()  # the same sum reduced in two orders
        assert split < 1e-14, f"{name}: d(b_ih) and d(b_hh) differ by {split} in layer {l}"
        weights += [tensor(f"layer{l}.Wx", w_ih), tensor(f"layer{l}.Wh", w_hh), tensor(f"layer{l}.b", b_ih + b_hh)]
        grads += [tensor(f"layer{l}.Wx", w_ih.grad), tensor(f"layer{l}.Wh", w_hh.grad), tensor(f"layer{l}.b", b_ih.grad)]
    weights += [tensor("Wy", head.weight), tensor("by", head.bias)]
    grads += [tensor("Wy", head.weight.grad), tensor("by", head.bias.grad)]

    return {
        "name": name,
        "generator": f"make_fixtures.py, torch {torch.__version__}, float64",
        "config": {"cell": cell, "D": D, "H": H, "V": V, "layers": layers, "T": T, "seed": seed,
                   "window": window, "weight_scale": weight_scale},
        "weights": weights,
        "x": x.detach()[:, 0, :].tolist(),
        "y": y.tolist(),
        "h0": h0.detach()[:, 0, :].tolist(),
        "c0": c0.detach()[:, 0, :].tolist() if c0 is not None else [[] for _ in range(layers)],
        "h": [[hs[t][l].tolist() for t in range(T)] for l in range(layers)],
        "c": [[cs[t][l].tolist() if cs[t] is not None else [] for t in range(T)] for l in range(layers)],
        "logits": logits.detach().tolist(),
        "loss": loss.item(),
        "grads": grads,
        "dx": x.grad[:, 0, :].tolist(),
        "dh0": h0.grad[:, 0, :].tolist(),
        "dc0": c0.grad[:, 0, :].tolist() if c0 is not None else [[] for _ in range(layers)],
    }


def write(path, case):
    """One top-level key per line, numbers in shortest round-trip form: small files and readable diffs."""
    lines = [f"  {json.dumps(k)}: {json.dumps(v, allow_nan=False)}" for k, v in case.items()]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("{\n" + ",\n".join(lines) + "\n}\n")


def main():
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    written = set()
    for spec in CASES:
        case = make_case(*spec)
        path = os.path.join(HERE, spec[0] + ".json")
        write(path, case)
        written.add(os.path.basename(path))
        print(f"{os.path.relpath(path)}: loss {case['loss']:.6f}, {os.path.getsize(path)} bytes")
    for stale in sorted(set(f for f in os.listdir(HERE) if f.endswith(".json")) - written):
        os.remove(os.path.join(HERE, stale))
        print(f"removed stale {stale}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
