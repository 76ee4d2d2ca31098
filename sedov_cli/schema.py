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
from functools import cache
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

        The schema is compiled once into Python source (as fastjsonschema
        does), with every check written inline, so a 100,000-event file costs
        one function call per event rather than one per keyword per value.
        It builds no paths or messages: only a file that fails goes through
        :meth:`errors`, which names every problem.
        """
        if self._valid is None:
            self._valid = _Compiler(self).compile()
        return self._valid(instance)

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
            if "pattern" in schema and not _pattern(schema["pattern"]).search(instance):
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


class _Compiler:
    """Writes the source of a yes-or-no check of one schema (see :meth:`SchemaChecker.valid`).

    Each node becomes statements that ``return False`` on the first failure,
    written inline into its parent's function. A ``$ref`` back to a node being
    written (a recursive schema) becomes a call to that node's own function.
    """

    def __init__(self, checker: SchemaChecker) -> None:
        self.checker = checker
        self.functions: dict[int, str] = {}  # id(node) -> name, for nodes given their own function
        self.source: list[str] = []
        self.constants: dict[str, Any] = {"_frozen": _frozen}
        self.counter = 0

    def compile(self) -> Callable[[Any], bool]:
        name = self.function(self.checker.root)
        namespace = dict(self.constants)
        exec("\n".join(self.source), namespace)  # the source is written here from the schema, never from input
        check: Callable[[Any], bool] = namespace[name]
        return check

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def constant(self, value: Any) -> str:
        name = self.fresh("_k")
        self.constants[name] = value
        return name

    def function(self, node: dict[str, Any]) -> str:
        if id(node) in self.functions:
            return self.functions[id(node)]
        name = self.fresh("_check")
        self.functions[id(node)] = name
        body: list[str] = []
        self.statements(node, "v", body, "    ", {id(node)})
        self.source += [f"def {name}(v):", *body, "    return True", ""]
        return name

    def statements(self, node: dict[str, Any], var: str, out: list[str], pad: str, open_nodes: set[int]) -> None:
        """Append checks of ``var`` against ``node``; ``open_nodes`` are those being written around it."""
        if "$ref" in node:
            target = self.checker._resolve(node["$ref"])
            if id(target) in open_nodes or id(target) in self.functions:
                out.append(f"{pad}if not {self.function(target)}({var}): return False")
            else:
                self.statements(target, var, out, pad, open_nodes | {id(target)})
        kinds: set[type] | None = None
        if "type" in node:
            names = node["type"] if isinstance(node["type"], list) else [node["type"]]
            kinds = {t for n in names for t in _EXACT[n]}  # json.loads makes exact types only
            if len(kinds) == 1:
                out.append(f"{pad}if type({var}) is not {next(iter(kinds)).__name__}: return False")
            else:
                out.append(f"{pad}if type({var}) not in {self.constant(frozenset(kinds))}: return False")
        if "const" in node:
            out.append(f"{pad}if {var} != {self.constant(node['const'])}: return False")
        if "enum" in node:
            allowed = node["enum"]
            if all(isinstance(a, str) for a in allowed):  # a set of strings compares as JSON does
                out.append(f"{pad}if type({var}) is not str or {var} not in {self.constant(frozenset(allowed))}: "
                           "return False")  # fmt: skip
            else:
                out.append(f"{pad}if {var} not in {self.constant(allowed)}: return False")
        self.string(node, var, out, pad, kinds)
        self.array(node, var, out, pad, kinds, open_nodes)
        self.object(node, var, out, pad, kinds, open_nodes)

    @staticmethod
    def guard(var: str, kind: type, kinds: set[type] | None, out: list[str], pad: str) -> str:
        """Checks that apply only to one JSON type run inside ``if`` unless the type is already known."""
        if kinds == {kind}:
            return pad
        out.append(f"{pad}if type({var}) is {kind.__name__}:")
        return pad + "    "

    def string(self, node: dict[str, Any], var: str, out: list[str], pad: str, kinds: set[type] | None) -> None:
        low = node.get("minLength", 0)
        if not low and "pattern" not in node:
            return
        inner = self.guard(var, str, kinds, out, pad)
        if low:
            out.append(f"{inner}if len({var}) < {int(low)}: return False")
        if "pattern" in node:
            # A large dataset repeats its ids (places, people, tags), so each string that matched is remembered.
            seen = self.constant(set())
            rx = self.constant(_pattern(node["pattern"]))
            out.append(f"{inner}if {var} not in {seen}:")
            out.append(f"{inner}    if {rx}.search({var}) is None: return False")
            out.append(f"{inner}    {seen}.add({var})")

    def array(
        self, node: dict[str, Any], var: str, out: list[str], pad: str, kinds: set[type] | None, open_nodes: set[int]
    ) -> None:
        fewest, unique, items = node.get("minItems", 0), bool(node.get("uniqueItems")), node.get("items")
        if not fewest and not unique and items is None:
            return
        inner = self.guard(var, list, kinds, out, pad)
        if fewest:
            out.append(f"{inner}if len({var}) < {int(fewest)}: return False")
        strings = False
        if items is not None:
            item = self.fresh("x")
            body: list[str] = []
            self.statements(items, item, body, inner + "    ", open_nodes)
            if body:
                out.append(f"{inner}for {item} in {var}:")
                out.extend(body)
            target = self.checker._resolve(items["$ref"]) if "$ref" in items else items
            strings = target.get("type") == "string" or items.get("type") == "string"
        if unique:  # once every item is known to be a string, a plain set compares them as JSON does
            members = var if strings else f"{{_frozen(y) for y in {var}}}"
            out.append(f"{inner}if len(set({members})) != len({var}): return False")

    def object(
        self, node: dict[str, Any], var: str, out: list[str], pad: str, kinds: set[type] | None, open_nodes: set[int]
    ) -> None:
        required = node.get("required", [])
        props: dict[str, Any] = node.get("properties", {})
        closed = node.get("additionalProperties") is False
        if not required and not props and not closed:
            return
        inner = self.guard(var, dict, kinds, out, pad)
        if required:
            out.append(f"{inner}if not {self.constant(frozenset(required))} <= {var}.keys(): return False")
        if closed:
            out.append(f"{inner}if not {var}.keys() <= {self.constant(frozenset(props))}: return False")
        for key, sub in props.items():
            value = self.fresh("p")
            body: list[str] = []
            if key in required:
                self.statements(sub, value, body, inner, open_nodes)
                if body:
                    out.append(f"{inner}{value} = {var}[{key!r}]")
                    out.extend(body)
            else:
                self.statements(sub, value, body, inner + "    ", open_nodes)
                if body:
                    out.append(f"{inner}{value} = {var}.get({key!r}, _frozen)  # _frozen: a stand-in for 'absent'")
                    out.append(f"{inner}if {value} is not _frozen:")
                    out.extend(body)


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """A schema pattern as JSON Schema (ECMA 262) reads it: a final ``$`` ends the text.

    Python's ``$`` also matches before a final newline, so ``"paris\\n"`` would
    pass as an id and carry a line break into tables and the index.
    """
    if source.endswith("$") and not source.endswith("\\$"):
        source = source[:-1] + r"\Z"
    return re.compile(source)


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
