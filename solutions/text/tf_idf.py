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
    ### BEGIN SOLUTION
    if not isinstance(docs, list | tuple):
        raise ValueError(f"docs must be a list of documents (token lists), got {type(docs).__name__}")
    if not docs:
        raise ValueError("docs holds no document")
    if not all(isinstance(doc, list | tuple) for doc in docs):
        raise ValueError("each document must be a list of tokens (not a string: tokenise it first)")
    lengths = np.fromiter(map(len, docs), dtype=np.intp, count=len(docs))
    tokens = list(chain.from_iterable(docs))
    try:
        distinct = set(tokens)
    except TypeError:
        raise ValueError("every token must be a str") from None
    if not all(isinstance(token, str) for token in distinct):
        raise ValueError("every token must be a str")
    if not distinct:
        raise ValueError("the documents hold no token: the vocabulary is empty")
    vocabulary = sorted(distinct)

    n_docs, n_terms = len(docs), len(vocabulary)
    column = {token: j for j, token in enumerate(vocabulary)}
    codes = np.fromiter(map(column.__getitem__, tokens), dtype=np.intp, count=len(tokens))
    rows = np.repeat(np.arange(n_docs), lengths)
    tf = np.bincount(rows * n_terms + codes, minlength=n_docs * n_terms).reshape(n_docs, n_terms)
    df = np.count_nonzero(tf, axis=0)  # documents containing each token, not occurrences
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    matrix = tf * idf
    norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
    np.divide(matrix, norms[:, None], out=matrix, where=norms[:, None] > 0)
    return matrix, vocabulary
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Three steps: the counts (a bag of words), one idf per token, then one normalisation per "
    "document. Does df count occurrences of a token, or the documents it appears in?",
    "df = number of documents with a nonzero count; idf = np.log((1 + n) / (1 + df)) + 1 (natural "
    "log, n counts the empty documents too). Multiply each column by its idf, then divide each "
    "row by its L2 norm, leaving an all-zero row as it is.",
    "tf = counts (n_docs, V); df = (tf > 0).sum(axis=0); X = tf * (np.log((1 + n) / (1 + df)) + 1); "
    "norms = np.linalg.norm(X, axis=1, keepdims=True); X / np.where(norms > 0, norms, 1).",
)
TALKING_POINTS = {
    "use": (
        "Weight word counts by rarity for retrieval, document similarity (cosine) and linear text "
        "classifiers: a strong baseline before embeddings."
    ),
    "assumes": (
        "Bag of words; a word found in many documents says little; documents compared by cosine similarity "
        "(hence unit rows)."
    ),
    "pitfalls": (
        (
            "idf variants: sklearn's smoothed idf is ln((1 + n) / (1 + df)) + 1; textbook forms such as ln(n "
            "/ df) give other numbers."
        ),
        "df counts documents, not occurrences: a word used ten times in one document has df 1.",
        "Leakage: fit the idf on the training split; transform test documents with it.",
    ),
    "cost": "O(total tokens) to count, O(n V) memory dense (O(nnz) sparse).",
    "follow_ups": (
        (
            "Why the + 1 after the log?",
            "So that a word in every document keeps weight 1 instead of 0.",
        ),
        (
            "Why L2-normalise the rows?",
            (
                "The dot product of two rows is then their cosine similarity, and long documents do not "
                "dominate."
            ),
        ),
        (
            "sublinear_tf=True?",
            "Replaces tf by 1 + ln(tf), damping words repeated many times.",
        ),
    ),
}
QUIZ = (
    {
        "question": "The idf of a token in 1 of 3 documents (sklearn's smooth idf)?",
        "answer": 1.6931,
        "tolerance": 0.001,
        "check": "(lambda m: m[0, 1] / m[0, 0])(tf_idf([['a', 'b'], ['a'], ['a']])[0])",
        "why": "ln((1 + 3) / (1 + 1)) + 1 = ln 2 + 1 (the ratio to 'a', whose idf is 1).",
    },
    {
        "question": "The idf of a token found in every document (smooth_idf=True)?",
        "choices": (
            "0",
            "1",
            "ln 2",
            "undefined",
        ),
        "answer": 1,
        "why": "ln((1 + n) / (1 + n)) + 1.",
    },
)
### END META
