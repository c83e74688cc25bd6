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


def _strict(box_a, box_b, dtype=float):
    a, b = np.asarray(box_a, dtype=dtype), np.asarray(box_b, dtype=dtype)
    if a.shape != (4,) or b.shape != (4,):
        raise ValueError("a box has 4 coordinates")
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("not finite")
    if a[2] < a[0] or a[3] < a[1] or b[2] < b[0] or b[3] < b[1]:
        raise ValueError("x2 < x1 or y2 < y1")
    return a, b


def _overlap_over_union(a, b):
    w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h
    return float(w * h / union) if union > 0 else 0.0


@mutant("box_iou")
def uint8_coordinates_wrap(box_a, box_b):
    a, b = np.asarray(box_a), np.asarray(box_b)  # min(x2) - max(x1) in uint8 wraps, not < 0
    _strict(a, b)
    return _overlap_over_union(a, b)


@mutant("box_iou")
def nan_coordinates_accepted(box_a, box_b):
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    if a.shape != (4,) or b.shape != (4,) or a[2] < a[0] or a[3] < a[1] or b[2] < b[0] or b[3] < b[1]:
        raise ValueError("bad box")  # a NaN fails every comparison, so it passes these
    return _overlap_over_union(a, b)


@mutant("box_iou", hint="not 1.0")
def no_area_is_a_perfect_match(box_a, box_b):
    a, b = _strict(box_a, box_b)
    if (a[2] - a[0]) * (a[3] - a[1]) == 0 and (b[2] - b[0]) * (b[3] - b[1]) == 0:
        return 1.0
    return _overlap_over_union(a, b)


@mutant("box_iou")
def only_box_a_checked(box_a, box_b):
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    if a.shape != (4,) or b.shape != (4,) or not np.all(np.isfinite(a)) or a[2] < a[0] or a[3] < a[1]:
        raise ValueError("bad box_a")
    return _overlap_over_union(a, b)


@mutant("box_iou", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(box_a, box_b):
    """Converts integer boxes only: float32 boxes of side 1e20 overflow in their areas."""
    wide_a, wide_b = _checked(box_a, box_b)
    if not (np.all(np.isfinite(wide_a)) and np.all(np.isfinite(wide_b))):
        raise ValueError("box coordinates must be finite")
    a, b = np.asarray(box_a), np.asarray(box_b)
    a = a if a.dtype.kind == "f" else a.astype(float)
    b = b if b.dtype.kind == "f" else b.astype(float)
    w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    overlap = w * h
    with np.errstate(all="ignore"):
        union = _area(a) + _area(b) - overlap
        return float(overlap / union) if union > 0 else 0.0
