"""Benchmark cases of the metrics exercises."""

from __future__ import annotations

import numpy as np

from . import (
    CLASSES,
    Trial,
    case,
    family,
    floor_of,
    fmt,
    quiet,
    shape,
    side,
)

# --- metrics ---------------------------------------------------------------------------


def _labels(rng, n, k=CLASSES):
    y_true = rng.integers(0, k, size=n)
    y_pred = np.where(rng.random(n) < 0.7, y_true, rng.integers(0, k, size=n))
    return y_true, y_pred


@case("metrics/confusion_matrix", "sklearn.metrics.confusion_matrix", note=f"{CLASSES} classes")
def _confusion(m, n, rng):
    from sklearn.metrics import confusion_matrix

    y, p = _labels(rng, n)
    return Trial(fmt(n), lambda: m.confusion_matrix(y, p), lambda: confusion_matrix(y, p), floor_of(y, p))


@case("metrics/accuracy", "sklearn.metrics.accuracy_score", note=f"{CLASSES} classes")
def _accuracy(m, n, rng):
    from sklearn.metrics import accuracy_score

    y, p = _labels(rng, n)
    return Trial(fmt(n), lambda: m.accuracy(y, p), lambda: accuracy_score(y, p), floor_of(y, p))


def _binary_score(name):
    def prepare(m, n, rng):
        import sklearn.metrics

        score = quiet(getattr(sklearn.metrics, f"{name}_score"))
        y, p = _labels(rng, n, k=2)
        return Trial(
            fmt(n),
            lambda: getattr(m, name)(y, p),
            lambda: score(y, p, average="binary", zero_division=0.0),
            floor_of(y, p),
        )

    return prepare


for _name in ("precision", "recall", "f1"):
    case(f"metrics/{_name}", f"sklearn.metrics.{_name}_score", note="average='binary'")(_binary_score(_name))


@case("metrics/r2_score", "sklearn.metrics.r2_score")
def _r2(m, n, rng):
    from sklearn.metrics import r2_score

    y = rng.normal(size=n)
    p = y + 0.5 * rng.normal(size=n)
    return Trial(fmt(n), lambda: m.r2_score(y, p), lambda: r2_score(y, p), floor_of(y, p))


@case("metrics/roc_auc", "sklearn.metrics.roc_auc_score", note="needs a sort: the floor is not reachable")
def _roc_auc(m, n, rng):
    from sklearn.metrics import roc_auc_score

    x = family("labels and probabilities", rng, n)
    y, s = x["y_true"], x["y_score"] + x["y_true"]
    return Trial(fmt(n), lambda: m.roc_auc(y, s), lambda: roc_auc_score(y, s), floor_of(y, s))


@case("metrics/ndcg_at_k", "sklearn.metrics.ndcg_score", note="needs a sort per query")
def _ndcg(m, n, rng):
    from sklearn.metrics import ndcg_score

    q = side(n)
    relevance = rng.integers(0, 5, size=(q, q)).astype(np.float64)
    scores = relevance + rng.normal(size=(q, q))
    return Trial(
        shape(q, q),
        lambda: m.ndcg_at_k(relevance, scores),
        lambda: ndcg_score(relevance, scores),
        floor_of(relevance, scores),
    )


@case(
    "metrics/box_iou",
    "shapely box(*a).intersection(box(*b)).area / ... .union(...).area",
    note="one pair of boxes: the time of a single call",
)
def _box_iou(m, n, rng):
    from shapely.geometry import box

    a, b = np.array([0.0, 0.0, 2.0, 3.0]), np.array([1.0, 1.0, 4.0, 2.5])

    def reference():
        first, second = box(*map(float, a)), box(*map(float, b))
        return first.intersection(second).area / first.union(second).area

    return Trial("1 pair", lambda: m.box_iou(a, b), reference)


def _masks(rng, n):
    q = side(n)
    a = rng.random((q, q)) < 0.3
    return a, a ^ (rng.random((q, q)) < 0.1)


@case("metrics/mask_iou", "sklearn.metrics.jaccard_score(a.ravel(), b.ravel(), zero_division=1.0)")
def _mask_iou(m, n, rng):
    from sklearn.metrics import jaccard_score

    a, b = _masks(rng, n)
    return Trial(
        shape(*a.shape),
        lambda: m.mask_iou(a, b),
        lambda: jaccard_score(a.ravel(), b.ravel(), zero_division=1.0),
        floor_of(a, b),
    )


@case("metrics/dice_coefficient", "1 - scipy.spatial.distance.dice(a.ravel(), b.ravel())")
def _dice(m, n, rng):
    from scipy.spatial.distance import dice

    a, b = _masks(rng, n)
    return Trial(
        shape(*a.shape),
        lambda: m.dice_coefficient(a, b),
        quiet(lambda: 1.0 - dice(a.ravel(), b.ravel())),
        floor_of(a, b),
    )


@case(
    "metrics/bleu",
    "nltk sentence_bleu(references, hypothesis, weights=(1/4,) * 4)",
    note="pure Python on both sides",
)
def _bleu(m, n, rng):
    from nltk.translate.bleu_score import sentence_bleu

    length = max(n // 100, 20)
    words = np.array([f"w{i}" for i in range(1000)])
    hypothesis = words[rng.integers(0, 1000, size=length)]
    references = []
    for _ in range(4):
        noisy = hypothesis.copy()
        swap = rng.random(length) < 0.2
        noisy[swap] = words[rng.integers(0, 1000, size=swap.sum())]
        references.append(noisy.tolist())
    hypothesis = hypothesis.tolist()
    reference = quiet(lambda: sentence_bleu(references, hypothesis, weights=(0.25,) * 4))
    return Trial(f"4 refs × {fmt(length)} tokens", lambda: m.bleu(references, hypothesis), reference)
