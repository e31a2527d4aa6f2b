"""Segment Anything: masks collected in each stage of the data engine, bars to one linear scale.

Numbers from the SAM paper (arXiv 2304.02643), §4 "Segment Anything Data Engine": assisted-manual
stage 4.3M masks from 120k images, model retrained 6 times; semi-automatic stage 5.9M more masks in
180k images ("for a total of 10.2M masks"), retrained 5 times; fully automatic stage prompted with a
32×32 regular grid of points, run on all 11M images, 1.1B masks. §5: "Our data engine produced 1.1B
masks, 99.1% of which were generated fully automatically", and SA-1B "only includes automatically
generated masks". Bar lengths are the mask counts on one linear scale (1.1B = full width), so the
first two stages are only a couple of units long: that is the point of the figure.
"""

SIZE = (520, 384)

STAGES = [("s1", "v1", "n1", 4.3e6), ("s2", "v2", "n2", 5.9e6), ("s3", "v3", "n3", 1.1e9)]

LABELS = {
    "zh": {
        "title": "数据引擎各阶段收集的掩码数（条长按同一线性比例）",
        "s1": "阶段一：辅助人工",
        "v1": "430 万个掩码，12 万张图像",
        "n1": "标注员点击，SAM 出掩码；其间重训 6 次",
        "s2": "阶段二：半自动",
        "v2": "590 万个掩码，18 万张图像",
        "n2": "预填高置信度掩码，标注员补标；重训 5 次",
        "s3": "阶段三：全自动",
        "v3": "11 亿个掩码，1100 万张图像",
        "n3": "32×32 点阵提示，不再需要标注员",
        "note": "前两个阶段合计 1020 万个掩码，不到总数的 1%；\nSA-1B 只收录第三阶段自动生成的掩码。",
    },
    "en": {
        "title": "Masks collected per stage (bars to one linear scale)",
        "s1": "Stage 1, assisted-manual",
        "v1": "4.3M masks, 120k images",
        "n1": "annotators click, SAM draws; retrained 6 times",
        "s2": "Stage 2, semi-automatic",
        "v2": "5.9M masks, 180k images",
        "n2": "confident masks prefilled; retrained 5 times",
        "s3": "Stage 3, fully automatic",
        "v3": "1.1B masks, 11M images",
        "n3": "32×32 grid of point prompts, no annotators",
        "note": "Stages 1 and 2 together: 10.2M masks, under 1% of\nthe total. SA-1B holds only the stage 3 masks.",
    },
}

LEFT, RIGHT = 8, 512
FULL = 1.1e9


def draw(c, t):
    c.text(LEFT, 24, t["title"], 16, "f-ink bold")
    y = 62
    for i, (stage, value, note, masks) in enumerate(STAGES):
        accent = "f-a1" if i < 2 else "f-a3"
        c.text(LEFT, y, t[stage], 16, f"{accent} bold")
        c.text(RIGHT, y, t[value], 16, "f-ink", "end")
        # The track is the full 1.1B; the filled part is this stage's share of it.
        c.rect(LEFT, y + 10, RIGHT - LEFT, 20, "f-grid", rx=3)
        c.rect(LEFT, y + 10, max(2.0, (RIGHT - LEFT) * masks / FULL), 20, accent, rx=1)
        c.text(LEFT, y + 52, t[note], 16, "f-muted")
        y += 92
    c.line(LEFT, y - 22, RIGHT, y - 22, "s-grid", 1)
    c.text(LEFT, y + 6, t["note"], 16, "f-ink")
