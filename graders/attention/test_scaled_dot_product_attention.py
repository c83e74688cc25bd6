"""Grader for attention/scaled_dot_product_attention, against scipy.special.softmax.

The reference masks the scores with -inf (``np.where(mask, S, -np.inf)``) and takes
``scipy.special.softmax`` along the keys; both parts of the result, the output and the
weights, are judged, and both must be float64 arrays, as the docstring promises, also for
float32 inputs (:func:`mlkata.grading.result_types.expect_float64`). Shapes are chosen with
``d_v != d_k`` and ``n_q != n_k`` so that every axis and every width is told apart.
"""

import numpy as np
from scipy.special import softmax

from mlkata.grading import (
    Mistake,
    expect_close,
    expect_no_warnings,
    part_mistakes,
    points,
    seeded,
    student_function,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64

scaled_dot_product_attention = student_function("scaled_dot_product_attention")
REFERENCE = "scipy.special.softmax(np.where(mask, Q @ K^T / sqrt(d_k), -inf), axis=-1), then @ V"
PARTS = ("output", "weights")


def _f(a):
    return np.asarray(a, dtype=np.float64)


@cached_reference
def reference(Q, K, V, mask=None):
    Q, K, V = _f(Q), _f(K), _f(V)
    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        S = np.where(np.asarray(mask, dtype=bool), S, -np.inf)
    A = softmax(S, axis=-1)
    return A @ V, A


def _attention(Q, K, V, mask=None, *, scale="d_k", axis=-1, masking="inf", stable=True):
    """Attention with one knob per common mistake."""
    Q, K, V = _f(Q), _f(K), _f(V)
    root = {"d_k": np.sqrt(Q.shape[-1]), "d_v": np.sqrt(V.shape[-1]), "none": 1.0, "d": Q.shape[-1]}
    S = Q @ np.swapaxes(K, -1, -2) / root[scale]
    if mask is not None and masking != "after":
        keep = np.asarray(mask, dtype=bool)
        if masking == "inverted":
            keep = ~keep
        fill = {"inf": -np.inf, "inverted": -np.inf, "-1e9": -1e9, "zero": 0.0}[masking]
        S = np.where(keep, S, fill)
    if stable:
        A = softmax(S, axis=axis)
    else:
        A = np.exp(S) / np.exp(S).sum(axis=axis, keepdims=True)
    if mask is not None and masking == "after":
        A = A * np.asarray(mask, dtype=bool)
    return A @ V, A


def _wrong(**knobs):
    return lambda Q, K, V, mask=None: _attention(Q, K, V, mask, **knobs)


def _zero_filler(Q, K, V, mask=None):
    """Masked scores set to 0; ``None`` where a -1e9 filler gives the same (that hint explains it)."""
    zeroed, filled = _attention(Q, K, V, mask, masking="zero"), _attention(Q, K, V, mask, masking="-1e9")
    return None if np.allclose(zeroed[1], filled[1]) else zeroed


FILLER_HINT = (
    "a large finite filler such as -1e9 is not minus infinity: when the scores themselves are "
    "below it (here about -1e10), the masked keys take the weight; set the masked scores to -np.inf"
)
MISTAKES = (
    Mistake(
        "divide the scores by sqrt(d_k), the length of the query and key vectors (Q.shape[-1]): you "
        "divided by sqrt(d_v), the width of the values",
        _wrong(scale="d_v"),
    ),
    Mistake(
        "scale the scores by 1 / sqrt(d_k): unscaled, the softmax saturates as d_k grows",
        _wrong(scale="none"),
    ),
    Mistake("divide the scores by sqrt(d_k), not by d_k itself", _wrong(scale="d")),
    Mistake(
        "the softmax runs along the keys (axis=-1), so that each query's weights sum to 1: you "
        "normalised along the queries (axis=-2)",
        _wrong(axis=-2),
    ),
    Mistake(
        "the mask is inverted: True means the key may be attended to, the False entries are the "
        "masked ones (torch.nn.functional.scaled_dot_product_attention's convention)",
        _wrong(masking="inverted"),
    ),
    Mistake(FILLER_HINT, _wrong(masking="-1e9")),
    Mistake(
        "a masked score set to 0 still gets weight exp(0 - max): set the masked scores to -np.inf, "
        "so that their weight is exp(-inf) = 0",
        _zero_filler,
    ),
    Mistake(
        "multiplying the weights by the mask after the softmax leaves rows that no longer sum to "
        "1: mask the scores before the softmax",
        _wrong(masking="after"),
    ),
    Mistake(
        "np.exp overflowed: subtract each row's maximum score (axis=-1, keepdims=True) before exponentiating",
        _wrong(stable=False),
    ),
)


def _in_the_input_dtype(Q, K, V, mask=None):
    Q, K = np.asarray(Q), np.asarray(K)
    if Q.dtype != np.uint8:
        return None
    S = (Q @ np.swapaxes(K, -1, -2)).astype(float) / np.sqrt(Q.shape[-1])
    if mask is not None:
        S = np.where(np.asarray(mask, dtype=bool), S, -np.inf)
    A = softmax(S, axis=-1)
    return A @ _f(V), A


MISTAKES += (
    Mistake(
        "Q @ K^T of uint8 arrays is computed in uint8 and wraps around at 256: convert the inputs "
        "to float first (np.asarray(Q, dtype=float))",
        _in_the_input_dtype,
    ),
)
PART_MISTAKES = tuple(part_mistakes(MISTAKES, index, whole_must_agree=True) for index in range(len(PARTS)))


def _check(outcome, expected, what="", rtol=(1e-7, 1e-7), atol=(1e-12, 1e-12)):
    for index, name in enumerate(PARTS):
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + what,
            rtol=rtol[index],
            atol=atol[index],
            mistakes=PART_MISTAKES[index],
        )
    expect_float64(outcome, PARTS)


