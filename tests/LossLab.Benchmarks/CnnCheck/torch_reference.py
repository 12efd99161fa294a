"""PyTorch reference numbers for LossLab's cnn model (README, "The cnn model"): the same-size networks trained the
way LossLab trains them, on the same image folder, so a gap between LossLab and PyTorch points at the engine and a
gap between architectures at the architecture.

  gap      conv3x3-ReLU-maxpool blocks -> global average pooling -> linear (LossLab's cnn before issue 15)
  flat     conv3x3(+bias)-ReLU-maxpool blocks -> flatten -> linear(dense) -> ReLU -> linear (the cnn, batch_norm false)
  bn-flat  conv3x3(no bias)-BatchNorm-ReLU-maxpool blocks -> flatten -> linear(dense) -> ReLU -> linear (the cnn)

Per seed: positives subsampled to floor(negatives / ratio) as LossLab's imbalance does (ratio 0: kept as they are),
a split stratified by class (round(n_c * fraction) to test and to validation), minibatches of a fresh shuffle each
epoch, Adam, mean BCE with logits, scoring in eval mode; prints the test ROC-AUC per seed and the mean. Rows, weights
and batch order are drawn by PyTorch/numpy, not LossLab, so single runs differ; the means are what compare.

Usage: /usr/bin/python3 torch_reference.py FOLDER POSITIVE_CLASS [--ratio 58] [--epochs 5] [--batch 32] [--lr 0.002]
       [--channels 16,32,64] [--dense 64] [--seeds 1,2,3] [--models gap,flat,bn-flat]
Needs PyTorch (Debian: apt-get install python3-torch; 1.13 was used) and numpy; reads the 8-bit grey, filter-0 PNGs
that samples/scripts/make-*-folder.sh write.
"""
import argparse
import os
import struct
import zlib

import numpy as np
import torch
from torch import nn


def read_grey_png(path):
    """Decodes the PNGs the sample scripts write: 8-bit greyscale, not interlaced, every row with filter 0 (None)."""
    data = open(path, 'rb').read()
    at, idat, width, height = 8, b'', 0, 0
    while at < len(data):
        length, kind = struct.unpack('>I4s', data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour, _, filtering, interlace = struct.unpack('>IIBBBBB', body)
            assert (depth, colour, interlace) == (8, 0, 0), f'{path}: not an 8-bit grey PNG'
        elif kind == b'IDAT':
            idat += body
        at += 12 + length
    rows = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, width + 1)
    assert (rows[:, 0] == 0).all(), f'{path}: a row uses a PNG filter other than None'
    return rows[:, 1:].astype(np.float32) / 255


def load(folder, positive):
    images, labels = [], []
    for name in sorted(os.listdir(folder)):
        for file in sorted(os.listdir(os.path.join(folder, name))):
            images.append(read_grey_png(os.path.join(folder, name, file)))
            labels.append(1 if name == positive else 0)
    return np.stack(images)[:, None], np.array(labels)


def network(kind, channels, dense, side):
    layers, inputs = [], 1
    for c in channels:
        layers.append(nn.Conv2d(inputs, c, 3, padding=1, bias=kind != 'bn-flat'))
        if kind == 'bn-flat':
            layers.append(nn.BatchNorm2d(c))
        layers += [nn.ReLU(), nn.MaxPool2d(2)]
        inputs, side = c, side // 2
    if kind == 'gap':
        return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(inputs, 1))
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(inputs * side * side, dense), nn.ReLU(), nn.Linear(dense, 1))


def roc_auc(labels, scores):
    """Mann-Whitney U / (n_pos * n_neg), ties counted half (average ranks)."""
    order = np.argsort(scores, kind='mergesort')
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    start = 0
    while start < len(scores):
        end = start
        while end + 1 < len(scores) and sorted_scores[end + 1] == sorted_scores[start]:
            end += 1
        ranks[order[start:end + 1]] = (start + end) / 2 + 1
        start = end + 1
    positives = labels.sum()
    negatives = len(labels) - positives
    return (ranks[labels == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)


def split(labels, seed, validation=0.15, test=0.3):
    rng = np.random.default_rng(seed)
    parts = {'train': [], 'validation': [], 'test': []}
    for label in (0, 1):
        rows = rng.permutation(np.flatnonzero(labels == label))
        n_test, n_validation = int(np.floor(len(rows) * test + 0.5)), int(np.floor(len(rows) * validation + 0.5))
        parts['test'] += list(rows[:n_test])
        parts['validation'] += list(rows[n_test:n_test + n_validation])
        parts['train'] += list(rows[n_test + n_validation:])
    return {k: np.sort(v) for k, v in parts.items()}


def run(kind, x, y, seed, args):
    rng = np.random.default_rng(seed)
    if args.ratio > 0:
        positives = np.flatnonzero(y == 1)
        keep = rng.choice(positives, size=int((y == 0).sum() // args.ratio), replace=False)
        rows = np.sort(np.concatenate([np.flatnonzero(y == 0), keep]))
        x, y = x[rows], y[rows]
    parts = split(y, seed)
    torch.manual_seed(seed)
    model = network(kind, args.channels, args.dense, x.shape[-1])
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    train_x, train_y = torch.from_numpy(x[parts['train']]), torch.from_numpy(y[parts['train']].astype(np.float32))
    for _ in range(args.epochs):
        model.train()
        for batch in torch.randperm(len(train_y)).split(args.batch):
            optimizer.zero_grad()
            loss = nn.functional.binary_cross_entropy_with_logits(model(train_x[batch]).squeeze(-1), train_y[batch])
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        scores = model(torch.from_numpy(x[parts['test']])).squeeze(-1).numpy().astype(np.float64)
    return roc_auc(y[parts['test']], scores)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('folder')
    parser.add_argument('positive')
    parser.add_argument('--ratio', type=float, default=0)
    parser.add_argument('--epochs', type=int, default=5)
    parser.add_argument('--batch', type=int, default=32)
    parser.add_argument('--lr', type=float, default=0.002)
    parser.add_argument('--channels', type=lambda s: [int(c) for c in s.split(',')], default=[16, 32, 64])
    parser.add_argument('--dense', type=int, default=64)
    parser.add_argument('--seeds', type=lambda s: [int(c) for c in s.split(',')], default=[1, 2, 3])
    parser.add_argument('--models', type=lambda s: s.split(','), default=['gap', 'flat', 'bn-flat'])
    args = parser.parse_args()
    torch.set_num_threads(1)
    x, y = load(args.folder, args.positive)
    print(f'{args.folder}: {len(y)} images, {y.sum()} positive; ratio {args.ratio}, {args.epochs} epochs, batch {args.batch}, '
          f'Adam {args.lr}, channels {args.channels}, dense {args.dense}, torch {torch.__version__}')
    for kind in args.models:
        aucs = [run(kind, x, y, seed, args) for seed in args.seeds]
        print(f'{kind:8s} test ROC-AUC per seed {" ".join(f"{a:.4f}" for a in aucs)}  mean {np.mean(aucs):.4f}', flush=True)


if __name__ == '__main__':
    main()
