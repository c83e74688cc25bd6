"""The course's ``nbgrader_config.py``.

Besides the course id, it sets what grading relies on: the time limit (one number, for a
notebook cell in the kernel and for one call of a learner's function in the sandbox),
mlkata's two preprocessors in nbgrader's autograde (:mod:`mlkata.classroom.preprocess`:
the verdict of every test cell comes from the sandbox, never from the kernel), deleted test
cells put back, an exchange folder inside the course, and feedback with the hidden tests
cleared.
"""

from __future__ import annotations

from pathlib import Path

MARKER = "# Written by `mlkata classroom build`"
DEFAULT_TIMEOUT = 10
EXCHANGE = "exchange"
"""The course's exchange folder (nbgrader's release and collect), inside the course folder."""
PRELOAD = "mlkata.classroom.preprocess.PreloadGraders"
GRADE = "mlkata.classroom.preprocess.GradeInSandbox"
FEEDBACK_PREPROCESSORS = (
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "nbgrader.preprocessors.ClearHiddenTests",
)


def autograde_preprocessors() -> list[str]:
    """nbgrader's own autograde steps with mlkata's: the graders' import first, the sandbox after Execute."""
    from nbgrader.converters.autograde import Autograde

    steps = [
        f"{c.__module__}.{c.__name__}" for c in Autograde.class_traits()["autograde_preprocessors"].default()
    ]
    execute = next(i for i, name in enumerate(steps) if name.endswith(".Execute"))
    return [PRELOAD, *steps[: execute + 1], GRADE, *steps[execute + 1 :]]


def config_text(course_id: str, root: Path, timeout: int = DEFAULT_TIMEOUT) -> str:
    """The text of ``nbgrader_config.py`` for a course graded by the checkout at ``root``."""
    if timeout < 2:
        raise ValueError("the time limit must be at least 2 s")
    listed = "".join(f"    {name!r},\n" for name in autograde_preprocessors())
    feedback = "".join(f"    {name!r},\n" for name in FEEDBACK_PREPROCESSORS)
    return (
        f"{MARKER}: building the course again rewrites it.\n"
        '"""nbgrader configuration of an mlkata course."""\n'
        "\n"
        "import os\n"
        "\n"
        "c = get_config()  # noqa: F821\n"
        "\n"
        "# Seconds a notebook cell may run in the kernel, and one call of a learner's function in\n"
        "# mlkata's sandbox; the calls of one exercise share 60 s.\n"
        f"TIMEOUT = {int(timeout)}\n"
        "\n"
        f"c.CourseDirectory.course_id = {course_id!r}\n"
        f"c.Exchange.root = os.path.join(os.path.dirname(os.path.abspath(__file__)), {EXCHANGE!r})\n"
        "c.Execute.timeout = TIMEOUT\n"
        "\n"
        "# The verdict of every test cell comes from mlkata's grader: after nbgrader has run the\n"
        "# notebook, GradeInSandbox grades each answer cell's source in the sandbox of `mlkata grade`\n"
        "# and replaces the test cells' outputs; what the kernel did there is discarded.\n"
        f"c.SandboxGrading.root = {str(root)!r}\n"
        "c.SandboxGrading.timeout = TIMEOUT\n"
        f"c.Autograde.autograde_preprocessors = [\n{listed}]\n"
        "# A test cell a student deleted is put back and graded, as an edited one is.\n"
        "c.OverwriteCells.add_missing_cells = True\n"
        "\n"
        "# Feedback shows the learner's cells and each check's message.\n"
        f"c.GenerateFeedback.preprocessors = [\n{feedback}]\n"
    )


def is_ours(path: Path) -> bool:
    """Whether ``path`` is a config file this module wrote (and may rewrite)."""
    try:
        return path.read_text(encoding="utf-8").startswith(MARKER)
    except OSError:
        return False
