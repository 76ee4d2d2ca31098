"""``sedov_cli.values.value``: frozen dataclasses that compile nothing until used, and behave as dataclasses do."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from datetime import date
from functools import cached_property
from typing import Any

import pytest

from sedov_cli.values import value


class _Span:
    """The same class body, made both ways below."""

    earliest: date | None
    latest: date | None = None
    note: str = "none"

    def __post_init__(self) -> None:
        if self.earliest is not None and self.latest is not None and self.earliest > self.latest:
            raise ValueError(f"span ends before it starts: {self.earliest} > {self.latest}")

    @cached_property
    def width(self) -> int | None:
        return None if self.earliest is None or self.latest is None else (self.latest - self.earliest).days


def _made(decorate: Any, name: str) -> Any:
    body = {k: v for k, v in vars(_Span).items() if k not in ("__dict__", "__weakref__")}
    made = type(name, (), {**body, "__qualname__": name, "__module__": __name__})
    made.width.__set_name__(made, "width")
    return decorate(made)


Real = _made(dataclasses.dataclass(frozen=True), "Real")
Value = _made(value, "Value")


def _behaviour(cls: Any) -> list[Any]:
    """Everything a caller can observe of the class, with its name taken out."""
    a, b = cls(date(1906, 2, 16), latest=date(1938, 2, 16)), cls(date(1906, 2, 16), date(1938, 2, 16))
    seen: list[Any] = [
        repr(a).replace(cls.__name__, "C"),
        a == b, a != b, hash(a) == hash(b), a == (date(1906, 2, 16), date(1938, 2, 16), "none"), a == cls(None),
        a.width, a.width is a.width, vars(cls(None)),
        cls.__match_args__, dataclasses.is_dataclass(cls), dataclasses.is_dataclass(a),
        [(f.name, f.type, f.default) for f in dataclasses.fields(cls)],
        repr(dataclasses.replace(a, latest=None)).replace(cls.__name__, "C"), dataclasses.asdict(a),
        pickle.loads(pickle.dumps(a)) == a, copy.copy(a) == a, copy.deepcopy(a) == a, {a: 1}[b],
    ]  # fmt: skip
    for attempt in (
        lambda: setattr(a, "earliest", None), lambda: setattr(a, "other", 1), lambda: delattr(a, "latest"),
        lambda: cls(), lambda: cls(1, 2, 3, 4), lambda: cls(1, earliest=2), lambda: cls(1, nope=2),
        lambda: cls(date(1938, 1, 1), date(1906, 1, 1)), lambda: dataclasses.replace(a, nope=1),
    ):  # fmt: skip
        with pytest.raises(Exception) as caught:
            attempt()
        seen.append((type(caught.value), str(caught.value).replace(cls.__name__, "C")))
    return seen


def test_a_value_behaves_as_a_frozen_dataclass() -> None:
    assert _behaviour(Value) == _behaviour(Real)


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"__annotations__": {"a": "int", "b": "str"}, "a": 1}, "non-default argument 'b' follows default argument"),
        ({"__annotations__": {"a": "list[int]"}, "a": []}, "a default must be a plain, immutable value"),
        ({"__annotations__": {"a": "int"}, "a": dataclasses.field(default=1)}, "a default must be a plain"),
        ({"__annotations__": {"a": "ClassVar[int]"}}, "a value class has no ClassVar"),
    ],
)
def test_what_a_value_class_cannot_be_is_refused_when_it_is_defined(body: dict[str, Any], error: str) -> None:
    with pytest.raises((TypeError, ValueError), match=error.replace("[", r"\[")):
        value(type("Bad", (), body))


def test_a_value_class_does_not_inherit_fields() -> None:
    with pytest.raises(TypeError, match="does not inherit fields"):
        value(type("Sub", (Real,), {"__annotations__": {"more": "int"}}))


AUDIT = """
import sys, dataclasses, datetime, re, enum, functools, calendar, typing, collections.abc, abc
compiled = []
sys.addaudithook(lambda event, args: compiled.append(args[1]) if event == "compile" and args[1] == "<string>" else None)
import sedov_cli.dates, sedov_cli.model
print(len(compiled))
source = sedov_cli.model.Source("Lead", "Lev Sedov was born")
print(len(compiled))
print(source == sedov_cli.model.Source("Lead", "Lev Sedov was born"), len(compiled))
"""


def test_importing_the_model_compiles_no_code() -> None:
    """Importing the model and the dates compiles nothing; a class compiles its constructor when first
    built and its equality when first compared, one piece each (a dataclass compiles six at import)."""
    out = subprocess.run([sys.executable, "-c", AUDIT], capture_output=True, text=True, check=False)
    assert out.stdout.split() == ["0", "1", "True", "2"], out.stderr


def _bytes_each(cls: Any) -> float:
    """Bytes per instance, traced: the least of five counts with the collector off, so that what else the
    process frees or allocates meanwhile (a worker of the parallel suite once made the two differ the wrong
    way) does not decide it."""
    import gc
    import tracemalloc

    cls(date(1906, 2, 16))  # the constructor is compiled before counting
    counts = []
    gc.disable()
    try:
        for _ in range(5):
            tracemalloc.start()
            made = [cls(date(1906, 2, 16), None, "x") for _ in range(2000)]
            counts.append(tracemalloc.get_traced_memory()[0] / len(made))
            tracemalloc.stop()
            del made
    finally:
        gc.enable()
    return min(counts)


def test_a_value_is_no_larger_than_a_dataclass() -> None:
    """Fields are set one at a time, as a dataclass does, so instances share their keys: a million
    events in memory (--no-cache) must not cost more than they did."""
    assert _bytes_each(Value) <= _bytes_each(Real)
