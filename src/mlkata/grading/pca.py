"""The core of the PCA grader: scikit-learn's model, components up to sign, the fit and transform checks.

``decomposition/pca`` is a fit, ``pca_fit(X, n_components)``, returning the model dict its
docstring documents (``components`` (k, d), ``explained_variance`` (k,), ``mean`` (d,)), and
``pca_transform(model, X)``. The fit's ``mean`` and ``explained_variance`` are compared with
``sklearn.decomposition.PCA(svd_solver="full")``'s, its ``components`` up to sign: each row is
flipped to agree with scikit-learn's (:func:`aligned`), within a tolerance that grows as the
row's variance nears another's (``eps * largest variance / gap``: the accuracy any float64
method has). Where a component is not unique (a variance tied with a neighbour's, or 0 with more
than one such direction) any orthonormal choice is right: it is checked to be an eigenvector of
the sample covariance with the right variance instead (:func:`not_unique`). ``pca_transform`` is
judged with the learner's own kept model (its columns signed as the learner's components) and
with scikit-learn's model (:func:`judge_transform_alone`, for the property tests). The model's
three arrays and the projections must be float64 arrays, as the docstrings promise, also for
float32 or integer ``X`` (:func:`mlkata.grading.result_types.expect_float64`; scikit-learn's
PCA would keep float32).

A domain case carries ``n_components`` as a keyword, or :data:`AUTO` (``min(n - 1, d)``) where it
leaves it at its default (the argument is required): :func:`k_of` turns it into a number.

Examples
--------
>>> X = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]])
>>> np.abs(sklearn_model(X, 2)["components"]).round(6)
array([[1., 0.],
       [0., 1.]])
>>> spectrum(X).round(6), not_unique(X, 2)
(array([1.333333, 0.333333]), array([False, False]))
>>> aligned(-sklearn_model(X, 2)["components"], X, 2).round(6) == sklearn_model(X, 2)["components"].round(6)
array([[ True,  True],
       [ True,  True]])
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from mlkata.grading.checks import call_case, case_outcome, case_suffix, case_tolerances, keep_case
from mlkata.grading.domains import Case
from mlkata.grading.failures import GradeFailure
from mlkata.grading.judge import Mistake, expect_close, expect_raises, returned, with_hints
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64

REFERENCE = 'sklearn PCA(n_components, svd_solver="full")'
KEYS = ("components", "explained_variance", "mean")
AUTO = "min(n - 1, d)"
"""The domain's default n_components (a required argument): the judge turns it into a number."""
GAP = 1e-9
"""A component whose variance is within GAP * (largest variance) of another's is not unique."""


@cached_reference
def sklearn_model(X, n_components):
    from sklearn.decomposition import PCA

    fitted = PCA(n_components=n_components, svd_solver="full").fit(np.asarray(X, dtype=np.float64))
    return {
        "components": fitted.components_,
        "explained_variance": fitted.explained_variance_,
        "mean": fitted.mean_,
    }


@cached_reference
def reference_transform(X, X_new, n_components):
    model = sklearn_model(X, n_components)
    return (np.asarray(X_new, dtype=np.float64) - model["mean"]) @ model["components"].T


@cached_reference
def spectrum(X):
    """All d variances along the principal axes (eigenvalues of the sample covariance), decreasing."""
    X = np.asarray(X, dtype=np.float64)
    singular = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return np.concatenate([singular**2 / (X.shape[0] - 1), np.zeros(X.shape[1] - singular.size)])


def not_unique(X, k):
    """Which of the first k components are not unique (a variance tied with a neighbour's)."""
    values = spectrum(X)
    top = values[0]
    gaps = np.minimum(-np.diff(values, prepend=np.inf), -np.diff(values, append=-np.inf))[:k]
    return gaps <= GAP * top if top > 0 else np.ones(k, dtype=bool)


