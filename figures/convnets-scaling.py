"""ConvNets Match ViTs: ImageNet top-1 after fine-tuning against pretraining compute (TPU-v4 core
hours, log axis) for the largest NFNet and the three ViTs the paper compares it with.

Every value is stated in the text of Smith et al., arXiv 2310.16764v1, Section 3 ("Fine-tuned NFNets
are competitive with Vision Transformers on ImageNet"):
  NFNet-F7+ pretrained for 8 epochs: 90.3% top-1, roughly 110k TPU-v4 core hours to pretrain;
  the same model fine-tuned with repeated augmentation: 90.4% (fine-tuning cost kept constant);
  ViT-g/14 (Zhai et al.): 90.2%, 210k TPU-v3 core hours, estimated at 120k TPU-v4 core hours;
  ViT-G/14 (Zhai et al.): 90.45%, over 500k TPU-v3 core hours, estimated at 280k TPU-v4;
  SoViT-400m/14 (Alabdulmohsin et al.): 90.3%, 230k TPU-v3 hours, estimated at 130k TPU-v4.
The range of NFNet pretraining budgets, 0.4k to 110k TPU-v4 core hours, is from the abstract.
The paper has no table of per-model accuracies: the smaller NFNets (F0 to F7) appear only as
points in its Figure 1, so they are not redrawn here.
"""

import math

SIZE = (520, 460)

NFNET = [  # (TPU-v4 core hours, ImageNet top-1 %, label name)
    (110e3, 90.3, "f7"),
    (110e3, 90.4, "f7ra"),
]
VIT = [
    (120e3, 90.2, "vitg"),
    (130e3, 90.3, "sovit"),
    (280e3, 90.45, "vitbig"),
]

LABELS = {
    "zh": {
        "yaxis": "微调后的 ImageNet top-1 准确率（%）",
        "xaxis": "预训练算力（TPU-v4 核心小时，对数坐标）",
        "f7": "NFNet-F7+：90.3",
        "f7ra": "NFNet-F7+，微调时加\n重复增强：90.4",
        "vitg": "ViT-g/14：90.2",
        "sovit": "SoViT-400m/14：90.3",
        "vitbig": "ViT-G/14：90.45",
        "range": "NFNet 预训练预算：0.4k–110k",
        "window": "上图范围",
    },
    "en": {
        "yaxis": "ImageNet top-1 after fine-tuning (%)",
        "xaxis": "Pretraining compute (TPU-v4 core hours, log scale)",
        "f7": "NFNet-F7+: 90.3",
        "f7ra": "NFNet-F7+ with repeated\naugmentation: 90.4",
        "vitg": "ViT-g/14: 90.2",
        "sovit": "SoViT-400m/14: 90.3",
        "vitbig": "ViT-G/14: 90.45",
        "range": "NFNet budgets: 0.4k–110k",
        "window": "plot above",
    },
}


def draw(c, t):
    # Main plot: a zoomed log axis around the largest budgets.
    x0, x1 = 70, 500
    lo, hi = math.log10(90e3), math.log10(330e3)
    x = lambda v: x0 + (math.log10(v) - lo) / (hi - lo) * (x1 - x0)  # noqa: E731
    top, bottom = 50, 290
    ylo, yhi = 90.1, 90.5
    y = lambda v: bottom - (v - ylo) / (yhi - ylo) * (bottom - top)  # noqa: E731

    c.text(10, 24, t["yaxis"], 16, "f-muted")
    for v in (90.1, 90.2, 90.3, 90.4, 90.5):
        c.line(x0, y(v), x1, y(v), "s-grid", 1)
        c.text(x0 - 8, y(v) + 5, f"{v:.1f}", 16, "f-muted", "end")
    for v, name in ((100e3, "100k"), (200e3, "200k"), (300e3, "300k")):
        c.line(x(v), top, x(v), bottom, "s-grid", 1)
        c.line(x(v), bottom, x(v), bottom + 6, "s-muted", 1)
        c.text(x(v), bottom + 24, name, 16, "f-muted", "middle")
    c.line(x0, bottom, x1, bottom, "s-muted", 1)
    c.text((x0 + x1) / 2, bottom + 52, t["xaxis"], 16, "f-muted", "middle")

    # NFNet-F7+: one pretraining run, two fine-tuning recipes, joined by a dotted line.
    (cx, a, _), (_, b, _) = NFNET
    c.line(x(cx), y(a), x(cx), y(b), "s-a1 dash", 1.5)
    for v, acc, _ in NFNET:
        c.circle(x(v), y(acc), 6, "f-a1")
    c.text(x(110e3), y(90.3) + 30, t["f7"], 16, "f-a1 bold", "middle")
    c.text(x(110e3) + 12, y(90.4) - 4, t["f7ra"], 16, "f-a1 bold")

    # ViTs: published results, compute re-estimated on TPU-v4 by the NFNet authors.
    for v, acc, _ in VIT:
        c.rect(x(v) - 5.5, y(acc) - 5.5, 11, 11, "f-a2")
    c.text(x(120e3) + 12, y(90.2) + 5, t["vitg"], 16, "f-a2 bold")
    c.text(x(130e3) + 12, y(90.3) + 5, t["sovit"], 16, "f-a2 bold")
    c.text(x(280e3) - 12, y(90.45) + 5, t["vitbig"], 16, "f-a2 bold", "end")

    # Strip: the whole range of NFNet budgets on a log axis from 100 to 1M core hours.
    s0, s1, base = 70, 500, 424
    sx = lambda v: s0 + (math.log10(v) - 2) / 4 * (s1 - s0)  # noqa: E731
    c.rect(sx(400), base - 20, sx(110e3) - sx(400), 12, "f-a1-soft")
    c.line(sx(400), base - 20, sx(400), base - 8, "s-a1", 2)
    c.line(sx(110e3), base - 20, sx(110e3), base - 8, "s-a1", 2)
    c.text(sx(400), base - 34, t["range"], 16, "f-a1")
    w0, w1 = sx(90e3), sx(330e3)
    c.polyline([(w0, base - 26), (w1, base - 26), (w1, base - 2), (w0, base - 2), (w0, base - 26)], "s-muted dash", 1.5)
    c.text(w1, base - 34, t["window"], 16, "f-muted", "end")
    c.line(s0, base, s1, base, "s-muted", 1)
    for v, name in ((1e2, "100"), (1e3, "1k"), (1e4, "10k"), (1e5, "100k"), (1e6, "1M")):
        c.line(sx(v), base, sx(v), base + 6, "s-muted", 1)
        anchor = "start" if v == 1e2 else "end" if v == 1e6 else "middle"
        c.text(sx(v), base + 26, name, 16, "f-muted", anchor)
