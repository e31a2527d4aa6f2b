"""BloombergGPT: the training corpus, half FinPile and half public data, split by source.

Values: Table 1 of the paper (arXiv 2303.17564v3), column "Toks 1e8": FinPile 3,635 (Web 2,978,
News 376, Filings 145, Press 86, Bloomberg 49); PUBLIC 3,454 (C4 1,381, Wikipedia (7/1/22) 237, and
the 22 rows of The Pile, which sum to 1,836); total 7,089. Bars use these exact counts; the printed
labels are the rounded billions of the section headings 2.1-2.2.3 (298B, 38B, 14B, 9B, 5B; 184B,
138B, 24B) and the shares 51.27% / 48.73% of Table 1.
"""

SIZE = (520, 420)

# Tokens in units of 1e8 (Table 1), with the label the paper's headings give in billions.
FINPILE = [
    ("web", 2978, "298B"),
    ("news", 376, "38B"),
    ("filings", 145, "14B"),
    ("press", 86, "9B"),
    ("bloomberg", 49, "5B"),
]
PUBLIC = [("pile", 1836, "184B"), ("c4", 1381, "138B"), ("wiki", 237, "24B")]
FINPILE_TOTAL, PUBLIC_TOTAL = 3635, 3454

LABELS = {
    "zh": {
        "title": "训练语料共约 709B 词元，金融与通用约各一半",
        "fin": "FinPile（金融）",
        "fin_value": "363B，51.27%",
        "pub": "公开数据（通用）",
        "pub_value": "345B，48.73%",
        "web": "网页",
        "news": "新闻",
        "filings": "披露文件",
        "press": "新闻稿",
        "bloomberg": "彭博内容",
        "pile": "The Pile",
        "c4": "C4",
        "wiki": "维基百科",
    },
    "en": {
        "title": "Training corpus: about 709B tokens, half and half",
        "fin": "FinPile (financial)",
        "fin_value": "363B, 51.27%",
        "pub": "Public (general)",
        "pub_value": "345B, 48.73%",
        "web": "Web",
        "news": "News",
        "filings": "Filings",
        "press": "Press",
        "bloomberg": "Bloomberg",
        "pile": "The Pile",
        "c4": "C4",
        "wiki": "Wikipedia",
    },
}


def draw(c, t):
    left, right = 20, 500
    c.text(left, 26, t["title"], 16, "f-ink bold")

    # The half-and-half split, as one bar of the full width.
    top, height = 44, 50
    split = left + (right - left) * FINPILE_TOTAL / (FINPILE_TOTAL + PUBLIC_TOTAL)
    c.rect(left, top, split - left - 2, height, "f-a1-soft", rx=4)
    c.rect(split + 2, top, right - split - 2, height, "f-a3-soft", rx=4)
    c.text(left + 10, top + 21, t["fin"] + "\n" + t["fin_value"], 16, "f-ink")
    c.text(split + 12, top + 21, t["pub"] + "\n" + t["pub_value"], 16, "f-ink")

    # Every source as its own bar, all on one scale.
    bars, label_x = 124, left
    scale = 330 / 2978
    row, y = 30, top + height + 40

    def group(title, items, fill, text_cls):
        nonlocal y
        c.text(label_x, y, title, 16, text_cls + " bold")
        y += 12
        for key, tokens, value in items:
            width = max(tokens * scale, 3)
            c.rect(bars, y, width, 18, fill, rx=2)
            c.text(label_x, y + 14, t[key], 16, "f-ink")
            c.text(bars + width + 8, y + 14, value, 16, "f-muted")
            y += row
        y += 26

    group(t["fin"], FINPILE, "f-a1", "f-a1")
    group(t["pub"], PUBLIC, "f-a3", "f-a3")
