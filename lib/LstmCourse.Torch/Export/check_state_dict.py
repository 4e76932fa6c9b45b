#!/usr/bin/env python3
"""Checks a state_dict written by LstmCourse.Torch (PyTorchStateDict.Save) in PyTorch itself.

    /usr/bin/python3 lib/LstmCourse.Torch/Export/check_state_dict.py MODEL.pt EXPECTED.json [RESAVED.pt]

MODEL.pt is loaded with torch.load into TorchLstm below (nn.LSTM + nn.Linear named like the C# module, strict
load_state_dict: every key and shape must match). EXPECTED.json holds the inputs and the logits C# computed:
  {"tokens": [[ids of stream 0], ...]}  one-hot character inputs (a CharLstm or checkpoint; D = V), or
  {"inputs": [[[x_0], [x_1], ...]]}     real inputs (a SequenceModel), N x T x D;
  "logits": N x T x V, "tolerance": the largest |logit difference| allowed.
Prints one RESULT line and exits 0 when every logit agrees within the tolerance, 1 otherwise. With RESAVED.pt it also
writes the loaded model back with torch.save(model.state_dict(), RESAVED.pt), for C# to read what PyTorch itself wrote.

Needs PyTorch (Debian: apt-get install -y python3-torch); tests/LstmCourse.Torch.Tests runs it when /usr/bin/python3 has it.
"""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


class TorchLstm(nn.Module):
    """One-hot or real inputs (N, T, D) -> nn.LSTM(D, H, L) -> nn.Linear(H, V): the course's LSTM (gates i, f, g, o)."""

    def __init__(self, D, H, V, layers):
        super().__init__()
        self.lstm = nn.LSTM(D, H, num_layers=layers, batch_first=True)
        self.readout = nn.Linear(H, V)

    def forward(self, x, state=None):
        y, state = self.lstm(x, state)
        return self.readout(y), state


def main(model_path, expected_path, resaved_path=None):
    state_dict = torch.load(model_path)
    layers = sum(1 for k in state_dict if k.startswith("lstm.weight_ih_l"))
    H, D = state_dict["lstm.weight_hh_l0"].shape[1], state_dict["lstm.weight_ih_l0"].shape[1]
    V = state_dict["readout.weight"].shape[0]
    dtype = state_dict["readout.weight"].dtype
    model = TorchLstm(D, H, V, layers).to(dtype)
    model.load_state_dict(state_dict)                                # strict: the exact keys and shapes
    with open(expected_path) as f:
        expected = json.load(f)
    if "tokens" in expected:
        x = F.one_hot(torch.tensor(expected["tokens"]), D).to(dtype)
    else:
        x = torch.tensor(expected["inputs"], dtype=dtype)
    with torch.no_grad():
        logits, _ = model(x)
    want = torch.tensor(expected["logits"], dtype=torch.float64)
    diff = (logits.to(torch.float64) - want).abs().max().item()
    ok = diff <= expected["tolerance"]
    print(f"RESULT torch={torch.__version__} dtype={str(dtype).replace('torch.', '')} D={D} H={H} V={V} layers={layers} "
          f"steps={x.shape[1]} max_abs_logit_diff={diff:.3e} tolerance={expected['tolerance']:g} {'ok' if ok else 'FAILED'}")
    if resaved_path:
        torch.save(model.state_dict(), resaved_path)
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
