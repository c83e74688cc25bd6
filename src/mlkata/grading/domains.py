"""Input domains: each exercise declares what its inputs may be, once; graders draw cases from it.

A grader that only ever passes standard-normal float64 vectors and labels ``{0, 1}`` lets through
code that wraps around on ``uint8``, cancels at 1e9, adds an epsilon "for safety", ignores a
keyword or modifies its input. So a grader declares its exercise's **domain** (every argument's
kind, shape, scale and dtypes; the keyword parameters and their other values; the custom
corners only this exercise has), and :meth:`Domain.cases` draws the grader's cases from it:
random cases at each declared size, then every **adversarial corner** that applies, always::

    from mlkata.grading.domains import Domain, Labels, Param, Reals

    DOMAIN = Domain(
        seed=101,
        args=(Reals("y_true", scale=3, uint8=True), Reals("y_pred", scale=3, uint8=True)),
        sizes={"n": (1, 2, 7, 300)},
    )

    @points(2)
    def test_every_corner_of_the_domain(mean_absolute_error):
        expect_cases(mean_absolute_error, DOMAIN.corner_cases(), reference, reference_name=REFERENCE)

    PROPERTIES = (Differential("mean_absolute_error", DOMAIN, reference, REFERENCE),)

and adds ``*DOMAIN.bad_inputs()`` to its rejection check (``expect_cases``, ``Differential``
live in :mod:`mlkata.grading.checks`). The built-in corners (:data:`CORNERS`):

``integers``   every real argument as int64 (integer starting values that truncate later updates)
``uint8``      real arguments declared ``uint8=True`` as uint8 0..255 (``a - b`` wraps around)
``bool``       binary label arguments as bool
``float32``    real and probability arguments as float32 (tolerance: :func:`float32_tolerance`)
``offset``     real arguments declared ``offset=True`` shifted by 1e9 (catastrophic cancellation)
``tiny``       real arguments declared ``tiny=True`` scaled by 1e-9 (an epsilon "for safety")
``labels``     label arguments relabelled to each declared alternative set ({-1, 1}, {1, 2}, strings)
``matrix``     arguments declared ``any_shape=True`` as 2-D and 3-D arrays
``params``     one case for each other value of each keyword parameter (an ignored ``eps`` fails)
``readonly``   every array read-only (``writeable=False``): modifying an input raises
``lists``      every array as a Python list

An exercise adds its own with ``custom={"huge logits anywhere": function}``: a function of
``(values, rng)`` (``values`` maps each argument and keyword to a random draw) returning the
changed ``values``: huge logits placed anywhere in a row, values exactly at a kink, ties,
rank-deficient designs, a label present in one input only. Everything is seeded from the
domain's ``seed`` and the case's place, so every student gets the same cases and reruns are
identical; :meth:`Domain.case` draws one case from any seed, which is how the property tests
(``tests/test_properties.py``) explore the same domain with hypothesis.

:meth:`Domain.bad_inputs` derives the ``ValueError`` cases of a Raises section from the same
declaration, for every argument in turn: a length mismatch, a wrong number of dimensions, empty
input (``empty="reject"``), a label outside the set, a probability outside [0, 1], NaN
(``nan_rejected=True``), each keyword's ``invalid`` values, then size 1 where sizes must match.

Examples
--------
>>> domain = Domain(seed=1, args=(Reals("y", uint8=True, offset=True), Labels("c")), sizes={"n": (4,)})
>>> [case.name for case in domain.cases()]  # doctest: +NORMALIZE_WHITESPACE
['random n=4', 'integers', 'uint8', 'bool', 'float32', 'offset', 'labels {-1, 1}',
 'labels {1, 2}', 'readonly', 'lists']
>>> [case.args[0].dtype.name for case in domain.cases() if case.name == "uint8"]
['uint8']
>>> all(np.array_equal(a, b) for a, b in zip(domain.case(7).args, domain.case(7).args))
True
>>> [bad.because for bad in domain.bad_inputs()][:6]  # doctest: +NORMALIZE_WHITESPACE
['y has 3 values and c 4', 'c has 3 values and y 4', 'y must be 1-D, not 2-D',
 'c must be 1-D, not 2-D', 'the input is empty', 'c has the label 2, outside {0, 1}']
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

OFFSET, TINY = 1e9, 1e-9
"""What the ``offset`` corner adds to, and the ``tiny`` corner scales, the real arguments declared so."""
CORNERS = ("integers", "uint8", "bool", "float32", "offset", "tiny", "labels", "matrix", "params")
CORNERS += ("readonly", "lists")
"""The built-in adversarial corners, in the order :meth:`Domain.cases` draws them."""

Values = dict[str, Any]
Custom = Callable[[Values, np.random.Generator], Values]


def _size(shape: tuple[str | int, ...], dims: Mapping[str, int]) -> tuple[int, ...]:
    return tuple(d if isinstance(d, int) else dims[d] for d in shape)


@dataclass(frozen=True)
class Reals:
    """A real-valued array argument (or a scalar, ``shape=()``).

    ``scale`` and ``loc`` place the normal draw (``low``/``high``: uniform instead); ``nonneg``
    takes its absolute value. The flags say which corners apply: ``uint8`` (values 0..255 make
    sense), ``offset`` (a shift by 1e9 keeps the answer meaningful), ``tiny``, ``float32`` (the
    docstring allows float32), ``integers``; ``any_shape`` for an elementwise map of any shape;
    ``nan_rejected`` where the docstring promises ValueError on NaN.
    """

    name: str
    shape: tuple[str | int, ...] = ("n",)
    scale: float = 1.0
    loc: float = 0.0
    low: float | None = None
    high: float | None = None
    nonneg: bool = False
    integers: bool = True
    uint8: bool = False
    offset: bool = False
    tiny: bool = False
    float32: bool = True
    any_shape: bool = False
    nan_rejected: bool = False

    def draw(self, rng: np.random.Generator, dims: Mapping[str, int]) -> np.ndarray:
        size = _size(self.shape, dims)
        if self.low is not None and self.high is not None:
            value = rng.uniform(self.low, self.high, size=size)
        else:
            value = self.loc + self.scale * rng.normal(size=size)
        return np.abs(value) if self.nonneg else value

    def draw_integers(self, rng: np.random.Generator, dims: Mapping[str, int]) -> np.ndarray:
        spread = max(3.0 * self.scale, 5.0) if self.low is None else (self.high - self.low) / 2
        middle = self.loc if self.low is None else (self.low + self.high) / 2
        lo = 0 if self.nonneg else math.floor(middle - spread)
        return rng.integers(lo, math.ceil(middle + spread) + 1, size=_size(self.shape, dims))


@dataclass(frozen=True)
class Labels:
    """An array of class labels drawn from ``classes`` (every class present when n allows).

    ``alternatives`` are the other label sets the docstring allows (the ``labels`` corner
    relabels to each, in order); ``invalid`` is a label the function must refuse (the first
    one outside ``classes`` when unset; ``None`` in ``bad_label`` to skip it).
    """

    name: str
    shape: tuple[str | int, ...] = ("n",)
    classes: tuple[Any, ...] | str = (0, 1)
    """The label set, or the name of a dimension ``k`` for the labels ``0 .. k-1``."""
    alternatives: tuple[tuple[Any, ...], ...] = ((-1, 1), (1, 2))
    bad_label: Any = "auto"

    def labels(self, dims: Mapping[str, int]) -> tuple[Any, ...]:
        """The label set at these sizes."""
        return tuple(range(dims[self.classes])) if isinstance(self.classes, str) else self.classes

    def draw(self, rng: np.random.Generator, dims: Mapping[str, int]) -> np.ndarray:
        classes = self.labels(dims)
        size = _size(self.shape, dims)
        index = rng.integers(0, len(classes), size=size)
        flat = index.reshape(-1)
        first = min(flat.size, len(classes))
        flat[:first] = rng.permutation(len(classes))[:first]
        return np.asarray(classes)[index]

    def invalid(self, dims: Mapping[str, int]) -> Any:
        """A label the function must refuse: ``bad_label``, or one past the largest integer label."""
        if self.bad_label != "auto":
            return self.bad_label
        classes = self.labels(dims)
        if all(isinstance(c, int | np.integer) for c in classes):
            return max(classes) + 1
        return None


@dataclass(frozen=True)
class Probs:
    """Probabilities in [``low``, ``high``]; ``simplex`` for rows (the last axis) summing to 1."""

    name: str
    shape: tuple[str | int, ...] = ("n",)
    low: float = 0.01
    high: float = 0.99
    simplex: bool = False
    float32: bool = True

    def draw(self, rng: np.random.Generator, dims: Mapping[str, int]) -> np.ndarray:
        size = _size(self.shape, dims)
        if self.simplex:
            return rng.dirichlet(np.ones(size[-1]), size=size[:-1])
        return rng.uniform(self.low, self.high, size=size)


@dataclass(frozen=True)
class Param:
    """A keyword parameter: its default, the other ``values`` to try, and ``invalid`` ones."""

    name: str
    default: Any
    values: tuple[Any, ...] = ()
    invalid: tuple[Any, ...] = ()
    why_invalid: str = "is not allowed"


Spec = Reals | Labels | Probs


@dataclass(frozen=True)
class Case:
    """One input of a grader: positional ``args`` and ``kwargs`` in the exercise's order.

    ``name`` says where it comes from ("random n=7", "uint8", a custom corner's name);
    ``float32`` marks a case whose answer is judged at float32 precision.
    """

    name: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    float32: bool = False

    @property
    def widened(self) -> tuple:
        """The arguments with every float32 array made float64: what the reference is given."""
        return tuple(_deep(a, _widen) for a in self.args)

    @property
    def widened_kwargs(self) -> dict:
        return {k: _deep(v, _widen) for k, v in self.kwargs.items()}


def _widen(x: np.ndarray) -> np.ndarray:
    return x.astype(np.float64) if x.dtype == np.float32 else x


def _deep(value: Any, convert: Callable[[np.ndarray], Any]) -> Any:
    if isinstance(value, np.ndarray):
        return convert(value)
    if isinstance(value, list | tuple):
        return type(value)(_deep(item, convert) for item in value)
    return value


def read_only(value: Any) -> Any:
    """``value`` with every array (also inside lists) a read-only copy.

    >>> read_only([np.zeros(2)])[0].flags.writeable
    False
    """

    def freeze(x: np.ndarray) -> np.ndarray:
        x = x.copy()
        x.flags.writeable = False
        return x

    return _deep(value, freeze)


@dataclass(frozen=True)
class Domain:
    """The inputs an exercise's docstring allows, declared once; see the module docstring.

    Parameters
    ----------
    seed : int
        Seeds every draw (with the case's place), so all students see the same cases.
    args : tuple of Reals, Labels or Probs
        The positional arguments, in the exercise's order.
    sizes : dict of str to tuple of int
        Each named dimension's sizes; random case ``i`` takes the ``i``-th size of each
        (cycling through shorter tuples). Corners use the middle case's sizes.
    params : tuple of Param
        The keyword parameters; ``params`` corner cases try each of their ``values``.
    corners : tuple of str
        The built-in corners that apply (all of :data:`CORNERS` unless narrowed).
    custom : dict of str to callable
        The exercise's own corners, drawn after the built-in ones.
    empty : {"reject", "map", None}
        Empty input raises ValueError (a reduction) or maps to an empty result (an
        elementwise map); :meth:`bad_inputs` adds the empty case for "reject".
    """

    seed: int
    args: tuple[Spec, ...]
    sizes: Mapping[str, tuple[int, ...]] = field(default_factory=lambda: {"n": (1, 2, 7, 300)})
    params: tuple[Param, ...] = ()
    corners: tuple[str, ...] = CORNERS
    custom: Mapping[str, Custom] = field(default_factory=dict)
    empty: str | None = "reject"

    # --- drawing ---------------------------------------------------------------------------

    def _dims(self, index: int) -> dict[str, int]:
        return {name: sizes[index % len(sizes)] for name, sizes in self.sizes.items()}

    def _count(self) -> int:
        return max((len(s) for s in self.sizes.values()), default=1)

    def _values(self, rng: np.random.Generator, dims: Mapping[str, int]) -> Values:
        values: Values = {spec.name: spec.draw(rng, dims) for spec in self.args}
        values.update({p.name: p.default for p in self.params})
        return values

    def _case(self, name: str, values: Values, *, float32: bool = False) -> Case:
        args = tuple(values[spec.name] for spec in self.args)
        kwargs = {p.name: values[p.name] for p in self.params if values[p.name] is not p.default}
        return Case(name, args, kwargs, float32)

    def _rng(self, *place: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, *place])

    def random_cases(self) -> list[Case]:
        """One random case per declared size, at the parameters' defaults."""
        cases = []
        for i in range(self._count()):
            dims = self._dims(i)
            shown = ", ".join(f"{k}={v}" for k, v in dims.items())
            cases.append(self._case(f"random {shown}", self._values(self._rng(0, i), dims)))
        return cases

    def corner_cases(self, only: tuple[str, ...] | None = None) -> list[Case]:
        """Every built-in corner that applies, then every custom one (or those named ``only``)."""
        dims = self._dims(self._count() // 2)
        cases: list[Case] = []
        names = [c for c in self.corners if c in CORNERS] + list(self.custom)
        for number, corner in enumerate(names):
            if only is not None and corner not in only:
                continue
            cases.extend(self._corner(corner, self._rng(1, number), dims))
        return cases

    def cases(self, which: str = "all") -> list[Case]:
        """``"random"`` cases, ``"corners"``, or ``"all"`` of them (random first)."""
        random = self.random_cases() if which in ("all", "random") else []
        return random + (self.corner_cases() if which in ("all", "corners") else [])

    def case(self, seed: int, corner: str | None = None, size: int | None = None) -> Case:
        """One case drawn from ``seed``: random, or ``corner`` (one of its cases, by ``seed``).

        ``size`` overrides the first named dimension's size (the sample count, kept between its
        smallest and largest declared sizes: an exercise that needs two samples declares no
        fewer); the others keep a declared size. This is what property tests draw from.
        """
        rng = self._rng(2, seed)
        dims = self._dims(seed % self._count())
        if size is not None and dims:
            first = next(iter(dims))
            dims = {**dims, first: min(max(size, min(self.sizes[first])), max(self.sizes[first]))}
        if corner is None:
            return self._case("random", self._values(rng, dims))
        found = self._corner(corner, rng, dims)
        return found[seed % len(found)] if found else self._case("random", self._values(rng, dims))

    def corner_names(self) -> list[str]:
        """The corners this domain draws (built-in and custom), for property tests."""
        dims = self._dims(self._count() // 2)
        built_in = [c for c in self.corners if c in CORNERS and self._corner(c, self._rng(3), dims)]
        return built_in + list(self.custom)

    def _corner(self, corner: str, rng: np.random.Generator, dims: Mapping[str, int]) -> list[Case]:
        values = self._values(rng, dims)
        reals = [s for s in self.args if isinstance(s, Reals)]
        floats = [s for s in self.args if isinstance(s, Reals | Probs) and s.float32]
        labels = [s for s in self.args if isinstance(s, Labels)]
        if corner in self.custom:
            return [self._case(corner, self.custom[corner](dict(values), rng))]
        if corner == "integers":
            chosen = [s for s in reals if s.integers]
            for spec in chosen:
                values[spec.name] = spec.draw_integers(rng, dims)
        elif corner == "uint8":
            chosen = [s for s in reals if s.uint8]
            for spec in chosen:
                values[spec.name] = rng.integers(0, 256, size=_size(spec.shape, dims)).astype(np.uint8)
        elif corner == "bool":
            chosen = [s for s in labels if set(s.labels(dims)) == {0, 1}]
            for spec in chosen:
                values[spec.name] = values[spec.name].astype(bool)
        elif corner == "float32":
            chosen = floats
            for spec in chosen:
                values[spec.name] = np.asarray(values[spec.name], dtype=np.float32)
            return [self._case(corner, values, float32=True)] if chosen else []
        elif corner in ("offset", "tiny"):
            chosen = [s for s in reals if getattr(s, corner)]
            for spec in chosen:
                values[spec.name] = (
                    values[spec.name] + OFFSET if corner == "offset" else values[spec.name] * TINY
                )
        elif corner == "labels":
            return self._relabelled(values, labels)
        elif corner == "matrix":
            return self._matrices(rng, [s for s in self.args if getattr(s, "any_shape", False)], values)
        elif corner == "params":
            return [
                self._case(f"{p.name}={v!r}", {**values, p.name: v}) for p in self.params for v in p.values
            ]
        elif corner == "readonly":
            return [self._case(corner, {k: read_only(v) for k, v in values.items()})]
        elif corner == "lists":
            return [self._case(corner, {k: _deep(v, lambda x: x.tolist()) for k, v in values.items()})]
        else:
            raise ValueError(f"unknown corner {corner!r}; the built-in ones are {CORNERS}")
        return [self._case(corner, values)] if chosen else []

    def _relabelled(self, values: Values, labels: list[Labels]) -> list[Case]:
        cases = []
        for number in range(max((len(s.alternatives) for s in labels), default=0)):
            changed = dict(values)
            shown = ""
            for spec in labels:
                if number < len(spec.alternatives):
                    other = spec.alternatives[number]
                    mapping = dict(zip(spec.labels({}), other, strict=True))
                    changed[spec.name] = np.asarray([mapping[v] for v in values[spec.name].tolist()])
                    shown = "{" + ", ".join(map(repr, other)) + "}"
            cases.append(self._case(f"labels {shown}", changed))
        return cases

    def _matrices(self, rng: np.random.Generator, specs: list[Spec], values: Values) -> list[Case]:
        if not specs:
            return []
        cases = []
        for shape in ((3, 4), (2, 3, 2)):
            changed = dict(values)
            for spec in specs:
                changed[spec.name] = replace(spec, shape=shape).draw(rng, {})
            cases.append(self._case(f"shape {shape}", changed))
        return cases

    # --- what must be refused ----------------------------------------------------------------

    def bad_inputs(self) -> list[Any]:
        """The ``ValueError`` cases the declaration implies, each on every argument it can be.

        Returns :class:`~mlkata.grading.bad_inputs.BadInput` objects (added to with an exercise's
        own: ``DOMAIN.bad_inputs() + [BadInput(...)]``).
        """
        from mlkata.grading.corners import BadInput, length_one_mismatches

        dims = self._dims(0)
        dims = {k: max(v, 4) for k, v in dims.items()}
        base = self._values(self._rng(4), dims)
        specs = list(self.args)
        bad: list[Any] = []

        def args_with(name: str, value: Any) -> tuple:
            return tuple(value if s.name == name else base[s.name] for s in specs)

        sharing = [s for s in specs if s.shape and s.shape[0] == "n"]
        if len(sharing) > 1:
            for spec in sharing:
                other = next(s for s in sharing if s is not spec)
                n = dims["n"]
                bad.append(
                    BadInput(
                        f"{spec.name} has {n - 1} values and {other.name} {n}",
                        args_with(spec.name, base[spec.name][:-1]),
                    )
                )
        for spec in specs:
            if spec.shape and not getattr(spec, "any_shape", False):
                value = base[spec.name]
                wrong = value[..., None] if value.ndim == 1 else value.reshape(-1)
                bad.append(
                    BadInput(
                        f"{spec.name} must be {value.ndim}-D, not {wrong.ndim}-D", args_with(spec.name, wrong)
                    )
                )
        if self.empty == "reject" and specs:
            empty_dims = {k: (0 if k == "n" else v) for k, v in dims.items()}
            empty = tuple(np.zeros(_size(s.shape, empty_dims)) if s.shape else base[s.name] for s in specs)
            bad.append(BadInput("the input is empty", empty))
        for spec in specs:
            value = base[spec.name]
            wrong_label = spec.invalid(dims) if isinstance(spec, Labels) else None
            if isinstance(spec, Labels) and wrong_label is not None and spec.shape:
                changed = value.copy()
                changed.reshape(-1)[-1] = wrong_label
                shown = "{" + ", ".join(map(repr, spec.labels(dims))) + "}"
                bad.append(
                    BadInput(
                        f"{spec.name} has the label {wrong_label!r}, outside {shown}",
                        args_with(spec.name, changed),
                    )
                )
            if isinstance(spec, Probs) and not spec.simplex:
                for wrong_p in (1.5, -0.1):
                    changed = value.copy()
                    changed.reshape(-1)[-1] = wrong_p
                    bad.append(
                        BadInput(
                            f"{spec.name} holds {wrong_p}, not a probability", args_with(spec.name, changed)
                        )
                    )
            if isinstance(spec, Reals) and spec.nan_rejected:
                changed = np.array(value, dtype=float)
                changed.reshape(-1)[-1] = np.nan
                bad.append(BadInput(f"{spec.name} holds NaN", args_with(spec.name, changed)))
        plain = tuple(base[s.name] for s in specs)
        for param in self.params:
            for wrong in param.invalid:
                bad.append(
                    BadInput(f"{param.name}={wrong!r} {param.why_invalid}", plain, {param.name: wrong})
                )
        return bad + length_one_mismatches(self, dims, base)
