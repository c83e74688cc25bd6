"""The trusted grader process of ``mlkata grade``: one process grades student after student.

It imports the graders and their references once, then for each student the batch sends
it runs every check of every grader, the student's functions called in sandbox workers
(:mod:`mlkata.grading.sandbox`), as ``pytest --sandbox --target`` would, with the same
messages and the same report; only the worker's lifetime differs: here one per topic and
student (:class:`~mlkata.grading.sandbox.SharedWorkers`: a topic's modules share a process,
as a topic's notebook shares a kernel), replaced after any call that times out, crashes or is
refused (pytest starts one per check, and forking a worker costs more than most checks).
Each student gets a sandbox of their own, ended (its PID namespace and every process in it)
before the next student is graded, so nothing of one student's code is alive while the next
is graded. It never imports a student's module itself, and it writes no file.

Protocol (a pipe from :mod:`mlkata.batch.run`): requests are JSON lines on stdin,
``{"target": DIR, "id": N}``; it answers on the file descriptor ``--reply-fd`` with one line
``{"id": N, "exercise": KEY, "result": {...}}`` per exercise as it is graded, then
``{"done": N}``. The batch trusts a student's results only once it has read ``done``: a
grader process that dies or wedges before it costs that student the exercises it had not
sent. It says ``{"ready": true, ...}``
first, once the graders are imported, with the checks each grader declares (``"checks"``:
``{exercise: [[name, points, hidden], ...]}``) and the graders it could not import
(``"unloadable"``: ``{exercise: error}``), so the batch need not import them itself.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
from collections.abc import Sequence
from pathlib import Path

from mlkata.engine.sandboxed import grade_target
from mlkata.engine.specs import GraderSpec, exercise_key_of
from mlkata.grading.sandbox import Settings
from mlkata.sandbox.policy import GRADER_MEMORY_MB


def limit_memory(megabytes: int = GRADER_MEMORY_MB) -> None:
    """Bound this process's address space (never raising a lower limit)."""
    wanted = megabytes * 2**20
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft == resource.RLIM_INFINITY or soft > wanted:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard if hard != resource.RLIM_INFINITY else wanted))


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mlkata.batch.server", description=__doc__)
    parser.add_argument("graders", nargs="+", type=Path, help="grader files, graders/<topic>/test_<m>.py")
    parser.add_argument("--reply-fd", type=int, required=True, help="where to say each report is written")
    parser.add_argument("--call-timeout", type=float, default=Settings.call_timeout)
    parser.add_argument("--exercise-timeout", type=float, default=Settings.exercise_timeout)
    parser.add_argument("--sandbox-memory", type=int, default=Settings.memory_mb)
    parser.add_argument("--no-audit-hook", action="store_true", help=argparse.SUPPRESS)  # tests only
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = _arguments(argv)
    limit_memory()
    settings = Settings(
        options.call_timeout,
        options.exercise_timeout,
        options.sandbox_memory,
        audit_hook=not options.no_audit_hook,
    )
    graders, unloadable = [], {}
    for path in options.graders:
        try:
            graders.append(GraderSpec.load(path))
        except Exception as error:  # its checks show up as not graded, the others still run
            print(f"mlkata grade: cannot import the grader {path}: {error!r}", file=sys.stderr)
            unloadable[exercise_key_of(path) or str(path)] = repr(error)
    checks = {g.key: [[c.name, c.points, c.hidden] for c in g.checks] for g in graders}
    with os.fdopen(options.reply_fd, "w", encoding="utf-8") as reply:
        reply.write(json.dumps({"ready": True, "checks": checks, "unloadable": unloadable}) + "\n")
        reply.flush()
        for line in sys.stdin:
            request = json.loads(line)
            for result in grade_target(graders, Path(request["target"]), settings):
                answer = {"id": request["id"], "exercise": result.exercise, "result": result.to_data()}
                reply.write(json.dumps(answer) + "\n")
                reply.flush()
            reply.write(json.dumps({"done": request["id"]}) + "\n")
            reply.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
