"""QLoRA: the 16 NormalFloat-4 levels against 16 evenly spaced levels, over the weight density.

Values: the NF4 code book in bitsandbytes (functional.py, `get_4bit_type("nf4")`), which the QLoRA
paper's Appendix E lists too. The bell curve is the standard normal density rescaled the way the
code book is: its 0.9677083 quantile (Q = 1.848) lands at 1.
"""

import math

SIZE = (520, 330)

NF4 = [
    -1.0,
    -0.6961928009986877,
    -0.5250730514526367,
    -0.39491748809814453,
    -0.28444138169288635,
    -0.18477343022823334,
    -0.09105003625154495,
    0.0,
    0.07958029955625534,
    0.16093020141124725,
    0.24611230194568634,
    0.33791524171829224,
    0.44070982933044434,
    0.5626170039176941,
    0.7229568362236023,
    1.0,
]
UNIFORM = [-1 + 2 * i / 15 for i in range(16)]
SCALE = 1.848  # standard normal quantile at 0.9677083, the code book's outermost probability

LABELS = {
    "zh": {
        "density": "权重分布（正态）",
        "nf4": "NF4：16 个取值，靠近 0 处更密",
        "uniform": "均匀 4 位：16 个等距取值",
        "axis": "块内按 absmax 归一化后的权重",
    },
    "en": {
        "density": "Weight distribution (normal)",
        "nf4": "NF4: 16 levels, denser near 0",
        "uniform": "Uniform 4-bit: 16 evenly spaced levels",
        "axis": "Weight after dividing by the block's absmax",
    },
}


def draw(c, t):
    left, right = 30, 490
    x = lambda v: left + (v + 1) / 2 * (right - left)  # noqa: E731

    # The density, as a soft area with an outline; its label in the empty top-left corner.
    top, base = 48, 140
    points = []
    for i in range(101):
        v = -1 + 2 * i / 100
        density = math.exp(-((v * SCALE) ** 2) / 2)
        points.append((x(v), base - density * (base - top)))
    c.polygon([(x(-1), base), *points, (x(1), base)], "f-a1-soft")
    c.polyline(points, "s-a1", 2)
    c.text(left, 26, t["density"], 16, "f-muted")

    # NF4 levels: ticks down from the curve's base line, ending in dots.
    c.line(left, base, right, base, "s-muted", 1)
    for v in NF4:
        c.line(x(v), base, x(v), base + 22, "s-a1", 2)
        c.circle(x(v), base + 22, 4.5, "f-a1")
    c.text(left, base + 52, t["nf4"], 16, "f-a1 bold")

    # Uniform levels, for comparison, on the shared axis.
    row = 262
    c.text(left, row - 44, t["uniform"], 16, "f-a2 bold")
    c.line(left, row, right, row, "s-muted", 1)
    for v in UNIFORM:
        c.line(x(v), row - 22, x(v), row, "s-a2", 2)
        c.circle(x(v), row - 22, 4.5, "f-a2")
    for v in (-1, -0.5, 0, 0.5, 1):
        c.line(x(v), row, x(v), row + 6, "s-muted", 1)
        c.text(x(v), row + 26, f"{v:g}".replace("-", "\u2212"), 16, "f-muted", "middle")
    c.text((left + right) / 2, row + 58, t["axis"], 16, "f-muted", "middle")
