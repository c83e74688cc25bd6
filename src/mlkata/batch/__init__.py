"""Batch grading of a class: read submissions, grade each in the sandbox, write results.

:mod:`~mlkata.batch.intake` turns a folder of submissions into one clean copy per
student, :mod:`~mlkata.batch.run` grades the copies in parallel (trusted grader processes of
:mod:`~mlkata.batch.server`, each grading student after student, the learners' calls in
sandbox workers), on this machine or, through :mod:`~mlkata.batch.cluster`, on the workers of
a Dask cluster, and
:mod:`~mlkata.batch.report` writes Gradescope's ``results.json``, a feedback file per
student and ``grades.csv``, each atomically.
"""
