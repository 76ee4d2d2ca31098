"""People the text marks as people, beyond those it gives life dates.

A capitalised run is not a person: "Adolf Hitler came to power", "the Red
Book", "Paris". A name is read as a person only where the prose marks it as
one, in the two ways biographies introduce the people of a life:

* a relation before the name: "his partner, Jeanne Martin", "her younger
  brother Karl Holm", "his teacher Max Weber";
* a role after it, as an apposition: "Mark Zborowski, an NKVD agent who…",
  "Carl Sternheim, a friend of the Pfemferts", "Pavel Sudoplatov, a
  lieutenant general in the NKVD".

The relation is kept in the article's own words ("his partner"; "an NKVD
agent who had posed as his comrade"), because "his" may be someone else's
(in "the son of Leon Trotsky and his second wife Natalia Sedova", the wife
is Trotsky's) and a draft must not say more than the text. Anything that
looks like a place, or names a kind of place, is not a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ROLES", "Named", "find_claimant", "find_people"]


def _words(*lines: str) -> list[str]:
    return [word for line in lines for word in line.split()]


_RELATIONS = _words(
    "father mother son daughter child brother sister half-brother half-sister stepfather stepmother",
    "stepson stepdaughter wife husband partner spouse fiancé fiancée widow widower nephew niece uncle",
    "aunt cousin grandfather grandmother grandson granddaughter friend teacher mentor tutor student",
    "pupil disciple secretary assistant colleague rival biographer lover companion patron employer",
)
_ROLES = _words(
    "agent spy officer general colonel captain lieutenant major admiral commander soldier historian",
    "writer author novelist poet playwright journalist editor critic publisher philosopher scientist",
    "physicist chemist mathematician biologist astronomer engineer inventor doctor physician surgeon",
    "nurse lawyer judge politician statesman diplomat minister president senator leader revolutionary",
    "activist organiser organizer member founder banker merchant industrialist businessman businesswoman",
    "painter sculptor architect composer conductor pianist violinist singer actor actress dancer",
    "director photographer priest bishop monk nun rabbi imam teacher professor scholar student friend",
    "comrade informant psychoanalyst psychiatrist economist sociologist anthropologist athlete runner",
    "footballer coach king queen prince princess emperor empress duke duchess count countess bolshevik",
    "menshevik communist socialist anarchist Bolshevik Menshevik rapper musician songwriter artist",
    "entertainer producer boxer swimmer cyclist tennis player botanist zoologist geologist explorer collector",
    "crystallographer biophysicist geneticist researcher palaeontologist paleontologist naturalist guide",
    "mountaineer climber",
)
ROLES = frozenset(_ROLES)
"""Words that name what a person is or does ("historian", "agent"), for reading titles and appositions."""
_PARTICLE = r"(?:von|van|de|der|den|da|di|du|le|la|del|della|dos|bin|ibn|al|ter|ten|zu)"
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x180)) if c.isupper() and c != "×")
_LOWER = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x180)) if c.islower() and c != "÷")
_CAP = rf"[{_UPPER}][{_LOWER}'’-]+"
"""A capitalised word in the Latin letters of Europe's languages: "Đuka", "Łukasz", "Gospić"."""
_NAME = rf"(?P<name>{_CAP}(?:\s+{_PARTICLE})?(?:\s+{_CAP}){{1,3}})"
"""Two to four capitalised words, particles allowed: a given name and a surname at least."""

_LONG_NAME = rf"(?P<name>{_CAP}(?:\s+{_PARTICLE})?(?:\s+{_CAP}){{1,4}})"
"""After a relation, up to five words: "his mother, Adelaide Johanne Thekla Isidore Nansen" keeps her surname."""
_BEFORE = re.compile(
    rf"\b(?P<rel>(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][a-z]+'s)\s+(?:[a-z-]+\s+){{0,2}}?(?:{'|'.join(_RELATIONS)})"
    rf"|[Tt]he\s+(?:(?!of\b|and\b)[\w-]+\s+){{0,2}}?(?:{'|'.join(_ROLES)})"
    rf"|(?<![\w-])(?<!\bof\s)(?<!\band\s)(?:{'|'.join(_ROLES)}))"
    rf",?\s+{_LONG_NAME}(?![\w'’])"
)
"""A relation ("his father, …"), "the" and a role ("the painter Karl Holm"), or a bare role: "with
crystallographer Jacques Mering", "where director John Randall employed her" (not after "of" or "and": in
"the mother of poet Ola Lund" the role is read with "mother of", whose it is not said)."""
_ALONE = re.compile(
    rf"\b(?P<rel>(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][a-z]+'s|an?)\s+(?:(?:older|elder|younger|twin|little|baby)\s+)?"
    rf"(?:{'|'.join(_RELATIONS)})),\s+(?P<name>{_CAP})(?=,\s*(?:who|whom|whose|was|had|died|born)\b|\s*\()"
)
"""A given name alone, set off by commas after a relation: "an older brother, Danilo, who died"."""
_AFTER = re.compile(
    rf"(?<![\w'’]){_NAME},\s+(?P<role>(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}(?:{'|'.join(_ROLES)})s?\b(?!['’])"
    r"(?:\s+(?:of|in|at|for|to|who|whom|with|from)\b[^,;:.()]{0,60})?)"
)
_NOT_NAMES = frozenset(
    """The A An In On At By From After Before During When While His Her Their Its This That These Those
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday""".split()  # noqa: SIM905
)
INSTITUTION_WORDS = frozenset(
    """University College School Institute Academy Hospital Clinic Church Cathedral Street Road Avenue Square
    Palace Castle Museum Library Theatre Theater Company Party Union Republic Kingdom Empire Army Navy
    Committee Council Congress Senate Parliament Society Association Bulletin Times Press Book Review""".split()  # noqa: SIM905
)
"""Words that make a capitalised phrase an institution, a building or a work ("National Council of Women"), not
a person."""


