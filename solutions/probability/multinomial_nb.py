"""Multinomial naive Bayes for count features (word counts, say), with additive smoothing."""

import numpy as np


def multinomial_nb_fit(X, y, alpha=1.0):
    r"""Fit a multinomial naive Bayes classifier with additive (Laplace) smoothing.

    For each class ``c`` (with ``n_c`` of the ``n`` samples), with ``N_{cj}`` the total
    count of feature ``j`` over the samples of class ``c`` and ``d`` features:

    .. math::

        \pi_c = \frac{n_c}{n}, \qquad
        \theta_{cj} = \frac{N_{cj} + \alpha}{\sum_{j'} N_{cj'} + \alpha d}

    ``alpha = 1`` is Laplace smoothing: every feature is counted once more in every class,
    so a feature never seen with a class does not get probability 0 there.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Non-negative feature counts (floats such as tf-idf weights are allowed).
    y : array_like of shape (n,)
        Class labels (any sortable values: ints, strings).
    alpha : float, default=1.0
        The additive smoothing, ``> 0``. ``alpha = 0`` is refused: it gives ``log 0 = -inf``
        for every feature unseen in a class, and NaN probabilities for a sample whose
        feature was unseen in every class (scikit-learn accepts 0 and returns those NaNs).

    Returns
    -------
    dict
        The fitted model, for :func:`multinomial_nb_predict_proba`: ``"classes"`` (sorted
        ascending, shape (k,)), ``"log_prior"`` (k,) and ``"feature_log_prob"`` (k, d),
        the ``log theta_cj``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, is empty, or has negative or non-finite counts, if ``y`` is not
        1-D or its length differs from the number of rows of ``X``, or if ``alpha <= 0``.

    See Also
    --------
    sklearn.naive_bayes.MultinomialNB : the reference (``fit_prior=True``).

    Examples
    --------
    >>> model = multinomial_nb_fit([[2, 0, 1], [3, 1, 0], [0, 2, 4]], ["ham", "ham", "spam"])
    >>> model["classes"]
    array(['ham', 'spam'], dtype='<U4')
    >>> np.exp(model["feature_log_prob"]).round(4)
    array([[0.6   , 0.2   , 0.2   ],
           [0.1111, 0.3333, 0.5556]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} labels")
    if X.size == 0:
        raise ValueError(f"empty input: X has shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    if np.any(X < 0):
        raise ValueError("negative counts in X: multinomial naive Bayes needs counts >= 0")
    if not (np.isfinite(alpha) and alpha > 0):
        raise ValueError(f"alpha must be > 0, got {alpha!r}")
    classes, index = np.unique(y, return_inverse=True)
    onehot = (index[:, None] == np.arange(classes.size)).astype(np.float64)
    smoothed = onehot.T @ X + alpha
    feature_log_prob = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
    log_prior = np.log(onehot.sum(axis=0) / y.size)
    return {"classes": classes, "log_prior": log_prior, "feature_log_prob": feature_log_prob}
    ### END SOLUTION


def multinomial_nb_predict_proba(model, X):
    r"""Class probabilities of a fitted multinomial naive Bayes model.

    The joint log-likelihood of a count vector ``x`` and class ``c`` is (up to the
    multinomial coefficient, the same for every class)

    .. math:: J_c(x) = \log \pi_c + \sum_j x_j \log \theta_{cj}

    and ``P(c | x) = exp(J_c - logsumexp_c' J_c')``. Normalising in log space matters: for
    a long document every ``J_c`` is hugely negative, ``exp(J_c)`` underflows to 0 for every
    class, and the naive ``exp(J) / sum(exp(J))`` is 0/0.

    Parameters
    ----------
    model : dict
        What :func:`multinomial_nb_fit` returned.
    X : array_like of shape (m, d)
        Non-negative counts, with as many features as the training data.

    Returns
    -------
    numpy.ndarray of shape (m, k)
        ``P(class | x)`` for each sample (rows) and class (columns, classes in ascending
        order); each row sums to 1.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, is empty, has negative or non-finite counts, or a number of
        features other than the model's.

    See Also
    --------
    sklearn.naive_bayes.MultinomialNB.predict_proba : the reference.

    Examples
    --------
    >>> model = multinomial_nb_fit([[2, 0, 1], [3, 1, 0], [0, 2, 4]], ["ham", "ham", "spam"])
    >>> multinomial_nb_predict_proba(model, [[1, 0, 0], [0, 1, 1], [0, 0, 5000]]).round(4)
    array([[0.9153, 0.0847],
           [0.3017, 0.6983],
           [0.    , 1.    ]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    feature_log_prob = model["feature_log_prob"]
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if X.shape[1] != feature_log_prob.shape[1]:
        raise ValueError(f"X has {X.shape[1]} features, the model was fitted on {feature_log_prob.shape[1]}")
    if X.shape[0] == 0:
        raise ValueError("empty input: X has no rows")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    if np.any(X < 0):
        raise ValueError("negative counts in X: counts must be >= 0")
    joint = X @ feature_log_prob.T + model["log_prior"]
    top = joint.max(axis=1, keepdims=True)
    log_evidence = top + np.log(np.exp(joint - top).sum(axis=1, keepdims=True))
    return np.exp(joint - log_evidence)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "A feature never seen with a class in training: what is its estimated probability there, "
    "and what does that do to log P(x | c) for a new sample that has it?",
    "Per class, add alpha to every feature's total count, and add alpha * d to the class's "
    "total count (the denominator), so the smoothed probabilities still sum to 1. Priors are "
    "n_c / n. Predict in log space and normalise with log-sum-exp.",
    "theta = (N_c + alpha) / (N_c.sum() + alpha * d); J = X @ log(theta).T + log(prior); "
    "m = J.max(axis=1, keepdims=True); P = exp(J - m - log(sum(exp(J - m), axis=1))).",
)
TALKING_POINTS = {
    "use": (
        "Text classification from word counts (spam, topics): a strong, fast baseline, trained in one pass."
    ),
    "assumes": (
        "Given the class, a document's words are independent draws from one class-specific distribution over "
        "the vocabulary; word order is ignored."
    ),
    "pitfalls": (
        (
            "Zero counts: a word never seen with a class gives log 0 = -inf and vetoes the class; additive "
            "smoothing (alpha = 1, Laplace) prevents it."
        ),
        (
            "Underflow: long documents multiply thousands of small numbers; sum logs and normalise with "
            "log-sum-exp."
        ),
        "Inputs: counts >= 0; tf-idf works in practice, standardised (negative) features do not.",
    ),
    "cost": "Fit O(n d) time (O(nnz) sparse), O(k d) memory; predicting m samples O(m k d).",
    "follow_ups": (
        (
            "Multinomial or Bernoulli NB?",
            (
                "Multinomial uses counts; Bernoulli uses presence and also penalises absent words, which can "
                "suit short texts."
            ),
        ),
        (
            "What does alpha trade off?",
            "Larger alpha pulls each class's word distribution towards uniform: more bias, less variance.",
        ),
        (
            "Are its probabilities reliable?",
            (
                "Usually over-confident (correlated words count twice): rank with them, or calibrate "
                "(CalibratedClassifierCV)."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "Counts [[3, 0], [1, 0]] for class 0, alpha = 1: theta of word 1 in class 0?",
        "answer": 0.1667,
        "tolerance": 0.001,
        "check": (
            "float(np.exp(multinomial_nb_fit([[3, 0], [1, 0], [0, 2]], [0, 0, 1])['feature_log_prob'][0, 1]))"
        ),
        "why": "(0 + 1) / (4 + 1 * 2): smoothing counts every word once more.",
    },
    {
        "question": (
            "alpha -> 0: a word seen in other classes but never in class c. P(c | x) for a document "
            "containing it?"
        ),
        "choices": (
            "0",
            "the prior of c",
            "0.5",
            "1",
        ),
        "answer": 0,
        "why": "theta = 0 in c, so its log-likelihood is -inf.",
    },
)
### END META
