"""Submissions nbgrader could not grade, named by student and notebook.

A notebook whose JSON is broken makes ``nbgrader autograde`` log "Removing failed
assignment" and go on; ``nbgrader export`` then gives that student a normal-looking row and
feedback has nothing for them. ``mlkata classroom check COURSE`` reads every submitted
notebook of the course and says which cannot be read, which were not autograded and which
the student did not hand in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One submitted notebook that does not count as graded."""

    student: str
    assignment: str
    notebook: str
    what: str

    def __str__(self) -> str:
        return f"{self.student}: {self.assignment}/{self.notebook}: {self.what}"


def _unreadable(path: Path) -> str | None:
    """Why ``path`` is not a notebook nbgrader can grade, or ``None``."""
    import nbformat

    try:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
    except (OSError, UnicodeDecodeError) as error:
        return f"cannot be read ({error})"
    except ValueError as error:  # json.JSONDecodeError is one
        return f"is not valid notebook JSON ({str(error).splitlines()[0]})"
    except Exception as error:  # nbformat's ValidationError and what it raises on odd JSON
        return f"is not a valid notebook ({type(error).__name__}: {str(error).splitlines()[0][:200]})"
    return None


def course_problems(course: Path, assignment: str | None = None) -> list[Problem]:
    """Every problem with the course's submissions (of ``assignment``, or of every assignment).

    Parameters
    ----------
    course : Path
        The course folder (the one holding ``nbgrader_config.py``).
    assignment : str, optional
        Look at this assignment only.
    """
    problems = []
    source = course / "source"
    assignments = [assignment] if assignment else sorted(p.name for p in source.iterdir() if p.is_dir())
    submitted = course / "submitted"
    students = sorted(p.name for p in submitted.iterdir() if p.is_dir()) if submitted.is_dir() else []
    for name in assignments:
        expected = sorted(p.name for p in (source / name).glob("*.ipynb"))
        for student in students:
            folder = submitted / student / name
            if not folder.is_dir():
                continue
            for notebook in expected:
                path = folder / notebook
                graded = course / "autograded" / student / name / notebook
                if not path.is_file():
                    problems.append(Problem(student, name, notebook, "not handed in (scores 0)"))
                elif (why := _unreadable(path)) is not None:
                    problems.append(Problem(student, name, notebook, f"{why}: not graded"))
                elif not graded.is_file():
                    problems.append(
                        Problem(
                            student, name, notebook, "not autograded: run nbgrader autograde and read its log"
                        )
                    )
    return problems
