"""An exercise's statement as markdown, from the docstrings of its solution module.

The numpydoc docstring is converted simply: ``.. math::`` becomes a ``$$`` block,
````code```` becomes ```code```, the Parameters / Returns / Raises sections become lists
and the Examples section a Python code block. Nothing is written by hand.
"""

from __future__ import annotations

import ast
import re

from mlkata.catalog import Exercise, public_functions

_LIST_SECTIONS = ("Parameters", "Returns", "Yields", "Raises", "Warns", "Attributes")


def _inline(text: str) -> str:
    text = re.sub(r":math:`([^`]+)`", r"$\1$", text)
    text = re.sub(r":[a-z]+:`~?([^`]+)`", r"`\1`", text)
    return re.sub(r"``([^`]+)``", r"`\1`", text)


def _sections(doc: str) -> list[tuple[str, list[str]]]:
    """Split a cleaned docstring into ``(title, lines)``; the body comes first, titled ""."""
    lines = doc.splitlines()
    sections: list[tuple[str, list[str]]] = [("", [])]
    i = 0
    while i < len(lines):
        line = lines[i]
        underline = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if line.strip() and underline and set(underline) == {"-"} and len(underline) >= len(line.strip()):
            sections.append((line.strip(), []))
            i += 2
            continue
        sections[-1][1].append(line)
        i += 1
    return sections


def _indented_block(lines: list[str], start: int, indent: str) -> tuple[list[str], int]:
    """The lines from ``start`` indented deeper than ``indent`` (blank lines inside kept out)."""
    block: list[str] = []
    i = start
    while i < len(lines):
        if lines[i].strip() and lines[i].startswith(indent + " "):
            block.append(lines[i].strip())
            i += 1
        elif not lines[i].strip():
            following = next((line for line in lines[i:] if line.strip()), "")
            if not following.startswith(indent + " "):
                break
            i += 1
        else:
            break
    return block, i


def _body(lines: list[str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = re.match(r"^(\s*)\.\. math::\s*(.*)$", lines[i])
        if not match:
            out.append(_inline(lines[i]))
            i += 1
            continue
        indent, inline = match.groups()
        if inline:
            block, i = (
                _indented_block(lines, i + 1, indent)
                if i + 1 < len(lines) and lines[i + 1].strip()
                else ([], i + 1)
            )
            formula = [inline, *block]
        else:
            formula, i = _indented_block(lines, i + 1, indent)
        out += ["$$", "\n".join(formula), "$$"]
        if i < len(lines) and lines[i].strip():
            out.append("")
    return "\n".join(out).strip()


def _entries(lines: list[str]) -> str:
    """``name : type`` entries with indented descriptions, as a markdown list."""
    items: list[tuple[str, list[str]]] = []
    for line in lines:
        if not line.strip():
            continue
        if not line.startswith((" ", "\t")):
            items.append((line.strip(), []))
        elif items:
            items[-1][1].append(line.strip())
    rendered = []
    for head, description in items:
        name, _, kind = head.partition(" : ")
        label = f"**{_inline(name)}** ({_inline(kind)})" if kind else f"**{_inline(name)}**"
        text = _inline(" ".join(description))
        rendered.append(f"- {label}" + (f": {text}" if text else ""))
    return "\n".join(rendered)


def _see_also(lines: list[str]) -> str:
    items = []
    for line in lines:
        if line.strip() and not line.startswith((" ", "\t")):
            name, _, note = line.strip().partition(" : ")
            items.append(f"- `{name}`" + (f": {_inline(note)}" if note else ""))
        elif line.strip() and items:
            items[-1] += " " + _inline(line.strip())
    return "\n".join(items)


def _examples(lines: list[str]) -> str:
    code = "\n".join(lines).strip("\n")
    return f"```python\n{code}\n```" if code.strip() else ""


def function_markdown(signature: str, doc: str) -> str:
    """The markdown of one function's docstring, under a heading with its signature."""
    parts = [f"### `{signature}`"]
    for title, lines in _sections(doc):
        if not title:
            parts.append(_body(lines))
        elif title in _LIST_SECTIONS:
            parts.append(f"**{title}**\n\n{_entries(lines)}")
        elif title == "See Also":
            parts.append(f"**See also**\n\n{_see_also(lines)}")
        elif title == "Examples":
            parts.append(f"**Example**\n\n{_examples(lines)}")
        else:
            parts.append(f"**{title}**\n\n{_body(lines)}")
    return "\n\n".join(p for p in parts if p.strip())


def statement_markdown(exercise: Exercise, text: str, number: int) -> str:
    """The statement cell of ``exercise``: its module's summary and its functions' docstrings.

    ``text`` is the solution module without META; ``number`` its place in the notebook.
    """
    tree = ast.parse(text)
    summary = ast.get_docstring(tree) or ""
    names = public_functions(text)
    parts = [f"## {number}. {', '.join(f'`{n}`' for n in names)}"]
    parts.append(f"*{exercise.key}, difficulty {exercise.difficulty}*")
    if summary:
        parts.append(_inline(summary))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in names:
            signature = f"{node.name}({ast.unparse(node.args)})"
            parts.append(function_markdown(signature, ast.get_docstring(node) or ""))
    parts.append(
        "Write your answer in the cell below, with numpy and the Python standard library only; "
        "the test cells after it check it."
    )
    return "\n\n".join(parts)
