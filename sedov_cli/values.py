"""Frozen value classes that cost nothing to define: ``@value`` in place of ``@dataclass(frozen=True)``.

Every command imports the model and the dates, and ``@dataclass(frozen=True)``
writes and compiles six methods for each of their twenty classes as the
module is imported: 0.3 to 0.5 ms a class, most of what importing them cost.
A class made with :func:`value` behaves as that dataclass does (the same
constructor, defaults and ``__post_init__``, equality, hash and repr, fields
that cannot be assigned or deleted, ``dataclasses.fields``, ``replace`` and
``asdict``), and type checkers read it as one (PEP 681). It compiles its
constructor, equality and hash only when first used, each in one small piece
of code, so a run pays for the classes it uses and nothing for the others.
The code is the dataclass's own: the constructor sets one field at a time,
so that instances share their keys (217 bytes for an event's fifteen fields,
where a dictionary of their own made 528) and read fields at full speed.

Supported: annotated fields with plain defaults (no ``field()``, no
``ClassVar``, no inheritance between values). Anything else is refused when
the class is defined, so that it cannot behave differently by surprise.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")
_set = object.__setattr__


@dataclass_transform(frozen_default=True)
def value(cls: type[_T]) -> type[_T]:
    """Make ``cls`` a frozen value class from its annotations (see the module's docstring)."""
    # the class's own annotations, as strings; inspect.get_annotations would cost 5 ms to import
    annotations: dict[str, Any] = dict(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063
    names = tuple(annotations)
    defaults: dict[str, Any] = {}
    for name in names:
        if "ClassVar" in str(annotations[name]):
            raise TypeError(f"{cls.__qualname__}.{name}: a value class has no ClassVar")
        if name in cls.__dict__:
            default = cls.__dict__[name]
            if isinstance(default, dataclasses.Field) or type(default).__hash__ is None:
                raise ValueError(f"{cls.__qualname__}.{name}: a default must be a plain, immutable value")
            defaults[name] = default
        elif defaults:
            raise TypeError(f"non-default argument {name!r} follows default argument")
    for base in cls.__mro__[1:]:
        if "__dataclass_fields__" in base.__dict__:
            raise TypeError(f"{cls.__qualname__}: a value class does not inherit fields")
    post_init = hasattr(cls, "__post_init__")

    def make_init() -> Callable[..., Any]:
        params = ", ".join(f"{n}=_default_{n}" if n in defaults else n for n in names)
        sets = "".join(f"    _set(self, {n!r}, {n})\n" for n in names) or "    pass\n"
        source = f"def __init__(self, {params}):\n{sets}"
        if post_init:
            source += "    self.__post_init__()\n"
        return _compiled(cls, "__init__", source, {"_set": _set, **{f"_default_{n}": d for n, d in defaults.items()}})

    def make_eq() -> Callable[..., Any]:
        mine, theirs = (f"({''.join(f'{who}.{n}, ' for n in names)})" for who in ("self", "other"))
        source = (
            "def __eq__(self, other):\n"
            f"    if other.__class__ is self.__class__:\n        return {mine} == {theirs}\n"
            "    return NotImplemented\n"
        )
        return _compiled(cls, "__eq__", source, {})

    def make_hash() -> Callable[..., Any]:
        source = f"def __hash__(self):\n    return hash(({''.join(f'self.{n}, ' for n in names)}))\n"
        return _compiled(cls, "__hash__", source, {})

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in names)})"

    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    for name, method in (
        ("__init__", _when_first_called(cls, "__init__", make_init)),
        ("__eq__", _when_first_called(cls, "__eq__", make_eq)),
        ("__hash__", _when_first_called(cls, "__hash__", make_hash)),
        ("__repr__", __repr__),
        ("__setattr__", _no_assignment),
        ("__delattr__", _no_deletion),
        ("__match_args__", names),
        ("__dataclass_fields__", _Fields(annotations, defaults)),
    ):
        setattr(cls, name, method)
    return cls


def _compiled(cls: type, name: str, source: str, namespace: dict[str, Any]) -> Callable[..., Any]:
    """The function ``source`` defines, named as a method of ``cls``; the one place code is compiled."""
    exec(source, namespace)  # the source is built from the class's own field names, never from data
    function: Callable[..., Any] = namespace[name]
    function.__qualname__ = f"{cls.__qualname__}.{name}"
    function.__module__ = cls.__module__
    return function


def _when_first_called(cls: type, name: str, make: Callable[[], Callable[..., Any]]) -> Callable[..., Any]:
    """A stand-in for the method ``name``: its first call makes the method, puts it on the class, and calls it."""

    def first(self: Any, *args: Any, **kwargs: Any) -> Any:
        method = make()
        type.__setattr__(cls, name, method)
        return method(self, *args, **kwargs)

    first.__qualname__ = f"{cls.__qualname__}.{name}"
    return first


def _no_assignment(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _no_deletion(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


class _Fields:
    """``__dataclass_fields__``, made by dataclasses itself (from the same annotations and defaults,
    on a stand-in class) when first read, for ``dataclasses.fields``, ``replace`` and ``asdict``."""

    def __init__(self, annotations: dict[str, Any], defaults: dict[str, Any]) -> None:
        self._annotations, self._defaults = annotations, defaults

    def __get__(self, instance: object, owner: type) -> dict[str, dataclasses.Field[Any]]:
        namespace = {"__annotations__": self._annotations, "__module__": owner.__module__, **self._defaults}
        stand_in: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(type(owner.__name__, (), namespace))
        fields: dict[str, dataclasses.Field[Any]] = stand_in.__dataclass_fields__
        type.__setattr__(owner, "__dataclass_fields__", fields)
        return fields
