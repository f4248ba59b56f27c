#!/usr/bin/env python3
"""Draw the illustrations in www/images/ that the sample feeds (www/news*.json) show.

Each picture is a small scene drawn with gradients, shapes and soft noise (a road with people
walking, a port, a clinic tent, a workshop room, fields, shelters, a forest path, a street
market), at twice the size and scaled down, saved as an 800x450 JPEG under 40 KB. They are
illustrations, credited "Illustration © IOM 2026" in the feeds, not photographs.

Run by hand, never by a build step; the output is committed:

    pip install --user pillow
    python3 tools/make-images.py [OUTPUT_DIR]      # default www/images

The drawing is deterministic (one seed per picture), so a run gives the same pictures.
"""

import math
import os
import random
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter

W, H = 1600, 900          # drawn at twice the size...
OUT_SIZE = (800, 450)     # ...and scaled down
MAX_BYTES = 39 * 1024


# ----------------------------------------------------------------------------- colour helpers

def rgb(hex_colour):
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    a, b = (rgb(a) if isinstance(a, str) else a), (rgb(b) if isinstance(b, str) else b)
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def rgba(colour, alpha):
    c = rgb(colour) if isinstance(colour, str) else colour
    return c + (int(alpha),)


def vgrad(w, h, stops):
    """A vertical gradient through stops [(0.0, colour), ..., (1.0, colour)]."""
    col = Image.new("RGB", (1, h))
    px = col.load()
    stops = [(p, rgb(c) if isinstance(c, str) else c) for p, c in stops]
    for y in range(h):
        t = y / max(1, h - 1)
        for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
            if p0 <= t <= p1:
                px[0, y] = mix(c0, c1, (t - p0) / max(1e-6, p1 - p0))
                break
    return col.resize((w, h))


def soft_noise(rng, w, h, cells, blur=0):
    """Blotchy low-frequency noise (an 'L' image around 128): random cells blown up smoothly."""
    small = Image.frombytes("L", cells, rng.randbytes(cells[0] * cells[1]))
    big = small.resize((w, h), Image.BICUBIC)
    return big.filter(ImageFilter.GaussianBlur(blur)) if blur else big


