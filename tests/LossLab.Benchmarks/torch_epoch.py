#!/usr/bin/python3
"""Per-epoch time of the seed-study MLP in PyTorch, for `dotnet run ... -- epoch-vs-pytorch` (README: "Per epoch
against PyTorch"). One epoch is what a LossLab epoch of the seed-003 run does: a full-batch training step (forward of
a 2-16-8-1 ReLU MLP, mean BCE with logits, backward, Adam lr 0.01) and a validation pass (forward under no_grad, BCE,
sigmoid scores copied out, ROC-AUC). The sizes come from the caller (the engine's split of the default experiment);
the data are Gaussian blobs of those sizes: the time of these dense operations does not depend on the values.

Prints one line: `torch <version> threads <n> train <rows> validation <rows> epochs <e> median_ms <m> min_ms <m>
thread_cpu_median_ms <m>`: wall-clock medians over epochs 2..e, and the calling thread's CPU time per epoch (all of
an epoch's work when torch has 1 thread: a figure that waiting for a busy CPU does not inflate).
"""
import argparse
import statistics
import time

import numpy as np
import torch


def roc_auc(labels, scores):
    """Mann-Whitney ROC-AUC with average ranks for ties (what LossLab's RankingMetrics.RocAuc computes), vectorised."""
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    average_rank = ends - (counts - 1) / 2.0
    pos = labels == 1
    n_pos = pos.sum()
    n_neg = len(labels) - n_pos
    return (average_rank[inverse][pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", type=int, required=True)
    parser.add_argument("--validation", type=int, required=True)
    parser.add_argument("--positives", type=float, default=0.0101, help="positive fraction of each split")
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads; 0 keeps PyTorch's default")
    parser.add_argument("--auc", choices=["numpy", "none"], default="numpy")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    gen = np.random.default_rng(1)

    def split(rows):
        y = (gen.random(rows) < args.positives).astype(np.float32)
        y[0] = 1.0
        x = gen.normal(size=(rows, 2)).astype(np.float32) + 1.5 * y[:, None]
        return torch.from_numpy(x), torch.from_numpy(y).unsqueeze(1), y

    train_x, train_y, _ = split(args.train)
    val_x, val_y, val_labels = split(args.validation)
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    times, cpu = [], []
    for _ in range(args.epochs):
        start = time.perf_counter()
        start_cpu = time.thread_time()
        optimizer.zero_grad()
        loss = bce(model(train_x), train_y)
        loss.backward()
        optimizer.step()
        loss.item()
        with torch.no_grad():
            logits = model(val_x)
            bce(logits, val_y).item()
            scores = torch.sigmoid(logits).squeeze(1).double().numpy()
        if args.auc == "numpy":
            roc_auc(val_labels, scores)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
    steady = times[1:]  # the first epoch pays for allocator warm-up, as LossLab's first does
    print(f"torch {torch.__version__} threads {torch.get_num_threads()} train {args.train} validation {args.validation} "
          f"epochs {args.epochs} median_ms {statistics.median(steady):.4f} min_ms {min(steady):.4f} "
          f"thread_cpu_median_ms {statistics.median(cpu[1:]):.4f}")


if __name__ == "__main__":
    main()
