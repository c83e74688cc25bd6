"""The learner's tools behind ``mlkata status``, ``check``, ``hint``, ``watch``, ``drill``...

One module per job: :mod:`~mlkata.learner.progress` stores results in SQLite,
:mod:`~mlkata.learner.grade` grades one exercise in-process, :mod:`~mlkata.learner.state`
tells where the learner stands, and the rest (hints, watch, drill, speed, history)
build on those (the drill's clock in :mod:`~mlkata.learner.countdown`, the words and
wrapping of messages in :mod:`~mlkata.learner.layout`). Command-line wiring lives in
:mod:`mlkata.commands.learner` and :mod:`mlkata.commands.check`.
"""
