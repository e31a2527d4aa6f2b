"""Mistral 7B: sliding-window attention, one layer's mask and the reach of stacked layers.

A toy of 8 positions with window W = 3 (the width the paper's own Figure 1 illustrates with; this
layout is ours). The mask follows the page's reading of Section 2: query i sees key j if and only if
i − W < j ≤ i, at most W keys including itself. The lower part traces which positions the layer-3
state at position 8 can draw on: each layer reaches W − 1 further back. The real values, W = 4,096
and 32 layers with a theoretical span of about 131k tokens, are from Section 2 and Table 1 of the
Mistral 7B paper (arXiv 2310.06825) and appear as a label and in the caption.
"""

SIZE = (520, 676)

N = 8  # toy sequence length
W = 3  # toy window
CELL = 28
X0 = 130  # left edge of the grid and of the position columns
GRID_TOP = 88

LABELS = {
    "zh": {
        "mask_title": "单层的注意力掩码（示意：W = 3）",
        "keys": "键的位置 j",
        "queries": "查询\n位置 i",
        "in_window": "窗口内：\n参与注意力",
        "outside": "被屏蔽：\n早于窗口，\n或在未来",
        "window": "W = 3",
        "stack_title": "逐层叠加：第 3 层位置 8 能间接用到的词元",
        "layer3": "第 3 层",
        "layer2": "第 2 层",
        "layer1": "第 1 层",
        "input": "输入词元",
        "reach3": "位置 8",
        "reach2": "位置 6–8",
        "reach1": "位置 4–8",
        "reach0": "位置 2–8",
        "rule": "每多一层，再向前延伸 W − 1 = 2 个位置；\nk 层之后约为 k × W。",
        "real": "Mistral 7B：W = 4,096，32 层，理论跨度约 131k",
    },
    "en": {
        "mask_title": "One layer's attention mask (toy: W = 3)",
        "keys": "Key position j",
        "queries": "Query\nposition i",
        "in_window": "In window:\nattended",
        "outside": "Masked:\ntoo old\nor future",
        "window": "W = 3",
        "stack_title": "Stacked layers: what position 8 in layer 3 draws on",
        "layer3": "Layer 3",
        "layer2": "Layer 2",
        "layer1": "Layer 1",
        "input": "Input",
        "reach3": "position 8",
        "reach2": "positions 6–8",
        "reach1": "positions 4–8",
        "reach0": "positions 2–8",
        "rule": "Each layer reaches W − 1 = 2 positions further back;\nafter k layers, about k × W.",
        "real": "Mistral 7B: W = 4,096, 32 layers, span about 131k",
    },
}


def col(j):
    """Center x of position j (1-based)."""
    return X0 + CELL * (j - 1) + CELL / 2


def draw(c, t):
    # --- One layer: the mask, query rows × key columns ---------------------------------------
    c.text(10, 24, t["mask_title"], 16, "f-ink bold")
    c.text(X0, 54, t["keys"], 16, "f-muted")
    for j in range(1, N + 1):
        c.text(col(j), 78, str(j), 16, "f-muted", "middle")
    for i in range(1, N + 1):
        y = GRID_TOP + CELL * (i - 1)
        c.text(X0 - 10, y + 20, str(i), 16, "f-muted", "end")
        for j in range(1, N + 1):
            inside = i - W < j <= i
            c.rect(X0 + CELL * (j - 1) + 1.5, y + 1.5, CELL - 3, CELL - 3, "f-a1" if inside else "f-grid", 3)
    c.text(10, GRID_TOP + CELL * 3.5, t["queries"], 16, "f-muted")

    # Legend, right of the grid.
    lx = X0 + CELL * N + 22
    c.rect(lx, GRID_TOP + 2, 18, 18, "f-a1", 3)
    c.text(lx + 26, GRID_TOP + 17, t["in_window"], 16, "f-ink")
    c.rect(lx, GRID_TOP + 72, 18, 18, "f-grid", 3)
    c.text(lx + 26, GRID_TOP + 87, t["outside"], 16, "f-ink")

    # Bracket under the last row's window: keys 6–8.
    bottom = GRID_TOP + CELL * N
    left, right = X0 + CELL * (N - W) + 2, X0 + CELL * N - 2
    c.polyline([(left, bottom + 6), (left, bottom + 12), (right, bottom + 12), (right, bottom + 6)], "s-a1", 1.5)
    c.text((left + right) / 2, bottom + 32, t["window"], 16, "f-a1 bold", "middle")

    # --- Stacked layers: the reach of position 8 in layer 3 ------------------------------------
    top = bottom + 72
    c.text(10, top, t["stack_title"], 16, "f-ink bold")
    rows = [  # (label, reach label, first reachable position), top row first
        (t["layer3"], t["reach3"], N),
        (t["layer2"], t["reach2"], N - (W - 1)),
        (t["layer1"], t["reach1"], N - 2 * (W - 1)),
        (t["input"], t["reach0"], N - 3 * (W - 1)),
    ]
    gap = 44
    ys = [top + 40 + gap * k for k in range(len(rows))]
    r = 7
    # Edges: every reachable state reads the W states up to and including its own position below it.
    for k in range(len(rows) - 1):
        for j in range(rows[k][2], N + 1):
            for source in range(j - W + 1, j + 1):
                c.line(col(j), ys[k] + r, col(source), ys[k + 1] - r, "s-a1", 1.2)
    for k, (name, reach, first) in enumerate(rows):
        y = ys[k]
        c.text(X0 - 10, y + 6, name, 16, "f-muted", "end")
        for j in range(1, N + 1):
            c.circle(col(j), y, r, "f-a1" if j >= first else "f-grid")
        c.text(X0 + CELL * N + 22, y + 6, reach, 16, "f-a1" if k else "f-a1 bold")

    rule_y = ys[-1] + 42
    c.text(10, rule_y, t["rule"], 16, "f-ink")
    c.text(10, rule_y + 54, t["real"], 16, "f-a2 bold")
