"""A small JSON Schema checker for the keywords ``data/schema.json`` uses.

The schema file is the single statement of the dataset's shape. Checking it
with the ``jsonschema`` package would add four runtime dependencies (one of
them compiled) and start-up time to every command, so this module interprets
the subset the schema needs. It refuses a keyword it does not know, so the
schema cannot silently outgrow it. The test suite checks that it agrees with
``jsonschema`` on the shipped dataset and on broken ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .text import plural

Path = tuple[str | int, ...]

_KNOWN = frozenset(
    {
        "$schema", "$id", "$defs", "$ref", "title", "description",
        "type", "properties", "required", "additionalProperties", "items",
        "enum", "const", "pattern", "minLength", "minItems", "uniqueItems",
    }
)  # fmt: skip

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _type_ok(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def _describe(value: Any) -> str:
    for name in ("null", "boolean", "object", "array", "string", "integer", "number"):
        if _type_ok(value, name):
            return name
    return type(value).__name__


class SchemaChecker:
    """Checks instances against one schema document, yielding (path, message)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = schema
        self._check_keywords(schema)
        self._valid: Callable[[Any], bool] | None = None

    def _check_keywords(self, node: Any) -> None:
        if isinstance(node, dict):
            unknown = set(node) - _KNOWN
            if unknown:
                raise ValueError(f"schema keyword not supported: {sorted(unknown)}")
            for key in ("properties", "$defs"):
                for sub in node.get(key, {}).values():
                    self._check_keywords(sub)
            if isinstance(node.get("items"), dict):
                self._check_keywords(node["items"])

    def valid(self, instance: Any) -> bool:
        """Whether ``instance`` has no problem at all: the fast path for a good file.

        The schema is compiled once into nested functions that answer yes or
        no and build no paths or messages. Only a file that fails goes
        through :meth:`errors`, which names every problem.
        """
        if self._valid is None:
            self._valid = self._compile(self.root, {})
        return self._valid(instance)

    def _compile(self, schema: dict[str, Any], done: dict[int, Callable[[Any], bool]]) -> Callable[[Any], bool]:
        if id(schema) in done:
            return done[id(schema)]
        checks: list[Callable[[Any], bool]] = []
        resolved: list[Callable[[Any], bool]] = []

        def run(value: Any) -> bool:  # until compiled: a recursive $ref calls this
            return resolved[0](value)

        done[id(schema)] = run  # before compiling children, so a recursive $ref finds it
        if "$ref" in schema:
            checks.append(self._compile(self._resolve(schema["$ref"]), done))
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            exact = frozenset(t for n in names for t in _EXACT[n])  # json.loads makes exact types only
            checks.append(lambda v: type(v) in exact)
        if "const" in schema:
            checks.append(lambda v, c=schema["const"]: v == c)  # type: ignore[misc]
        if "enum" in schema:
            checks.append(lambda v, allowed=schema["enum"]: v in allowed)  # type: ignore[misc]
        low, rx = schema.get("minLength", 0), re.compile(schema["pattern"]) if "pattern" in schema else None
        if low or rx is not None:
            checks.append(lambda v: not isinstance(v, str) or (len(v) >= low and (rx is None or bool(rx.search(v)))))
        fewest, unique = schema.get("minItems", 0), bool(schema.get("uniqueItems"))
        item = self._compile(schema["items"], done) if "items" in schema else None

        def check_list(v: Any) -> bool:
            if not isinstance(v, list):
                return True
            if len(v) < fewest or (unique and len({_frozen(x) for x in v}) != len(v)):
                return False
            return item is None or all(item(x) for x in v)

        if fewest or unique or item is not None:
            checks.append(check_list)
        required = tuple(schema.get("required", ()))
        props = {k: self._compile(v, done) for k, v in schema.get("properties", {}).items()}
        closed = schema.get("additionalProperties") is False

        def check_object(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            if any(k not in v for k in required):
                return False
            for key, value in v.items():
                check = props.get(key)
                if check is None:
                    if closed:
                        return False
                elif not check(value):
                    return False
            return True

        if required or props or closed:
            checks.append(check_object)
        resolved.append(_all(checks))
        return resolved[0]

    def _resolve(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported: {ref}")
        node: Any = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node  # type: ignore[no-any-return]

    def errors(
        self, instance: Any, schema: dict[str, Any] | None = None, path: Path = ()
    ) -> Iterator[tuple[Path, str]]:
        schema = self.root if schema is None else schema
        if "$ref" in schema:
            yield from self.errors(instance, self._resolve(schema["$ref"]), path)
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_type_ok(instance, n) for n in names):
                yield path, f"expected {' or '.join(names)}, got {_describe(instance)}"
                return
        if "const" in schema and instance != schema["const"]:
            yield path, f"must be {schema['const']!r}"
        if "enum" in schema and instance not in schema["enum"]:
            yield path, f"{instance!r} is not one of {', '.join(map(str, schema['enum']))}"
        if isinstance(instance, str):
            if len(instance) < schema.get("minLength", 0):
                yield path, "is empty" if not instance else f"is shorter than {schema['minLength']} characters"
            if "pattern" in schema and not re.search(schema["pattern"], instance):
                yield path, f"{instance!r} does not match {schema['pattern']}"
        if isinstance(instance, list):
            if len(instance) < schema.get("minItems", 0):
                n = schema["minItems"]
                yield path, f"needs at least {plural(n, 'item')}"
            if schema.get("uniqueItems"):
                seen: set[Any] = set()  # hashed, so 40,000 tags cost 40,000 steps, not 800 million
                for item in instance:
                    key = _frozen(item)
                    if key in seen:
                        yield path, f"{item!r} is listed twice"
                    seen.add(key)
            if "items" in schema:
                for i, item in enumerate(instance):
                    yield from self.errors(item, schema["items"], (*path, i))
        if isinstance(instance, dict):
            for key in schema.get("required", []):
                if key not in instance:
                    yield (*path, key), "is required"
            props = schema.get("properties", {})
            for key, value in instance.items():
                if key in props:
                    yield from self.errors(value, props[key], (*path, key))
                elif schema.get("additionalProperties") is False:
                    yield (*path, key), "is not a known field"


_EXACT: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "integer": (int,), "number": (int, float),
    "boolean": (bool,), "null": (type(None),),
}  # fmt: skip


def _all(checks: list[Callable[[Any], bool]]) -> Callable[[Any], bool]:
    """One function that passes when every check does, without a generator per value."""
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)

    def every(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a plain loop: all() would build a generator per value
            if not check(value):
                return False
        return True

    return every


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a JSON value, equal exactly when JSON Schema calls the values equal
    (so true is not 1, and 1 is 1.0)."""
    if isinstance(value, bool) or value is None:
        return ("literal", value)
    if isinstance(value, int | float):
        return ("number", value)
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, list):
        return ("array", tuple(_frozen(v) for v in value))
    if isinstance(value, dict):
        return ("object", frozenset((k, _frozen(v)) for k, v in value.items()))
    return ("other", repr(value))
