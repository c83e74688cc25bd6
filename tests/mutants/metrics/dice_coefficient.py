"""Wrong versions of metrics/dice_coefficient."""

import numpy as np

from mlkata.mutants import mutant


def _checked(mask_a, mask_b):
    a, b = np.asarray(mask_a), np.asarray(mask_b)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad shapes")
    if not (np.all((a == 0) | (a == 1)) and np.all((b == 0) | (b == 1))):
        raise ValueError("not binary")
    return a.astype(bool), b.astype(bool)


@mutant("dice_coefficient", hint="that is the IoU")
def iou_instead(mask_a, mask_b):
    a, b = _checked(mask_a, mask_b)
    union = (a | b).sum()
    return float((a & b).sum() / union) if union else 1.0


@mutant("dice_coefficient", hint="factor 2")
def without_the_two(mask_a, mask_b):
    a, b = _checked(mask_a, mask_b)
    total = a.sum() + b.sum()
    return float((a & b).sum() / total) if total else 1.0


@mutant("dice_coefficient", hint="not 0.0")
def empty_masks_score_zero(mask_a, mask_b):
    a, b = _checked(mask_a, mask_b)
    total = a.sum() + b.sum()
    return float(2 * (a & b).sum() / total) if total else 0.0


@mutant("dice_coefficient")
def soft_dice(mask_a, mask_b):
    a, b = np.asarray(mask_a, float), np.asarray(mask_b, float)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad shapes")
    total = a.sum() + b.sum()
    return float(2 * (a * b).sum() / total) if total else 1.0


def _flat(mask_a, mask_b, check=(0, 1)):
    masks = np.asarray(mask_a), np.asarray(mask_b)
    if masks[0].shape != masks[1].shape or masks[0].size == 0:
        raise ValueError("the masks must have one shape, and pixels")
    for i in check:
        if not np.all((masks[i] == 0) | (masks[i] == 1)):
            raise ValueError("a mask must be binary")
    return masks[0].reshape(-1).astype(bool), masks[1].reshape(-1).astype(bool)


def _score(overlap, size_a, size_b):
    return 1.0 if size_a + size_b == 0 else 2 * overlap / (size_a + size_b)


@mutant("dice_coefficient")
def only_mask_a_checked(mask_a, mask_b):
    a, b = _flat(mask_a, mask_b, check=(0,))
    return float(_score(np.count_nonzero(a & b), np.count_nonzero(a), np.count_nonzero(b)))


@mutant("dice_coefficient")
def float16_running_counts(mask_a, mask_b):
    a, b = _flat(mask_a, mask_b)

    def count(pixels):  # a running float16 total stops growing at 2048
        return float(np.cumsum(pixels.astype(np.float16), dtype=np.float16)[-1])

    return float(_score(count(a & b), count(a), count(b)))
