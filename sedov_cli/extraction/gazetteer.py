"""Whether a capitalised phrase names a place: a small gazetteer from GeoNames, and kinds of place.

"in Ringbereichen" (from a title) and "in Paris on New Year's Eve" look alike
to a pattern. A place is kept only when it looks like one: GeoNames knows the
name (every city of 15,000 people or more, the countries, the US states:
``gazetteer.tsv.gz``, built by ``tools/make_gazetteer.py``), or the phrase
names a kind of place ("University of Göttingen", "Clinique Mirabeau"), or
the infobox gave it as a birth or death place.

The file is read once, and only by ``extract`` (about 30 ms). The country it
gives a city is outside knowledge: drafts mark it so.
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import cache
from importlib import resources

from .tables import PLACE_KINDS

__all__ = ["Known", "country_of", "is_known", "names_a_kind_of_place"]

Known = tuple[str, str]  # (kind, country)


def _fold(name: str) -> str:
    if name.isascii():  # nothing to decompose or strip: 31,700 of the 32,300 names, a third of the file's reading
        return name.casefold()
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _entries() -> dict[str, Known]:
    raw = resources.files(__package__ or "sedov_cli.extraction").joinpath("gazetteer.tsv.gz").read_bytes()
    table: dict[str, Known] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, kind, country = line.split("\t")
        table.setdefault(_fold(name), (kind, country))
    return table


def is_known(name: str) -> bool:
    return _fold(name) in _entries()


def country_of(name: str) -> str | None:
    """The country GeoNames puts a city or state in (the largest place of that name), if any."""
    known = _entries().get(_fold(name))
    return known[1] or None if known else None


def names_a_kind_of_place(name: str) -> bool:
    """'University of Göttingen', 'Cimetière de Thiais', 'Clinique Mirabeau': a word of the name is a kind of place."""
    return any(word.casefold().strip(".,") in PLACE_KINDS for word in name.split())
