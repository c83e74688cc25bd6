"""The maintainer's loop: scaffold an exercise from its curriculum row, then check every exercise.

:mod:`~mlkata.maintainer.checks` says what an exercise still lacks (``mlkata dev check``);
:mod:`~mlkata.maintainer.scaffold` writes a new exercise's files (``mlkata new TOPIC/NAME``).
Both work on a checkout (solutions, graders, ``tests/mutants`` and ``benchmarks/cases``), not on
a learner's workspace.
"""
