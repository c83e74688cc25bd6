"""Where a batch's students are graded: the interface :func:`mlkata.batch.run.grade_batch` drives.

:class:`mlkata.batch.run.LocalGrading` grades on this machine; :mod:`mlkata.batch.cluster` on
a Dask cluster. Either way the batch's own process is the only writer of its output folder: a
backend only hands back each student's :class:`~mlkata.batch.report.StudentResult`, and the
batch writes it, with the same cache and rerun rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from mlkata.batch import report
from mlkata.batch.intake import Submission
from mlkata.catalog import Exercise

if TYPE_CHECKING:
    from mlkata.batch.run import Options


class BatchStopped(Exception):
    """A backend cannot go on (a cluster's scheduler gone): the batch keeps what finished.

    :func:`~mlkata.batch.run.grade_batch` then writes grades.csv with the students graded so
    far, lists the others in ``Summary.interrupted`` (a rerun grades them) and puts this
    exception's message in ``Summary.stopped``.
    """


class Grading(Protocol):
    """A place to grade a batch's students."""

    def begin(
        self, exercises: list[Exercise], topics: list[str], root: Path, options: Options, key: str, count: int
    ) -> dict[str, list[report.ExpectedCheck]]:
        """Get ready to grade ``count`` students with the graders of ``exercises``.

        Parameters
        ----------
        exercises, topics, root, options
            What to grade with, as the batch found them.
        key : str
            The batch's :func:`~mlkata.batch.run.grading_key`: a backend whose graders differ
            raises :class:`BatchStopped`.
        count : int
            How many students will be sent.

        Returns
        -------
        dict
            The checks each exercise's grader declares; ``{}`` when unknown.
        """
        ...

    def results(self, todo: list[Submission]) -> Iterator[report.StudentResult]:
        """Each student's result as it finishes; ``error`` :data:`~mlkata.batch.run.INTERRUPTED`
        for a student whose grading a stop ended (not written)."""
        ...

    def stop(self) -> None:
        """Stop grading now (Ctrl-C): what is running is ended, what is queued dropped."""
        ...

    @property
    def stopped(self) -> bool:
        """Whether :meth:`stop` was called: the students not handed back are not graded."""
        ...

    def close(self) -> None:
        """Release everything :meth:`begin` started."""
        ...
