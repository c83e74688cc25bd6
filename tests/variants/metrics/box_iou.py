"""Correct, differently written versions of metrics/box_iou."""

import numpy as np


def _checked(box_a, box_b):
    a, b = np.asarray(box_a, dtype=float), np.asarray(box_b, dtype=float)
    if a.shape != (4,) or b.shape != (4,) or not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise ValueError("a box is 4 finite coordinates")
    for x1, y1, x2, y2 in (a, b):
        if x2 < x1 or y2 < y1:
            raise ValueError("x2 < x1 or y2 < y1")
    return a.tolist(), b.tolist()


def variant_python(box_a, box_b):
    (ax1, ay1, ax2, ay2), (bx1, by1, bx2, by2) = _checked(box_a, box_b)
    overlap = max(0.0, min(ax2, bx2) - max(ax1, bx1)) * max(0.0, min(ay2, by2) - max(ay1, by1))
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - overlap
    return overlap / union if union > 0 else 0.0


def variant_intervals(box_a, box_b):
    a, b = (np.array(x) for x in _checked(box_a, box_b))
    low, high = np.maximum(a[:2], b[:2]), np.minimum(a[2:], b[2:])
    overlap = float(np.prod(np.clip(high - low, 0.0, None)))
    union = float(np.prod(a[2:] - a[:2]) + np.prod(b[2:] - b[:2])) - overlap
    return overlap / union if union > 0 else 0.0
