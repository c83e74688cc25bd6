"""Grader for metrics/box_iou, against the areas of shapely boxes."""

import numpy as np
from shapely.geometry import box

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

box_iou = student_function("box_iou")
REFERENCE = "shapely: box(*a).intersection(box(*b)).area / box(*a).union(box(*b)).area"


@cached_reference
def reference(box_a, box_b):
    a, b = box(*map(float, box_a)), box(*map(float, box_b))
    return a.intersection(b).area / a.union(b).area


def _parts(box_a, box_b, plus=0.0, clip=True):
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    w = min(a[2], b[2]) - max(a[0], b[0]) + plus
    h = min(a[3], b[3]) - max(a[1], b[1]) + plus
    if clip:
        w, h = max(w, 0.0), max(h, 0.0)
    area_a = (a[2] - a[0] + plus) * (a[3] - a[1] + plus)
    area_b = (b[2] - b[0] + plus) * (b[3] - b[1] + plus)
    return w * h, area_a, area_b


def _iou(parts):
    overlap, area_a, area_b = parts
    return overlap / (area_a + area_b - overlap)


def _corners(xywh):
    x, y, w, h = np.asarray(xywh, float)
    return [x, y, x + w, y + h]


MISTAKES = (
    Mistake(
        "clip the overlap's width and height at 0 separately: for boxes apart in both x and y "
        "both are negative and their product is positive",
        lambda a, b: _iou(_parts(a, b, clip=False)),
    ),
    Mistake(
        "the union is area_a + area_b - overlap: you counted the overlap twice",
        lambda a, b: (lambda o, x, y: o / (x + y))(*_parts(a, b)),
    ),
    Mistake(
        "that is the overlap over the smaller box's area; IoU divides by the union",
        lambda a, b: (lambda o, x, y: o / min(x, y))(*_parts(a, b)),
    ),
    Mistake(
        "the boxes are continuous coordinates: no +1 on the widths and heights (that is the "
        "old integer-pixel convention)",
        lambda a, b: _iou(_parts(a, b, plus=1.0)),
    ),
    Mistake(
        "boxes are (x1, y1, x2, y2) corners, not (x, y, width, height)",
        lambda a, b: reference(_corners(a), _corners(b)),
    ),
)


def _random_box(rng):
    x1, y1 = rng.uniform(-5, 5, size=2)
    w, h = rng.uniform(0.1, 6, size=2)
    return np.array([x1, y1, x1 + w, y1 + h])


@points(3)
def test_matches_shapely_on_random_boxes(box_iou):
    rng = seeded(1901)
    for i in range(60):  # a quarter of the independent pairs overlap; the shifted ones all do
        a = _random_box(rng)
        b = _random_box(rng) if i < 40 else a + np.tile(rng.uniform(-0.5, 0.5, size=2), 2)
        expect_close(box_iou.call(a, b), reference(a, b), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_disjoint_touching_nested_and_identical(box_iou):
    cases = (
        ([0, 0, 1, 1], [2, 2, 3, 3], "apart in x and y"),
        ([0, 0, 1, 1], [3, 0.5, 4, 2], "apart in x, overlapping in y"),
        ([0, 0, 1, 1], [1, 0, 2, 1], "touching along an edge"),
        ([0, 0, 1, 1], [1, 1, 2, 2], "touching at a corner"),
        ([0, 0, 4, 4], [1, 1, 3, 2], "one inside the other"),
        ([1.5, -2, 3, 0.5], [1.5, -2, 3, 0.5], "identical"),
        ([0, 0, 2, 2], [1, 0, 1, 2], "a zero-width box"),
        ([0, 0, 10, 1], [2, -3, 4, 5], "crossing"),
    )
    for a, b, what in cases:
        expect_close(
            box_iou.call(a, b), reference(a, b), reference=f"{REFERENCE} ({what})", mistakes=MISTAKES
        )


@points(1)
def test_accepts_lists_and_float32(box_iou):
    rng = seeded(1902)
    a = _random_box(rng)
    b = a + np.tile(rng.uniform(-1, 1, size=2), 2)
    expect_input_types_accepted(box_iou, (a, b), reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(box_iou):
    expect_rejected(
        box_iou,
        [
            BadInput("box_a has x2 < x1", ([2, 0, 1, 1], [0, 0, 1, 1])),
            BadInput("box_b has y2 < y1", ([0, 0, 1, 1], [0, 1, 1, 0.5])),
            BadInput("a box has 4 coordinates, not 3", ([0, 0, 1], [0, 0, 1, 1])),
        ],
    )
