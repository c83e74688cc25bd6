"""Options several commands share, declared once: ``--topics``.

Every command that takes topics takes them the same way: comma-separated, repeated, or both
(``--topics losses,metrics --topics models``).
"""

from __future__ import annotations

from typing import Annotated

import typer

TopicsOption = Annotated[
    list[str] | None,
    typer.Option("--topics", help="topics, comma-separated or repeated (default: all)"),
]


def topics_from(values: list[str] | None) -> list[str] | None:
    """The topics an option's values name, in the order given; ``None`` for all.

    >>> topics_from(["losses, metrics", "models"])
    ['losses', 'metrics', 'models']
    >>> topics_from([]) is None
    True
    """
    chosen = [part.strip() for value in values or () for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(chosen)) or None
