#!/usr/bin/python3
"""Reference logits of whole torchvision ResNets whose every weight comes from a formula, so the test can rebuild the
same weights in C# instead of reading a 45-100 MB checkpoint.

Run with Debian's python3-torch 1.13 and python3-torchvision 0.14:
    /usr/bin/python3 tests/Fixtures/Weights/make_resnet_reference.py
It rewrites resnet-formula-reference.json next to itself.

The formula (FormulaWeights.cs in tests/LossLab.Plugins.Tests/Models does the same):
  For a tensor named NAME (a state_dict key, or "input" for the input batch) with n elements in C order, element i
  takes the i-th output (i = 0, 1, ...) of SplitMix64 (Steele, Lea & Flood 2014; LossLab.Engine.Data.SplitMix64)
  started at state h = FNV-1a-64(NAME as UTF-8):
      z = h + (i + 1) * 0x9E3779B97F4A7C15            (mod 2^64)
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
      z = (z ^ (z >> 27)) * 0x94D049BB133111EB
      z = z ^ (z >> 31)
      u = (z >> 40) / 2^24                             (24 bits: exact in float32, in [0, 1))
  and the value, computed in float64 and rounded once to float32, is by the key's kind:
      conv weight [out, in, kh, kw]:  (2u - 1) * sqrt(6 / (in * kh * kw))   Kaiming-uniform bound, variance 2/fan_in
      fc.weight [out, in]:            (2u - 1) * sqrt(3 / in)                variance 1/fan_in
      fc.bias:                        (2u - 1) * 0.1
      batch norm weight:              0.5 + 0.5 u
      batch norm bias:                (2u - 1) * 0.1
      running_mean:                   (2u - 1) * 0.1
      running_var:                    0.5 + u                                  positive
      num_batches_tracked (int64):    floor(u * 1000)
      input [2, 3, 64, 64]:           (2u - 1) * 2
  Every operation on the way is exact or a single IEEE rounding, so both languages get bit-identical tensors; the file
  also holds each tensor's float64 sum so a mismatch in the formula shows before one in the network.

For each architecture the file holds the eval-mode logits (running statistics) in float32 and float64, and the
train-mode logits (batch statistics, from a fresh copy of the weights) in float64 with the sums of layer4's last
running_mean/running_var after that pass (PyTorch's momentum 0.1 moves them). Train mode is compared in float64 only:
with 2 images of 64x64, layer4's batch norms estimate each channel's variance from 8 values, and resnet50's float32
logits then move by about 2e-4 of their size between summation orders (PyTorch 1.13's own float32 vs float64), while
the float64 results agree with TorchSharp's to 1.4e-13 or better.
"""
import json
import math
import os

import numpy as np
import torch
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))
INPUT_SHAPE = (2, 3, 64, 64)
ARCHS = ["resnet18", "resnet50"]
MASK = (1 << 64) - 1


def fnv1a64(text):
    h = 14695981039346656037
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 1099511628211) & MASK
    return h


def uniforms(name, n):
    """u_0 .. u_{n-1} for the tensor NAME, as float64 multiples of 2^-24."""
    with np.errstate(over="ignore"):
        i = np.arange(1, n + 1, dtype=np.uint64)
        z = np.uint64(fnv1a64(name)) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(40)).astype(np.float64) / float(1 << 24)


def formula(name, shape, dtype):
    n = int(np.prod(shape)) if len(shape) > 0 else 1
    u = uniforms(name, n)
    leaf = name.rsplit(".", 1)[-1]
    if dtype == torch.int64:
        return torch.from_numpy(np.floor(u * 1000).astype(np.int64).reshape(shape))
    if name == "input":
        v = (2 * u - 1) * 2
    elif leaf == "weight" and len(shape) == 4:
        v = (2 * u - 1) * math.sqrt(6 / (shape[1] * shape[2] * shape[3]))
    elif name == "fc.weight":
        v = (2 * u - 1) * math.sqrt(3 / shape[1])
    elif leaf == "weight":
        v = 0.5 + 0.5 * u
    elif leaf == "running_var":
        v = 0.5 + u
    elif leaf in ("bias", "running_mean"):
        v = (2 * u - 1) * 0.1
    else:
        raise ValueError(f"no formula for {name}")
    return torch.from_numpy(v.astype(np.float32).reshape(shape))


def filled(arch):
    model = getattr(torchvision.models, arch)(num_classes=1)
    state = {k: formula(k, tuple(t.shape), t.dtype) for k, t in model.state_dict().items()}
    model.load_state_dict(state, strict=True)
    return model, state


def main():
    torch.set_num_threads(1)
    x = formula("input", INPUT_SHAPE, torch.float32)
    out = {"torch": torch.__version__, "torchvision": torchvision.__version__, "input_shape": list(INPUT_SHAPE),
           "input_sum": float(x.double().sum()), "archs": {}}
    for arch in ARCHS:
        entry = {}
        for precision, dtype in (("float32", torch.float32), ("float64", torch.float64)):
            model, _ = filled(arch)
            model.to(dtype).eval()
            with torch.no_grad():
                entry[f"eval_logits_{precision}"] = [float(v) for v in model(x.to(dtype)).squeeze(-1)]
            if precision == "float64":
                model, _ = filled(arch)
                model.to(dtype).train()
                with torch.no_grad():
                    entry["train_logits_float64"] = [float(v) for v in model(x.to(dtype)).squeeze(-1)]
                last = "layer4.1.bn2" if arch == "resnet18" else "layer4.2.bn3"
                after = model.state_dict()
                entry["running_after_train_float64"] = {k: float(after[k].sum()) for k in (f"{last}.running_mean", f"{last}.running_var")}
        _, state = filled(arch)
        entry["sums"] = {k: float(t.double().sum()) for k, t in state.items()}
        out["archs"][arch] = entry
        print(arch, {k: v for k, v in entry.items() if k != "sums"})
    with open(os.path.join(HERE, "resnet-formula-reference.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
