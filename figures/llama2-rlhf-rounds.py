"""Llama 2-Chat: SFT, then five RLHF rounds; rejection sampling only in V1–V4, PPO added in V5.

Values: the Llama 2 paper (arXiv 2307.09288). §3.1: "We stopped annotating SFT after collecting a
total of 27,540 annotations." §3.2.1 and Appendix A.3.1: preference data arrived in weekly batches,
14 in all; Table 6: 1,418,091 Meta (Safety & Helpfulness) comparisons. §3.2.2: two reward models,
helpfulness and safety; "As we received more batches of human preference data annotation, we were
able to train better reward models ... successive versions for RLHF models, referred to here as
RLHF-V1, ..., RLHF-V5." §3.2.3: "Until RLHF (V4), we used only Rejection Sampling fine-tuning, and
after that, we combined the two sequentially, applying PPO on top of the resulted Rejection
Sampling checkpoint before sampling again." Figure 11 shows RLHF-v5 both without and with PPO.
"""

SIZE = (520, 560)

LABELS = {
    "zh": {
        "base": "预训练的 Llama 2",
        "sft": "SFT：27,540 条标注",
        "rs_only": "仅拒绝采样微调",
        "rs": "拒绝采样微调",
        "ppo": "在其检查点上做 PPO",
        "chat": "Llama 2-Chat",
        "rm_title": "奖励模型",
        "rm_kinds": "（有用性、安全性）",
        "rm_loop": "每轮之前：用最新\n模型采样，标注员\n两两比较，再重训\n两个奖励模型",
        "data": "Meta 偏好数据：\n1,418,091 条比较，\n分 14 个每周批次",
    },
    "en": {
        "base": "Pretrained Llama 2",
        "sft": "SFT: 27,540 annotations",
        "rs_only": "Rejection sampling only",
        "rs": "Rejection sampling",
        "ppo": "then PPO on top",
        "chat": "Llama 2-Chat",
        "rm_title": "Reward models",
        "rm_kinds": "(helpfulness, safety)",
        "rm_loop": "Before each round:\nsample the latest\nmodel, annotators\ncompare pairs, both\nRMs are retrained",
        "data": "Meta preference data:\n1,418,091 comparisons\nin 14 weekly batches",
    },
}


def box(c, x, y, w, h, fill, stroke, label, bold=False):
    c.rect(x, y, w, h, f"{fill} {stroke}", 6)
    c.text(x + w / 2, y + h / 2 + 6, label, 16, "f-ink bold" if bold else "f-ink", "middle")


def draw(c, t):
    x, w = 56, 224  # the policy column
    mid = x + w / 2
    side, right = 300, 510  # the reward-model column
    h, gap = 38, 18

    box(c, x, 10, w, h, "f-grid", "s-muted", t["base"])
    c.arrow(mid, 10 + h, mid, 10 + h + gap)
    box(c, x, 66, w, h, "f-a3-soft", "s-a3", t["sft"])

    # Rounds V1–V4: rejection-sampling fine-tuning only; V5: rejection sampling, then PPO.
    top = 66 + h + gap + 10
    rows = []
    y = top
    for version in range(1, 5):
        rows.append((f"V{version}", y, y + h))
        y += h + gap
    rs5, ppo5 = y, y + h + gap
    rows.append(("V5", rs5, ppo5 + h))
    c.arrow(mid, 66 + h, mid, top)
    for i, (name, y1, y2) in enumerate(rows):
        c.text(16, (y1 + y2) / 2 + 6, name, 16, "f-ink bold")
        if name != "V5":
            box(c, x, y1, w, h, "f-a1-soft", "s-a1", t["rs_only"])
            c.arrow(mid, y1 + h, mid, rows[i + 1][1])
    c.polyline([(x - 4, rs5 + 4), (x - 10, rs5 + 4), (x - 10, ppo5 + h - 4), (x - 4, ppo5 + h - 4)], "s-muted", 1.5)
    box(c, x, rs5, w, h, "f-a1-soft", "s-a1", t["rs"])
    c.arrow(mid, rs5 + h, mid, ppo5)
    box(c, x, ppo5, w, h, "f-a2-soft", "s-a2", t["ppo"], bold=True)
    end = ppo5 + h + gap + 10
    c.arrow(mid, ppo5 + h, mid, end)
    box(c, x, end, w, h, "f-a3-soft", "s-a3", t["chat"], bold=True)

    # The reward models beside the rounds, refreshed before each one, scoring every round.
    bottom = ppo5 + h
    c.rect(side, top, right - side, bottom - top, "f-a4-soft s-a4", 6)
    for _, y1, _ in rows:
        c.arrow(side, y1 + h / 2, x + w + 2, y1 + h / 2, "s-a4", 1.5)
    c.arrow(side, ppo5 + h / 2, x + w + 2, ppo5 + h / 2, "s-a4", 1.5)
    tx = side + 12
    c.text(tx, top + 26, t["rm_title"], 16, "f-ink bold")
    c.text(tx, top + 48, t["rm_kinds"], 16, "f-ink")
    c.text(tx, top + 84, t["rm_loop"], 16, "f-ink")
    c.text(tx, bottom - 70, t["data"], 16, "f-ink")
