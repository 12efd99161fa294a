#!/usr/bin/python3
"""PyTorch's side of `-- resnet-epochs` (ResNetEpoch.cs): torchvision's resnet18(num_classes=1) trained with BCE,
Adam 0.001, batches of 64, on TRAIN images of SIZE x SIZE RGB, then scored in eval mode on VALIDATION images, per
epoch; prints each epoch's wall time and process CPU time. The inputs are random tensors of the same shape held as uint8 and converted per
batch (as LossLab does), since the pixel values do not change the time of a dense network.

    /usr/bin/python3 tests/LossLab.Benchmarks/resnet_epoch.py TRAIN VALIDATION SIZE EPOCHS THREADS
"""
import sys
import time

import torch
import torchvision


def main():
    train, validation, size, epochs, threads = (int(a) for a in sys.argv[1:6])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = torchvision.models.resnet18(num_classes=1)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    images = torch.randint(0, 256, (train + validation, 3, size, size), dtype=torch.uint8)
    labels = (torch.rand(train) < 0.05).float()
    print(f"PyTorch {torch.__version__}: resnet18 at {size}x{size} RGB, {train} training and {validation} validation images, "
          f"batch 64, torch threads {torch.get_num_threads()}")
    for epoch in range(1, epochs + 1):
        start, cpu = time.perf_counter(), time.process_time()
        model.train()
        order = torch.randperm(train)
        total = 0.0
        for b in range(0, train, 64):
            rows = order[b:b + 64]
            x = images[rows].float() / 255
            optimizer.zero_grad()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x).squeeze(-1), labels[rows])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(rows)
        model.eval()
        with torch.no_grad():
            model(images[train:].float() / 255)
        print(f"epoch {epoch}: {time.perf_counter() - start:.1f} s, process CPU {time.process_time() - cpu:.1f} s (train loss {total / train:.4f})")


if __name__ == "__main__":
    main()
