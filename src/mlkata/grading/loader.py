"""Load a learner's module fresh, after checking it only imports what it may.

Each call of :func:`load_module` compiles and executes the file again under a new
module name, so no state survives from one grader to the next, and nothing the
learner's module does at import time is cached between runs.
"""

from __future__ import annotations

import ast
import io
import itertools
import sys
import tokenize
import types
from collections.abc import Iterable
from pathlib import Path

from mlkata.grading.failures import SubmissionError
from mlkata.sandbox.calling import learner_traceback
from mlkata.sandbox.policy import REFERENCE_PACKAGES

BANNED_PACKAGES = REFERENCE_PACKAGES
"""Top-level packages a learner may not import: the references, and mlkata's own code."""

_counter = itertools.count()


def _root_package(name: str) -> str:
    return name.split(".", 1)[0]


def banned_imports(tree: ast.AST, allowed: Iterable[str] = ()) -> list[str]:
    """The imports in ``tree`` that reach a banned package.

    ``allowed`` lists dotted names a learner may import from a banned package
    (``"scipy.stats.chi2"`` permits ``from scipy.stats import chi2``).

    Examples
    --------
    >>> banned_imports(ast.parse("import numpy as np\\nfrom sklearn.metrics import hinge_loss"))
    ['sklearn.metrics']
    >>> banned_imports(ast.parse("from scipy.stats import chi2"), ["scipy.stats.chi2"])
    []
    >>> banned_imports(ast.parse("from scipy.stats import norm, t"), ["scipy.stats.t"])
    ['scipy.stats.norm']
    """
    allowed = set(allowed)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if _root_package(a.name) in BANNED_PACKAGES]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if _root_package(node.module) in BANNED_PACKAGES:
                names = [f"{node.module}.{a.name}" for a in node.names]
                refused = [name for name in names if name not in allowed]
                if refused and len(refused) < len(names):  # some names are allowed: say which is not
                    found += refused
                elif refused:
                    found.append(node.module)
        elif isinstance(node, ast.Call) and node.args:
            first = node.args[0]
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if (
                name in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and _root_package(first.value) in BANNED_PACKAGES
            ):
                found.append(first.value)
    return found


def refusal(name: str, allowed: Iterable[str] = ()) -> str:
    """Why importing (or using) the library ``name`` is refused, with what the exercise allows.

    Examples
    --------
    >>> refusal("sklearn.metrics").split("write it with ")[1]
    'numpy and the Python standard library only'
    >>> refusal("scipy.stats.norm", ["scipy.stats.t"]).split("write it with ")[1]
    'numpy, the Python standard library and from scipy.stats import t only'
    """
    forms = [f"from {module} import {name}" for module, _, name in (a.rpartition(".") for a in allowed)]
    what = (
        "numpy, the Python standard library and " + ", ".join(forms)
        if forms
        else ("numpy and the Python standard library")
    )
    return f"the graders compare your code with that library, so write it with {what} only"


def read_source(data: bytes) -> str:
    """Decode a Python file as Python itself does: a UTF-8 BOM, a PEP 263 coding line, else UTF-8.

    >>> read_source(b"\\xef\\xbb\\xbfx = 1\\n")
    'x = 1\\n'
    >>> read_source("# -*- coding: latin-1 -*-\\ns = 'café'\\n".encode("latin-1")).splitlines()[1]
    "s = 'café'"
    """
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode("utf-8-sig" if encoding == "utf-8-sig" else encoding)
    return text.replace("\r\n", "\n")


def read_submission(path: Path, shown_as: str, allowed_imports: Iterable[str] = ()) -> tuple[str, ast.Module]:
    """Read and parse the learner's file without running it, and check its imports.

    Returns
    -------
    source : str
        The file's text.
    tree : ast.Module
        Its syntax tree.

    Raises
    ------
    SubmissionError
        When the file is missing, unreadable, not valid Python or imports a reference library.
    """
    if not path.is_file():
        raise SubmissionError(f"{shown_as} is missing: create it (the stub is in exercises/)")
    try:
        source = read_source(path.read_bytes())
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError) as error:
        raise SubmissionError(f"{shown_as} cannot be read: {error}") from None
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as error:
        line = (error.text or "").rstrip("\n")
        caret = " " * max((error.offset or 1) - 1, 0) + "^"
        raise SubmissionError(
            f"{shown_as} has a syntax error on line {error.lineno}: {error.msg}\n    {line}\n    {caret}"
        ) from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise SubmissionError(f"{shown_as} cannot be parsed: {type(error).__name__}") from None
    banned = banned_imports(tree, allowed_imports)
    if banned:
        raise SubmissionError(f"{shown_as} imports {banned[0]}: {refusal(banned[0], allowed_imports)}")
    return source, tree


def load_module(path: Path, shown_as: str, allowed_imports: Iterable[str] = ()) -> types.ModuleType:
    """Compile and run the learner's module at ``path`` under a fresh name.

    Parameters
    ----------
    path : Path
        The learner's file.
    shown_as : str
        How to name the file in messages (``exercises/losses/hinge_loss.py``).
    allowed_imports : iterable of str
        Dotted names a learner may import from a banned package.

    Raises
    ------
    SubmissionError
        When the file is missing, unreadable, not valid Python, imports a reference
        library or raises while being imported.
    """
    _, tree = read_submission(path, shown_as, allowed_imports)
    name = f"mlkata_submission_{next(_counter)}_{path.stem}"
    module = types.ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module
    try:
        exec(compile(tree, str(path), "exec"), module.__dict__)
    except (Exception, SystemExit) as error:
        del sys.modules[name]
        where = learner_traceback(error, str(path))
        raise SubmissionError(
            f"importing {shown_as} raised {type(error).__name__}: {error}" + (f"\n{where}" if where else "")
        ) from None
    return module
