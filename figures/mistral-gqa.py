"""Mistral 7B: grouped-query attention, 32 query heads sharing 8 key/value heads, and the KV cache.

n_heads = 32, n_kv_heads = 8, head_dim = 128 and n_layers = 32 are from Table 1 of the Mistral 7B
paper (arXiv 2310.06825). Query head h reads key/value head h // 4. The cache sizes are our
arithmetic from those values: per token, keys and values × 32 layers × heads × 128 numbers × 2 bytes
(16-bit) = 128 KiB with 8 key/value heads, 512 KiB if every one of the 32 query heads had its own.
"""

SIZE = (520, 392)

N_Q, N_KV, HEAD_DIM, LAYERS = 32, 8, 128, 32
GROUP = N_Q // N_KV
BOX, GAP, GROUP_GAP = 13, 2, 6  # query head boxes: 4 per group, wider gaps between groups
LEFT = 7

LABELS = {
    "zh": {
        "queries": "32 个查询头（编号 0–31）",
        "kv": "8 个键/值头，每个由 4 个查询头共用",
        "cache_title": "每个词元的 KV 缓存（32 层，16 位精度）",
        "full": "每个查询头各配一个键/值头：32 个",
        "full_value": "512KiB",
        "gqa": "Mistral 7B：8 个键/值头",
        "gqa_value": "128KiB，只有 1/4",
    },
    "en": {
        "queries": "32 query heads (numbered 0–31)",
        "kv": "8 key/value heads, each shared by 4 query heads",
        "cache_title": "KV cache per token (32 layers, 16-bit)",
        "full": "One key/value head per query head: 32",
        "full_value": "512 KiB",
        "gqa": "Mistral 7B: 8 key/value heads",
        "gqa_value": "128 KiB, 4× smaller",
    },
}


def group_left(g):
    return LEFT + g * (GROUP * BOX + (GROUP - 1) * GAP + GROUP_GAP)


def query_left(h):
    g, k = divmod(h, GROUP)
    return group_left(g) + k * (BOX + GAP)


def draw(c, t):
    group_width = GROUP * BOX + (GROUP - 1) * GAP

    # Query heads, numbered by group above.
    c.text(LEFT, 24, t["queries"], 16, "f-a1 bold")
    q_top, q_h = 62, 26
    for g in range(N_KV):
        first = g * GROUP
        c.text(group_left(g) + group_width / 2, q_top - 10, f"{first}–{first + GROUP - 1}", 16, "f-muted", "middle")
    for h in range(N_Q):
        c.rect(query_left(h), q_top, BOX, q_h, "f-a1", 2)

    # Key/value heads, one under each group, with a line from each query head of the group.
    kv_top, kv_h = 126, 30
    for g in range(N_KV):
        x = group_left(g)
        for k in range(GROUP):
            qx = query_left(g * GROUP + k) + BOX / 2
            c.line(qx, q_top + q_h, x + 8 + k * (group_width - 16) / (GROUP - 1), kv_top, "s-a1", 1.2)
        c.rect(x, kv_top, group_width, kv_h, "f-a2-soft", 3)
        c.text(x + group_width / 2, kv_top + 21, f"KV {g}", 16, "f-ink", "middle")
    c.text(LEFT, kv_top + kv_h + 28, t["kv"], 16, "f-a2 bold")

    # What it saves: the KV cache per token, drawn as one cell per key/value head.
    top = 238
    c.text(LEFT, top, t["cache_title"], 16, "f-ink bold")
    cell = 12.5
    per_head_kib = 2 * LAYERS * HEAD_DIM * 2 / 1024  # keys and values, 32 layers, 128 numbers, 2 bytes
    bars = [
        (t["full"], t["full_value"], N_Q, "f-grid", "f-muted"),
        (t["gqa"], t["gqa_value"], N_KV, "f-a2", "f-a2 bold"),
    ]
    for k, (label, value, heads, fill, value_cls) in enumerate(bars):
        y = top + 36 + k * 66
        assert value.startswith(f"{heads * per_head_kib:g}")
        c.text(LEFT, y, label, 16, "f-ink")
        for i in range(heads):
            c.rect(LEFT + i * cell, y + 10, cell - 1.5, 24, fill, 1.5)
        c.text(LEFT + heads * cell + 10, y + 28, value, 16, value_cls)
