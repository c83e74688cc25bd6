"""Dice coefficient (F1 overlap) of two binary masks."""

import numpy as np


def dice_coefficient(mask_a, mask_b):
    r"""Twice the overlap of two binary masks divided by their total size.

    .. math:: \text{Dice}(A, B) = \frac{2\,|A \cap B|}{|A| + |B|}

    where a mask is the set of its pixels equal to 1 (True). Dice is the F1 score of one mask
    against the other and is related to the IoU by ``Dice = 2 IoU / (1 + IoU)``. Two empty
    masks agree perfectly: their Dice coefficient is 1.0.

    Parameters
    ----------
    mask_a : array_like of any shape
        A binary mask: booleans, or numbers each 0 or 1.
    mask_b : array_like of the same shape
        The other mask.

    Returns
    -------
    float
        The Dice coefficient, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the masks differ in shape or are empty (no pixels), or if a value is not 0 or 1
        (a soft mask or a label image must be thresholded first).

    See Also
    --------
    scipy.spatial.distance.dice : the reference, as ``1 - dice(a.ravel(), b.ravel())``
        (scipy gives nan for two empty masks; this function gives 1.0).
    mask_iou

    Examples
    --------
    >>> dice_coefficient([[1, 1, 0], [0, 1, 0]], [[1, 0, 0], [0, 1, 1]])
    0.6666666666666666
    >>> dice_coefficient([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    1.0
    """
    ### BEGIN SOLUTION
    a = np.asarray(mask_a)
    b = np.asarray(mask_b)
    if a.shape != b.shape:
        raise ValueError(f"shape mismatch: mask_a {a.shape}, mask_b {b.shape}")
    if a.size == 0:
        raise ValueError("empty masks: there are no pixels to compare")
    for name, mask in (("mask_a", a), ("mask_b", b)):
        # A boolean mask is binary by its type: only numbers need checking.
        if mask.dtype != bool and not np.all((mask == 0) | (mask == 1)):
            raise ValueError(f"{name} must be binary (bool or 0/1), got values {np.unique(mask)[:5]}")
    a = a.astype(bool, copy=False)  # no copy of a mask that is boolean already
    b = b.astype(bool, copy=False)
    total = np.count_nonzero(a) + np.count_nonzero(b)
    if total == 0:
        return 1.0
    return float(2 * np.count_nonzero(a & b) / total)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Dice counts the overlap twice and divides by the sizes of both masks added up. How is "
    "that different from the IoU's denominator? What should two empty masks score?",
    "Check the shapes match and every value is 0 or 1, convert with astype(bool), and return "
    "1.0 when both masks are empty instead of dividing 0 by 0.",
    "total = np.count_nonzero(a) + np.count_nonzero(b); return 1.0 if total == 0 else "
    "2 * np.count_nonzero(a & b) / total.",
)
TALKING_POINTS = {
    "use": (
        "Scoring segmentation masks, and training them with 1 - Dice as the loss, especially for small "
        "foreground objects in medical imaging."
    ),
    "assumes": "Binary masks of one shape; it is the F1 score of one mask against the other.",
    "pitfalls": (
        (
            "Two empty masks give 0/0: the convention here is 1 (perfect agreement); write the case down, "
            "as libraries differ."
        ),
        (
            "Class imbalance: background pixels do not enter Dice, which is why it suits small objects; "
            "pixel accuracy would not."
        ),
        "Soft predictions: threshold them for the metric; use the soft form only as a loss.",
    ),
    "cost": "O(pixels) time; O(pixels) temporary memory.",
    "follow_ups": (
        (
            "How do Dice and IoU relate?",
            "Dice = 2 IoU / (1 + IoU) and IoU = Dice / (2 - Dice); Dice >= IoU.",
        ),
        (
            "Why add a smoothing term to the soft Dice loss?",
            (
                "(2 sum(p g) + s) / (sum p + sum g + s) stays defined for empty masks and gives smoother "
                "gradients."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "dice_coefficient([[1, 1, 0, 0]], [[0, 1, 1, 0]])?",
        "answer": 0.5,
        "tolerance": 1e-09,
        "check": "dice_coefficient([[1, 1, 0, 0]], [[0, 1, 1, 0]])",
        "why": "2 * 1 / (2 + 2).",
    },
    {
        "question": "Dice is the same as which classification score of one mask against the other?",
        "choices": ("accuracy", "precision", "recall", "F1"),
        "answer": 3,
        "why": "2 TP / (2 TP + FP + FN) is the F1 score.",
    },
)
### END META
