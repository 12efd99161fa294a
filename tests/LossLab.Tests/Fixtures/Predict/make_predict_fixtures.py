#!/usr/bin/python3
"""Reference files for tests/LossLab.Tests/Predict: PyTorch's own outputs for small models, exported as ONNX and as a
state_dict. Made with Debian's python3-torch 1.13 (apt-get install python3-torch):

    /usr/bin/python3 tests/LossLab.Tests/Fixtures/Predict/make_predict_fixtures.py

Writes, beside this script:
  inputs.csv          id, f1..f4, label: 24 rows of features (4 decimals, so CSV text and float32 agree)
  mlp.onnx            a 4-6-1 ReLU MLP laid out like LossLab's mlp plugin (layers.linear1, layers.output), output
                      [B, 1] logits, dynamic batch axis
  mlp_expected.csv    id, logit: PyTorch's logits for inputs.csv (float32, written exactly)
  probability.onnx    the same MLP followed by a sigmoid, output [B]: PyTorch's probabilities are sigmoid(logit)
  mlp_state_dict.pt   torch.save(model.state_dict()) of the same MLP
  mlp_spec.json       a LossLab model spec for it: { "plugin": "mlp", "options": { "hidden": [6], "weights": ... } }
  two_inputs.onnx     a model with two inputs (LossLab must refuse it)
  ten_way.onnx        a model with a [B, 10] output (LossLab must refuse it)
  mlp30.onnx          a 30-64-32-1 ReLU MLP for the predict benchmark (tests/LossLab.Benchmarks, predict-throughput)
"""
import collections, json, os
import torch
from torch import nn

here = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(20261202)


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(collections.OrderedDict(
            linear1=nn.Linear(4, 6), relu1=nn.ReLU(), output=nn.Linear(6, 1)))

    def forward(self, x):
        return self.layers(x)


class Probability(nn.Module):
    def __init__(self, mlp):
        super().__init__()
        self.mlp = mlp

    def forward(self, x):
        return torch.sigmoid(self.mlp(x)).squeeze(-1)


class TwoInputs(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 1)

    def forward(self, x, y):
        return self.linear(x + y)


class TenWay(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 10)

    def forward(self, x):
        return self.linear(x)


def export(model, args, name, inputs):
    model.eval()
    torch.onnx.export(model, args, os.path.join(here, name), input_names=inputs, output_names=["out"],
                      dynamic_axes={**{n: {0: "batch"} for n in inputs}, "out": {0: "batch"}}, opset_version=13)


rows = 24
x = torch.round(torch.randn(rows, 4) * 10000) / 10000
labels = (torch.rand(rows) < 0.3).long()
with open(os.path.join(here, "inputs.csv"), "w") as f:
    f.write("id,f1,f2,f3,f4,label\n")
    for i in range(rows):
        f.write(f"r{i}," + ",".join(f"{v:.4f}" for v in x[i].tolist()) + f",{labels[i].item()}\n")
x = torch.tensor([[float(f"{v:.4f}") for v in row] for row in x.tolist()], dtype=torch.float32)

mlp = Mlp().eval()
with torch.no_grad():
    logits = mlp(x).squeeze(-1)
with open(os.path.join(here, "mlp_expected.csv"), "w") as f:
    f.write("id,logit\n")
    for i, v in enumerate(logits.tolist()):
        f.write(f"r{i},{v!r}\n")

export(mlp, (x,), "mlp.onnx", ["x"])
export(Probability(mlp), (x,), "probability.onnx", ["x"])
export(TwoInputs(), (x, x), "two_inputs.onnx", ["x", "y"])
export(TenWay(), (x,), "ten_way.onnx", ["x"])
mlp30 = nn.Sequential(nn.Linear(30, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
export(mlp30, (torch.randn(2, 30),), "mlp30.onnx", ["x"])
torch.save(mlp.state_dict(), os.path.join(here, "mlp_state_dict.pt"))
with open(os.path.join(here, "mlp_spec.json"), "w") as f:
    json.dump({"plugin": "mlp", "options": {"hidden": [6], "activation": "relu", "weights": "mlp_state_dict.pt"}}, f, indent=2)
    f.write("\n")