def _call(function, Q, K, V, mask=None, what=""):
    outcome = function.call(Q, K, V) if mask is None else function.call(Q, K, V, mask=mask)
    _check(outcome, reference(Q, K, V, mask), what)
    return outcome


def _qkv(rng, n_q, n_k, d_k, d_v, batch=(), scale=1.0):
    return (
        rng.normal(scale=scale, size=(*batch, n_q, d_k)),
        rng.normal(scale=scale, size=(*batch, n_k, d_k)),
        rng.normal(size=(*batch, n_k, d_v)),
    )


def _random_mask(rng, shape):
    mask = rng.random(shape) < 0.5
    mask[..., rng.integers(0, shape[-1])] = True  # every row keeps a key
    return mask


@points(3)
def test_matches_scipy_on_random_inputs(scaled_dot_product_attention):
    rng = seeded(2101)
    for n_q, n_k, d_k, d_v in ((1, 1, 1, 1), (3, 5, 4, 2), (6, 6, 8, 8), (4, 7, 3, 5), (10, 3, 16, 4)):
        _call(scaled_dot_product_attention, *_qkv(rng, n_q, n_k, d_k, d_v))


@points(2)
def test_masks(scaled_dot_product_attention):
    rng = seeded(2102)
    Q, K, V = _qkv(rng, 5, 5, 4, 3)
    causal = np.tril(np.ones((5, 5), dtype=bool))
    _call(scaled_dot_product_attention, Q, K, V, causal, ", a causal mask (n, n)")
    Q, K, V = _qkv(rng, 4, 6, 3, 2)
    padding = np.array([True, True, False, True, False, False])
    _call(scaled_dot_product_attention, Q, K, V, padding, ", a padding mask of shape (n_k,)")
    _call(scaled_dot_product_attention, Q, K, V, _random_mask(rng, (4, 6)), ", a random mask (n_q, n_k)")
    _call(scaled_dot_product_attention, Q, K, V, padding.tolist(), ", the padding mask as a list of bools")
    Q, K, V = _qkv(rng, 3, 5, 4, 2, batch=(2,))
    per_batch = np.array([[[True, True, True, False, False]], [[True, False, True, True, True]]])
    _call(scaled_dot_product_attention, Q, K, V, per_batch, ", a padding mask per batch (b, 1, n_k)")


@points(1)
def test_batch_axes(scaled_dot_product_attention):
    rng = seeded(2103)
    _call(scaled_dot_product_attention, *_qkv(rng, 4, 3, 5, 2, batch=(2,)), what=", one batch axis")
    Q, K, V = _qkv(rng, 3, 4, 2, 3, batch=(2, 3))
    _call(scaled_dot_product_attention, Q, K, V, _random_mask(rng, (2, 3, 3, 4)), ", batch axes (2, 3)")
    Q = rng.normal(size=(3, 4, 5))
    K, V = rng.normal(size=(6, 5)), rng.normal(size=(6, 2))
    _call(scaled_dot_product_attention, Q, K, V, what=": a batch of queries over one shared K and V")


