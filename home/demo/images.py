"""Illustrations for the demo content, drawn locally with Pillow (nothing is downloaded).

Each picture is a diagonal gradient with soft decorative circles, a simple motif drawn from shapes and,
when the spec has one, a headline on a darker band. Drawing is deterministic: the same spec gives the
same picture.
"""

import io
import math
import random
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = (1200, 675)
FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"]
WHITE = (255, 255, 255)
ACCENT = (245, 183, 0)


@lru_cache(maxsize=8)
def font(size, bold=True):
    """DejaVu Sans when the machine has it, else Pillow's built-in scalable font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def hex_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def gradient(size, start, end):
    """A diagonal gradient from ``start`` (top left) to ``end`` (bottom right)."""
    small = Image.new("RGB", (64, 64))
    pixels = small.load()
    for x in range(64):
        for y in range(64):
            t = (x + y) / 126
            pixels[x, y] = tuple(round(a + (b - a) * t) for a, b in zip(start, end))
    return small.resize(size, Image.BICUBIC)


def person(draw, x, y, scale, color):
    """A stylised person: a head and a rounded body; ``y`` is the ground line."""
    head = 18 * scale
    body_w, body_h = 44 * scale, 70 * scale
    draw.rounded_rectangle([x - body_w / 2, y - body_h, x + body_w / 2, y], radius=body_w / 2.2, fill=color)
    draw.ellipse([x - head, y - body_h - head * 2.3, x + head, y - body_h - head * 0.3], fill=color)


# --- Motifs: each draws on the right half of the canvas -----------------------------------------------

def motif_river(draw, w, h, rng):
    draw.ellipse([w * 0.62, h * 0.12, w * 0.82, h * 0.48], fill=ACCENT)
    for i in range(4):
        y = h * (0.62 + i * 0.07)
        points = [(x, y + 12 * ((x // 60) % 2)) for x in range(0, w + 60, 60)]
        draw.line(points, fill=(255, 255, 255, 90 - i * 15), width=8, joint="curve")
    for i, scale in enumerate([1.3, 0.9, 1.0, 0.8]):
        person(draw, w * (0.55 + i * 0.1), h * 0.6, scale, (255, 255, 255, 230))


def motif_logo(draw, w, h, rng):
    draw.ellipse([w * 0.18, h * 0.18, w * 0.82, h * 0.82], fill=ACCENT)
    draw.ellipse([w * 0.34, h * 0.30, w * 0.66, h * 0.62], fill=(10, 61, 58))
    person(draw, w * 0.5, h * 0.78, w / 256 * 1.2, WHITE)


def motif_clusters(draw, w, h, rng):
    labels = [("KL", 3), ("I", 3), ("II", 5), ("III", 6), ("IV", 3), ("V", 4)]
    for i, (code, count) in enumerate(labels):
        col, row = i % 3, i // 3
        x0, y0 = w * (0.5 + col * 0.16), h * (0.14 + row * 0.34)
        draw.rounded_rectangle([x0, y0, x0 + w * 0.14, y0 + h * 0.28], radius=18, fill=(255, 255, 255, 60), outline=WHITE, width=3)
        draw.text((x0 + w * 0.07, y0 + h * 0.09), code, font=font(44), fill=WHITE, anchor="mm")
        draw.text((x0 + w * 0.07, y0 + h * 0.2), str(count), font=font(34, bold=False), fill=ACCENT, anchor="mm")


def motif_meeting(draw, w, h, rng):
    cx, cy = w * 0.72, h * 0.42
    draw.ellipse([cx - 190, cy - 80, cx + 190, cy + 80], fill=(255, 255, 255, 70), outline=WHITE, width=4)
    for i in range(10):
        angle = i / 10 * 2 * math.pi
        x, y = cx + 250 * math.cos(angle), cy + 125 * math.sin(angle)
        draw.ellipse([x - 22, y - 22, x + 22, y + 22], fill=ACCENT if i % 3 == 0 else WHITE)


def motif_children(draw, w, h, rng):
    for i in range(5):
        x = w * (0.5 + i * 0.1)
        scale = 0.8 + rng.random() * 0.5
        person(draw, x, h * 0.62, scale, WHITE)
        if i % 2 == 0:  # a raised hand
            draw.line([(x + 18 * scale, h * 0.62 - 60 * scale), (x + 42 * scale, h * 0.62 - 125 * scale)], fill=WHITE, width=int(10 * scale))
    draw.ellipse([w * 0.8, h * 0.1, w * 0.9, h * 0.28], fill=ACCENT)


def motif_map(draw, w, h, rng):
    points = [(w * (0.52 + rng.random() * 0.4), h * (0.12 + rng.random() * 0.5)) for _ in range(9)]
    points.sort()
    draw.line(points, fill=(255, 255, 255, 160), width=5, joint="curve")
    for i, (x, y) in enumerate(points):
        r = 16 if i != 4 else 24
        draw.ellipse([x - r, y - r, x + r, y + r], fill=ACCENT if i == 4 else WHITE)


def motif_screen(draw, w, h, rng):
    x0, y0, x1, y1 = w * 0.52, h * 0.12, w * 0.92, h * 0.6
    draw.rounded_rectangle([x0, y0, x1, y1], radius=16, fill=(255, 255, 255, 230))
    draw.rectangle([w * 0.69, y1, w * 0.75, y1 + 40], fill=WHITE)
    for i in range(4):
        y = y0 + 50 + i * 60
        draw.rounded_rectangle([x0 + 90, y, x1 - 40, y + 26], radius=8, fill=(200, 210, 215))
        draw.line([(x0 + 40, y + 14), (x0 + 52, y + 26), (x0 + 72, y)], fill=(31, 138, 112), width=7)


def motif_document(draw, w, h, rng):
    x0, y0 = w * 0.58, h * 0.08
    draw.rounded_rectangle([x0, y0, x0 + 300, y0 + 390], radius=14, fill=WHITE)
    for i in range(6):
        draw.rounded_rectangle([x0 + 36, y0 + 50 + i * 42, x0 + 264 - (i % 2) * 60, y0 + 66 + i * 42], radius=6, fill=(205, 210, 225))
    draw.ellipse([x0 + 200, y0 + 290, x0 + 330, y0 + 420], fill=ACCENT)
    draw.line([(x0 + 230, y0 + 355), (x0 + 258, y0 + 385), (x0 + 305, y0 + 320)], fill=WHITE, width=12)


def motif_growth(draw, w, h, rng):
    base = h * 0.6
    for i, height in enumerate([90, 130, 170, 220, 280]):
        x = w * (0.54 + i * 0.08)
        draw.rounded_rectangle([x, base - height, x + 60, base], radius=10, fill=(255, 255, 255, 200))
    draw.line([(w * 0.55, base - 120), (w * 0.7, base - 190), (w * 0.9, base - 320)], fill=ACCENT, width=10)
    draw.ellipse([w * 0.9 - 18, base - 338, w * 0.9 + 18, base - 302], fill=ACCENT)


def motif_house(draw, w, h, rng):
    x0, y0 = w * 0.56, h * 0.3
    draw.polygon([(x0 - 30, y0), (x0 + 200, y0 - 170), (x0 + 430, y0)], fill=ACCENT)
    draw.rectangle([x0, y0, x0 + 400, y0 + 230], fill=(255, 255, 255, 220))
    color = hex_rgb("#9c2c5f")
    person(draw, x0 + 110, y0 + 220, 1.3, color)
    person(draw, x0 + 290, y0 + 220, 1.2, color)
    person(draw, x0 + 200, y0 + 220, 0.75, color)


def motif_school(draw, w, h, rng):
    x0, y0 = w * 0.55, h * 0.25
    draw.rectangle([x0, y0, x0 + 440, y0 + 220], fill=(255, 255, 255, 220))
    draw.polygon([(x0 - 20, y0), (x0 + 220, y0 - 90), (x0 + 460, y0)], fill=(230, 80, 60))
    for i in range(4):
        draw.rectangle([x0 + 40 + i * 100, y0 + 50, x0 + 100 + i * 100, y0 + 110], fill=(0, 95, 115))
    draw.line([(x0 + 220, y0 - 90), (x0 + 220, y0 - 190)], fill=WHITE, width=6)
    draw.rectangle([x0 + 223, y0 - 190, x0 + 300, y0 - 160], fill=(220, 30, 40))
    draw.rectangle([x0 + 223, y0 - 160, x0 + 300, y0 - 130], fill=WHITE)
    for i in range(3):
        person(draw, x0 + 100 + i * 130, y0 + 330, 0.8, ACCENT)


def motif_celebration(draw, w, h, rng):
    for i in range(7):
        x, y = w * (0.52 + rng.random() * 0.42), h * (0.08 + rng.random() * 0.3)
        color = [ACCENT, WHITE, (255, 120, 120)][i % 3]
        draw.ellipse([x - 34, y - 44, x + 34, y + 44], fill=color)
        draw.line([(x, y + 44), (x + 10, y + 150)], fill=WHITE, width=3)
    for i in range(5):
        person(draw, w * (0.55 + i * 0.085), h * 0.66, 0.8, WHITE)
    draw.line([(w * 0.55, h * 0.55), (w * 0.89, h * 0.55)], fill=WHITE, width=8)


def motif_chart(draw, w, h, rng):
    x0, y0 = w * 0.58, h * 0.06
    draw.rounded_rectangle([x0, y0, x0 + 360, y0 + 440], radius=18, fill=WHITE)
    draw.rounded_rectangle([x0 + 120, y0 - 18, x0 + 240, y0 + 22], radius=10, fill=(150, 150, 160))
    for i, height in enumerate([120, 200, 160, 260, 300]):
        x = x0 + 40 + i * 60
        draw.rectangle([x, y0 + 400 - height, x + 40, y0 + 400], fill=ACCENT if i == 4 else (67, 97, 238))


MOTIFS = {name[len("motif_"):]: func for name, func in globals().items() if name.startswith("motif_")}


def wrap(text, fnt, max_width, draw):
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=fnt) <= max_width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def render(spec, key):
    """The JPEG bytes of the illustration described by ``spec`` (see ``content.IMAGES``)."""
    size = tuple(spec.get("size", SIZE))
    w, h = size
    rng = random.Random(key)
    start, end = (hex_rgb(c) for c in spec["colors"])
    canvas = gradient(size, start, end).convert("RGBA")

    # Soft circles, drawn and blurred at a quarter of the size (much faster), then scaled up.
    glow = Image.new("RGBA", (w // 4, h // 4), (0, 0, 0, 0))
    glow_draw = ImageDraw.Draw(glow)
    for _ in range(6):
        r = rng.randint(w // 48, w // 16)
        x, y = rng.randint(0, w // 4), rng.randint(0, h // 4)
        glow_draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, rng.randint(14, 34)))
    glow = glow.filter(ImageFilter.GaussianBlur(max(1, w // 240))).resize(size, Image.BICUBIC)
    canvas = Image.alpha_composite(canvas, glow)

    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    MOTIFS[spec["motif"]](ImageDraw.Draw(layer), w, h, rng)
    canvas = Image.alpha_composite(canvas, layer)

    if spec.get("headline"):
        draw = ImageDraw.Draw(canvas)
        fnt = font(56)
        lines = wrap(spec["headline"], fnt, w * 0.44, draw)
        band = Image.new("RGBA", size, (0, 0, 0, 0))
        band_top = h - 40 - (len(lines) * 66 + 70)
        ImageDraw.Draw(band).rounded_rectangle([40, band_top, w * 0.52, h - 40], radius=24, fill=(0, 0, 0, 110))
        canvas = Image.alpha_composite(canvas, band)
        draw = ImageDraw.Draw(canvas)
        draw.rectangle([70, band_top + 26, 150, band_top + 34], fill=ACCENT)
        for i, line in enumerate(lines):
            draw.text((70, band_top + 50 + i * 66), line, font=fnt, fill=WHITE)

    buffer = io.BytesIO()
    canvas.convert("RGB").save(buffer, "PNG" if spec["motif"] == "logo" else "JPEG", quality=86, optimize=True)
    return buffer.getvalue()


def extension(spec):
    return "png" if spec["motif"] == "logo" else "jpg"
