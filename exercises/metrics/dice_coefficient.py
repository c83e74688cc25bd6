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
    # YOUR CODE HERE
    raise NotImplementedError()
