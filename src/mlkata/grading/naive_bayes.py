"""The core the naive Bayes graders share: a fit, and the predict_proba that reads its model.

Both exercises (``gaussian_nb``, ``multinomial_nb``) are a ``*_fit(X, y, <param>)`` whose
model is opaque to the grader (kept as a :class:`~mlkata.grading.proxy.Handle`) and a
``*_predict_proba(model, X)`` whose probabilities are compared with scikit-learn's. A grader
declares one :class:`NaiveBayes`: its :class:`~mlkata.grading.domains.Domain` over
``(X, y, X_test)`` and the one keyword, the reference, the documented model (for the property
tests, which judge each function on its own) and its known mistakes; this module turns that
into the checks::

    NB = NaiveBayes("gaussian_nb", DOMAIN, reference, reference_model, REFERENCE, mistakes)

    @points(2)
    def test_every_corner_of_the_domain(gaussian_nb_fit, gaussian_nb_predict_proba):
        NB.expect_corners(gaussian_nb_fit, gaussian_nb_predict_proba)

    PROPERTIES = NB.properties()

The helpers below (:func:`classes_of`, :func:`log_prior`, :func:`normalise`) are the steps
both graders' wrong-version models (``_variant``) are made of; :data:`LABELS` is both
domains' labels argument and :data:`LABEL_CORNERS` the label corners both draw (two classes
labelled ``{-1, 1}`` or ``{1, 2}``, a class with a single sample); :func:`sklearn_references`
makes both references from a scikit-learn estimator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy.special import logsumexp

from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
    keep_case,
)
from mlkata.grading.domains import Case, Domain, Labels, Param
from mlkata.grading.failures import GradeFailure
from mlkata.grading.judge import Mistake, expect_close, expect_raises, returned
from mlkata.grading.memo import cached_reference
from mlkata.grading.proxy import StudentFunction

# --- the steps of a (possibly wrong) naive Bayes model ---------------------------------------------


def classes_of(y: np.ndarray, order: str = "sorted") -> np.ndarray:
    """The classes of ``y``: sorted ascending (right), or in order of first appearance (wrong)."""
    return np.unique(y) if order == "sorted" else np.array(list(dict.fromkeys(y.tolist())))


def log_prior(y: np.ndarray, classes: np.ndarray, how: str = "frequency") -> np.ndarray:
    """``log(n_c / n)`` (``"frequency"``, right) or the same for every class (``"uniform"``)."""
    if how == "uniform":
        return np.full(len(classes), -np.log(len(classes)))
    sizes = np.array([np.sum(y == c) for c in classes], float)
    return np.log(sizes / sizes.sum())


def normalise(joint: np.ndarray, how: str = "log-sum-exp") -> np.ndarray:
    """Rows of joint log-likelihoods as probabilities: log-sum-exp (right) or ``exp / sum``."""
    if how == "log-sum-exp":
        return np.exp(joint - logsumexp(joint, axis=1, keepdims=True))
    e = np.exp(joint)
    return e / e.sum(axis=1, keepdims=True)


def unbalanced_labels(rng: np.random.Generator, n: int, labels: Iterable[Any], shuffle: bool = True):
    """``(index, y)``: ``n`` labels of unbalanced classes, each present at least twice.

    Unshuffled, ``y`` starts with ``labels`` in the given order (for the column-order check).
    """
    labels = np.asarray(list(labels))
    k = len(labels)
    weights = np.linspace(3.0, 1.0, k)
    rest = rng.choice(k, n - 2 * k, p=weights / weights.sum())
    index = np.concatenate([np.arange(k), np.arange(k), rest])
    if shuffle:
        rng.shuffle(index)
    return index, labels[index]


def common_mistakes(wrong: Callable[..., Mistake], underflow: str) -> tuple[Mistake, ...]:
    """The mistakes both exercises share, made by the grader's ``wrong(hint, **change)``.

    ``underflow`` says where ``exp(log-likelihood)`` underflows ("far from the training data").
    Leaving the log prior out shifts every class's log-likelihood alike, as a uniform prior
    does: predict_proba cannot tell the two apart, so one hint names both.
    """
    return (
        wrong(
            "the class prior is n_c / n (class frequency), not uniform: add the log prior "
            "log(n_c / n) to each class's log-likelihood (leaving it out is a uniform prior)",
            prior="uniform",
        ),
        wrong(
            f"{underflow} exp(log-likelihood) underflows to 0 for every class, and 0/0 is nan: "
            "normalise in log space with log-sum-exp (subtract the row maximum first)",
            normalise="naive",
        ),
        wrong(
            "the columns of predict_proba follow the classes sorted ascending (np.unique(y)), "
            "not the order in which they first appear in y",
            order="appearance",
        ),
    )


# --- the label corners both domains draw -------------------------------------------------------------


def _two_classes(first: Any, second: Any):
    def corner(values, rng):
        y = np.asarray(values["y"])
        values["y"] = np.where(y == y.reshape(-1)[0], first, second)
        return values

    return corner


def _one_sample_class(values, rng):
    """The largest class label is given to one sample only (its variance is epsilon alone)."""
    y = np.asarray(values["y"]).copy()
    last = np.max(y)
    keep = int(rng.integers(len(y)))
    others = np.unique(y[y != last])
    y[y == last] = rng.choice(others, size=int(np.sum(y == last)))
    y[keep] = last
    values["y"] = y
    return values


LABEL_CORNERS = {
    "two classes labelled {-1, 1}": _two_classes(-1, 1),
    "two classes labelled {1, 2}": _two_classes(2, 1),
    "a class with one sample": _one_sample_class,
}
"""Custom corners (:class:`~mlkata.grading.domains.Domain` ``custom=``) for a domain whose
labels argument is ``y``."""

LABELS = Labels(
    "y",
    classes=(0, 1, 2),
    alternatives=(("spam", "eggs", "ham"), (7, -2, 5), (0.5, 2.5, -1.5)),
    bad_label=None,  # any sortable labels
)
"""The labels argument of both exercises: three classes, relabelled to strings, unsorted
integers and floats by the ``labels`` corner (with :data:`LABEL_CORNERS` for two classes)."""


def sklearn_references(estimator: type, param: Param, documented: Callable[[Any], dict]):
    """``(reference, reference_model)`` for :class:`NaiveBayes` from a scikit-learn estimator.

    ``estimator(**{param.name: value})`` is fitted on the labels' codes (scikit-learn refuses
    float labels), ``documented(fitted)`` gives the model dict's entries other than
    ``"classes"``. Both are :func:`~mlkata.grading.memo.cached_reference`.
    """

    def fitted(X, y, kwargs):
        codes = np.unique(np.asarray(y), return_inverse=True)[1].ravel()
        value = kwargs.get(param.name, param.default)
        return estimator(**{param.name: value}).fit(np.asarray(X, float), codes)

    @cached_reference
    def reference(X, y, X_test, **kwargs):
        return fitted(X, y, kwargs).predict_proba(np.asarray(X_test, float))

    @cached_reference
    def reference_model(X, y, **kwargs):
        return {"classes": np.unique(np.asarray(y)), **documented(fitted(X, y, kwargs))}

    return reference, reference_model


NEVER_REFUSED: Callable[..., str | None] = lambda X, y, **kwargs: None  # noqa: E731


@dataclass(frozen=True)
class NaiveBayes:
    """One naive Bayes exercise as its grader declares it; see the module docstring.

    Parameters
    ----------
    exercise : str
        The module's name; its functions are ``<exercise>_fit`` and ``<exercise>_predict_proba``.
    domain : Domain
        Arguments ``X`` (n, d), ``y`` (n,) and ``X_test`` (t, d), and one :class:`Param`.
    reference : callable
        ``reference(X, y, X_test, **{param: value})``: the probabilities, shape (t, k).
    reference_model : callable
        ``reference_model(X, y, **{param: value})``: the model dict the docstring documents.
    reference_name : str
        Who computed the reference, named in messages.
    mistakes : callable
        ``mistakes(X, y, X_test, value)``: the known wrong probabilities, as Mistakes.
    refuses : callable
        ``refuses(X, y, **{param: value})``: why the fit must raise ValueError on this
        well-formed training set (the docstring's zero variance), or None.
    counts : bool
        ``X`` holds counts: a negative entry is refused by the fit and by predict.
    rtol, atol : float
        Tolerances on the probabilities (float32 and offset cases get wider ones).
    """

    exercise: str
    domain: Domain
    reference: Callable[..., np.ndarray]
    reference_model: Callable[..., dict]
    reference_name: str
    mistakes: Callable[..., tuple[Mistake, ...]]
    refuses: Callable[..., str | None] = NEVER_REFUSED
    counts: bool = False
    rtol: float = 1e-6
    atol: float = 1e-9

    @property
    def fit(self) -> str:
        """The fit's name."""
        return f"{self.exercise}_fit"

    @property
    def predict(self) -> str:
        """predict_proba's name."""
        return f"{self.exercise}_predict_proba"

    @property
    def param(self) -> Param:
        """The exercise's keyword (``var_smoothing``, ``alpha``)."""
        return self.domain.params[0]

    def _value(self, kwargs: dict) -> Any:
        return kwargs.get(self.param.name, self.param.default)

    # --- judging one (training set, test set) -------------------------------------------------

    def expect(self, fit: StudentFunction, predict: StudentFunction, X, y, X_test, what: str = "", **kwargs):
        """Fit on ``(X, y)`` with ``kwargs``, predict ``X_test``; the probabilities must match."""
        self.expect_case(fit, predict, Case("random", (X, y, X_test), kwargs), what)

    def expect_case(self, fit: StudentFunction, predict: StudentFunction, case: Case, what: str = "") -> None:
        """:meth:`expect` on a domain ``case``: read-only, float32 and offset cases judged so."""
        training = Case(case.name, case.args[:2], case.kwargs, case.float32)
        X, y, X_test = case.widened
        kwargs = case.widened_kwargs
        why = self.refuses(X, y, **kwargs)
        if why is not None:
            expect_raises(call_case(fit, training), because=why + case_suffix(case))
            return
        model = keep_case(fit, training)
        outcome = case_outcome(predict, Case(case.name, (model, case.args[2]), {}, case.float32))
        expected = self.reference(X, y, X_test, **kwargs)
        rtol, atol = case_tolerances(self.reference, case, expected, rtol=self.rtol, atol=self.atol)
        expect_close(
            outcome,
            expected,
            reference=self.reference_name + what + case_suffix(case),
            rtol=rtol,
            atol=atol,
            mistakes=self.mistakes(X, y, X_test, self._value(kwargs)),
        )

    def expect_corners(self, fit: StudentFunction, predict: StudentFunction) -> None:
        """Every corner of the domain, in the domain's order (the first failure is the message)."""
        for case in self.domain.corner_cases():
            self.expect_case(fit, predict, case)

    # --- what must be refused -------------------------------------------------------------------

    def _nonfinite_and_negative(self, name: str, value: np.ndarray) -> list[tuple[str, np.ndarray]]:
        changed = []
        for wrong, why in ((np.inf, "inf"), *(((-1.0, "a negative count"),) if self.counts else ())):
            bad = np.array(value, dtype=float)
            bad.reshape(-1)[-1] = wrong
            changed.append((f"{name} holds {why}", bad))
        return changed

    def fit_bad_inputs(self) -> list[BadInput]:
        """The fit's ValueError cases: the domain's (every argument, the keyword) and more."""
        fit_domain = replace(self.domain, args=self.domain.args[:2], custom={})
        bad = fit_domain.bad_inputs()
        X, y = self.domain.random_cases()[1].args[:2]
        bad += [BadInput(why, (value, y)) for why, value in self._nonfinite_and_negative("X", X)]
        return bad

    def predict_bad_inputs(self, X: np.ndarray, X_test: np.ndarray) -> list[BadInput]:
        """predict's ValueError cases for a model fitted on ``X``: ``(bad_X,)`` each."""
        d = X.shape[1]
        spec = replace(self.domain.args[2], name="X", shape=("n", d))
        bad = Domain(seed=self.domain.seed, args=(spec,), sizes={"n": (4,)}, corners=()).bad_inputs()
        bad += [
            BadInput(f"X is 1-D (one sample of {d} features, or {d} samples?): it must be 2-D", (X_test[0],)),
            BadInput(f"the model was fitted on {d} features and X has {d + 1}", (np.ones((2, d + 1)),)),
            *[BadInput(why, (value,)) for why, value in self._nonfinite_and_negative("X", X_test)],
        ]
        if d > 1:
            bad.append(BadInput(f"the model was fitted on {d} features and X has {d - 1}", (X_test[:, 1:],)))
        return bad

    def expect_rejected(
        self, fit: StudentFunction, predict: StudentFunction, fit_extra: Iterable[BadInput] = ()
    ) -> None:
        """Every ValueError of both Raises sections, on every argument, at two model widths."""
        expect_rejected(fit, [*fit_extra, *self.fit_bad_inputs()])
        for case in self.domain.random_cases()[:2]:
            X, y, X_test = case.args
            model = fit.keep(X, y)
            for bad in self.predict_bad_inputs(X, X_test):
                expect_raises(predict.call(model, *bad.args), because=bad.because)

    # --- each function on its own, for the property tests ---------------------------------------

    def _judge_fit(self, fit: StudentFunction, case: Case) -> None:
        training = Case(case.name, case.args[:2], case.kwargs, case.float32)
        X, y, _ = case.widened
        kwargs = case.widened_kwargs
        why = self.refuses(X, y, **kwargs)
        if why is not None:
            expect_raises(call_case(fit, training), because=why)
            return
        outcome = case_outcome(fit, training)
        model = returned(outcome)
        for key, want in self.reference_model(X, y, **kwargs).items():
            if not isinstance(model, dict) or key not in model:
                raise GradeFailure(f"{outcome.call} returned no {key!r} (the docstring's model dict)")
            part = replace(outcome, value=model[key], label=f" -> {key!r}")
            if key == "classes":
                if np.asarray(model[key]).tolist() != want.tolist():
                    raise GradeFailure(f"{part.call}\n  expected {want.tolist()}\n  got      {model[key]}")
                continue

            def of_part(X, y, X_test, key=key, **kw):
                return self.reference_model(X, y, **kw)[key]

            rtol, atol = case_tolerances(of_part, case, want, rtol=self.rtol, atol=self.atol)
            expect_close(part, want, reference=self.reference_name + case_suffix(case), rtol=rtol, atol=atol)

    def _judge_predict(self, predict: StudentFunction, case: Case) -> None:
        X, y, X_test = case.widened
        kwargs = case.widened_kwargs
        if self.refuses(X, y, **kwargs) is not None:
            return  # the fit refuses this training set: there is no model to predict with
        model = self.reference_model(X, y, **kwargs)
        outcome = case_outcome(predict, Case(case.name, (model, case.args[2]), {}, case.float32))
        expected = self.reference(X, y, X_test, **kwargs)
        rtol, atol = case_tolerances(self.reference, case, expected, rtol=self.rtol, atol=self.atol)
        expect_close(
            outcome, expected, reference=self.reference_name + case_suffix(case), rtol=rtol, atol=atol
        )

    def properties(self) -> tuple[Differential, Differential]:
        """``PROPERTIES`` for ``tests/test_properties.py``: the fit's model, and predict on the
        reference's model, each judged across the domain."""
        return (
            Differential(self.fit, self.domain, judge=self._judge_fit),
            Differential(self.predict, self.domain, judge=self._judge_predict),
        )
