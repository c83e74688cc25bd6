"""How long and how much graded code may take: the defaults every way of grading shares.

``pytest`` (its ``--call-timeout``, ``--exercise-timeout`` and ``--sandbox-memory``),
``mlkata check`` and ``mlkata grade``, the batch grader and the sandbox all start from these.
This module imports nothing, so the command line can read it without loading the graders.
"""

CALL_TIMEOUT = 10.0
"""Seconds one call of a learner's function may take."""
EXERCISE_TIMEOUT = 60.0
"""In the sandbox: seconds all the calls of one exercise may take together."""
MEMORY_MB = 2048
"""In the sandbox: megabytes of memory a worker may use."""
FILE_MB = 16
"""In the sandbox: the largest file, in megabytes, a worker may write."""
