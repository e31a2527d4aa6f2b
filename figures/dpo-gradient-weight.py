"""DPO: the weight its gradient gives one preference pair, against the pair's implicit reward margin.

Section 4 of the DPO paper ("What does the DPO update do?") writes the gradient of the loss as
-beta * E[ sigma(r_hat(x, y_l) - r_hat(x, y_w)) * (grad log pi(y_w | x) - grad log pi(y_l | x)) ],
with the implicit reward r_hat(x, y) = beta * log(pi_theta(y | x) / pi_ref(y | x)). With the margin
m = r_hat(x, y_w) - r_hat(x, y_l) the weight is sigma(-m). At the start of training pi_theta = pi_ref,
so every margin is 0 and every weight 0.5. The dashed line is the naive version without the weight,
which the same section says can make the model degenerate: every pair counts fully.
"""

import math

SIZE = (520, 330)

LABELS = {
    "zh": {
        "weight": "权重 σ(−m)",
        "naive": "不加权重的朴素做法：恒为 1",
        "wrong": "排反了：\n权重接近 1",
        "right": "已经排对：\n几乎不再贡献梯度",
        "start": "训练开始时 m = 0，\n权重 0.5",
        "axis": "隐式奖励差 m（被偏好回答减不被偏好回答）",
    },
    "en": {
        "weight": "Weight σ(−m)",
        "naive": "Naive version, no weight: always 1",
        "wrong": "Ranked wrongly:\nweight near 1",
        "right": "Already ranked right:\nalmost no weight",
        "start": "At the start, m = 0:\nweight 0.5",
        "axis": "Implicit reward margin m (preferred − dispreferred)",
    },
}


def draw(c, t):
    x0, x1 = 56, 496
    y0, y1 = 250, 76  # weight 0 and weight 1
    x = lambda m: x0 + (m + 6) / 12 * (x1 - x0)  # noqa: E731
    y = lambda w: y0 - w * (y0 - y1)  # noqa: E731

    # Axes, grid lines at 0.5 and 1, tick labels.
    for w in (0.5, 1):
        c.line(x0, y(w), x1, y(w), "s-grid", 1)
    c.line(x0, y0, x1, y0, "s-muted", 1)
    c.line(x0, y0, x0, y1 - 10, "s-muted", 1)
    for w, label in ((0, "0"), (0.5, "0.5"), (1, "1")):
        c.text(x0 - 8, y(w) + 5, label, 16, "f-muted", "end")
    for m in range(-6, 7, 2):
        c.line(x(m), y0, x(m), y0 + 6, "s-muted", 1)
        c.text(x(m), y0 + 26, f"{m:d}".replace("-", "\u2212"), 16, "f-muted", "middle")
    c.text(x0 - 34, 30, t["weight"], 16, "f-ink bold")
    c.text((x0 + x1) / 2, y0 + 58, t["axis"], 16, "f-muted", "middle")

    # The naive objective: every pair weighted fully.
    c.line(x0, y(1), x1, y(1), "s-a2 dash", 2)
    c.text(x1, y(1) - 12, t["naive"], 16, "f-a2", "end")

    # DPO's weight sigma(-m).
    points = [(x(-6 + i * 0.1), y(1 / (1 + math.exp(-6 + i * 0.1)))) for i in range(121)]
    c.polyline(points, "s-a1", 3)
    c.circle(x(0), y(0.5), 5, "f-a1")

    c.text(x0 + 12, 122, t["wrong"], 16, "f-a1")
    c.text(x(1.2), 122, t["right"], 16, "f-a1")
    c.text(x(0) - 12, 198, t["start"], 16, "f-ink", "end")
