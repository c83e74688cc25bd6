"""Bag of words: the document-term count matrix of a tokenised corpus."""

from itertools import chain, repeat

import numpy as np


def bag_of_words(docs, vocabulary=None):
    r"""Count how often each vocabulary token occurs in each document.

    .. math::

        \text{counts}_{ij} = \#\{\text{positions } p : \text{docs}_i[p] = \text{vocabulary}_j\}

    Word order is thrown away: each document becomes a row of counts, one column per
    vocabulary token. Tokens are compared exactly as given (case-sensitive, nothing stripped
    or lowercased).

    Parameters
    ----------
    docs : list of list of str
        The corpus, already tokenised: each document a list (or tuple) of ``str`` tokens. A
        document may be empty (a row of zeros).
    vocabulary : list of str, optional
        The columns, in the order given (not sorted); tokens of ``docs`` outside it are
        ignored. ``None`` (default) learns it from ``docs``: every distinct token, sorted as
        Python's ``sorted`` sorts strings (by code point: ``"Dog" < "cat" < "é"``).

    Returns
    -------
    counts : ndarray of int, shape (n_docs, n_vocabulary)
        ``counts[i, j]`` is the number of times ``vocabulary[j]`` occurs in ``docs[i]``.
    vocabulary : list of str
        The column tokens: the learned (sorted) vocabulary, or the one given, in its order.

    Raises
    ------
    ValueError
        If ``docs`` is not a list (or tuple) of documents or holds none, if a document is not
        a list (or tuple) of tokens (a string, say), if a token is not a ``str``, if no
        ``vocabulary`` is given and the documents hold no token at all (nothing to learn), or
        if ``vocabulary`` is a string, is empty, repeats a token or holds a non-``str``.

    See Also
    --------
    sklearn.feature_extraction.text.CountVectorizer : the reference, with
        ``analyzer=lambda doc: doc`` for documents already tokenised.

    Examples
    --------
    >>> counts, vocabulary = bag_of_words([["the", "cat", "the"], [], ["a", "cat"]])
    >>> vocabulary
    ['a', 'cat', 'the']
    >>> counts
    array([[0, 1, 2],
           [0, 0, 0],
           [1, 1, 0]])
    >>> bag_of_words([["the", "cat", "the"], ["a", "dog"]], vocabulary=["the", "dog"])[0]
    array([[2, 0],
           [0, 1]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