def component_tolerance(X, k):
    """How far a correct float64 component may be from scikit-learn's: eps * top / gap (x 1e4)."""
    values = spectrum(X)
    gaps = np.minimum(-np.diff(values, prepend=np.inf), -np.diff(values, append=-np.inf))[:k]
    keep = ~not_unique(X, k)
    return 1e-9 + (float(np.max(1e-12 * values[0] / gaps[keep])) if keep.any() else 0.0)


def aligned(components, X, k):
    """``components`` with each row's sign matched to scikit-learn's; non-unique rows set to its."""
    want = sklearn_model(X, k)["components"]
    components = np.array(components, dtype=np.float64)
    if components.shape != want.shape:
        return components
    signs = np.where(np.sum(components * want, axis=1) < 0, -1.0, 1.0)
    components *= signs[:, None]
    components[not_unique(X, k)] = want[not_unique(X, k)]
    return components


def k_of(case):
    k = case.kwargs.get("n_components", AUTO)
    n, d = np.shape(case.args[0])
    return max(1, min(n - 1, d)) if k == AUTO else k


# --- wrong versions, for hints ---------------------------------------------------------------------


def _fit(X, k, *, centre=True, ddof=1, order="decreasing", rows=True, standardise=False, report="variance"):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    mean = X.mean(axis=0)
    Z = X - mean if centre else X
    if standardise:
        Z = Z / np.where(X.std(axis=0) > 0, X.std(axis=0), 1.0)
    _, singular, vt = np.linalg.svd(Z, full_matrices=False)
    variance = singular**2 / (n - ddof)
    if order == "increasing":
        vt, variance = vt[::-1], variance[::-1]
    components = vt[:k] if rows else vt.T[:k]
    shown = {
        "variance": variance[:k],
        "singular": singular[:k],
        "ratio": variance[:k] / np.sum(variance),
    }[report]
    return {"components": components, "explained_variance": shown, "mean": mean}


FIT_MISTAKES = (
    ("the variance along a component is a sample variance: S**2 / (n - 1), not S**2 / n", {"ddof": 0}),
    (
        "centre X (subtract its mean) before the SVD: the components of uncentred data point at the mean",
        {"centre": False},
    ),
    (
        "the components come by DECREASING variance: np.linalg.eigh returns the eigenvalues in "
        "increasing order, reverse them (and their eigenvectors)",
        {"order": "increasing"},
    ),
    ("the components are the ROWS of Vt (the columns of V), not the rows of V", {"rows": False}),
    (
        "do not standardise the features: PCA works on the covariance matrix, so a feature in larger "
        "units weighs more (scikit-learn's PCA does not rescale)",
        {"standardise": True},
    ),
    ("explained_variance is S**2 / (n - 1), the variance, not the singular value S", {"report": "singular"}),
    (
        "explained_variance is the variance along each component, not its ratio to the total variance",
        {"report": "ratio"},
    ),
)


def fit_mistakes(key):
    """The fit's mistakes matched on ``model[key]`` (components aligned to scikit-learn's)."""

    def compute(how):
        def wrong(X, n_components):
            value = _fit(X, n_components, **how)[key]
            return aligned(value, X, n_components) if key == "components" else value

        return wrong

    return tuple(Mistake(hint, compute(how)) for hint, how in FIT_MISTAKES)


def _projected(model, X_new, how):
    X_new = np.asarray(X_new, dtype=np.float64)
    components, mean = np.asarray(model["components"], float), np.asarray(model["mean"], float)
    centred = {"fit": X_new - mean, "own": X_new - X_new.mean(axis=0), "none": X_new}[how]
    return centred @ components.T


TRANSFORM_MISTAKES = (
    Mistake(
        "centre the new data with the TRAINING mean, model['mean'], not with the new data's own mean "
        "(one new sample would always map to 0)",
        lambda model, X_new: _projected(model, X_new, "own"),
    ),
    Mistake(
        "subtract the training mean before projecting: (X - model['mean']) @ components.T",
        lambda model, X_new: _projected(model, X_new, "none"),
    ),
    Mistake(
        "do not whiten: the projection is (X - mean) @ components.T, not divided by sqrt(explained_variance)",
        lambda model, X_new: (
            _projected(model, X_new, "fit") / np.sqrt(np.asarray(model["explained_variance"], float))
        ),
    ),
    Mistake(
        "multiply by components.T (d, k): each column of the result is one component; you used "
        "the components untransposed",
        lambda model, X_new: (
            (np.asarray(X_new, float) - np.asarray(model["mean"], float))
            @ np.asarray(model["components"], float)
        ),
    ),
)


