"""Grader for metrics/box_iou, against the areas of shapely boxes."""

from dataclasses import dataclass

import numpy as np
from shapely.geometry import box

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import CORNERS, Domain, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

box_iou = student_function("box_iou")
REFERENCE = "shapely: box(*a).intersection(box(*b)).area / box(*a).union(box(*b)).area"


@dataclass(frozen=True)
class Box(Reals):
    """A valid box (x1, y1, x2, y2): a corner in [-2, 2]^2 and sides in [0.5, 4], or whole numbers."""

    shape: tuple = (4,)

    def draw(self, rng, dims):
        x1, y1 = rng.uniform(-2, 2, size=2)
        w, h = rng.uniform(0.5, 4, size=2)
        return np.array([x1, y1, x1 + w, y1 + h])

    def draw_integers(self, rng, dims):
        x1, y1 = rng.integers(-3, 4, size=2)
        w, h = rng.integers(0, 5, size=2)
        return np.array([x1, y1, x1 + w, y1 + h])


def _pair(how):
    """Boxes as uint8 (apart in x and y: min - max wraps around), or two identical zero-area boxes."""

    def corner(values, rng):
        if how == "uint8 apart":
            a, b = np.array([0, 0, 1, 1], np.uint8), np.array([2, 2, 3, 3], np.uint8)
        elif how == "uint8 overlapping":
            a, b = np.array([10, 20, 60, 90], np.uint8), np.array([30, 5, 200, 70], np.uint8)
        elif how == "apart in x":
            a, b = values["box_a"], values["box_a"] + np.array([10.0, 0.5, 10.0, 0.5])
        else:
            a = b = np.array([1.0, 1.0, 1.0, 1.0])
        return {**values, "box_a": a, "box_b": b.copy()}

    return corner


DOMAIN = Domain(
    seed=1903,
    args=(Box("box_a", offset=True, nan_rejected=True), Box("box_b", offset=True, nan_rejected=True)),
    sizes={"n": (1,)},
    corners=tuple(c for c in CORNERS if c != "uint8"),
    custom={
        "uint8 boxes apart in x and y": _pair("uint8 apart"),
        "uint8 boxes overlapping": _pair("uint8 overlapping"),
        "boxes apart in x only": _pair("apart in x"),
        "two identical zero-area boxes": _pair("zero area"),
    },
    empty=None,
)


@cached_reference
def reference(box_a, box_b):
    a, b = box(*map(float, box_a)), box(*map(float, box_b))
    union = a.union(b).area
    return a.intersection(b).area / union if union > 0 else 0.0  # the docstring's 0.0 for no area


def _parts(box_a, box_b, plus=0.0, clip=True):
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    w = min(a[2], b[2]) - max(a[0], b[0]) + plus
    h = min(a[3], b[3]) - max(a[1], b[1]) + plus
    if clip:
        w, h = max(w, 0.0), max(h, 0.0)
    area_a = (a[2] - a[0] + plus) * (a[3] - a[1] + plus)
    area_b = (b[2] - b[0] + plus) * (b[3] - b[1] + plus)
    return w * h, area_a, area_b


def _apart(box_a, box_b):
    """In how many directions (x, y) the boxes do not overlap."""
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    return int(min(a[2], b[2]) < max(a[0], b[0])) + int(min(a[3], b[3]) < max(a[1], b[1]))


def _no_area(box_a, box_b):
    """Whether both boxes have zero area (the union is empty)."""
    _, area_a, area_b = _parts(box_a, box_b)
    return area_a == 0 and area_b == 0


def _iou(parts):
    overlap, area_a, area_b = parts
    return overlap / (area_a + area_b - overlap)


def _corners(xywh):
    x, y, w, h = np.asarray(xywh, float)
    return [x, y, x + w, y + h]


