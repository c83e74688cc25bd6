"""Running learners' code in a confined worker process, for batch grading.

This package is imported by the sandbox worker itself (``python -m mlkata.sandbox.worker``),
so it depends on numpy and the standard library only: it never imports the graders, the
references or the rest of mlkata. The grading side lives in :mod:`mlkata.grading.sandbox`.
"""
