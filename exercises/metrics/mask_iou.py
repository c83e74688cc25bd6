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
    # YOUR CODE HERE
    raise NotImplementedError()
