#!/usr/bin/env bash
# Regenerates the two faces embedded in LossLab.Reports from Debian's fonts-dejavu-core (DejaVu Sans 2.37).
# Why a subset: Skia's PDF backend in SkiaSharp 3.119 embeds every font face whole (PLATFORM.md), so the
# 760 KB / 710 KB system files made 0.75 MB of every report. Keeping the scripts and symbols a LossLab report can
# contain and dropping hinting (PDF viewers do not use TrueType hinting) leaves 182 KB per face, ~100 KB compressed.
# The Bitstream Vera licence (LICENSE-DejaVu.txt) allows modified copies whose names contain neither "Bitstream"
# nor "Vera"; the family stays "DejaVu Sans".
# Needs fontTools (Debian: apt-get install python3-fonttools). Run from this folder.
set -euo pipefail
source_dir=${1:-/usr/share/fonts/truetype/dejavu}

# Latin (Basic to Extended-B, IPA, modifiers, combining marks, Extended Additional), Greek, Cyrillic,
# punctuation, super/subscripts, currency, letterlike, number forms, arrows, maths operators, technical
# (⌊⌋⌈⌉), box drawing, blocks, geometric shapes (▲), and U+FFFD.
unicodes='U+0020-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2500-259F,U+25A0-25FF,U+FFFD'

for face in DejaVuSans DejaVuSans-Bold; do
  /usr/bin/python3 -m fontTools.subset "$source_dir/$face.ttf" \
    --unicodes="$unicodes" --no-hinting --desubroutinize \
    --layout-features='' --name-IDs='*' --name-languages='*' --notdef-outline \
    --output-file="$face.ttf"
done
ls -l DejaVuSans.ttf DejaVuSans-Bold.ttf
