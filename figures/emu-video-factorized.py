"""Emu Video: text → image → video → interpolated video, top to bottom, with the paper's numbers.

Sources, all in arXiv 2311.10709 (v2): §3.2 "Emu Video" (both steps implemented with one latent
diffusion model F, initialized from a pretrained text-to-image model; at inference "we run F without
the temporal layers to generate an image I. We then use I and the text prompt as input to F"; the
interpolation model is architecturally the same as F and initialized from it); §3.3 (512px square
images and videos, 2.7B frozen spatial and 1.7B trainable temporal parameters, the interpolation model
takes 8 frames and outputs 37 frames at 16fps); §4.2 (F trained to produce 16-frame, 4-second videos,
then interpolated to 16fps); Appendix §1 "Frame Interpolation Model" (a 16-frame video is split into
two 8-frame halves, interpolated separately, overlapping frames dropped: 65 frames at 16fps,
4.06 seconds). The 16 frames at 4fps make the 4 seconds.
"""

SIZE = (520, 500)

LABELS = {
    "zh": {
        "prompt": "文本提示 p",
        "step1": "第一步：去掉时间层的 F",
        "step1_note": "即原来的文本生成图像模型 Emu",
        "image": "图像 I：视频的首帧",
        "image_note": "512×512",
        "step2": "第二步：同一个 F，加上时间层",
        "step2_note": "以图像 I 和提示 p 为条件",
        "video": "16 帧，4fps，共 4 秒",
        "interp": "插帧模型（从 F 初始化）",
        "interp_note": "前后两半各 8 帧，各插成 37 帧，\n拼接时去掉重叠的帧",
        "final": "65 帧，16fps，共 4.06 秒，512×512",
    },
    "en": {
        "prompt": "Text prompt p",
        "step1": "Step 1: F without its temporal layers",
        "step1_note": "= the original text-to-image model, Emu",
        "image": "Image I: the video's first frame",
        "image_note": "512×512",
        "step2": "Step 2: the same F, with temporal layers",
        "step2_note": "conditioned on image I and prompt p",
        "video": "16 frames at 4 fps: 4 seconds",
        "interp": "Interpolation model (initialized from F)",
        "interp_note": "two halves of 8 frames, 37 frames each;\noverlapping frames dropped",
        "final": "65 frames at 16 fps: 4.06 seconds, 512×512",
    },
}

X = 60  # the column the arrows run down
NOTE = 88  # where the step labels start


def strip(c, y, count, width, gap, cls, first=None):
    """A row of `count` frames, `width` wide; the first one optionally in another class."""
    for i in range(count):
        c.rect(8 + i * (width + gap), y, width, 34, first if (i == 0 and first) else cls, rx=2)


def draw(c, t):
    # The prompt.
    c.rect(8, 8, 150, 40, "f-a1-soft", rx=6)
    c.text(83, 34, t["prompt"], 16, "f-ink", "middle")

    # Step 1: the text-to-image model makes the image.
    c.arrow(X, 48, X, 108, "s-a1", 2)
    c.text(NOTE, 72, t["step1"], 16, "f-a1 bold")
    c.text(NOTE, 94, t["step1_note"], 16, "f-muted")

    # The image: a small landscape (sun and hills) standing for any picture.
    c.rect(X - 36, 112, 72, 72, "f-a1", rx=3)
    c.circle(X + 16, 132, 8, "f-bg")
    c.polygon([(X - 36, 184), (X - 12, 150), (X + 8, 172), (X + 20, 160), (X + 36, 180), (X + 36, 184)], "f-a1-soft")
    c.text(NOTE + 24, 144, t["image"], 16, "f-ink bold")
    c.text(NOTE + 24, 166, t["image_note"], 16, "f-muted")

    # Step 2: the same network, now with its temporal layers, makes the 16-frame video.
    c.arrow(X, 188, X, 256, "s-a1", 2)
    c.text(NOTE, 214, t["step2"], 16, "f-a1 bold")
    c.text(NOTE, 236, t["step2_note"], 16, "f-muted")
    strip(c, 262, 16, 26, 4, "f-a1-soft", first="f-a1")
    c.text(8, 318, t["video"], 16, "f-ink bold")

    # Step 3: a second network, initialized from F, raises the frame rate.
    c.arrow(X, 330, X, 418, "s-a2", 2)
    c.text(NOTE, 352, t["interp"], 16, "f-a2 bold")
    c.text(NOTE, 374, t["interp_note"], 16, "f-muted")
    strip(c, 424, 65, 5, 2, "f-a2")
    c.text(8, 480, t["final"], 16, "f-ink bold")