def _huge_negative_scores(rng, n_q, n_k, d, a=1e5):
    """Scores about -1e10 (query and keys opposite), spread by about 1e8: one key wins each row."""
    u = rng.normal(size=d)
    u /= np.linalg.norm(u)
    Q = a * (u + 0.01 * rng.normal(size=(n_q, d)))
    K = -a * (u + 0.01 * rng.normal(size=(n_k, d)))
    return Q, K


@robust()
@points(2)
def test_large_scores_stay_finite(scaled_dot_product_attention):
    rng = seeded(2104)
    Q, K, V = _qkv(rng, 4, 6, 4, 3, scale=30.0)  # scores in the thousands
    for mask in (None, _random_mask(rng, (4, 6))):
        outcome = _call(scaled_dot_product_attention, Q, K, V, mask, ": scores in the thousands")
        expect_no_warnings(
            outcome, because="exp overflowed: subtract each row's maximum score before exponentiating"
        )
    Q, K = _huge_negative_scores(rng, 4, 6, 3)
    V = rng.normal(size=(6, 2))
    mask = _random_mask(rng, (4, 6))
    _call(scaled_dot_product_attention, Q, K, V, mask, ": scores about -1e10, a random mask")


def _causal(values, rng):
    n, m = values["Q"].shape[0], values["K"].shape[0]
    values["mask"] = np.arange(m) <= np.arange(n)[:, None]
    return values


def _padding(values, rng):
    values["mask"] = _random_mask(rng, (values["K"].shape[0],))
    return values


def _random(values, rng):
    values["mask"] = _random_mask(rng, (values["Q"].shape[0], values["K"].shape[0]))
    return values


def _in_the_thousands(values, rng):
    values.update(
        Q=30 * values["Q"], K=30 * values["K"], mask=_random_mask(rng, (len(values["Q"]), len(values["K"])))
    )
    return values


def _minus_1e10(values, rng):
    (n, d), m = values["Q"].shape, values["K"].shape[0]
    values["Q"], values["K"] = _huge_negative_scores(rng, n, m, d)
    values["mask"] = _random_mask(rng, (n, m))
    return values


def _batched(values, rng):
    (n, d), (m, e) = values["Q"].shape, values["V"].shape
    values.update(
        Q=rng.normal(size=(2, 3, n, d)),
        K=rng.normal(size=(2, 3, m, d)),
        V=rng.normal(size=(2, 3, m, e)),
        mask=_random_mask(rng, (2, 1, 1, m)),
    )
    return values


def _shared_keys(values, rng):
    values["Q"] = rng.normal(size=(3, *values["Q"].shape))
    return values


def _ties(values, rng):
    """A query of zeros (uniform weights) and two identical keys (equal weights)."""
    Q, K = values["Q"].copy(), values["K"].copy()
    Q[0] = 0.0
    if len(K) > 1:
        K[1] = K[0]
    values.update(Q=Q, K=K)
    return values


DOMAIN = Domain(
    seed=2111,
    args=(
        Reals("Q", ("n", "d"), uint8=True),
        Reals("K", ("m", "d"), uint8=True),
        Reals("V", ("m", "e"), uint8=True, offset=True, tiny=True),
    ),
    params=(Param("mask", None),),
    sizes={"n": (1, 3, 6, 40), "m": (1, 4, 5, 30), "d": (1, 2, 4, 8), "e": (1, 3, 2, 5)},
    custom={
        "a causal mask": _causal,
        "a padding mask (n_k,)": _padding,
        "a random mask": _random,
        "scores in the thousands": _in_the_thousands,
        "scores about -1e10, masked": _minus_1e10,
        "batch axes (2, 3), a padding mask (2, 1, 1, n_k)": _batched,
        "a batch of queries, shared K and V": _shared_keys,
        "ties": _ties,
    },
)
EXTREME = ("scores in the thousands", "scores about -1e10, masked")
"""The corners of level ★★ (robust), judged by test_huge_scores_anywhere."""


