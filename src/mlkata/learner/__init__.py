"""The learner's tools behind ``mlkata list``, ``check``, ``hint``, ``watch``, ``drill``...

One module per job: :mod:`~mlkata.learner.progress` stores results in SQLite,
:mod:`~mlkata.learner.grade` grades one exercise in-process, :mod:`~mlkata.learner.state`
tells where the learner stands, and the rest (hints, watch, drill, speed, history)
build on those. Command-line wiring lives in :mod:`mlkata.commands.learner`.
"""
