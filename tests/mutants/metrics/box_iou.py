"""Wrong versions of metrics/box_iou."""

import numpy as np

from mlkata.mutants import mutant


def _checked(box_a, box_b):
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    if a.shape != (4,) or b.shape != (4,):
        raise ValueError("a box has 4 coordinates")
    if a[2] < a[0] or a[3] < a[1] or b[2] < b[0] or b[3] < b[1]:
        raise ValueError("x2 < x1 or y2 < y1")
    return a, b


def _area(box):
    return (box[2] - box[0]) * (box[3] - box[1])


@mutant("box_iou", hint="clip the overlap's width and height at 0 separately")
def clips_the_product_only(box_a, box_b):
    a, b = _checked(box_a, box_b)
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    overlap = max(0.0, w * h)
    return float(overlap / (_area(a) + _area(b) - overlap))


@mutant("box_iou", hint="counted the overlap twice")
def union_is_sum_of_areas(box_a, box_b):
    a, b = _checked(box_a, box_b)
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    return float(w * h / (_area(a) + _area(b)))


@mutant("box_iou", hint="no +1")
def pixel_plus_one(box_a, box_b):
    a, b = _checked(box_a, box_b)
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]) + 1)
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]) + 1)
    area_a = (a[2] - a[0] + 1) * (a[3] - a[1] + 1)
    area_b = (b[2] - b[0] + 1) * (b[3] - b[1] + 1)
    return float(w * h / (area_a + area_b - w * h))


@mutant("box_iou")
def inverted_boxes_accepted(box_a, box_b):
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    if a.shape != (4,) or b.shape != (4,):
        raise ValueError("a box has 4 coordinates")
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    union = abs(_area(a)) + abs(_area(b)) - w * h
    return float(w * h / union) if union > 0 else 0.0
