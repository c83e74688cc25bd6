"""Correct, differently written versions of metrics/mask_iou."""

import numpy as np


def _checked(mask_a, mask_b):
    a, b = np.asarray(mask_a), np.asarray(mask_b)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("the masks must have one shape, and pixels")
    if not (np.isin(a, (0, 1)).all() and np.isin(b, (0, 1)).all()):
        raise ValueError("a mask must be binary: bool or 0/1")
    return a.reshape(-1).astype(bool), b.reshape(-1).astype(bool)


def _score(overlap, size_a, size_b):
    union = size_a + size_b - overlap
    return 1.0 if union == 0 else overlap / union


def variant_sets(mask_a, mask_b):
    a, b = _checked(mask_a, mask_b)
    pixels_a, pixels_b = set(np.flatnonzero(a).tolist()), set(np.flatnonzero(b).tolist())
    return _score(len(pixels_a & pixels_b), len(pixels_a), len(pixels_b))


def variant_integer_dot(mask_a, mask_b):
    a, b = (m.astype(np.int64) for m in _checked(mask_a, mask_b))
    return _score(int(a @ b), int(a.sum()), int(b.sum()))