def texture(img, rng, box, cells, strength, blur=0, mask=None):
    """Lighten and darken a region of img with soft noise (+-strength)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    n = soft_noise(rng, w, h, cells, blur)
    region = img.crop(box)
    light = Image.new("RGB", (w, h), (255, 255, 255))
    dark = Image.new("RGB", (w, h), (0, 0, 0))
    up = n.point(lambda v: max(0, v - 128) * strength * 2 // 128)
    down = n.point(lambda v: max(0, 128 - v) * strength * 2 // 128)
    region = Image.composite(light, region, up)
    region = Image.composite(dark, region, down)
    if mask is not None:
        region = Image.composite(region, img.crop(box), mask.crop(box))
    img.paste(region, box[:2])


def glow(img, centre, radius, colour, strength=1.0):
    """A soft radial light (sun, lamp) added over img."""
    # radial_gradient is 0 at the centre and 181 at the middle of each edge (255 in the corners)
    g = Image.radial_gradient("L").resize((radius * 2, radius * 2), Image.BICUBIC)
    g = g.point(lambda v: int(max(0, 181 - v) * 255 / 181 * strength))
    layer = Image.new("RGB", img.size, rgb(colour))
    mask = Image.new("L", img.size, 0)
    mask.paste(g, (centre[0] - radius, centre[1] - radius))
    img.paste(Image.composite(layer, img, mask))


def grain(img, rng, amount):
    """Fine film grain, +-amount around each pixel."""
    n = Image.frombytes("L", img.size, rng.randbytes(img.size[0] * img.size[1]))
    n = n.filter(ImageFilter.GaussianBlur(0.8)).point(lambda v: 128 + (v - 128) * amount // 40)
    return ImageChops.add(img, Image.merge("RGB", (n, n, n)), 1.0, -128)


def vignette(img, strength):
    g = Image.radial_gradient("L").resize((W * 14 // 10, H * 16 // 10), Image.BICUBIC)
    g = g.crop(((g.width - W) // 2, (g.height - H) // 2, (g.width - W) // 2 + W, (g.height - H) // 2 + H))
    g = g.point(lambda v: max(0, v - 150) * strength // 105)
    return Image.composite(Image.new("RGB", img.size, (10, 14, 24)), img, g)


def layer():
    return Image.new("RGBA", (W, H), (0, 0, 0, 0))


def put(img, lay, blur=0):
    if blur:
        lay = lay.filter(ImageFilter.GaussianBlur(blur))
    img.paste(lay, (0, 0), lay)


# ----------------------------------------------------------------------------- shape helpers

def ridge(rng, y, amp, rough=0.55, steps=7, x0=0, x1=W):
    """A hill line by midpoint displacement: [(x, y), ...] from x0 to x1."""
    pts = [y + rng.uniform(-amp, amp), y + rng.uniform(-amp, amp)]
    a = amp
    for _ in range(steps):
        nxt = []
        for p, q in zip(pts, pts[1:]):
            nxt += [p, (p + q) / 2 + rng.uniform(-a, a)]
        nxt.append(pts[-1])
        pts = nxt
        a *= rough
    n = len(pts) - 1
    return [(x0 + (x1 - x0) * i / n, v) for i, v in enumerate(pts)]


def hill(draw, rng, y, amp, colour, rough=0.55, bottom=H):
    line = ridge(rng, y, amp, rough)
    draw.polygon(line + [(W, bottom), (0, bottom)], fill=colour)
    return line


def y_at(line, x):
    for (xa, ya), (xb, yb) in zip(line, line[1:]):
        if xa <= x <= xb:
            return ya + (yb - ya) * (x - xa) / max(1e-6, xb - xa)
    return line[-1][1]


def ellipse(draw, cx, cy, rx, ry, fill):
    draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=fill)


def thick(draw, a, b, width, fill):
    draw.line([a, b], fill=fill, width=max(1, int(width)))
    r = width / 2
    for x, y in (a, b):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


SKINS = ["#5b3a29", "#7a4b32", "#8d5a3c", "#a8704a", "#c48b62", "#6b4430", "#d2a07a"]
CLOTHES = ["#2f4a7a", "#c8752f", "#8e2f3a", "#2f6b52", "#e9e2d0", "#d9b13b", "#5a3f73",
           "#b84a62", "#3f7f9a", "#7a6a3a", "#e07b54", "#394150"]


def person(draw, rng, x, feet, h, facing=1, dress=None, load=None, colour=None, skin=None,
           walking=True, alpha=255, pack=None):
    """A standing or walking figure, feet at (x, feet), height h."""
    skin = rgba(skin or rng.choice(SKINS), alpha)
    main = rgba(colour or rng.choice(CLOTHES), alpha)
    second = rgba(rng.choice(CLOTHES), alpha)
    dress = rng.random() < 0.45 if dress is None else dress
    head_r = h * 0.068
    head_y = feet - h + head_r
    shoulder = feet - h * 0.80
    hip = feet - h * 0.47
    half = h * 0.105
    # shadow on the ground
    draw.ellipse((x - h * 0.2, feet - h * 0.025, x + h * 0.24, feet + h * 0.02), fill=(0, 0, 0, int(alpha * 0.22)))
    # legs
    stride = h * 0.11 if walking else h * 0.03
    lw = h * 0.06
    if dress:
        thick(draw, (x - lw * 0.3, hip), (x - stride * facing * 0.6, feet), lw * 0.8, skin)
        thick(draw, (x + lw * 0.3, hip), (x + stride * facing * 0.6, feet), lw * 0.8, skin)
    else:
        trouser = rgba(rng.choice(["#2a2f3a", "#3b3f48", "#4a4a3d", "#29384f", "#5b5148"]), alpha)
        thick(draw, (x - lw * 0.4, hip), (x - stride * facing, feet), lw, trouser)
        thick(draw, (x + lw * 0.4, hip), (x + stride * facing, feet), lw, trouser)
    # backpack behind the torso
    if pack:
        p = rgba(pack, alpha)
        draw.rounded_rectangle((x - half * 1.7 * facing - half * 0.2, shoulder + h * 0.02,
                                x - half * 0.4 * facing + half * 0.2, hip - h * 0.02)
                               if facing > 0 else
                               (x + half * 0.4 - half * 0.2, shoulder + h * 0.02,
                                x + half * 1.7 + half * 0.2, hip - h * 0.02),
                               radius=h * 0.03, fill=p)
    # torso (or dress down to the shins)
    bottom = feet - h * 0.12 if dress else hip + h * 0.03
    flare = h * 0.07 if dress else h * 0.01
    draw.polygon([(x - half, shoulder), (x + half, shoulder), (x + half + flare, bottom),
                  (x - half - flare, bottom)], fill=main)
    draw.ellipse((x - half, shoulder - h * 0.03, x + half, shoulder + h * 0.05), fill=main)
    if dress and rng.random() < 0.6:   # a wrap of another colour
        draw.polygon([(x - half * 1.02, hip - h * 0.04), (x + half * 1.02, hip - h * 0.04),
                      (x + half + flare * 0.8, bottom - h * 0.04), (x - half - flare * 0.8, bottom - h * 0.04)],
                     fill=second)
    # arms
    swing = h * 0.08 if walking else h * 0.02
    aw = h * 0.045
    if load == "head":
        thick(draw, (x + half * 0.7, shoulder + h * 0.02), (x + half * 0.5, head_y - head_r * 1.6), aw, main)
    else:
        thick(draw, (x + half * 0.8, shoulder + h * 0.02), (x + half * 0.9 + swing * facing, hip), aw, main)
    thick(draw, (x - half * 0.8, shoulder + h * 0.02), (x - half * 0.9 - swing * facing, hip), aw, main)
    # head, hair or wrap
    draw.rectangle((x - head_r * 0.4, head_y + head_r * 0.6, x + head_r * 0.4, shoulder), fill=skin)
    ellipse(draw, x, head_y, head_r, head_r * 1.08, skin)
    if dress and rng.random() < 0.7:
        wrap = rgba(rng.choice(CLOTHES), alpha)
        draw.pieslice((x - head_r * 1.15, head_y - head_r * 1.45, x + head_r * 1.15, head_y + head_r * 0.9),
                      180, 360, fill=wrap)
    else:
        draw.pieslice((x - head_r * 1.02, head_y - head_r * 1.12, x + head_r * 1.02, head_y + head_r * 0.8),
                      180, 360, fill=rgba("#1d1714", alpha))
    if load == "head":
        ellipse(draw, x, head_y - head_r * 1.7, head_r * 2.0, head_r * 0.9, rgba(rng.choice(CLOTHES), alpha))
    elif load == "bag":
        draw.rounded_rectangle((x + half * 0.6 + swing * facing, hip - h * 0.05,
                                x + half * 0.6 + swing * facing + h * 0.13, hip + h * 0.1),
                               radius=h * 0.02, fill=rgba(rng.choice(CLOTHES), alpha))
    elif load == "jerrycan":
        draw.rounded_rectangle((x + half * 0.5 + swing * facing, hip - h * 0.02,
                                x + half * 0.5 + swing * facing + h * 0.12, hip + h * 0.14),
                               radius=h * 0.015, fill=rgba("#e2b321", alpha))


def seated(draw, rng, x, seat_y, h, colour=None, skin=None, hair="#1d1714"):
    """Someone seated seen from behind: shoulders and head above a table edge."""
    c = rgb(colour or rng.choice(CLOTHES))
    s = rgb(skin or rng.choice(SKINS))
    r = h * 0.2
    draw.rounded_rectangle((x - h * 0.42, seat_y - h * 0.55, x + h * 0.42, seat_y + h * 0.3),
                           radius=h * 0.22, fill=c)
    draw.rectangle((x - r * 0.45, seat_y - h * 0.75, x + r * 0.45, seat_y - h * 0.5), fill=s)
    ellipse(draw, x, seat_y - h * 0.85, r, r * 1.12, s)
    ellipse(draw, x, seat_y - h * 0.9, r * 1.02, r * 1.05, rgb(hair))


def acacia(draw, x, base, h, colour="#4d5a2a", trunk="#4a3526"):
    thick(draw, (x, base), (x - h * 0.05, base - h * 0.55), h * 0.06, trunk)
    thick(draw, (x - h * 0.05, base - h * 0.55), (x - h * 0.35, base - h * 0.85), h * 0.035, trunk)
    thick(draw, (x - h * 0.05, base - h * 0.55), (x + h * 0.3, base - h * 0.9), h * 0.035, trunk)
    for dx, dy, rx in ((-0.4, -0.92, 0.32), (0.0, -0.98, 0.38), (0.36, -0.95, 0.3), (-0.1, -1.03, 0.3)):
        ellipse(draw, x + dx * h, base + dy * h, rx * h, 0.09 * h, colour)


def palm(draw, x, base, h, colour="#2f5a34", trunk="#5a4632"):
    top = (x + h * 0.12, base - h)
    for i in range(12):
        t = i / 12
        thick(draw, (x + h * 0.12 * t * t, base - h * t), (x + h * 0.12 * (t + 0.09) ** 2, base - h * (t + 0.09)),
              h * 0.045 * (1 - t * 0.4), trunk)
    for ang in range(0, 360, 40):
        a = math.radians(ang)
        tip = (top[0] + math.cos(a) * h * 0.42, top[1] + math.sin(a) * h * 0.18 + h * 0.12)
        mid = (top[0] + math.cos(a) * h * 0.22, top[1] + math.sin(a) * h * 0.06 - h * 0.04)
        draw.polygon([top, mid, tip, (mid[0], mid[1] + h * 0.05)], fill=colour)


def round_tree(draw, rng, x, base, h, colours):
    thick(draw, (x, base), (x, base - h * 0.5), h * 0.07, "#4a3a2a")
    for _ in range(7):
        ellipse(draw, x + rng.uniform(-0.28, 0.28) * h, base - h * rng.uniform(0.55, 0.95),
                h * rng.uniform(0.18, 0.3), h * rng.uniform(0.16, 0.26), rng.choice(colours))


def clouds(draw, rng, n, y0, y1, colour, size):
    for _ in range(n):
        cx, cy = rng.uniform(-100, W + 100), rng.uniform(y0, y1)
        for _ in range(6):
            ellipse(draw, cx + rng.uniform(-size, size), cy + rng.uniform(-size * 0.15, size * 0.15),
                    size * rng.uniform(0.4, 0.8), size * rng.uniform(0.18, 0.3), colour)


# ----------------------------------------------------------------------------- the scenes

def road(rng):
    """A dirt road across the Sahel, people walking, acacias, a hazy sun."""
    horizon = int(H * 0.5)
    img = vgrad(W, H, [(0, "#8fb6d2"), (0.42, "#e9d3b0"), (0.5, "#efd6ae"), (0.5, "#d6a76c"), (1, "#a86e3e")])
    glow(img, (int(W * 0.78), int(H * 0.2)), 420, "#fff3d6", 0.8)
    lay = layer(); d = ImageDraw.Draw(lay)
    hill(d, rng, horizon - 22, 14, rgba("#c9ad92", 255), bottom=horizon + 4)
    put(img, lay, 2)
    texture(img, rng, (0, horizon, W, H), (40, 12), 17, blur=6)
    lay = layer(); d = ImageDraw.Draw(lay)
    vp = (W * 0.56, horizon)
    d.polygon([vp, (vp[0] + 6, horizon), (W * 0.98, H), (W * 0.18, H)], fill=rgba("#e3c395", 255))
    for off in (-0.16, 0.12):
        d.polygon([(vp[0] + 2, horizon), (vp[0] + 3, horizon), (W * (0.58 + off) + 22, H), (W * (0.58 + off) - 22, H)],
                  fill=rgba("#c99e6c", 150))
    for _ in range(260):   # scrub and stones
        y = rng.uniform(horizon + 4, H)
        k = (y - horizon) / (H - horizon)
        x = rng.uniform(0, W)
        left = vp[0] + (W * 0.18 - vp[0]) * k
        right = vp[0] + (W * 0.98 - vp[0]) * k
        if left - 10 < x < right + 10:
            continue
        ellipse(d, x, y, 3 + 26 * k, 1.5 + 9 * k, rgba(rng.choice(["#6b6a36", "#7d6b3a", "#5c5a31", "#8a5b36"]), 230))
    put(img, lay, 0.6)
    lay = layer(); d = ImageDraw.Draw(lay)
    tops = []
    for i in range(9):  # power line along the road
        k = 0.9 ** (i * 2.2)
        x = vp[0] + (W * 1.02 - vp[0]) * k
        y = horizon + (H * 0.95 - horizon) * k
        thick(d, (x, y), (x, y - 420 * k), max(2, 12 * k), rgba("#5e4632", 255))
        thick(d, (x - 46 * k, y - 400 * k), (x + 46 * k, y - 400 * k), max(1, 6 * k), rgba("#5e4632", 255))
        tops.append(((x - 40 * k, y - 404 * k), (x + 40 * k, y - 404 * k)))
    for (a0, a1), (b0, b1) in zip(tops, tops[1:]):
        for p, q in ((a0, b0), (a1, b1)):
            sag = (p[0] - q[0]) * 0.06
            d.line([p, ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2 + sag), q], fill=rgba("#3a3a3a", 200), width=2)
    acacia(d, W * 0.12, horizon + 40, 260, rgba("#55612d", 255), rgba("#3e2d20", 255))
    acacia(d, W * 0.33, horizon + 12, 110, rgba("#66703a", 255), rgba("#4e3a2a", 255))
    acacia(d, W * 0.86, horizon + 8, 80, rgba("#707742", 255), rgba("#59432f", 255))
    put(img, lay, 0.5)
    lay = layer(); d = ImageDraw.Draw(lay)
    walkers = [(0.47, 0.70, "head"), (0.52, 0.69, None), (0.575, 0.71, "bag"), (0.62, 0.74, None),
               (0.66, 0.77, "head"), (0.55, 0.80, None), (0.70, 0.86, "bag")]
    for fx, fy, load in sorted(walkers, key=lambda w: w[1]):
        y = H * fy
        h = (y - horizon) * 1.15
        person(d, rng, W * fx, y, h, facing=-1, load=load)
    person(d, rng, W * 0.585, H * 0.80, (H * 0.80 - horizon) * 0.62, facing=-1, dress=False)  # a child
    put(img, lay)
    return img


def port(rng):
    """A fishing port at dusk: pirogues, a quay with containers and cranes."""
    horizon = int(H * 0.56)
    img = vgrad(W, H, [(0, "#4f6f9a"), (0.35, "#c9a0a0"), (0.56, "#f4c08a"), (0.56, "#5d7f95"), (1, "#1f3a4f")])
    glow(img, (int(W * 0.3), horizon - 40), 360, "#ffe2b0", 0.9)
    lay = layer(); d = ImageDraw.Draw(lay)
    ellipse(d, W * 0.3, horizon - 40, 48, 48, rgba("#fff0d2", 255))
    clouds(d, rng, 5, H * 0.08, H * 0.3, rgba("#e6b7a5", 120), 160)
    put(img, lay, 8)
    lay = layer(); d = ImageDraw.Draw(lay)
    for i in range(90):   # the sun's path on the water
        y = horizon + 4 + i * 4.5
        wdt = rng.uniform(30, 140) * (1 + i / 60)
        x = W * 0.3 + rng.uniform(-40, 40)
        d.line([(x - wdt, y), (x + wdt, y)], fill=rgba("#ffd9a0", rng.randint(60, 170)), width=2)
    for _ in range(260):
        y = rng.uniform(horizon + 6, H)
        x = rng.uniform(0, W)
        d.line([(x, y), (x + rng.uniform(20, 90), y)], fill=rgba("#8fb0c3", rng.randint(40, 110)), width=2)
    put(img, lay, 0.8)
    lay = layer(); d = ImageDraw.Draw(lay)
    d.polygon([(W * 0.05, horizon), (W * 0.05, horizon - 10), (W * 0.2, horizon - 14), (W * 0.22, horizon)],
              fill=rgba("#6c6f82", 255))  # a far ship
    quay_top = horizon - 6
    d.rectangle((W * 0.56, quay_top, W, horizon + 40), fill=rgba("#3d3f4a", 255))
    colours = ["#a5453a", "#2f5f8a", "#3b7a57", "#c7843a", "#6d4f7a", "#8a8f96"]
    for row in range(3):
        for col in range(9):
            if rng.random() < 0.25 and row > 0:
                continue
            x = W * 0.6 + col * 64
            y = quay_top - (row + 1) * 34
            d.rectangle((x, y, x + 60, y + 32), fill=rgba(rng.choice(colours), 255))
            for k in range(1, 6):
                d.line([(x + k * 10, y + 3), (x + k * 10, y + 29)], fill=rgba("#000000", 40), width=2)
    for cx in (W * 0.66, W * 0.86):   # gantry cranes
        c = rgba("#2c2e38", 255)
        thick(d, (cx, quay_top), (cx, quay_top - 300), 12, c)
        thick(d, (cx + 70, quay_top), (cx + 70, quay_top - 300), 12, c)
        thick(d, (cx - 160, quay_top - 300), (cx + 180, quay_top - 300), 14, c)
        thick(d, (cx, quay_top - 300), (cx + 35, quay_top - 360), 6, c)
        thick(d, (cx + 70, quay_top - 300), (cx + 35, quay_top - 360), 6, c)
        d.line([(cx - 120, quay_top - 300), (cx - 120, quay_top - 180)], fill=c, width=3)
    for i in range(6):
        person(d, rng, W * (0.6 + i * 0.06), quay_top, 46, facing=1 if i % 2 else -1, alpha=255)
    put(img, lay, 0.7)
    lay = layer(); d = ImageDraw.Draw(lay)
    for bx, by, L, cols, crew in ((0.3, 0.67, 300, ("#8e44ad", "#f4d03f", "#1a5276"), 0),
                                  (0.06, 0.8, 560, ("#2e6da4", "#e8c64a", "#c0392b"), 1),
                                  (0.4, 0.93, 700, ("#1f7a5a", "#f1f1f1", "#d35400"), 2)):
        pirogue(d, rng, W * bx, H * by, L, cols, crew)
    put(img, lay)
    return img


def pirogue(d, rng, x, y, L, cols, crew):
    """A long painted fishing boat seen from the side, its waterline at y, with crew aboard."""
    hgt = L * 0.075
    n = 40
    ts = [i / n for i in range(n + 1)]
    top = [(x + L * t, y - hgt * (1.0 + 1.6 * abs(2 * t - 1) ** 3)) for t in ts]
    depth = [hgt * 1.25 * (1 - abs(2 * t - 1) ** 2.2) for t in ts]
    bottom = [(px, py + dp) for (px, py), dp in zip(top, depth)]
    for i in range(crew):   # standing in the boat: the hull hides their legs
        person(d, rng, x + L * (0.35 + 0.3 * i), y - hgt * 0.2, hgt * 4.2, walking=False, dress=False)
    d.polygon(bottom + [(px, by + (by - py) * 0.7) for (px, py), (_, by) in zip(top, bottom)][::-1],
              fill=rgba("#0f2230", 80))   # its reflection
    d.polygon(top + bottom[::-1], fill=rgba(cols[0], 255))
    band = lambda a, b: [(px, py + dp * a) for (px, py), dp in zip(top, depth)] + \
        [(px, py + dp * b) for (px, py), dp in zip(top, depth)][::-1]
    d.polygon(band(0.0, 0.16), fill=rgba(cols[1], 255))
    d.polygon(band(0.3, 0.42), fill=rgba(cols[2], 255))
    d.polygon(band(0.52, 0.58), fill=rgba(cols[1], 255))
    d.line(top, fill=rgba("#2a1d14", 255), width=max(2, int(L / 150)))


def clinic(rng):
    """A clinic tent in a reception site: white tent, a blue sign, people waiting in its shade."""
    horizon = int(H * 0.52)
    img = vgrad(W, H, [(0, "#7fb2dc"), (0.5, "#d8e8f0"), (0.52, "#cbbf9c"), (1, "#b39a72")])
    lay = layer(); d = ImageDraw.Draw(lay)
    clouds(d, rng, 6, H * 0.06, H * 0.28, rgba("#ffffff", 170), 170)
    put(img, lay, 10)
    lay = layer(); d = ImageDraw.Draw(lay)
    hill(d, rng, horizon - 60, 30, rgba("#7f9a7c", 255), bottom=horizon + 10)
    for i in range(14):
        round_tree(d, rng, rng.uniform(0, W), horizon + rng.uniform(-10, 12), rng.uniform(70, 120),
                   [rgba(c, 255) for c in ("#4f7348", "#5f8552", "#44663f")])
    put(img, lay, 2.5)
    texture(img, rng, (0, horizon, W, H), (36, 12), 22, blur=5)
    lay = layer(); d = ImageDraw.Draw(lay)
    # a second tent behind
    d.polygon([(W * 0.02, H * 0.62), (W * 0.02, H * 0.5), (W * 0.12, H * 0.42), (W * 0.22, H * 0.5), (W * 0.22, H * 0.62)],
              fill=rgba("#dfe3e6", 255))
    d.polygon([(W * 0.12, H * 0.42), (W * 0.22, H * 0.5), (W * 0.22, H * 0.62), (W * 0.17, H * 0.62)], fill=rgba("#c4cacf", 255))
    # the main tent
    x0, x1, top, eave, base = W * 0.28, W * 0.92, H * 0.24, H * 0.4, H * 0.74
    d.polygon([(x0, eave), ((x0 + x1) / 2, top), (x1, eave), (x1, base), (x0, base)], fill=rgba("#f2f4f5", 255))
    d.polygon([((x0 + x1) / 2, top), (x1, eave), (x1 + 40, eave + 12), ((x0 + x1) / 2 + 20, top + 6)], fill=rgba("#d5dadf", 255))
    d.polygon([(x0, eave), ((x0 + x1) / 2, top), ((x0 + x1) / 2, top + 18), (x0 - 40, eave + 12)], fill=rgba("#e6e9ec", 255))
    d.rectangle((x0, eave + 40, x1, eave + 64), fill=rgba("#0f62ac", 255))   # a blue band
    for i in range(6):
        d.line([(x0 + (x1 - x0) * i / 5, eave), (x0 + (x1 - x0) * i / 5, base)], fill=rgba("#c7ccd1", 255), width=4)
    d.rectangle((W * 0.55, H * 0.5, W * 0.66, base), fill=rgba("#3a4350", 255))       # the door
    d.polygon([(W * 0.55, H * 0.5), (W * 0.66, H * 0.5), (W * 0.6, H * 0.58)], fill=rgba("#e6e9ec", 255))
    for i in range(3):   # windows
        wx = x0 + 60 + i * 110
        d.rectangle((wx, H * 0.52, wx + 70, H * 0.58), fill=rgba("#b9c8d6", 255))
    for gx in (x0, x1):
        d.line([(gx, eave), (gx + (60 if gx == x1 else -60), base + 30)], fill=rgba("#8a8f94", 255), width=3)
    sign = (W * 0.72, H * 0.45, W * 0.9, H * 0.55)
    d.rectangle(sign, fill=rgba("#0f62ac", 255))
    for k in range(3):
        d.rectangle((sign[0] + 20, sign[1] + 16 + k * 24, sign[0] + 20 + rng.uniform(120, 230), sign[1] + 28 + k * 24),
                    fill=rgba("#ffffff", 235))
    # a water tank
    d.rectangle((W * 0.94, H * 0.5, W * 1.02, H * 0.7), fill=rgba("#2f6f9f", 255))
    ellipse(d, W * 0.98, H * 0.5, W * 0.04, 12, rgba("#3f86b8", 255))
    # shade awning and bench
    d.polygon([(W * 0.06, H * 0.6), (W * 0.3, H * 0.6), (W * 0.33, H * 0.66), (W * 0.03, H * 0.66)], fill=rgba("#1d6fa8", 255))
    for px in (W * 0.05, W * 0.3):
        d.line([(px, H * 0.66), (px, H * 0.86)], fill=rgba("#5b4a3a", 255), width=8)
    d.rectangle((W * 0.06, H * 0.8, W * 0.3, H * 0.815), fill=rgba("#6e5640", 255))
    put(img, lay, 0.6)
    lay = layer(); d = ImageDraw.Draw(lay)
    for i, fx in enumerate((0.09, 0.14, 0.19, 0.25)):
        seated(d, rng, W * fx, H * 0.8, 95)
    queue = [(0.36, 0.83), (0.41, 0.84), (0.46, 0.845), (0.51, 0.85)]
    for fx, fy in queue:
        person(d, rng, W * fx, H * fy, 260, facing=1, walking=False, load=rng.choice([None, "bag", None]))
    person(d, rng, W * 0.58, H * 0.84, 250, facing=-1, walking=False, colour="#f5f7f8", dress=False)  # health worker
    person(d, rng, W * 0.43, H * 0.86, 130, facing=1, walking=False, dress=False)  # a child
    put(img, lay)
    return img


def workshop(rng):
    """A training room: a window, a screen with a chart, tables, participants from behind."""
    img = vgrad(W, H, [(0, "#e8dfcf"), (0.55, "#d9cdb8"), (0.56, "#8a7b6a"), (1, "#6b5d50")])
    lay = layer(); d = ImageDraw.Draw(lay)
    d.rectangle((0, 0, W, 40), fill=rgba("#f3efe7", 255))
    for lx in (W * 0.3, W * 0.7):
        d.rectangle((lx - 120, 28, lx + 120, 44), fill=rgba("#fffdf2", 255))
    # window with daylight
    d.rectangle((W * 0.02, H * 0.1, W * 0.24, H * 0.52), fill=rgba("#bcd5e6", 255))
    d.rectangle((W * 0.02, H * 0.36, W * 0.24, H * 0.52), fill=rgba("#9fb7a6", 255))
    d.polygon([(W * 0.02, H * 0.4), (W * 0.08, H * 0.3), (W * 0.13, H * 0.36), (W * 0.2, H * 0.28), (W * 0.24, H * 0.34),
               (W * 0.24, H * 0.52), (W * 0.02, H * 0.52)], fill=rgba("#8fa395", 255))
    for k in range(4):
        d.line([(W * 0.02 + k * W * 0.0733, H * 0.1), (W * 0.02 + k * W * 0.0733, H * 0.52)], fill=rgba("#f4f1ea", 255), width=10)
    d.line([(W * 0.02, H * 0.31), (W * 0.24, H * 0.31)], fill=rgba("#f4f1ea", 255), width=10)
    d.rectangle((W * 0.02, H * 0.1, W * 0.24, H * 0.52), outline=rgba("#f4f1ea", 255), width=14)
    # screen with a chart
    sx0, sy0, sx1, sy1 = W * 0.4, H * 0.1, W * 0.82, H * 0.44
    d.rectangle((sx0 - 10, sy0 - 10, sx1 + 10, sy1 + 10), fill=rgba("#2c2f36", 255))
    d.rectangle((sx0, sy0, sx1, sy1), fill=rgba("#f7f9fb", 255))
    d.rectangle((sx0, sy0, sx1, sy0 + 34), fill=rgba("#0f62ac", 255))
    d.rectangle((sx0 + 18, sy0 + 10, sx0 + 200, sy0 + 24), fill=rgba("#ffffff", 220))
    for i, v in enumerate((0.35, 0.55, 0.48, 0.7, 0.82, 0.64)):
        bx = sx0 + 40 + i * 52
        d.rectangle((bx, sy1 - 30 - v * 170, bx + 34, sy1 - 30), fill=rgba("#4f8fc9" if i % 2 else "#0f62ac", 255))
    d.line([(sx0 + 30, sy1 - 28), (sx0 + 360, sy1 - 28)], fill=rgba("#8a939d", 255), width=3)
    for k in range(5):
        d.rectangle((sx0 + 400, sy0 + 70 + k * 34, sx0 + 400 + rng.uniform(150, 240), sy0 + 82 + k * 34),
                    fill=rgba("#9aa5b1", 255))
    # a banner stand
    d.rectangle((W * 0.88, H * 0.12, W * 0.96, H * 0.6), fill=rgba("#0f62ac", 255))
    d.rectangle((W * 0.895, H * 0.16, W * 0.945, H * 0.2), fill=rgba("#ffffff", 230))
    for k in range(4):
        d.rectangle((W * 0.895, H * 0.3 + k * 24, W * 0.95, H * 0.31 + k * 24), fill=rgba("#bcd3ea", 255))
    put(img, lay, 1.2)
    glow(img, (int(W * 0.13), int(H * 0.3)), 420, "#fff7e6", 0.35)
    lay = layer(); d = ImageDraw.Draw(lay)
    person(d, rng, W * 0.36, H * 0.62, 330, facing=1, walking=False, colour="#2b3a55", dress=False)  # facilitator
    # tables in perspective, participants seated from behind
    rows = [(0.62, 0.7, 0.9, 120), (0.76, 0.84, 1.0, 165), (0.93, 1.02, 1.1, 220)]
    for y0, y1, spread, size in rows:
        yt, yb = H * y0, H * y1
        d.polygon([(W * (0.5 - 0.45 * spread), yt), (W * (0.5 + 0.45 * spread), yt),
                   (W * (0.5 + 0.5 * spread), yb), (W * (0.5 - 0.5 * spread), yb)], fill=rgba("#efe9dc", 255))
        d.rectangle((W * (0.5 - 0.5 * spread), yb, W * (0.5 + 0.5 * spread), yb + 14), fill=rgba("#b8ad98", 255))
        for k in range(5):   # papers and laptops
            px = W * (0.5 - 0.38 * spread) + k * W * 0.19 * spread + rng.uniform(-20, 20)
            if rng.random() < 0.5:
                d.polygon([(px, yt + 10), (px + size * 0.5, yt + 10), (px + size * 0.45, yt - size * 0.3), (px + size * 0.05, yt - size * 0.3)],
                          fill=rgba("#3c4350", 255))
            else:
                d.rectangle((px, yt + 8, px + size * 0.35, yt + 8 + size * 0.15), fill=rgba("#ffffff", 255))
        n = 5 if size < 200 else 4
        for k in range(n):
            x = W * (0.5 - 0.4 * spread) + k * (W * 0.8 * spread) / (n - 1) + rng.uniform(-25, 25)
            seated(d, rng, x, yb + size * 0.35, size * 1.25, hair=rng.choice(["#1d1714", "#2b2220", "#3a2c24", "#181818"]),
                   skin=rng.choice(["#c99a72", "#b98660", "#d8ad86", "#a87550"]))
    put(img, lay)
    return img


def field(rng):
    """Drought: cracked earth, a dry tree, round huts far off, a woman carrying water."""
    horizon = int(H * 0.46)
    img = vgrad(W, H, [(0, "#a9c4d6"), (0.46, "#f3dfc0"), (0.46, "#caa074"), (1, "#a77a52")])
    glow(img, (int(W * 0.2), int(H * 0.16)), 380, "#fff4dc", 0.9)
    lay = layer(); d = ImageDraw.Draw(lay)
    hill(d, rng, horizon - 10, 8, rgba("#b99b7e", 255), bottom=horizon + 3)
    for i in range(7):   # huts
        x = W * 0.62 + i * 46 + rng.uniform(-8, 8)
        y = horizon + 6
        d.rectangle((x - 16, y - 22, x + 16, y), fill=rgba("#9b7652", 255))
        d.polygon([(x - 24, y - 20), (x, y - 48), (x + 24, y - 20)], fill=rgba("#7d6a45", 255))
    put(img, lay, 1.5)
    texture(img, rng, (0, horizon, W, H), (50, 18), 20, blur=4)
    lay = layer(); d = ImageDraw.Draw(lay)
    for _ in range(420):   # cracks, longer in the foreground
        y = rng.uniform(horizon + 20, H)
        k = (y - horizon) / (H - horizon)
        x = rng.uniform(-20, W + 20)
        pts = [(x, y)]
        for _ in range(rng.randint(2, 5)):
            x += rng.uniform(-70, 70) * k
            y += rng.uniform(-14, 14) * k
            pts.append((x, y))
        d.line(pts, fill=rgba("#6e4a2e", int(90 + 120 * k)), width=max(1, int(5 * k)))
    for _ in range(60):
        y = rng.uniform(horizon + 10, H)
        k = (y - horizon) / (H - horizon)
        ellipse(d, rng.uniform(0, W), y, 4 + 12 * k, 2 + 5 * k, rgba("#8c8a55", 200))
    put(img, lay, 0.6)
    lay = layer(); d = ImageDraw.Draw(lay)
    tx, tb = W * 0.26, H * 0.78
    trunk = rgba("#4a3526", 255)
    thick(d, (tx, tb), (tx + 10, tb - 260), 26, trunk)
    for ang, ln in ((-60, 180), (-110, 160), (-30, 120), (-140, 110), (-80, 200)):
        a = math.radians(ang)
        p = (tx + 10 + math.cos(a) * 20, tb - 240)
        q = (p[0] + math.cos(a) * ln, p[1] + math.sin(a) * ln)
        thick(d, p, q, 10, trunk)
        thick(d, q, (q[0] + rng.uniform(-50, 50), q[1] - rng.uniform(30, 60)), 5, trunk)
    d.ellipse((tx - 120, tb - 12, tx + 160, tb + 16), fill=(0, 0, 0, 40))
    person(d, rng, W * 0.66, H * 0.8, 300, facing=-1, dress=True, load="head")
    person(d, rng, W * 0.72, H * 0.77, 210, facing=-1, dress=True, load="jerrycan")
    for gx in (0.48, 0.52, 0.55):   # goats
        gx, gy = W * gx + rng.uniform(-10, 10), H * 0.6 + rng.uniform(-8, 8)
        c = rgba(rng.choice(["#3b2f28", "#e8e0d0", "#7a5a3e"]), 255)
        ellipse(d, gx, gy, 24, 12, c)
        ellipse(d, gx + 24, gy - 12, 8, 7, c)
        for lx in (-14, -6, 8, 16):
            d.line([(gx + lx, gy + 6), (gx + lx, gy + 24)], fill=c, width=3)
    put(img, lay)
    return img


def flood(rng):
    """Flooded fields under a monsoon sky: a house on stilts, a boat, palms."""
    horizon = int(H * 0.5)
    img = vgrad(W, H, [(0, "#6f7f90"), (0.5, "#c4ccd1"), (0.5, "#9aa8b0"), (1, "#55697a")])
    lay = layer(); d = ImageDraw.Draw(lay)
    clouds(d, rng, 9, H * 0.02, H * 0.3, rgba("#59697a", 150), 220)
    clouds(d, rng, 6, H * 0.15, H * 0.4, rgba("#dfe4e8", 110), 180)
    put(img, lay, 14)
    lay = layer(); d = ImageDraw.Draw(lay)
    d.rectangle((0, horizon - 16, W, horizon + 2), fill=rgba("#55705a", 255))
    for i in range(22):
        x = rng.uniform(0, W)
        if rng.random() < 0.5:
            palm(d, x, horizon, rng.uniform(90, 150), rgba("#3f5e45", 255), rgba("#4f4538", 255))
        else:
            round_tree(d, rng, x, horizon, rng.uniform(60, 110), [rgba(c, 255) for c in ("#46634a", "#52705a", "#3d5641")])
    put(img, lay, 2)
    refl = img.crop((0, horizon - 160, W, horizon)).transpose(Image.FLIP_TOP_BOTTOM).filter(ImageFilter.GaussianBlur(4))
    water = Image.blend(refl, Image.new("RGB", refl.size, rgb("#7e939f")), 0.45)
    img.paste(water, (0, horizon))
    lay = layer(); d = ImageDraw.Draw(lay)
    for _ in range(300):
        y = rng.uniform(horizon + 4, H)
        x = rng.uniform(0, W)
        d.line([(x, y), (x + rng.uniform(20, 120), y)], fill=rgba("#d5dee3", rng.randint(30, 90)), width=2)
    for row in range(9):   # tips of drowned rice plants
        y = horizon + 30 + row ** 1.6 * 12
        k = (y - horizon) / (H - horizon)
        for i in range(int(60 - row * 4)):
            x = (i + rng.uniform(-0.3, 0.3)) * W / (60 - row * 4)
            d.line([(x, y), (x - 4 * k, y - 18 * k - 4)], fill=rgba("#6f8a4f", 200), width=max(1, int(4 * k)))
            d.line([(x, y), (x + 6 * k, y - 14 * k - 3)], fill=rgba("#7f9a5a", 200), width=max(1, int(3 * k)))
    put(img, lay, 0.5)
    lay = layer(); d = ImageDraw.Draw(lay)
    hx, hy = W * 0.68, H * 0.66   # house on stilts
    for sx in (-110, -40, 40, 110):
        d.line([(hx + sx, hy), (hx + sx, hy + 90)], fill=rgba("#4a3a2c", 255), width=10)
    d.rectangle((hx - 130, hy - 110, hx + 130, hy), fill=rgba("#8b6a48", 255))
    for k in range(8):
        d.line([(hx - 130 + k * 37, hy - 110), (hx - 130 + k * 37, hy)], fill=rgba("#6f5238", 255), width=3)
    d.polygon([(hx - 160, hy - 104), (hx, hy - 190), (hx + 160, hy - 104)], fill=rgba("#9aa3a9", 255))
    d.polygon([(hx, hy - 190), (hx + 160, hy - 104), (hx + 160, hy - 94), (hx, hy - 178)], fill=rgba("#7d868c", 255))
    d.rectangle((hx - 30, hy - 80, hx + 20, hy), fill=rgba("#3a2c22", 255))
    d.rectangle((hx - 140, hy + 90, hx + 140, hy + 140), fill=rgba("#2c3e4a", 80))
    bx, by = W * 0.24, H * 0.86   # a boat with two people
    person(d, rng, bx + 110, by - 28, 190, walking=False, dress=False)
    person(d, rng, bx + 260, by - 28, 170, walking=False, dress=True)
    thick(d, (bx + 330, by - 150), (bx + 420, by + 40), 7, rgba("#5b4632", 255))
    d.polygon([(bx - 20, by - 44), (bx + 420, by - 48), (bx + 370, by + 6), (bx + 40, by + 8)], fill=rgba("#5d3b26", 255))
    d.polygon([(bx - 20, by - 44), (bx + 420, by - 48), (bx + 410, by - 36), (bx - 8, by - 34)], fill=rgba("#c0542f", 255))
    d.rectangle((bx + 40, by + 10, bx + 370, by + 40), fill=rgba("#22323c", 70))
    put(img, lay)
    return img


def shelters(rng):
    """Hillsides covered with bamboo-and-tarpaulin shelters under a monsoon sky."""
    img = vgrad(W, H, [(0, "#7d8fa3"), (0.3, "#c9d2d8"), (0.32, "#8aa07a"), (1, "#7a5a3e")])
    lay = layer(); d = ImageDraw.Draw(lay)
    clouds(d, rng, 7, H * 0.0, H * 0.2, rgba("#5f6f80", 140), 200)
    put(img, lay, 12)
    tarps = ["#e9ecee", "#d7dde2", "#6f93b4", "#c96b3a", "#a9b1b8", "#4f7fa8", "#efe6cf"]
    hills = [(0.33, 30, "#7d9a72", 24), (0.47, 40, "#8f7a5a", 34), (0.64, 50, "#9a7650", 50), (0.84, 40, "#8a6440", 70)]
    for n, (fy, amp, colour, size) in enumerate(hills):
        lay = layer(); d = ImageDraw.Draw(lay)
        line = hill(d, rng, H * fy, amp, rgba(colour, 255))
        for _ in range(int(W / size * 1.5)):   # rows of shelters along the slope
            x = rng.uniform(-size, W)
            top = y_at(line, min(W, max(0, x)))
            y = top + rng.uniform(size * 0.6, size * 3.2)
            if y > H:
                continue
            w_, h_ = size * rng.uniform(1.4, 2.2), size * rng.uniform(0.7, 0.9)
            d.rectangle((x, y - h_, x + w_, y), fill=rgba("#b59b74", 255))
            d.polygon([(x - size * 0.1, y - h_), (x + w_ * 0.5, y - h_ - size * 0.45), (x + w_ + size * 0.1, y - h_)],
                      fill=rgba(rng.choice(tarps), 255))
            d.rectangle((x + w_ * 0.4, y - h_ * 0.7, x + w_ * 0.6, y), fill=rgba("#4a3a2c", 255))
        if n:
            for _ in range(3):   # trees among them
                x = rng.uniform(0, W)
                round_tree(d, rng, x, y_at(line, x) + size * 2, size * 3, [rgba(c, 255) for c in ("#4d6b42", "#5d7d4e")])
        if n == 2:   # a stairway up the hill
            sx = W * 0.55
            for k in range(14):
                y = H * 0.95 - k * 22
                d.rectangle((sx - 30 + k * 4, y, sx + 30 + k * 4, y + 8), fill=rgba("#cdb48c", 255))
        put(img, lay, 3 - n)
        texture(img, rng, (0, int(H * fy), W, H), (30, 10), 10, blur=3)
    lay = layer(); d = ImageDraw.Draw(lay)
    for fx in (0.3, 0.36, 0.78):
        person(d, rng, W * fx, H * 0.97, 200, facing=1, load=rng.choice([None, "head", "jerrycan"]))
    put(img, lay)
    return img


def leaf(d, base, tip, broad, colour):
    """A lens-shaped leaf from base to tip with its midrib."""
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    nx, ny = -dy * broad, dx * broad
    side = lambda sgn: [(base[0] + dx * t + sgn * nx * math.sin(math.pi * t) ** 0.8,
                         base[1] + dy * t + sgn * ny * math.sin(math.pi * t) ** 0.8) for t in [i / 16 for i in range(17)]]
    d.polygon(side(1) + side(-1)[::-1], fill=colour)
    d.line([base, tip], fill=rgba("#1a2e1d", 150), width=3)


def forest(rng):
    """A muddy path through dense rainforest, people with backpacks walking away."""
    img = vgrad(W, H, [(0, "#b9d0c4"), (0.45, "#8fb39d"), (0.46, "#4f6b43"), (1, "#3b2e22")])
    greens = ["#2f4f32", "#3d6140", "#4f7a4a", "#27422b", "#5e8a55", "#1f3624"]
    for depth in range(4):
        lay = layer(); d = ImageDraw.Draw(lay)
        fade = 0.55 - depth * 0.17
        for _ in range(18 + depth * 6):
            x = rng.uniform(-50, W + 50)
            base = H * (0.45 + depth * 0.05)
            h = rng.uniform(300, 520) * (1 + depth * 0.3)
            thick(d, (x, base + 40), (x + rng.uniform(-20, 20), base - h), 10 + depth * 10,
                  rgba(mix(rng.choice(["#4a3b2c", "#5a4a38"]), "#a9c4b6", fade), 255))
            for _ in range(5):
                ellipse(d, x + rng.uniform(-120, 120), base - h + rng.uniform(-40, 160), rng.uniform(80, 170), rng.uniform(50, 100),
                        rgba(mix(rng.choice(greens), "#b9d0c4", fade), 255))
        put(img, lay, 6 - depth * 1.5)
    lay = layer(); d = ImageDraw.Draw(lay)
    # the path
    d.polygon([(W * 0.47, H * 0.5), (W * 0.52, H * 0.5), (W * 0.62, H * 0.62), (W * 0.56, H * 0.74), (W * 0.78, H),
               (W * 0.2, H), (W * 0.42, H * 0.74), (W * 0.48, H * 0.62)], fill=rgba("#6b4e34", 255))
    for _ in range(70):
        y = rng.uniform(H * 0.55, H)
        ellipse(d, rng.uniform(W * 0.3, W * 0.7), y, rng.uniform(20, 70), rng.uniform(4, 10), rgba("#8d7a5e", 120))
    put(img, lay, 1)
    texture(img, rng, (0, int(H * 0.5), W, H), (40, 14), 18, blur=3)
    lay = layer(); d = ImageDraw.Draw(lay)
    for fx, fy, h in ((0.5, 0.56, 70), (0.53, 0.6, 95), (0.48, 0.68, 150), (0.55, 0.72, 180)):
        person(d, rng, W * fx, H * fy, h, facing=1, dress=False, pack=rng.choice(["#c0392b", "#2e6da4", "#d4a017", "#3b3f48"]))
    put(img, lay, 0.7)
    lay = layer(); d = ImageDraw.Draw(lay)
    for side in (0, 1):   # big leaves framing the picture
        for _ in range(12):
            x = rng.uniform(-80, 260) if side == 0 else rng.uniform(W - 260, W + 80)
            y = rng.uniform(H * 0.45, H + 40)
            ang = rng.uniform(-0.9, 0.9) + (math.pi if side else 0)
            L = rng.uniform(180, 300)
            tip = (x + math.cos(ang) * L, y + math.sin(ang) * L * 0.5 - 60)
            leaf(d, (x, y), tip, rng.uniform(0.2, 0.3), rgba(rng.choice(greens), 255))
    put(img, lay, 1.5)
    return img


def market(rng):
    """A street market: stalls under coloured umbrellas, low houses, people shopping."""
    horizon = int(H * 0.48)
    img = vgrad(W, H, [(0, "#8ec3e6"), (0.45, "#e3eef3"), (0.48, "#e3eef3"), (0.48, "#cdb08a"), (1, "#b08d66")])
    lay = layer(); d = ImageDraw.Draw(lay)
    walls = ["#e8c27a", "#d98c5f", "#f0e2c4", "#9fc3c9", "#e6a2a0", "#c9d6a8"]
    vp = W * 0.5
    x = -20
    while x < W:   # houses on both sides of the street, smaller towards the middle
        k = abs(x + 80 - vp) / vp
        w_ = 120 + 220 * k
        h_ = 110 + 260 * k
        base = horizon + 40 * k
        c = rgba(rng.choice(walls), 255)
        d.rectangle((x, base - h_, x + w_, base), fill=c)
        d.rectangle((x, base - h_, x + w_, base - h_ + 14), fill=rgba("#8a7a66", 255))
        for wx in range(int(x + 20), int(x + w_ - 40), 70):
            d.rectangle((wx, base - h_ * 0.75, wx + 34, base - h_ * 0.5), fill=rgba("#4a5a66", 255))
        d.rectangle((x + w_ * 0.4, base - h_ * 0.42, x + w_ * 0.58, base), fill=rgba("#5b4636", 255))
        x += w_ + rng.uniform(2, 12)
    palm(d, W * 0.58, horizon - 10, 230, rgba("#3f6a42", 255), rgba("#5c4a36", 255))
    put(img, lay, 1.8)
    texture(img, rng, (0, horizon, W, H), (40, 12), 18, blur=4)
    lay = layer(); d = ImageDraw.Draw(lay)
    goods = ["#e74c3c", "#f39c12", "#27ae60", "#f1c40f", "#8e44ad", "#d35400", "#2ecc71"]
    stalls = [(0.1, 0.78, 330), (0.34, 0.66, 220), (0.66, 0.66, 220), (0.9, 0.78, 330), (0.5, 0.58, 130)]
    for fx, fy, s in sorted(stalls, key=lambda t: t[1]):
        cx, base = W * fx, H * fy
        thick(d, (cx, base - s * 0.1), (cx, base - s * 0.95), s * 0.03, rgba("#4a3a2c", 255))
        d.pieslice((cx - s * 0.75, base - s * 1.2, cx + s * 0.75, base - s * 0.7), 180, 360,
                   fill=rgba(rng.choice(["#d64541", "#2e86c1", "#f4d03f", "#1e8449", "#e67e22"]), 255))
        d.rectangle((cx - s * 0.55, base - s * 0.35, cx + s * 0.55, base - s * 0.12), fill=rgba("#7a5c3e", 255))
        for _ in range(int(s * 0.3)):
            ellipse(d, cx + rng.uniform(-s * 0.5, s * 0.5), base - s * 0.36 - rng.uniform(0, s * 0.06),
                    s * 0.03, s * 0.026, rgba(rng.choice(goods), 255))
        d.line([(cx - s * 0.5, base - s * 0.12), (cx - s * 0.5, base)], fill=rgba("#4a3a2c", 255), width=6)
        d.line([(cx + s * 0.5, base - s * 0.12), (cx + s * 0.5, base)], fill=rgba("#4a3a2c", 255), width=6)
    people = [(0.22, 0.86, 300), (0.28, 0.72, 200), (0.44, 0.64, 140), (0.56, 0.62, 120), (0.6, 0.74, 210),
              (0.76, 0.88, 320), (0.47, 0.9, 330), (0.8, 0.7, 190)]
    for fx, fy, h in sorted(people, key=lambda t: t[1]):
        person(d, rng, W * fx, H * fy, h, facing=rng.choice([-1, 1]), load=rng.choice([None, "head", "bag"]))
    put(img, lay)
    return img


SCENES = {
    "road": road, "port": port, "clinic": clinic, "workshop": workshop, "field": field,
    "flood": flood, "shelters": shelters, "forest": forest, "market": market,
}


def finish(img, rng):
    img = vignette(img, 70)
    img = img.resize(OUT_SIZE, Image.LANCZOS)
    return grain(img, rng, 5)


def save(img, path):
    """JPEG at the best quality that stays under MAX_BYTES."""
    for quality in range(82, 40, -4):
        img.save(path, "JPEG", quality=quality, optimize=True, progressive=True, subsampling="4:2:0")
        if os.path.getsize(path) <= MAX_BYTES:
            return quality
    raise SystemExit(f"{path}: cannot get under {MAX_BYTES} bytes")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "www", "images"))
    os.makedirs(out, exist_ok=True)
    for i, (name, scene) in enumerate(SCENES.items()):
        rng = random.Random(2026 * 100 + i)
        img = finish(scene(rng).convert("RGB"), rng)
        path = os.path.join(out, f"{name}.jpg")
        q = save(img, path)
        print(f"{path}: {img.size[0]}x{img.size[1]}, quality {q}, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
