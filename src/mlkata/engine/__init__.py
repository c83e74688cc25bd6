"""The grading engine: the one way a grader's checks are loaded, run and recorded.

- :mod:`.specs`: a grader file, imported once, as a :class:`~.specs.GraderSpec` of
  :class:`~.specs.CheckSpec` (name, points, visibility, the learner's functions it takes).
- :mod:`.checks`: :func:`~.checks.run_check`, the only ``try``/``except`` around a check.
- :mod:`.results`: :class:`~.results.CheckResult` and :class:`~.results.ExerciseResult`,
  their JSON form, and the ``--mlkata-report`` writer.
- :mod:`.files`: the one atomic file writer.
- :mod:`.sandboxed`: a grader's checks on a target folder, the functions called in the
  sandbox (``mlkata grade``, the classroom's autograde).

Every caller (the pytest plugin, ``mlkata check``, the batch's grader process, the
classroom's preprocessor, the project's own tests) goes through these; none of them
grades a check its own way.
"""
