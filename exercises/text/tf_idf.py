"""TF-IDF: term counts weighted by how rare each term is across the corpus."""

from itertools import chain

import numpy as np


def tf_idf(docs):
    r"""TF-IDF matrix of a tokenised corpus, smoothed idf, each row of unit L2 norm.

    .. math::

        \text{tf}_{ij} = \text{count of token } j \text{ in document } i, \qquad
        \text{idf}_j = \ln\frac{1 + n}{1 + \text{df}_j} + 1, \qquad
        X_{ij} = \frac{\text{tf}_{ij}\,\text{idf}_j}{\lVert \text{tf}_{i\cdot}\,\text{idf} \rVert_2}

    where ``n`` is the number of documents (empty ones included) and ``df_j`` the number of
    documents that contain token ``j`` at least once. The ``1 +`` terms act as if one extra
    document held every token once (no division by zero); the final ``+ 1`` keeps a token
    found in every document (``idf = 1``) from vanishing. An empty document's row stays zero.

    Parameters
    ----------
    docs : list of list of str
        The corpus, already tokenised: each document a list (or tuple) of ``str`` tokens. A
        document may be empty.

    Returns
    -------
    matrix : ndarray of float, shape (n_docs, n_vocabulary)
        The TF-IDF weights; every non-empty document's row has L2 norm 1.
    vocabulary : list of str
        The column tokens: every distinct token of ``docs``, sorted as Python's ``sorted``
        sorts strings (by code point: ``"Dog" < "cat" < "é"``).

    Raises
    ------
    ValueError
        If ``docs`` is not a list (or tuple) of documents or holds none, if a document is not
        a list (or tuple) of tokens (a string, say), if a token is not a ``str``, or if the
        documents hold no token at all (an empty vocabulary).

    See Also
    --------
    sklearn.feature_extraction.text.TfidfVectorizer : the reference, with
        ``smooth_idf=True, norm="l2"`` (its defaults) and ``analyzer=lambda doc: doc``.

    Examples
    --------
    >>> matrix, vocabulary = tf_idf([["a", "b"], ["a"]])
    >>> vocabulary
    ['a', 'b']
    >>> matrix.round(6)  # idf: a 1 (in both documents), b ln(3/2) + 1 = 1.405465
    array([[0.579739, 0.814802],
           [1.      , 0.      ]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
