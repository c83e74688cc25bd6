"""The curriculum's manifest: its topics and exercises in the order a learner meets them.

``curriculum.tsv`` (beside this module) holds one row per row of the curriculum contract,
tab-separated: the topic, the modules the row covers (space-separated), the public API as
the contract writes it, the reference the grader compares with, and the notes. Its row order
is the curriculum's order; nothing else orders topics or exercises. ``docs/curriculum.md`` is
generated from it (:mod:`mlkata.contract`), and the catalog (:mod:`mlkata.catalog`) refuses a
topic folder or an exercise module it does not list.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MANIFEST = Path(__file__).with_name("curriculum.tsv")


class CurriculumError(ValueError):
    """The solutions and the manifest disagree (a folder or module the manifest does not list)."""


@dataclass(frozen=True)
class Row:
    """One row of the contract."""

    topic: str
    modules: tuple[str, ...]
    api: str
    reference: str
    notes: str = ""


@cache
def rows() -> tuple[Row, ...]:
    """Every row of the manifest, in curriculum order.

    >>> rows()[0].modules
    ('mean_absolute_error',)
    """
    with open(MANIFEST, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple(
            Row(r["topic"], tuple(r["modules"].split()), r["api"], r["reference"], r["notes"] or "")
            for r in reader
        )


def topics() -> tuple[str, ...]:
    """The topics, in the order a learner meets them.

    >>> topics()[:2]
    ('losses', 'models')
    """
    return tuple(dict.fromkeys(row.topic for row in rows()))


def modules_of(topic: str) -> tuple[str, ...]:
    """The exercise modules of ``topic``, in order.

    >>> modules_of("losses")[-1]
    'hinge_loss'
    """
    return tuple(module for row in rows() if row.topic == topic for module in row.modules)


def check_folder(topic_folders: list[str], modules: dict[str, list[str]]) -> None:
    """Raise :class:`CurriculumError` for a topic or module the manifest does not list.

    Parameters
    ----------
    topic_folders : list of str
        The topic folders found under ``solutions/``.
    modules : dict
        Topic -> the modules found in its folder.

    Examples
    --------
    >>> check_folder(["losses"], {"losses": ["hinge_loss"]})
    >>> check_folder(["graphs"], {"graphs": []})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mlkata.curriculum.CurriculumError: solutions/graphs is not a topic of the curriculum manifest ...
    """
    known = topics()
    for topic in topic_folders:
        if topic not in known:
            raise CurriculumError(
                f"solutions/{topic} is not a topic of the curriculum manifest ({MANIFEST.name}): "
                "add its rows there, in the place a learner should meet it"
            )
        listed = modules_of(topic)
        for module in modules.get(topic, []):
            if module not in listed:
                raise CurriculumError(
                    f"solutions/{topic}/{module}.py is not listed in the curriculum manifest "
                    f"({MANIFEST.name}): add its row there"
                )
