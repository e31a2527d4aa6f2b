"""Orca 2: Prompt Erasure. The teacher answers under a strategy instruction; the student is trained on
the same task and answer with that instruction replaced by a generic one.

Mechanism: Orca 2 paper (arXiv 2311.11045), Section 3 "Teaching Orca 2 to be a Cautious Reasoner":
the authors decide which strategy each task needs (step-by-step, recall then generate,
recall-reason-generate, direct answer, ...), write task-specific system instructions to obtain GPT-4's
responses, and at training time replace the student's system instruction with a generic one that
says nothing about how to approach the task (the step the paper calls Prompt Erasing / Erasure).
No numbers are plotted.
"""

SIZE = (520, 500)

LABELS = {
    "zh": {
        "gen_head": "① 生成数据",
        "train_head": "② 训练学生",
        "teacher": "教师：GPT-4",
        "student": "学生：Llama 2 7B/13B",
        "strategy": "系统指令写明策略，\n如逐步推理、先回忆\n再作答、直接作答",
        "erased": "策略指令",
        "erased_note": "提示擦除",
        "generic": "换成通用指令，\n不提任何策略",
        "task": "任务 x：\n用户的问题",
        "gpt4": "GPT-4 作答",
        "llama": "学生模型",
        "answer": "回答 y：\n按该策略写成",
        "target": "训练目标：\n同一个回答 y",
        "note": "学生看不到策略指令，只能从任务本身\n学会每类任务该用哪种策略",
    },
    "en": {
        "gen_head": "1  Data generation",
        "train_head": "2  Training",
        "teacher": "Teacher: GPT-4",
        "student": "Student: Llama 2 7B/13B",
        "strategy": "System instruction\nnaming a strategy:\nstep by step, recall\nthen answer, or\ndirect answer",
        "erased": "Strategy instruction",
        "erased_note": "Prompt Erasure",
        "generic": "Generic instruction,\nno strategy named",
        "task": "Task x: the user's\nquestion or problem",
        "gpt4": "GPT-4 answers",
        "llama": "Student model",
        "answer": "Answer y, written\nwith that strategy",
        "target": "Training target:\nthe same answer y",
        "note": "The student never sees the strategy instruction,\nso it must learn which strategy fits each task.",
    },
}


def width(text):
    """Rough width of one line of 16-unit text: CJK about 1.0 × size, regular Latin about 0.49 × size."""
    return sum(16 if ord(ch) > 0x2E80 else 7.8 for ch in text)


def draw(c, t):
    left, right, w = 10, 280, 230
    pad = 12

    # Column heads.
    c.text(left, 24, t["gen_head"], 16, "f-a1 bold")
    c.text(right, 24, t["train_head"], 16, "f-a3 bold")
    c.text(left, 46, t["teacher"], 16, "f-muted")
    c.text(right, 46, t["student"], 16, "f-muted")

    # Row 1: the system instruction. Left: the strategy instruction the teacher sees.
    c.rect(left, 64, w, 136, "f-a2-soft", 6)
    c.text(left + pad, 90, t["strategy"], 16, "f-ink")

    # Right: the same instruction, struck through, then the generic one that replaces it.
    c.rect(right, 64, w, 58, "f-bg", 6)
    c.polyline([(right, 64), (right + w, 64), (right + w, 122), (right, 122), (right, 64)], "s-muted dash", 1.5)
    c.text(right + pad, 88, t["erased"], 16, "f-muted")
    c.line(right + pad - 2, 83, right + pad + width(t["erased"]) + 2, 83, "s-a2", 2)
    c.text(right + pad, 111, t["erased_note"], 16, "f-a2 bold")
    c.arrow(left + w + 4, 93, right - 4, 93, "s-a2 dash", 1.5)

    c.rect(right, 132, w, 68, "f-a3-soft", 6)
    c.text(right + pad, 158, t["generic"], 16, "f-ink")

    # Row 2: the task, identical on both sides.
    for x in (left, right):
        c.rect(x, 216, w, 60, "f-a4-soft", 6)
        c.text(x + pad, 241, t["task"], 16, "f-ink")
    c.text(260, 252, "=", 16, "f-muted bold", "middle")

    # Row 3: the models.
    for x, name, cls in ((left, "gpt4", "f-a1-soft"), (right, "llama", "f-a3-soft")):
        c.arrow(x + w / 2, 278, x + w / 2, 302, "s-ink", 1.5)
        c.rect(x, 304, w, 44, cls, 6)
        c.text(x + w / 2, 332, t[name], 16, "f-ink bold", "middle")
        c.arrow(x + w / 2, 350, x + w / 2, 374, "s-ink", 1.5)

    # Row 4: the teacher's answer becomes the student's training target.
    c.rect(left, 376, w, 60, "f-a1-soft", 6)
    c.text(left + pad, 401, t["answer"], 16, "f-ink")
    c.rect(right, 376, w, 60, "f-a3-soft", 6)
    c.text(right + pad, 401, t["target"], 16, "f-ink")
    c.arrow(left + w + 4, 406, right - 4, 406, "s-a1", 2)

    # What the erasure forces.
    c.text(260, 470, t["note"], 16, "f-ink", "middle")
