"""A file that does not parse: only this exercise should score 0."""


def hinge_loss(y_true, decision)
    return 0.0