# --- judging ---------------------------------------------------------------------------------------


def _reference_part(X, k, key, X_fitted):
    value = sklearn_model(X, k)[key]
    return aligned(value, X_fitted, k) if key == "components" else value


def _orthonormal(outcome, components, k):
    gram = np.asarray(components, dtype=np.float64) @ np.asarray(components, dtype=np.float64).T
    if not np.allclose(gram, np.eye(k), rtol=0, atol=1e-7):
        raise GradeFailure(
            f"{outcome.call} -> 'components'\n  the rows must be orthonormal (unit length, orthogonal "
            f"to each other): components @ components.T is\n  {np.round(gram, 6).tolist()}, not the identity"
        )


CANCELLATION = (
    "your fit is right for the same data moved to 0, wrong here, far from 0: a covariance such as "
    "E[x x^T] - E[x] E[x]^T cancels catastrophically; centre the data first (X - X.mean(axis=0)), "
    "then take the SVD (or the covariance) of the centred data"
)


def expect_fit(fit, case: Case):
    """Fit on ``case``'s X; the model must match scikit-learn's. Returns ``(call, model)``, the
    fit's call and its plain model, or None when the fit must refuse (n_components out of range).

    A failure on data far from 0 that disappears when the same data are moved to 0 is a formula
    that cancels: the failure says so.
    """
    try:
        return _expect_fit(fit, case)
    except GradeFailure as failure:
        X = np.asarray(case.widened[0], dtype=np.float64)
        far = np.abs(X.mean(axis=0)) > 1e4 * (X.std(axis=0) + 1e-300)
        if "hint:" in str(failure) or not far.any():
            raise
        moved = Case("moved to 0", (X - X.mean(axis=0), *case.widened[1:]), case.kwargs)
        try:
            _expect_fit(fit, moved)
        except GradeFailure:
            raise failure from None
        raise GradeFailure(with_hints(str(failure), CANCELLATION)) from None


def _expect_fit(fit, case: Case):
    X, k, suffix = case.widened[0], k_of(case), case_suffix(case)
    n, d = np.shape(X)
    call = Case(case.name, (case.args[0], k), {}, case.float32)
    if not 1 <= k <= min(n, d):
        because = f"n_components={k} is not in 1 .. min(n, d) = {min(n, d)}{suffix}"
        expect_raises(call_case(fit, call), because=because)
        return None
    outcome = case_outcome(fit, call)
    model = returned(outcome)
    if not isinstance(model, dict) or any(key not in model for key in KEYS):
        raise GradeFailure(
            f"{outcome.call} returned {type(model).__name__} {str(model)[:80]}\n  the model is a dict with "
            "the keys 'components', 'explained_variance' and 'mean' (numpy arrays), as the docstring says"
        )
    want = sklearn_model(X, k)
    top = float(spectrum(X)[0])
    widening = Case(case.name, (case.args[0],), {}, case.float32)
    checks = (
        ("mean", 1e-9, 1e-12 * float(np.max(np.abs(want["mean"])))),
        ("explained_variance", 1e-7, 1e-12 * top),
        ("components", 0.0, component_tolerance(X, k)),
    )
    for key, rtol, atol in checks:
        got, label = model[key], f" -> {key!r}"
        if key == "components" and np.shape(got) == want[key].shape:
            _orthonormal(outcome, got, k)
            got, label = aligned(got, X, k), label + " (each row signed as scikit-learn's)"
        rtol, atol = case_tolerances(
            lambda X_, key=key: _reference_part(X_, k, key, X), widening, want[key], rtol=rtol, atol=atol
        )
        expect_close(
            replace(outcome, value=got, label=label),
            want[key],
            reference=REFERENCE + suffix,
            rtol=rtol,
            atol=atol,
            mistakes=fit_mistakes(key),
        )
    _expect_eigenvectors(outcome, model, X, k, top, suffix)
    expect_float64(outcome, keys=KEYS)
    return call, model