@dataclass(frozen=True)
class Named:
    """A person the sentence marks as one, with the relation or role in the text's words."""

    name: str
    relation: str
    start: int  # the name, in sentence offsets
    end: int


def _looks_like_a_person(name: str, places: frozenset[str]) -> bool:
    words = name.split()
    if words[0] in _NOT_NAMES or any(w in INSTITUTION_WORDS for w in words):
        return False
    if name in places:
        return False
    from .gazetteer import is_known, names_a_kind_of_place

    return not (is_known(name) or names_a_kind_of_place(name))


def find_people(sentence: str, places: frozenset[str] = frozenset()) -> list[Named]:
    """The people a sentence introduces with a relation before them or a role after them."""
    found: list[Named] = []
    for m in _BEFORE.finditer(sentence):
        name = m["name"]
        if _looks_like_a_person(name, places):
            found.append(Named(name, " ".join(m["rel"].split()), m.start("name"), m.end("name")))
    for m in _ALONE.finditer(sentence):
        name = m["name"]
        if name not in _NOT_NAMES and _looks_like_a_person(name, places):
            found.append(Named(name, " ".join(m["rel"].split()), m.start("name"), m.end("name")))
    taken = {f.start for f in found}  # a set: a sentence naming thousands of people is read in linear time
    for m in _AFTER.finditer(sentence):
        name, role = m["name"], m["role"]
        if m.end("role") < len(sentence) and sentence[m.end("role")].isalnum():
            role = role.rsplit(" ", 1)[0] + "…"  # the tail stopped inside a word: end at the last whole one
        if _looks_like_a_person(name, places) and m.start("name") not in taken:
            found.append(Named(name, " ".join(role.split()), m.start("name"), m.end("name")))
    return found


_GROUP = r"(?:(?:some|many|most|several|other|later|Soviet|Western)\s+)?(?:historians|scholars|biographers|witnesses)"
_CLAIMANT = re.compile(
    rf"\b(?:[Aa]ccording\s+to|[Ii]n\s+the\s+(?:view|account|words)\s+of)\s+"
    rf"(?:(?:his|her|their|the)\s+(?:[a-z-]+\s+){{0,2}}?(?:{'|'.join(_ROLES + _RELATIONS)})\s+)?"
    rf"(?P<who>{_CAP}(?:\s+{_PARTICLE})?(?:\s+{_CAP}){{0,3}}|{_GROUP})(?=\s*(?:[,.;:)]|$|\s+(?:that|in|who)\b))"
)


_SAYS = re.compile(
    rf"(?<![\w'’])(?P<who>{_CAP}(?:\s+{_PARTICLE})?(?:\s+{_CAP}){{0,3}})\s+"
    r"(?:says|said|claims|claimed|argues|argued|writes|wrote|maintains|maintained|believes|believed)\b"
)
_REPORTED = re.compile(rf"\b(?:as\s+)?reported\s+by\s+(?P<who>(?:[Tt]he\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})")


def find_claimant(sentence: str) -> str | None:
    """Who the words say make their claim: "according to Pierre Broué", "according to some historians",
    "Orlov says", "as reported by The Times".

    Such a claim is the claimant's, not the article's (certainty "attributed"),
    and the claimant does not take part in the event. A draft asks it of the
    clause that holds the date first, so that in "According to Mary Lee, she
    wrote it in 1950, but Orlov says it was 1952" each date has its own claimant.
    """
    m = _CLAIMANT.search(sentence)
    if m is not None:
        who = " ".join(m["who"].split())
        return None if who.split()[0] in _NOT_NAMES else who
    reported = _REPORTED.search(sentence)
    if reported is not None:
        return " ".join(reported["who"].split())
    says = _SAYS.search(sentence)
    if says is not None and says["who"].split()[0] not in _NOT_NAMES and says["who"] not in ("He", "She", "They"):
        return " ".join(says["who"].split())
    return None