def _judge(function, case):
    outcome = case_outcome(function, case)
    expected = reference(*case.widened, **case.widened_kwargs)
    tolerances = [
        case_tolerances(lambda *a, i=i, **k: reference(*a, **k)[i], case, expected[i], rtol=1e-7, atol=1e-12)
        for i in range(len(PARTS))
    ]
    rtol, atol = (tuple(t) for t in zip(*tolerances, strict=True))
    _check(outcome, expected, case_suffix(case), rtol, atol)


@points(2)
def test_every_corner_of_the_domain(scaled_dot_product_attention):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            _judge(scaled_dot_product_attention, case)


@robust()
@points(1)
def test_huge_scores_anywhere(scaled_dot_product_attention):
    for case in DOMAIN.corner_cases(only=EXTREME):
        _judge(scaled_dot_product_attention, case)


@robust()
@points(1)
def test_one_query_with_scores_near_minus_1e300(scaled_dot_product_attention):
    """One query whose scores are -1.4e300 to -7e299 (the second key wins), and a single key."""
    Q = np.array([[1e150, 0.0]])
    K = np.array([[-2e150, 3.0], [-1e150, -3.0], [-1.5e150, 1.0]])
    V = np.array([[1.0, -1.0], [2.0, 0.5], [-3.0, 4.0]])
    _call(scaled_dot_product_attention, Q, K, V, what=": scores of -1e300 and -5e299")
    mask = np.array([True, False, True])
    _call(scaled_dot_product_attention, Q, K, V, mask, ": scores near -1e300, one key masked")
    _call(scaled_dot_product_attention, Q, K[:1], V[:1], what=": one key, its weight 1 whatever its score")


@points(1)
def test_rejects_bad_input(scaled_dot_product_attention):
    rng = seeded(2105)
    Q, K, V = _qkv(rng, 3, 5, 4, 2)
    everywhere = np.ones((3, 5), dtype=bool)
    row_masked = everywhere.copy()
    row_masked[1] = False
    expect_rejected(
        scaled_dot_product_attention,
        [
            BadInput("Q has d_k = 4 and K has 3", (Q, K[:, :3], V)),
            BadInput("K has 5 keys and V 4 values", (Q, K, V[:4])),
            BadInput("Q is 1-D: it must be (..., n_q, d_k)", (Q[0], K, V)),
            BadInput("there are no keys (K and V of shape (0, d))", (Q, K[:0], V[:0])),
            BadInput("V has d_v = 0 (it is empty)", (Q, K, V[:, :0])),
            BadInput(
                "the batch axes 2 and 3 do not broadcast",
                (rng.normal(size=(2, 3, 4)), rng.normal(size=(3, 5, 4)), rng.normal(size=(3, 5, 2))),
            ),
            BadInput(
                "row 1 of the mask is all False: that query has no key to attend to",
                (Q, K, V),
                {"mask": row_masked},
            ),
            BadInput("a padding mask of all False masks every key", (Q, K, V), {"mask": np.zeros(5, bool)}),
            BadInput(
                "a 0/1 integer mask is not boolean (is 1 'attend' or 'add 1'?)",
                (Q, K, V),
                {"mask": everywhere.astype(int)},
            ),
            BadInput(
                "a float mask is not boolean (torch adds float masks to the scores)",
                (Q, K, V),
                {"mask": everywhere.astype(float)},
            ),
            BadInput(
                "a mask of shape (3, 4) does not fit the (3, 5) scores",
                (Q, K, V),
                {"mask": everywhere[:, :4]},
            ),
            BadInput(
                "a mask of shape (2, 3, 5) would add a batch axis to the (3, 5) weights",
                (Q, K, V),
                {"mask": np.ones((2, 3, 5), dtype=bool)},
            ),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("scaled_dot_product_attention", DOMAIN, judge=_judge),)


def _heads(n, rng):
    Q, K, V = _qkv(rng, 250, 250, 16, 16, batch=(max(n // 62_500, 1),))
    return {"Q": Q, "K": K, "V": V, "mask": np.tril(np.ones((250, 250), dtype=bool))}


FAST = Fast(
    inputs=_heads,
    why="16 sequences of 250 tokens, d_k = d_v = 16, causal: weights of 16 x 250 x 250 = 1e6 entries",
)
