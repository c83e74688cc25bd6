"""Wrong versions of text/bag_of_words."""

import numpy as np

from mlkata.mutants import mutant


def _checked(docs, vocabulary):
    if not isinstance(docs, list | tuple) or not docs:
        raise ValueError("docs must be a non-empty list")
    if not all(isinstance(doc, list | tuple) for doc in docs):
        raise ValueError("a document must be a list of tokens")
    if not all(isinstance(token, str) for doc in docs for token in doc):
        raise ValueError("tokens must be str")
    if vocabulary is not None:
        if isinstance(vocabulary, str) or not vocabulary or len(set(vocabulary)) != len(vocabulary):
            raise ValueError("bad vocabulary")
        if not all(isinstance(token, str) for token in vocabulary):
            raise ValueError("bad vocabulary")
        return list(vocabulary)
    learned = sorted({token for doc in docs for token in doc})
    if not learned:
        raise ValueError("no token")
    return learned


def _count(docs, vocabulary, dtype=int):
    column = {token: j for j, token in enumerate(vocabulary)}
    counts = np.zeros((len(docs), len(vocabulary)), dtype=dtype)
    for i, doc in enumerate(docs):
        for token in doc:
            if token in column:
                counts[i, column[token]] += 1
    return counts


@mutant("bag_of_words", hint="not only whether it occurs")
def presence_not_counts(docs, vocabulary=None):
    vocabulary = _checked(docs, vocabulary)
    return (_count(docs, vocabulary) > 0).astype(int), vocabulary


@mutant("bag_of_words", hint="ignoring case")
def sorted_ignoring_case(docs, vocabulary=None):
    vocabulary = _checked(docs, vocabulary)
    if vocabulary == sorted(vocabulary):  # learned (or given sorted)
        vocabulary = sorted(vocabulary, key=str.lower)
    return _count(docs, vocabulary), vocabulary


@mutant("bag_of_words", hint="first appear")
def vocabulary_in_first_seen_order(docs, vocabulary=None):
    given = vocabulary
    vocabulary = _checked(docs, vocabulary)
    if given is None:
        vocabulary = list(dict.fromkeys(token for doc in docs for token in doc))
    return _count(docs, vocabulary), vocabulary


@mutant("bag_of_words", hint="keeps the order given")
def given_vocabulary_sorted(docs, vocabulary=None):
    vocabulary = sorted(_checked(docs, vocabulary))
    return _count(docs, vocabulary), vocabulary


@mutant("bag_of_words", hint="an empty document still gets its row")
def empty_documents_dropped(docs, vocabulary=None):
    vocabulary = _checked(docs, vocabulary)
    return _count([doc for doc in docs if doc], vocabulary), vocabulary


@mutant("bag_of_words", hint="you added columns for them")
def unknown_tokens_added(docs, vocabulary=None):
    vocabulary = _checked(docs, vocabulary)
    vocabulary = vocabulary + sorted({t for doc in docs for t in doc} - set(vocabulary))
    return _count(docs, vocabulary), vocabulary


@mutant("bag_of_words")
def float_counts(docs, vocabulary=None):
    vocabulary = _checked(docs, vocabulary)
    return _count(docs, vocabulary, dtype=float), vocabulary


@mutant("bag_of_words")
def string_documents_split_into_characters(docs, vocabulary=None):
    """A document given as a string is taken as a sequence of characters, as sklearn would."""
    docs = [list(doc) for doc in docs]
    vocabulary = _checked(docs, vocabulary)
    return _count(docs, vocabulary), vocabulary


@mutant("bag_of_words")
def repeated_vocabulary_accepted(docs, vocabulary=None):
    if vocabulary is not None and not isinstance(vocabulary, str) and vocabulary:
        vocabulary = list(dict.fromkeys(vocabulary))
    vocabulary = _checked(docs, vocabulary)
    return _count(docs, vocabulary), vocabulary


@mutant("bag_of_words", hint="wrapped around")
def counts_in_uint8(docs, vocabulary=None):
    """np.zeros(..., dtype=np.uint8) to save memory: 256 repeats of a token wrap to 0."""
    vocabulary = _checked(docs, vocabulary)
    return _count(docs, vocabulary, dtype=np.uint8), vocabulary


@mutant("bag_of_words", hint="every str is a token as given", level=2)
def strips_tokens(docs, vocabulary=None):
    # a reflex of text cleaning: surrounding whitespace stripped, empty tokens dropped
    _checked(docs, vocabulary)
    docs = [[token.strip() for token in doc if token.strip()] for doc in docs]
    vocabulary = _checked(docs, vocabulary)
    return _count(docs, vocabulary), vocabulary
