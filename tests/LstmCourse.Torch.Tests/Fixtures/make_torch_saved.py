#!/usr/bin/env python3
"""Writes torch_saved.pt (a state_dict saved by PyTorch itself, with the _metadata module.state_dict() adds) and
torch_saved.json (its values as text), for the test that our reader reads what torch.save writes.

    apt-get install -y python3-torch; cd tests/LstmCourse.Torch.Tests/Fixtures && /usr/bin/python3 make_torch_saved.py
"""
import json
import sys

import torch

sys.path.insert(0, "../../../lib/LstmCourse.Torch/Export")
from check_state_dict import TorchLstm  # noqa: E402

torch.manual_seed(0)
model = TorchLstm(4, 3, 4, 2)                        # V = 4 one-hot characters, 2 layers of H = 3
with torch.no_grad():
    for p in model.parameters():
        p.uniform_(-1, 1)                              # bias_hh not zero: the reader must sum the two biases
torch.save(model.state_dict(), "torch_saved.pt")
json.dump({k: v.flatten().tolist() for k, v in model.state_dict().items()}, open("torch_saved.json", "w"), indent=1)
print(f"torch {torch.__version__}: wrote torch_saved.pt and torch_saved.json")
