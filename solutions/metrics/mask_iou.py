"""Intersection over union (Jaccard index) of two binary masks."""

import numpy as np


def mask_iou(mask_a, mask_b):
    r"""Number of pixels set in both masks divided by the number set in either.

    .. math:: \text{IoU}(A, B) = \frac{|A \cap B|}{|A \cup B|}

    where a mask is the set of its pixels equal to 1 (True). Two empty masks agree
    perfectly: their IoU is 1.0 (scikit-learn's ``jaccard_score`` with
    ``zero_division=1.0``).

    Parameters
    ----------
    mask_a : array_like of any shape
        A binary mask: booleans, or numbers each 0 or 1.
    mask_b : array_like of the same shape
        The other mask.

    Returns
    -------
    float
        The IoU, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the masks differ in shape or are empty (no pixels), or if a value is not 0 or 1
        (a soft mask or a label image must be thresholded first).

    See Also
    --------
    sklearn.metrics.jaccard_score : the reference, on the flattened masks.
    dice_coefficient

    Examples
    --------
    >>> mask_iou([[1, 1, 0], [0, 1, 0]], [[1, 0, 0], [0, 1, 1]])
    0.5
    >>> mask_iou([[0, 0], [0, 0]], [[0, 0], [0, 0]])
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
        if not np.all((mask == 0) | (mask == 1)):
            raise ValueError(f"{name} must be binary (bool or 0/1), got values {np.unique(mask)[:5]}")
    a = a.astype(bool)
    b = b.astype(bool)
    union = np.count_nonzero(a | b)
    if union == 0:
        return 1.0
    return float(np.count_nonzero(a & b) / union)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "For boolean masks, which numpy operators give the intersection and the union? And what "
    "should two empty masks score?",
    "Check the shapes match and every value is 0 or 1 before converting with astype(bool); "
    "when the union is empty, return 1.0 instead of dividing 0 by 0.",
    "a, b = a.astype(bool), b.astype(bool); union = np.count_nonzero(a | b); return 1.0 if "
    "union == 0 else np.count_nonzero(a & b) / union.",
)
TALKING_POINTS = {
    "use": (
        "Scoring segmentation masks pixel by pixel (the Jaccard index); mean IoU over classes is the "
        "usual semantic segmentation metric."
    ),
    "assumes": "Binary masks of one shape; soft masks are thresholded first.",
    "pitfalls": (
        (
            "Two empty masks give 0/0: the convention here, and scikit-learn's jaccard_score with "
            "zero_division=1.0, is 1."
        ),
        (
            "Class imbalance: small objects weigh little in a pooled IoU; average per image or per class "
            "instead."
        ),
        (
            "Soft or label masks: 0.7 or a class id of 2 is not a pixel in the set; threshold or compare "
            "with the class first."
        ),
    ),
    "cost": "O(pixels) time; O(pixels) temporary memory for the logical and/or.",
    "follow_ups": (
        (
            "IoU versus Dice?",
            (
                "Dice = 2 IoU / (1 + IoU), a monotone function: for one pair they agree on which "
                "prediction is better, but Dice is higher on partial overlaps."
            ),
        ),
        (
            "How do you make it a loss?",
            "Soft IoU: products and sums of probabilities instead of and/or, then 1 - IoU.",
        ),
    ),
}
QUIZ = (
    {
        "question": "mask_iou([[1, 1, 0, 0]], [[0, 1, 1, 0]])?",
        "answer": 0.3333,
        "tolerance": 0.001,
        "check": "mask_iou([[1, 1, 0, 0]], [[0, 1, 1, 0]])",
        "why": "One pixel in both, three in either.",
    },
    {
        "question": "mask_iou of two all-zero masks, by this exercise's convention?",
        "choices": ("0", "0.5", "1", "a ZeroDivisionError"),
        "answer": 2,
        "why": "Two empty masks agree perfectly, as jaccard_score(..., zero_division=1.0) says.",
    },
)
### END META
