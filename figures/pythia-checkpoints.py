"""Pythia: the 154 saved steps of every model, on a linear and on a log-scaled step axis.

Values: the Pythia paper, §2.4 ("We save model checkpoints at initialization and every
2,097,152,000 tokens (or 1,000 iterations) ... Additionally, we save log-spaced checkpoints early in
training at iterations {1,2,4,8,16,32,64,128,256,512}. This gives a total of 154 checkpoints per
model"; "a batch size of 1024 samples with a sequence length of 2048 (2,097,152 tokens) for all
models"), and the EleutherAI/pythia README (steps 0, 1, 2, 4, …, 512, 1000 and every 1,000 steps
after; 143,000 steps; "trained on the same data in the same order").
"""

import math

SIZE = (520, 484)

INIT = [0]
LOG_SPACED = [2**i for i in range(10)]  # 1, 2, 4, …, 512
EVERY_1000 = [1000 * j for j in range(1, 144)]  # 1,000 … 143,000
LAST = EVERY_1000[-1]
assert len(INIT) + len(LOG_SPACED) + len(EVERY_1000) == 154

LABELS = {
    "zh": {
        "linear": "线性步数轴：每 1,000 步存一个",
        "pile": "第 0–512 步的 11 个检查点\n挤在前 0.4% 的步数里",
        "log": "对数步数轴：前 512 步被拉开",
        "init": "初始化",
        "log_spaced": "对数间隔",
        "every": "每 1,000 步",
        "total": "每个模型：1 + 10 + 143 = 154 个检查点",
        "step": "1 步 = 1,024 条序列 × 2,048 个词元\n= 2,097,152 个词元",
        "same": "16 个模型在相同的步数保存，\n读到的批次顺序也完全相同",
    },
    "en": {
        "linear": "Linear step axis: one every 1,000 steps",
        "pile": "Steps 0–512 hold 11 checkpoints,\nsqueezed into the first 0.4%",
        "log": "Log step axis: the first 512 steps spread out",
        "init": "init",
        "log_spaced": "log-spaced",
        "every": "every 1,000 steps",
        "total": "Per model: 1 + 10 + 143 = 154 checkpoints",
        "step": "1 step = 1,024 sequences × 2,048 tokens\n= 2,097,152 tokens",
        "same": "All 16 models save at these steps\nand read the batches in the same order",
    },
}


def draw(c, t):
    left, right = 30, 500

    # Row 1: linear axis. The 143 regular checkpoints make an even comb; the 11 early ones
    # (steps 0–512) all land within 2 units of the left end.
    c.text(left, 24, t["linear"], 16, "f-muted")
    axis = 112
    lin = lambda s: left + s / LAST * (right - left)  # noqa: E731
    for s in EVERY_1000:
        c.line(lin(s), axis, lin(s), axis - 14, "s-a1", 1)
    c.line(left, axis, right, axis, "s-muted", 1)
    c.line(left, axis, left, axis - 64, "s-a2", 3)
    c.text(left + 10, axis - 48, t["pile"], 16, "f-a2", "start")
    for s, label in ((0, "0"), (50_000, "50k"), (100_000, "100k"), (LAST, "143k")):
        c.text(lin(s), axis + 22, label, 16, "f-muted", "middle" if s else "start")

    # Row 2: log axis (step 0 set apart on the left, then log10 of the step).
    c.text(left, 172, t["log"], 16, "f-muted")
    axis = 222
    start = left + 46
    log = lambda s: start + math.log10(s) / math.log10(LAST) * (right - start)  # noqa: E731
    c.line(left, axis, left + 16, axis, "s-muted", 1)
    c.line(start - 14, axis, right, axis, "s-muted", 1)
    for dx in (20, 26):  # axis break between step 0 and step 1
        c.line(left + dx - 3, axis + 6, left + dx + 3, axis - 6, "s-muted", 1)
    c.line(left, axis, left, axis - 26, "s-a3", 2.5)
    for s in LOG_SPACED:
        c.line(log(s), axis, log(s), axis - 26, "s-a2", 2.5)
    for s in EVERY_1000:
        c.line(log(s), axis, log(s), axis - 26, "s-a1", 1)
    ticks = [(0, left), (1, log(1)), (8, log(8)), (64, log(64)), (512, log(512))]
    ticks += [("10k", log(10_000)), ("143k", right)]
    for label, x in ticks:
        c.text(x, axis + 22, str(label), 16, "f-muted", "end" if x == right else "middle")

    # Group brackets under the log axis, with their counts.
    top = axis + 36
    groups = [
        (left - 4, left + 4, "1", t["init"], "f-a3", "s-a3"),
        (log(1) - 4, log(512) + 4, "10", t["log_spaced"], "f-a2", "s-a2"),
        (log(1000) - 4, right, "143", t["every"], "f-a1", "s-a1"),
    ]
    for x1, x2, count, name, fill, stroke in groups:
        c.polyline([(x1, top), (x1, top + 8), (x2, top + 8), (x2, top)], stroke, 1.5)
        mid = (x1 + x2) / 2
        c.text(mid, top + 30, count, 16, f"{fill} bold", "middle")
        c.text(mid, top + 50, name, 16, fill, "middle")
    c.text((left + right) / 2, top + 84, t["total"], 16, "f-ink bold", "middle")

    # What one step is, and what every model shares.
    box = top + 104
    c.rect(left - 10, box, right - left + 20, 118, "f-grid", 6)
    c.text(left, box + 28, t["step"], 16, "f-ink")
    c.text(left, box + 82, t["same"], 16, "f-ink")
