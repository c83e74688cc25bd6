"""A sample class to try batch grading on: the solutions, some with common mistakes.

``python -m mlkata.batch.sample FOLDER --students 30`` writes one folder per student,
laid out like ``exercises/``: every exercise is a copy of its solution, except that a
share of them (``--wrong``, 0.2 by default) get one of the mutants of
``tests/mutants/<topic>/<module>.py`` in place of their function, as a student who
made that mistake would hand in. The choice is seeded, so a folder is reproducible.
"""

from __future__ import annotations

import argparse
import ast
import random
from pathlib import Path

from mlkata.catalog import Exercise, all_exercises
from mlkata.paths import project_root


def _mutant_sources(exercise: Exercise, root: Path) -> list[tuple[str, str]]:
    """(replaced function, source to append) for each mutant of ``exercise``."""
    path = root / "tests" / "mutants" / exercise.topic / f"{exercise.module}.py"
    if not path.is_file():
        return []
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    helpers, mutants = [], []
    for node in tree.body:
        decorators = getattr(node, "decorator_list", [])
        marked = [d for d in decorators if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "mutant"]
        if marked and isinstance(node, ast.FunctionDef) and marked[0].args:
            replaces = ast.literal_eval(marked[0].args[0])
            text = ast.get_source_segment(source, node) or ""
            mutants.append((replaces, text.replace(f"def {node.name}(", f"def {replaces}(", 1)))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mlkata"):
            continue
        elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            helpers.append(ast.get_source_segment(source, node) or "")
    prelude = "\n\n".join(helpers)
    return [(r, f"\n\n# --- a common mistake ---\n{prelude}\n\n\n{text}\n") for r, text in mutants]


def make_class(
    folder: Path, students: int, wrong: float = 0.2, seed: int = 0, root: Path | None = None
) -> tuple[int, int]:
    """Write ``students`` folders into ``folder``: the exercises each has, and the files given a mistake."""
    root = root or project_root()
    rng = random.Random(seed)
    wrong_files = 0
    exercises = [e for e in all_exercises(root) if e.grader_path(root).is_file()]
    mutants = {e.key: _mutant_sources(e, root) for e in exercises}
    for number in range(1, students + 1):
        student = folder / f"student{number:02d}"
        for exercise in exercises:
            text = exercise.solution_path(root).read_text(encoding="utf-8")
            if mutants[exercise.key] and rng.random() < wrong:
                text += rng.choice(mutants[exercise.key])[1]
                wrong_files += 1
            path = student / exercise.topic / f"{exercise.module}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return len(exercises), wrong_files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--wrong", type=float, default=0.2, help="share of exercises with a mistake")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    exercises, wrong_files = make_class(args.folder, args.students, args.wrong, args.seed)
    print(
        f"wrote {args.students} students to {args.folder} ({exercises} exercises each; "
        f"{wrong_files} of {args.students * exercises} files carry a known mistake)\n"
        f"grade them: mlkata grade {args.folder} --out {args.folder}-results"
    )


if __name__ == "__main__":
    main()
