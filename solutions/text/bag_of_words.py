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

    if vocabulary is None:
        if not distinct:
            raise ValueError("the documents hold no token: there is no vocabulary to learn")
        vocabulary = sorted(distinct)
    else:
        if isinstance(vocabulary, str | bytes):
            raise ValueError("vocabulary must be a list of tokens, not one string")
        vocabulary = list(vocabulary)
        if not vocabulary:
            raise ValueError("vocabulary is empty")
        if not all(isinstance(token, str) for token in vocabulary):
            raise ValueError("every vocabulary entry must be a str")
        if len(set(vocabulary)) != len(vocabulary):
            raise ValueError("vocabulary repeats a token")

    column = {token: j for j, token in enumerate(vocabulary)}
    codes = np.fromiter(map(column.get, tokens, repeat(-1)), dtype=np.intp, count=len(tokens))
    rows = np.repeat(np.arange(len(docs)), lengths)
    known = codes >= 0  # tokens outside a given vocabulary are ignored
    if not known.all():
        rows, codes = rows[known], codes[known]
    cells = rows * len(vocabulary) + codes
    counts = np.bincount(cells, minlength=len(docs) * len(vocabulary))
    return counts.reshape(len(docs), len(vocabulary)).astype(np.int64, copy=False), vocabulary
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Two passes: first the vocabulary (which tokens, in which order?), then one count per "
    "(document, token). What should a token outside a given vocabulary do?",
    "sorted(set(all tokens)) is the learned vocabulary; a dict token -> column number turns "
    "every token into its column. Check the order: sorted strings put 'Dog' before 'cat'.",
    "column = {t: j for j, t in enumerate(vocabulary)}; counts = np.zeros((len(docs), "
    "len(vocabulary)), dtype=int); then counts[i, column[t]] += 1 for every token t of docs[i] "
    "that is in column (or np.bincount over i * len(vocabulary) + column[t]).",
)
TALKING_POINTS = {
    "use": (
        "Documents as fixed-length count vectors for linear models and naive Bayes: spam filters, topic "
        "classifiers, search baselines."
    ),
    "assumes": (
        "Word order does not matter, only counts; tokens compared exactly (tokenising and case are handled "
        "before)."
    ),
    "pitfalls": (
        (
            "Library defaults: CountVectorizer lowercases, and its token_pattern drops one-character tokens "
            "('a', 'I'); pass analyzer=callable to keep tokens as given."
        ),
        "Vocabulary leakage: learn the vocabulary on the training split; test words outside it are ignored.",
        (
            "Memory: a dense n x V matrix explodes with a large vocabulary; keep it sparse (CSR), as "
            "CountVectorizer does."
        ),
    ),
    "cost": "O(total tokens) time with a dict lookup per token; O(n V) memory dense, O(nnz) sparse.",
    "follow_ups": (
        (
            "Keeping some word order?",
            "n-grams: ngram_range=(1, 2) adds word pairs, at the cost of a much larger vocabulary.",
        ),
        (
            "Bounding the vocabulary?",
            (
                "min_df, max_df, max_features, or feature hashing (HashingVectorizer: fixed width, no "
                "vocabulary, collisions possible)."
            ),
        ),
        (
            "Why reweight the counts?",
            (
                "Frequent words (the, of) dominate raw counts; tf-idf down-weights words found in many "
                "documents."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "bag_of_words([['a', 'b', 'a'], ['b']]): the count of 'a' in the first document?",
        "answer": 2,
        "tolerance": 0,
        "check": "bag_of_words([['a', 'b', 'a'], ['b']])[0][0, 0]",
        "why": "Column 0 is 'a' (sorted vocabulary); it occurs twice.",
    },
    {
        "question": "CountVectorizer() with its defaults keeps which tokens of 'I saw a cat'?",
        "choices": (
            "i, saw, a, cat",
            "saw, cat",
            "I, saw, a, cat",
            "saw, a, cat",
        ),
        "answer": 1,
        "why": "The default token_pattern needs 2 or more word characters.",
    },
)
### END META
