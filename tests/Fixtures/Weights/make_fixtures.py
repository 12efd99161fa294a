#!/usr/bin/python3
"""Reference files for LossLab's weights loader and resnet plugin tests, written by PyTorch itself.

Run from anywhere with Debian's python3-torch 1.13 and python3-torchvision 0.14:
    /usr/bin/python3 tests/Fixtures/Weights/make_fixtures.py
It rewrites, next to itself:
  tiny.pt                 state_dict of TinyNet (below) after three training-mode passes, so the batch-norm running
                          statistics are not their defaults; torch.save's zip format
  tiny.safetensors        the same tensors in the safetensors format (written here by hand from its specification:
                          8-byte little-endian header length, JSON header, raw little-endian data)
  tiny-reference.json     a fixed input and TinyNet's logits for it in eval() mode
  tiny-head10.pt          the same backbone with a 10-way fc, as an ImageNet checkpoint has a 1000-way one
  checkpoint.pt           {"model": state_dict, "epoch": 3}: a training checkpoint, not a bare state_dict
  resnet18-keys.txt ...   resnet18/34/50/101 state_dict keys of torchvision's ImageNet models (num_classes=1000),
                          one "key dtype shape" line each, in state_dict order
"""
import json
import os
import struct

import torch
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))


class TinyNet(torch.nn.Module):
    """conv1 (3→4, 3×3, no bias) → bn1 → ReLU → layer1 = [Conv2d 4→6 3×3 pad 1, BatchNorm2d(6), ReLU] → global
    average pool → fc (6→classes); the output squeezed to one logit per example when classes == 1."""

    def __init__(self, classes=1):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 4, 3, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(4)
        self.layer1 = torch.nn.Sequential(torch.nn.Conv2d(4, 6, 3, padding=1), torch.nn.BatchNorm2d(6), torch.nn.ReLU())
        self.fc = torch.nn.Linear(6, classes)

    def forward(self, x):
        x = self.layer1(torch.relu(self.bn1(self.conv1(x))))
        return self.fc(torch.flatten(torch.nn.functional.adaptive_avg_pool2d(x, 1), 1)).squeeze(-1)


def trained(classes):
    torch.manual_seed(15)
    net = TinyNet(classes)
    net.train()
    with torch.no_grad():
        for _ in range(3):
            net(torch.randn(8, 3, 8, 8) * 2 + 0.5)
    return net


def write_safetensors(state, path):
    names = {torch.float32: "F32", torch.int64: "I64"}
    header, blobs, offset = {}, [], 0
    for key, tensor in state.items():
        data = tensor.contiguous().numpy().tobytes()
        header[key] = {"dtype": names[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def main():
    net = trained(1)
    state = net.state_dict()
    torch.save(state, os.path.join(HERE, "tiny.pt"))
    write_safetensors(state, os.path.join(HERE, "tiny.safetensors"))
    torch.save({"model": state, "epoch": 3}, os.path.join(HERE, "checkpoint.pt"))
    torch.save(trained(10).state_dict(), os.path.join(HERE, "tiny-head10.pt"))

    torch.manual_seed(16)
    x = torch.randn(5, 3, 8, 8)
    net.eval()
    with torch.no_grad():
        logits = net(x)
    with open(os.path.join(HERE, "tiny-reference.json"), "w") as f:
        json.dump({"torch": torch.__version__, "input_shape": list(x.shape), "input": [float(v) for v in x.flatten()],
                   "logits": [float(v) for v in logits]}, f, indent=1)
        f.write("\n")

    for arch in ["resnet18", "resnet34", "resnet50", "resnet101"]:
        model = getattr(torchvision.models, arch)(num_classes=1000)
        with open(os.path.join(HERE, f"{arch}-keys.txt"), "w") as f:
            f.write(f"# torchvision {torchvision.__version__} {arch}(num_classes=1000).state_dict(): key dtype shape\n")
            for key, tensor in model.state_dict().items():
                f.write(f"{key} {str(tensor.dtype).replace('torch.', '')} {','.join(str(d) for d in tensor.shape)}\n")


if __name__ == "__main__":
    main()
