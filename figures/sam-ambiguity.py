"""Segment Anything: one ambiguous click, three nested masks, one predicted IoU each; in training only
the output with the lowest loss is backpropagated.

A schematic, not data: no numbers are plotted. The mechanism is from the SAM paper (arXiv 2304.02643),
§3 "Resolving ambiguity" (three output masks, "nested masks are often at most three deep: whole, part,
and subpart"; "we backprop only the minimum loss over masks"; "to rank masks, the model predicts a
confidence score (i.e., estimated IoU) for each mask") and Appendix A "Making the model
ambiguity-aware" (loss computed against the ground truth for each of the three masks, gradient only
from the lowest). The shirt / person example is the paper's own (§1, §2); the upper body as the
middle level and the choice of the shirt as ground truth are ours, for illustration.
"""

SIZE = (520, 452)

LABELS = {
    "zh": {
        "title": "衬衫上的一次点击：SAM 返回三个嵌套掩码",
        "whole": "整体：人",
        "part": "部件：上半身",
        "subpart": "子部件：衬衫",
        "score1": "预测 IoU：ŝ₁",
        "score2": "预测 IoU：ŝ₂",
        "score3": "预测 IoU：ŝ₃",
        "train": "训练时（设真实掩码为衬衫）：三个都算损失",
        "nograd": "不反向传播",
        "minloss": "损失最小，\n只对它反向传播",
        "infer": "推断时：按预测 IoU（ŝ）给三个掩码排序",
    },
    "en": {
        "title": "One click on the shirt: three nested masks",
        "whole": "Whole: person",
        "part": "Part: upper body",
        "subpart": "Subpart: shirt",
        "score1": "predicted IoU ŝ₁",
        "score2": "predicted IoU ŝ₂",
        "score3": "predicted IoU ŝ₃",
        "train": "Training (ground truth: the shirt): a loss for each",
        "nograd": "no gradient",
        "minloss": "lowest loss:\nbackpropagated",
        "infer": "Inference: the three masks are ranked by ŝ",
    },
}

PANEL_W, PANEL_H, TOP = 156, 190, 42
PANELS = [8, 182, 356]
# Which body parts each output mask covers: whole person, upper body, shirt (torso and sleeves).
MASKS = [
    {"head", "torso", "arms", "legs"},
    {"head", "torso", "arms"},
    {"torso", "arms"},
]


def person(c, cx, top, covered):
    """A figure of simple shapes; the parts in `covered` are drawn as the mask."""

    def paint(part):
        return "f-a1 s-a1" if part in covered else "f-grid s-muted"

    c.circle(cx, top + 22, 16, paint("head"))
    c.rect(cx - 39, top + 44, 12, 58, paint("arms"), rx=4)
    c.rect(cx + 27, top + 44, 12, 58, paint("arms"), rx=4)
    c.rect(cx - 24, top + 42, 48, 64, paint("torso"), rx=4)
    c.rect(cx - 22, top + 109, 19, 62, paint("legs"), rx=3)
    c.rect(cx + 3, top + 109, 19, 62, paint("legs"), rx=3)
    # The click: an orange dot ringed in the page color, on the shirt.
    c.circle(cx, top + 72, 7.5, "f-bg")
    c.circle(cx, top + 72, 5, "f-a2")


def draw(c, t):
    # The title starts with the click marker itself, so the dot needs no legend.
    c.circle(15, 19, 7.5, "f-bg")
    c.circle(15, 19, 5, "f-a2")
    c.text(30, 24, t["title"], 16, "f-ink bold")

    names = [("whole", "score1"), ("part", "score2"), ("subpart", "score3")]
    for x, covered, (name, score) in zip(PANELS, MASKS, names, strict=False):
        c.rect(x, TOP, PANEL_W, PANEL_H, "f-bg s-grid", rx=8)
        person(c, x + PANEL_W / 2, TOP + 8, covered)
        c.text(x + PANEL_W / 2, TOP + PANEL_H + 26, t[name], 16, "f-a1 bold", "middle")
        c.text(x + PANEL_W / 2, TOP + PANEL_H + 48, t[score], 16, "f-muted", "middle")

    # Training: each output is compared with the ground truth; only the lowest loss sends a gradient.
    row = TOP + PANEL_H + 70
    c.line(8, row, 512, row, "s-grid", 1)
    c.text(8, row + 28, t["train"], 16, "f-ink")
    chip = row + 42
    for i, x in enumerate(PANELS):
        if i < 2:
            c.rect(x + 4, chip, PANEL_W - 8, 40, "f-grid", rx=6)
            c.text(x + PANEL_W / 2, chip + 26, t["nograd"], 16, "f-muted", "middle")
        else:
            c.rect(x, chip, PANEL_W, 52, "f-a2-soft", rx=6)
            c.text(x + PANEL_W / 2, chip + 22, t["minloss"], 16, "f-ink bold", "middle")

    c.text(8, chip + 88, t["infer"], 16, "f-ink")