def _expect_eigenvectors(outcome, model, X, k, top, suffix):
    """The non-unique components: any unit eigenvector of the covariance with the right variance."""
    covariance = np.atleast_2d(np.cov(np.asarray(X, dtype=np.float64), rowvar=False))
    variances = sklearn_model(X, k)["explained_variance"]
    components = np.asarray(model["components"], dtype=np.float64)
    for i in np.flatnonzero(not_unique(X, k)):
        residual = float(np.linalg.norm(covariance @ components[i] - variances[i] * components[i]))
        if residual > 1e-8 * top + 1e-12:
            raise GradeFailure(
                f"{outcome.call} -> 'components'[{i}]\n  component {i} is not unique here (its variance "
                f"{float(variances[i])!r} is tied with another's{suffix}), so any unit vector of that "
                "eigenspace is right, but yours is no eigenvector of the sample covariance C: "
                f"|C v - {float(variances[i]):.6g} v| = {residual:.3g}"
            )


def expect_transform(transform, model, plain, case: Case, what: str = ""):
    """``transform(model, X_new)`` against scikit-learn's transform, each column signed as the
    model's components, a non-unique component's column projected on its own vector.

    ``model`` is passed to the learner as it is (a kept fit, or scikit-learn's model dict);
    ``plain`` is the model as plain data (what the fit returned), for the signs and the hints.
    """
    components = plain["components"]
    X, X_new = case.widened[:2]
    k = k_of(case)
    want = sklearn_model(X, k)
    components = np.asarray(components, dtype=np.float64)
    signs = np.where(np.sum(components * want["components"], axis=1) < 0, -1.0, 1.0)
    expected = reference_transform(X, X_new, k) * signs
    free = not_unique(X, k)
    centred = np.asarray(X_new, dtype=np.float64) - want["mean"]
    expected[:, free] = centred @ components[free].T
    own = not np.array_equal(components, want["components"])
    reach = float(np.max(np.linalg.norm(centred, axis=1)))
    atol = 1e-10 * float(np.max(np.abs(expected), initial=0.0))
    atol += reach * component_tolerance(X, k) if own else 0.0

    def moved(X_, X_new_):
        fitted = sklearn_model(X_, k)
        return (np.asarray(X_new_, float) - fitted["mean"]) @ (
            aligned(fitted["components"], X, k) * signs[:, None]
        ).T

    both = Case(case.name, case.args[:2], {}, case.float32)
    rtol, atol = case_tolerances(moved, both, expected, rtol=1e-7, atol=atol)
    outcome = case_outcome(transform, Case(case.name, (model, case.args[1]), {}, case.float32))
    shown = ".transform" + (", each column signed as your component" if own else "")
    expect_close(
        outcome,
        expected,
        reference=REFERENCE + shown + what + case_suffix(case),
        rtol=rtol,
        atol=atol,
        mistakes=tuple(
            Mistake(m.hint, lambda _model, X_new, m=m: m.compute(plain, X_new)) for m in TRANSFORM_MISTAKES
        ),
    )
    expect_float64(outcome)


def expect_fit_and_transform(fit, transform, case: Case, what: str = ""):
    """The learner's fit, then the learner's transform with the learner's own (kept) model."""
    fitted = expect_fit(fit, case)
    if fitted is not None:
        call, model = fitted
        expect_transform(transform, keep_case(fit, call), model, case, what)


def judge_transform_alone(transform, case: Case):
    """The learner's transform with scikit-learn's model (for the property tests)."""
    X, k = case.widened[0], k_of(case)
    if 1 <= k <= min(np.shape(X)):
        model = sklearn_model(X, k)
        expect_transform(transform, model, model, case)
