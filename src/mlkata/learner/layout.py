"""Plain-text layout of the learner's messages: counted nouns and wrapped failure messages.

Light on purpose (no numpy, no rich): the pytest summary and the commands both use it.

A grader's failure message is a few lines, each an *item*: the call, then indented lines
led by a label (``expected``, ``got``, ``hint:``...). A line too long for the terminal is
wrapped here, not by the terminal, so that its continuation lines line up under the text
after its label (or under the item itself when it has none), never to the left of it.
"""

from __future__ import annotations

import re
import textwrap

LABEL = re.compile(r"^(\s*)((?:expected|got|hint:|note:|next:|it printed[^:]*:)\s+)?")
"""A message line's indent and its label, if any."""
CALL = re.compile(r"^[\w.]+\(")
"""A line that starts with a call: its continuation lines start after the opening parenthesis."""


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun in the number it takes: never ``"hint(s)"``.

    Parameters
    ----------
    count : int
        How many.
    singular : str
        The noun for one.
    plural : str, optional
        The noun for other counts; ``singular + "s"`` by default.

    Returns
    -------
    str
        ``"1 hint"``, ``"0 hints"``, ``"3 hints"``.

    Examples
    --------
    >>> counted(1, "hint"), counted(2, "hint"), counted(0, "exercise")
    ('1 hint', '2 hints', '0 exercises')
    >>> counted(3, "match", "matches")
    '3 matches'
    """
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def fails(failing: int, total: int, noun: str = "check", qualifier: str = "") -> str:
    """``"1 of 4 checks fail"``, ``"1 of 1 check fails"``: the verb agrees with the count.

    Examples
    --------
    >>> fails(3, 4), fails(1, 1), fails(1, 4)
    ('3 of 4 checks fail', '1 of 1 check fails', '1 of 4 checks fail')
    >>> fails(1, 1, qualifier=" run")
    '1 of 1 check run fails'
    """
    subject = noun if total == 1 else noun + "s"
    return f"{failing} of {total} {subject}{qualifier} {'fails' if total == 1 else 'fail'}"


def hanging(line: str) -> tuple[str, str]:
    """Split a message line into its lead (indent and label) and its text.

    Examples
    --------
    >>> hanging("  expected 1.5  (sklearn)")
    ('  expected ', '1.5  (sklearn)')
    >>> hanging("  hint: square first")
    ('  hint: ', 'square first')
    >>> hanging("f([1, 2])")
    ('', 'f([1, 2])')
    """
    match = LABEL.match(line)
    assert match is not None  # the pattern matches every string
    lead = match.group(0)
    return lead, line[len(lead) :]


def wrap_message(message: str, width: int, indent: int = 0) -> list[str]:
    """The lines of ``message`` indented by ``indent``, each at most ``width`` wide.

    A long line breaks at spaces; its continuation lines start where its text starts (after
    its label), or after the opening parenthesis of a line that is a call, so that they are
    never indented less than the line they continue. No line ends with a space.

    Parameters
    ----------
    message : str
        A grader's message, one item a line.
    width : int
        The widest a line may be (the terminal's width).
    indent : int
        Spaces before every line.

    Returns
    -------
    list of str
        The lines to print.

    Examples
    --------
    >>> for line in wrap_message("f(x)\\n  hint: one two three four", 24, indent=2):
    ...     print(repr(line))
    '  f(x)'
    '    hint: one two three'
    '          four'
    >>> for line in wrap_message("mse([1.0, 2.0, 3.0], [4.0, 5.0])", 24):
    ...     print(repr(line))
    'mse([1.0, 2.0, 3.0],'
    '    [4.0, 5.0])'
    """
    lines: list[str] = []
    for raw in message.splitlines() or [""]:
        lead, text = hanging(raw.rstrip())
        first = " " * indent + lead
        if not text:
            lines.append(first.rstrip())
            continue
        if len(first) + len(text) <= width:
            lines.append(first + text)
            continue
        hang = len(first)
        call = CALL.match(text) if not lead.strip() else None
        if call is not None and width - hang - call.end() >= min(30, width // 2):
            hang += call.end()
        pieces = textwrap.wrap(text, max(width - len(first), 10), break_on_hyphens=False) or [text]
        lines.append(first + pieces[0])
        rest = " ".join(pieces[1:])
        lines.extend(
            " " * hang + piece for piece in textwrap.wrap(rest, max(width - hang, 10), break_on_hyphens=False)
        )
    return lines
