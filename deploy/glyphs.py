"""The map's label glyphs, served by the dashboard itself: `python -m deploy.glyphs` writes
static/glyphs/<font>/0-255.pbf, which Streamlit serves at /app/static/ (.streamlit/config.toml:
enableStaticServing).

Plotly draws the map's names and numbers with maplibre, which draws text from glyphs: signed
distance fields of each character in protobuf files, one per 256 code points, that Plotly's
map styles fetch from fonts.openmaptiles.org. On a closed office network that host cannot be
reached and the map showed no name and no number. These files are made here, offline, from a
font of the system (DejaVu Sans, Debian's fonts-dejavu-core), under the name of the font stack
Plotly asks for ("Open Sans Regular": Plotly falls back to it for any font it does not list),
in the format maplibre reads (glyphs.proto of mapbox/glyph-pbf-composite): 24 px glyphs with a
3 px border, the edge at 192 of 255, 8 px of distance either side. Only the first range is
written: area names and numbers are Latin letters and digits.
"""

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
STACK = "Open Sans Regular"
FOLDER = Path(__file__).resolve().parent.parent / "static" / "glyphs"
SIZE, BORDER, RADIUS, CUTOFF = 24, 3, 8.0, 0.25
# maplibre sets a line's first baseline this far under a glyph's top: a glyph's `top` is its
# ascent above the baseline less this (as node-fontnik writes Open Sans' glyphs)
ASCENDER = 26


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number: int, value) -> bytes:
    """One protobuf field: an int as a varint, bytes or str length-delimited."""
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    data = value.encode() if isinstance(value, str) else value
    return varint(number << 3 | 2) + varint(len(data)) + data


def zigzag(n: int) -> int:
    return (n << 1) ^ (n >> 31)


def distance_field(inside: np.ndarray) -> np.ndarray:
    """Each pixel's signed distance to the glyph's edge (negative inside), as maplibre's bytes."""
    ys, xs = np.indices(inside.shape)
    points = np.stack([ys.ravel(), xs.ravel()], axis=1).astype(float)
    flat = inside.ravel()
    result = np.full(flat.shape, RADIUS)
    for side in (True, False):
        here, there = points[flat == side], points[flat != side]
        if not len(here):
            continue
        if len(there):
            gaps = np.sqrt(((here[:, None, :] - there[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
        else:
            gaps = np.full(len(here), RADIUS)
        result[flat == side] = (-1 if side else 1) * (gaps - 0.5)
    values = 255 - 255 * (result / RADIUS + CUTOFF)
    return np.clip(np.round(values), 0, 255).astype(np.uint8).reshape(inside.shape)


def glyph(font: ImageFont.FreeTypeFont, code: int) -> bytes | None:
    char = chr(code)
    advance = round(font.getlength(char))
    left, top, right, bottom = (round(v) for v in font.getbbox(char, anchor="ls"))
    width, height = max(0, right - left), max(0, bottom - top)
    message = field(1, code)
    if width and height:
        canvas = Image.new("L", (width + 2 * BORDER, height + 2 * BORDER), 0)
        ImageDraw.Draw(canvas).text((BORDER - left, BORDER - top), char, font=font, fill=255,
                                    anchor="ls")  # fmt: skip
        message += field(2, distance_field(np.asarray(canvas) >= 128).tobytes())
    message += field(3, width) + field(4, height)
    message += field(5, zigzag(left)) + field(6, zigzag(-top - ASCENDER)) + field(7, advance)
    return message


def write(folder: Path = FOLDER) -> Path:
    font = ImageFont.truetype(str(FONT), SIZE)
    codes = [c for c in range(32, 256) if c < 127 or c > 160]  # printable Latin-1
    stack = field(1, STACK) + field(2, "0-255")
    for code in codes:
        stack += field(3, glyph(font, code))
    target = folder / STACK / "0-255.pbf"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(field(1, stack))
    return target


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER))
