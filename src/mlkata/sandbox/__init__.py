"""Running learners' code in a sandbox worker, for batch grading and ``pytest --sandbox``.

This package is what the sandbox itself runs: bubblewrap shows it to the sandbox as
``mlkata_sandbox`` (:func:`mlkata.sandbox.policy.read_only_view`), so its modules import each
other relatively and depend on numpy and the standard library only. The policy lives in
:mod:`mlkata.sandbox.policy`; the trusted side that starts sandboxes in
:mod:`mlkata.grading.isolation`, and the one that calls learners' functions through them in
:mod:`mlkata.grading.sandbox`.
"""
