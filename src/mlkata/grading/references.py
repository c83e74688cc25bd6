"""The graders' reference libraries, imported when an answer is needed, not when a grader loads.

A grader names its references at the top (``from sklearn.metrics import log_loss``), but
importing scikit-learn takes seconds, and mlkata's answer store
(:mod:`mlkata.grading.answers`) often already knows the answer. While a grader file is
executed (:func:`lazy_reference_imports`, which :func:`mlkata.engine.specs.grader_module`
wraps around it), an import statement of mlkata's code or of the grader that names a
library of :data:`LIBRARIES` not imported yet gives a :class:`LazyReference` instead: a
stand-in that imports the real object the first time it is called, indexed or asked for an
attribute. Code outside mlkata (the libraries themselves) always imports for real.

The libraries of :data:`EXTRA` (one exercise each) are not in the learner's default install
but in ``mlkata[references]``: where one is missing, using its stand-in raises
:class:`MissingReference`, a failed check that says what to install, not a crash.
"""

from __future__ import annotations

import builtins
import importlib
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mlkata.grading import answers
from mlkata.grading.content import LIBRARIES
from mlkata.grading.failures import GradeFailure

EXTRA = ("nltk", "shapely", "mlxtend")
"""The references that ``pip install 'mlkata[references]'`` brings (not in the default install)."""

INSTALL_HINT = "pip install 'mlkata[references]'"

_state = threading.local()


class MissingReference(GradeFailure):
    """A grader needs a reference library that is not installed; the message says what to do.

    Examples
    --------
    >>> print(MissingReference.of("nltk.translate.bleu_score.sentence_bleu", "nltk"))
    install mlkata[references] to grade this exercise: its reference, \
nltk.translate.bleu_score.sentence_bleu, comes from nltk, which is not installed \
(pip install 'mlkata[references]')
    """

    @classmethod
    def of(cls, dotted: str, root: str) -> MissingReference:
        if root in EXTRA:
            return cls(
                f"install mlkata[references] to grade this exercise: its reference, {dotted}, comes "
                f"from {root}, which is not installed ({INSTALL_HINT})"
            )
        return cls(
            f"this exercise's reference, {dotted}, comes from {root}, which is not installed: "
            f"pip install {LIBRARIES.get(root, root)} (or reinstall mlkata)"
        )


def _load(module: str, attribute: str) -> Any:
    """Import ``module`` for real and return its ``attribute`` (a submodule, if need be)."""
    root = module.partition(".")[0]
    try:
        loaded = importlib.import_module(module)
        try:
            return getattr(loaded, attribute)
        except AttributeError:
            return importlib.import_module(f"{module}.{attribute}")
    except ModuleNotFoundError as error:
        if error.name is not None and error.name.partition(".")[0] == root:
            raise MissingReference.of(f"{module}.{attribute}", root) from None
        raise


_UNSET = object()


class LazyReference:
    """``module.attribute``, imported the first time it is used.

    Examples
    --------
    >>> expit = LazyReference("scipy.special", "expit")
    >>> expit
    <scipy.special.expit, imported when first used>
    >>> float(expit(0.0)), expit.dotted
    (0.5, 'scipy.special.expit')
    >>> LazyReference("nltk_never_installed.metrics", "bleu")(1)
    Traceback (most recent call last):
    ...
    mlkata.grading.references.MissingReference: this exercise's reference, \
nltk_never_installed.metrics.bleu, comes from nltk_never_installed, which is not installed: \
pip install nltk_never_installed (or reinstall mlkata)
    """

    __slots__ = ("_module", "_path", "_target")

    def __init__(self, module: str, attribute: str, *more: str) -> None:
        object.__setattr__(self, "_module", module)
        object.__setattr__(self, "_path", (attribute, *more))
        object.__setattr__(self, "_target", _UNSET)

    @property
    def dotted(self) -> str:
        """``module.attribute``: what this stands for (it names the reference in answer keys)."""
        path = object.__getattribute__(self, "_path")
        return ".".join((object.__getattribute__(self, "_module"), *path))

    def resolve(self) -> Any:
        """The real object, imported now if it was not yet."""
        target = object.__getattribute__(self, "_target")
        if target is _UNSET:
            first, *rest = object.__getattribute__(self, "_path")
            target = _load(object.__getattribute__(self, "_module"), first)
            for name in rest:
                target = getattr(target, name)
            object.__setattr__(self, "_target", target)
        return target

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """The stored answer for these inputs, else a live call (:func:`mlkata.grading.answers.call`)."""
        return answers.call(self, args, kwargs)

    def __getattr__(self, name: str) -> Any:
        target = object.__getattribute__(self, "_target")
        if target is not _UNSET:
            return getattr(target, name)
        if name in ("__name__", "__qualname__"):
            return object.__getattribute__(self, "_path")[-1]
        if name.startswith("_"):
            raise AttributeError(name)  # pytest, copy and inspect probe these: never import for them
        # norm.cdf: lazy too, so that a call of it can be answered from the store
        return LazyReference(
            object.__getattribute__(self, "_module"), *object.__getattribute__(self, "_path"), name
        )

    def __getitem__(self, key: Any) -> Any:
        return self.resolve()[key]

    def __repr__(self) -> str:
        if object.__getattribute__(self, "_target") is _UNSET:
            return f"<{self.dotted}, imported when first used>"
        return repr(object.__getattribute__(self, "_target"))


class LazyModule:
    """A module of a reference library, as an import statement gave it: its names are lazy."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def __getattr__(self, name: str) -> LazyReference:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return LazyReference(object.__getattribute__(self, "_name"), name)

    def __repr__(self) -> str:
        return f"<module {object.__getattribute__(self, '_name')}, imported when first used>"


def _ours(globals_: Any) -> bool:
    """Whether an import statement runs in a grader file or in mlkata's own code."""
    name = globals_.get("__name__", "") if isinstance(globals_, dict) else ""
    return name.startswith(("mlkata_grader_", "mlkata.")) or name == "mlkata"


@contextmanager
def lazy_reference_imports() -> Iterator[None]:
    """While this runs, import statements of graders and of mlkata name references lazily.

    Only libraries of :data:`LIBRARIES` not imported yet are made lazy; once one is imported
    (by a stand-in's first use, or anything else), import statements get the real thing.

    Examples
    --------
    >>> with lazy_reference_imports():
    ...     exec("from nltk_never_installed.x import y", {"__name__": "mlkata_grader_demo"})
    Traceback (most recent call last):
    ...
    ModuleNotFoundError: No module named 'nltk_never_installed'
    >>> namespace = {"__name__": "mlkata_grader_demo"}
    >>> with lazy_reference_imports():
    ...     exec("from scipy.special import expit", namespace)
    >>> type(namespace["expit"]).__name__ in ("LazyReference", "ufunc")  # ufunc: scipy was imported
    True
    """
    original = builtins.__import__
    depth = getattr(_state, "depth", 0)

    def hooked(name, globals=None, locals=None, fromlist=(), level=0):
        root = name.partition(".")[0]
        if level == 0 and root in LIBRARIES and root not in sys.modules and _ours(globals):
            return LazyModule(name if fromlist else root)
        return original(name, globals, locals, fromlist, level)

    _state.depth = depth + 1
    if depth == 0:
        builtins.__import__ = hooked
    try:
        yield
    finally:
        _state.depth = depth
        if depth == 0:
            builtins.__import__ = original
