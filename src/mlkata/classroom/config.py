"""The course's ``nbgrader_config.py``.

Besides the course id, it sets what the generated notebooks rely on: a short per-cell
timeout, kernels that show failures without source lines, feedback with the hidden tests
cleared, and two variables the notebook kernels inherit: ``MLKATA_ROOT`` (the checkout
whose graders judge) and ``MLKATA_CHECK_SECONDS`` (the budget of one hidden check, kept
below the cell timeout so a check reports its own timeout before nbgrader's).
"""

from __future__ import annotations

from pathlib import Path

MARKER = "# Written by `mlkata classroom build`"
DEFAULT_TIMEOUT = 10
WARM_UP = (
    "--InteractiveShellApp.exec_lines="
    "import mlkata.classroom.kernel as _mlkata_kernel; _mlkata_kernel.warm_up(); del _mlkata_kernel"
)
"""The kernel argument that starts the judge when a grading kernel starts."""
FEEDBACK_PREPROCESSORS = (
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "nbgrader.preprocessors.ClearHiddenTests",
)


def check_budget(timeout: int) -> float:
    """Seconds one hidden check may take when a cell may take ``timeout``.

    Examples
    --------
    >>> check_budget(10)
    8.0
    """
    return round(timeout * 0.8, 1)


def config_text(course_id: str, root: Path, timeout: int = DEFAULT_TIMEOUT) -> str:
    """The text of ``nbgrader_config.py`` for a course graded by the checkout at ``root``."""
    if timeout < 3:
        raise ValueError("the cell timeout must be at least 3 s")
    preprocessors = "".join(f"    {name!r},\n" for name in FEEDBACK_PREPROCESSORS)
    return (
        f"{MARKER}: building the course again rewrites it.\n"
        '"""nbgrader configuration of an mlkata course."""\n'
        "\n"
        "import os\n"
        "\n"
        "c = get_config()  # noqa: F821\n"
        "\n"
        "# The mlkata checkout whose graders run the hidden tests, and the seconds one hidden\n"
        "# check may take: the notebook kernels inherit both.\n"
        f"os.environ.setdefault('MLKATA_ROOT', {str(root)!r})\n"
        f"os.environ.setdefault('MLKATA_CHECK_SECONDS', {str(check_budget(timeout))!r})\n"
        "\n"
        f"c.CourseDirectory.course_id = {course_id!r}\n"
        "\n"
        "# A cell may run this long; then the kernel is interrupted and the cell scores 0.\n"
        f"c.Execute.timeout = {int(timeout)}\n"
        "# Grading kernels show failures as their message only, never the code of a hidden\n"
        "# test; they do not import from the submission's folder (a submitted mlkata/ or\n"
        "# numpy/ folder would shadow the real ones); and they start mlkata's judge before the\n"
        "# first cell runs.\n"
        "c.Execute.extra_arguments = [\n"
        "    '--InteractiveShell.xmode=Minimal',\n"
        "    '--InteractiveShellApp.ignore_cwd=True',\n"
        f"    {WARM_UP!r},\n"
        "]\n"
        "\n"
        "# Feedback shows the learner's cells and each check's message, not the hidden tests.\n"
        f"c.GenerateFeedback.preprocessors = [\n{preprocessors}]\n"
    )


def is_ours(path: Path) -> bool:
    """Whether ``path`` is a config file this module wrote (and may rewrite)."""
    try:
        return path.read_text(encoding="utf-8").startswith(MARKER)
    except OSError:
        return False