MISTAKES = (
    Mistake(
        "clip the overlap's width and height at 0 separately: these boxes are apart in x and in y, "
        "so both are negative and their product is positive",
        lambda a, b: _iou(_parts(a, b, clip=False)) if _apart(a, b) == 2 else None,
    ),
    Mistake(
        "clip the overlap's width and height at 0: these boxes are apart in one direction, so that "
        "side of the overlap is negative and so is your overlap",
        lambda a, b: _iou(_parts(a, b, clip=False)) if _apart(a, b) == 1 else None,
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
        lambda a, b: None if _no_area(a, b) else _iou(_parts(a, b, plus=1.0)),
    ),
    Mistake(
        "boxes are (x1, y1, x2, y2) corners, not (x, y, width, height)",
        lambda a, b: None if _no_area(a, b) else reference(_corners(a), _corners(b)),
    ),
    Mistake(
        "two boxes of zero area have no union to divide by: their IoU is taken as 0.0, not 1.0",
        lambda a, b: 1.0 if _no_area(a, b) else None,
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


@points(2)
def test_every_corner_of_the_domain(box_iou):
    expect_cases(box_iou, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(box_iou):
    expect_rejected(
        box_iou,
        [
            BadInput("box_a has x2 < x1", ([2, 0, 1, 1], [0, 0, 1, 1])),
            BadInput("box_b has y2 < y1", ([0, 0, 1, 1], [0, 1, 1, 0.5])),
            BadInput("a box has 4 coordinates, not 3", ([0, 0, 1], [0, 0, 1, 1])),
            BadInput("box_b has 5 coordinates, not 4", ([0, 0, 1, 1], [0, 0, 2, 2, 7])),
            BadInput("box_b has x2 < x1", ([0, 0, 1, 1], [2, 0, 0, 1])),
            BadInput("a coordinate is infinite", ([0, 0, np.inf, 1], [0, 0, 1, 1])),
            *DOMAIN.bad_inputs(),
        ],
    )


def _in_float32(guarded):
    """IoU computed in the boxes' own float32: inf - inf areas, nan; 0.0 where ``union > 0`` guards."""

    def compute(box_a, box_b):
        a, b = np.asarray(box_a), np.asarray(box_b)
        w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
        h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
        overlap = w * h
        with np.errstate(all="ignore"):
            union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - overlap
            return 0.0 if guarded and not union > 0 else overlap / union

    return compute


@robust()
@points(1)
def test_extreme_boxes(box_iou):
    f32 = np.float32
    cases = [
        case(
            "float32 boxes of side 2e20 (areas overflow float32)",
            np.array([-1e20, -1e20, 1e20, 1e20], f32),
            np.array([0, 0, 2e20, 2e20], f32),
        ),
        case(
            "boxes of side 1e150 (areas near 1e300)",
            np.array([0, 0, 1e150, 1e150]),
            np.array([5e149, 0, 1.5e150, 1e150]),
        ),
        case(
            "a box 1e12 times wider and taller, around the other",
            np.array([-1e12, -1e12, 1e12, 1e12]),
            np.array([0, 0, 1, 1]),
        ),
        case(
            "a zero-area box (a segment) inside another", np.array([0.0, 0, 4, 4]), np.array([1.0, 1, 3, 1])
        ),
        case(
            "boxes far from the origin, apart by 1e-6",
            np.array([1e6, 1e6, 1e6 + 1, 1e6 + 1]),
            np.array([1e6 + 1 + 1e-6, 1e6, 1e6 + 2, 1e6 + 1]),
        ),
    ]
    in_float32 = (Mistake(FLOAT32_OVERFLOW, _in_float32(False)), Mistake(FLOAT32_OVERFLOW, _in_float32(True)))
    expect_cases(box_iou, cases, reference, reference_name=REFERENCE, mistakes=in_float32, atol=0.0)


def _two_boxes(n, rng):
    """One pair of overlapping boxes (the function's size is fixed: n is not used)."""
    return {"box_a": np.array([0.0, 0.0, 2.0, 3.0]), "box_b": np.array([1.0, 1.0, 4.0, 2.5])}


FAST = Fast(
    inputs=_two_boxes,
    size=1,
    within=10.0,
    why="one pair of boxes: the work is constant, so what is timed is that nothing needless is done "
    "(a grid of pixels, a general polygon clip); 10 times leaves room for the noise of timing microseconds",
)


PROPERTIES = (Differential("box_iou", DOMAIN, reference, REFERENCE),)
