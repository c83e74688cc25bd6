"""Wrong versions of metrics/mask_iou."""

import numpy as np

from mlkata.mutants import mutant


def _checked(mask_a, mask_b):
    a, b = np.asarray(mask_a), np.asarray(mask_b)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad shapes")
    if not (np.all((a == 0) | (a == 1)) and np.all((b == 0) | (b == 1))):
        raise ValueError("not binary")
    return a.astype(bool), b.astype(bool)


@mutant("mask_iou", hint="Dice coefficient")
def dice_instead(mask_a, mask_b):
    a, b = _checked(mask_a, mask_b)
    total = a.sum() + b.sum()
    return float(2 * (a & b).sum() / total) if total else 1.0


@mutant("mask_iou", hint="counted the overlap twice")
def union_is_sum(mask_a, mask_b):
    a, b = _checked(mask_a, mask_b)
    total = a.sum() + b.sum()
    return float((a & b).sum() / total) if total else 1.0


@mutant("mask_iou", hint="not 0.0")
def empty_masks_score_zero(mask_a, mask_b):
    a, b = _checked(mask_a, mask_b)
    union = (a | b).sum()
    return float((a & b).sum() / union) if union else 0.0


@mutant("mask_iou")
def nonzero_is_foreground(mask_a, mask_b):
    a, b = np.asarray(mask_a, float), np.asarray(mask_b, float)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad shapes")
    a, b = a > 0, b > 0
    union = (a | b).sum()
    return float((a & b).sum() / union) if union else 1.0
