"""Sub-commands of ``mlkata``, one module each.

Every module in this package defines ``register(app: typer.Typer) -> None``, which adds
its commands to the ``mlkata`` app. Modules are found automatically, so adding a command
touches no shared file. Keep imports of heavy libraries (nbgrader, scikit-learn, ...)
inside the command functions, so that ``mlkata --help`` stays instant.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer


def register_all(app: typer.Typer) -> None:
    """Import every command module of this package and let it register its commands."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(app)
