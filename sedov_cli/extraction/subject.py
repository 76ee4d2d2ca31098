"""Whose life it is: the subject's name, life dates and birthplace, from wherever the text gives them.

A biography names its subject in its title line ("Emmy Noether"), in the name
its first sentence opens with ("Amalie Emmy Noether (23 March 1882 – 14 April
1935) was …"), or in its infobox. Life dates come from the lead's first
parenthesis in any of the shapes pages use, else from ``Born``/``Died``
infobox lines, else from a sentence about the subject ("Keino was born on 17
January 1940"). A living subject simply has no death.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .expressions import find_dates
from .layout import LEAD, Layout
from .names import find_life_dates, subject_from_sentence
from .people import ROLES
from .problems import NothingToDraft
from .tables import LIFE_KEYS, SITE_WORDS

__all__ = ["Subject", "find_subject", "name_tokens"]

Where = tuple[int, int, str]  # (start, end, "sentence" or "infobox") in the text


@dataclass
class Subject:
    name: str
    aliases: list[str] = field(default_factory=list)
    birth: str | None = None
    death: str | None = None
    birth_at: Where | None = None
    death_at: Where | None = None
    life: tuple[str | None, str | None] | None = None  # the life-date parenthesis of the lead, as read
    birth_place: str | None = None
    death_place: str | None = None
    guessed: bool = False
    """The text names no subject where a biography does: the name is the one it gives most often."""

    @property
    def places(self) -> list[str]:
        return [p for p in (self.birth_place, self.death_place) if p]


_BULLETS = "•-*»–·"
_INTRODUCES = re.compile(r"[^.]{0,400}?(?:\(|\b(?:was|is|were|are)\b)")
_BORN_IN_PROSE = re.compile(r"\b(?:was|is|were)\s+born\b|^Born\b")  # "Born on June 16, 1971, in New York."
_TITLE_YEARS = re.compile(r"[\s,]*[(\[]?\s*(?:c\.\s*|b\.\s*)?\d{3,4}\s*(?:[-–—]\s*(?:\d{3,4})?)?\s*[)\]]?\s*$")
_TITLE_ROLES = frozenset(w.casefold() for w in ROLES)
_DIED_IN_PROSE = re.compile(r"\b(?:died|passed\s+away)\b|^Died\b")  # "Died March 3rd, 1990 at 91 years old in …"
_PLACE_VALUE = re.compile(r"[^\W\d_][^,;()\[\]|\d]{1,60}")


def _is_name(title: str) -> bool:
    """'Emmy Noether' is a name; 'Indira Gandhi's assassination shocks India' is a headline."""
    words = title.split()
    if not 1 <= len(words) <= 6 or any(ch in title for ch in ':!?"“'):
        return False
    small = {"de", "da", "van", "von", "of", "the", "la", "le", "du", "bin", "ibn", "al", "y", "del", "der"}
    return all(w[0].isupper() or w in small for w in words)


def _clean(name: str) -> str:
    """A title line as a name: without the site's words, a site after " | ", life years or leading roles.

    "Emmy Noether | SNAC" is Emmy Noether, and "Actor Rapper Tupac Shakur 1971 - 1996" is Tupac Shakur.
    """
    folded = name.casefold()
    for word in ("from wikipedia", "wikipedia", "the free encyclopedia"):
        at = folded.find(word)
        if at > 0:
            name, folded = name[:at].strip(" ,-–—|"), folded[:at]
    if " | " in name:
        name = name.split(" | ", 1)[0]
    name = _TITLE_YEARS.sub("", name)
    words = name.split()
    while len(words) > 2 and words[0].casefold() in _TITLE_ROLES:
        words.pop(0)
    return " ".join(words).strip(" ,-–—|")


_FULL_NAME = re.compile(r"\b[A-Z][^\W\d_]+(?:\s+(?:de|da|von|van|of|du|la|le|bin|ibn)?\s*[A-Z][^\W\d_]+){1,3}")
_NOT_NAME_START = frozenset(
    ["The", "A", "An", "In", "On", "At", "By", "For", "From", "After", "Before", "During", "When", "While", "This",
     "That", "His", "Her"]
)  # fmt: skip


def _most_named(texts: list[str]) -> str | None:
    """The full name the text gives most often, as a last resort for whose life it is."""
    from .gazetteer import is_known, names_a_kind_of_place

    counts: dict[str, int] = {}
    for words in texts[:200]:
        for m in _FULL_NAME.finditer(words):
            name = m.group()
            if name.split()[0] in _NOT_NAME_START:
                continue
            counts[name] = counts.get(name, 0) + 1
    # "Rio de Janeiro" twice is a place, and a name the text gives once, its surname never again, is no one's life
    said = Counter(w.strip(".,;:!?'’()\"") for text in texts[:200] for w in text.split())
    counts = {
        n: c
        for n, c in counts.items()
        if (c >= 2 or said[n.split()[-1]] >= 2) and not is_known(n) and not names_a_kind_of_place(n)
    }
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -texts[0].find(n) if n in texts[0] else 0))


def _section_openings(spans: list[tuple[str, int, int]]) -> list[int]:
    """The first sentence of each of the first few sections after the lead."""
    firsts: list[int] = []
    for i, (section, _, _) in enumerate(spans):
        if section != LEAD and (i == 0 or spans[i - 1][0] != section):
            firsts.append(i)
            if len(firsts) == 3:
                break
    return firsts


def name_tokens(subject: Subject) -> set[str]:
    return {w for name in (subject.name, *subject.aliases) for w in name.split() if len(w) > 2}


def find_subject(
    text: str,
    layout: Layout,
    spans: list[tuple[str, int, int]],
    texts: list[str],
    override: str | None,
) -> Subject:
    """The subject, and the first place the text dates their birth and death."""
    lead = [i for i, (section, _, _) in enumerate(spans) if section == LEAD and texts[i][:1] not in _BULLETS]
    opening = None
    for i in lead[:5]:  # the first sentence that opens with a name and says who they were
        named = subject_from_sentence(texts[i])
        if named and _INTRODUCES.match(texts[i], texts[i].find(named) + len(named)):
            opening = named
            lead = lead[lead.index(i) :]
            break
    if opening is None:  # a list page or a blog: the life opens under a heading ("Augusto Boal", "Painter (…)")
        for i in _section_openings(spans):
            named = subject_from_sentence(texts[i])
            if named and _INTRODUCES.match(texts[i], texts[i].find(named) + len(named)):
                opening = named
                lead = [j for j in range(i, len(spans)) if spans[j][0] == spans[i][0]]
                break
    opening = _clean(opening) if opening else None
    if opening and any(w.casefold() in _TITLE_ROLES or w in ("Who", "Which", "That") for w in opening.split()):
        opening = None  # "English Mathematician Who is Considered …": a description, not a name
    title = _clean(layout.title) if layout.title else None
    if title and any(word in title.casefold() for word in SITE_WORDS):
        title = None
    chosen = override
    if chosen is None and title and _is_name(title):
        opening_text = texts[lead[0]] if lead else ""
        shares = opening is None or bool(set(title.split()) & set(opening.split())) or title in opening_text
        chosen = title if shares else opening
    chosen = chosen or opening or (title if title and _is_name(title) else None)
    guessed = False
    if not chosen:
        chosen, guessed = _most_named(texts), True
    if not chosen:
        chosen = title  # a headline ("Runner Rono dies at 72") names no one the text names again
    if not chosen:
        raise NothingToDraft(
            "cannot tell whose life this is: the text has no title line, its first sentence does not open "
            "with a name, and no name recurs. Give one with --subject NAME"
        )
    who = Subject(name=chosen.strip(), guessed=guessed)
    if opening and opening != who.name:
        who.aliases.append(opening)
    tokens = name_tokens(who)
    for number, i in enumerate(lead[:3]):
        for first, life in enumerate(find_life_dates(texts[i])):
            # The first parenthesis of the first sentence is the subject's, whatever the name before it
            # ("Lev Davidovich Bronstein (…), better known as Leon Trotsky"); later ones must share a name.
            if (number, first) == (0, 0) or tokens & set(life.name.split()):
                who.birth, who.death, who.life = life.birth, life.death, (life.birth, life.death)
                _, start, end = spans[i]
                who.birth_at = (start, end, "sentence") if life.birth else None
                who.death_at = (start, end, "sentence") if life.death else None
                if life.name != who.name and life.name not in who.aliases:
                    who.aliases.append(life.name)
                break
        if who.life is not None:
            break
    _from_infobox(text, layout, who)
    if who.birth is None or who.death is None:
        _from_prose(spans, texts, who)
    return who


def _from_infobox(text: str, layout: Layout, who: Subject) -> None:
    """'Born: 23 March 1882, Erlangen', 'Died | 14 April 1935 (aged 53) Bryn Mawr': dates and places."""
    for item in layout.infobox:
        which = LIFE_KEYS.get(item.key)
        if which is None:
            continue
        value = text[item.value_start : item.value_end]
        mentions, _ = find_dates(value)
        point = next((m for m in mentions if not m.period and "[" not in m.edtf), None)
        place = _place_after(value, point.end if point else 0)
        if place is None and item.more is not None:
            place = _place_after(text[item.more[0] : item.more[1]], 0)
        if which == "birth":
            who.birth_place = who.birth_place or place
            if who.birth is None and point is not None:
                who.birth, who.birth_at = point.edtf, (item.line_start, item.line_end, "infobox")
        else:
            who.death_place = who.death_place or place
            if who.death is None and point is not None:
                who.death, who.death_at = point.edtf, (item.line_start, item.line_end, "infobox")


def _place_after(value: str, at: int) -> str | None:
    """The first capitalised words after the date in an infobox value: its town ('Erlangen, Bavaria')."""
    rest = re.sub(r"\(\s*(?:aged|age)[^)]*\)|\(\d{4}-\d\d-\d\d\)|\[\w{1,3}\]", " ", value[at:])
    m = _PLACE_VALUE.search(rest)
    if m is None:
        return None
    place = m.group().strip()
    if not place[:1].isupper() or len(place.split()) > 5:
        return None
    return place


_HEADER_LIFE = re.compile(r"(?P<which>born|died)\s+(?=(?:[A-Z][a-z]{2,8}\.?\s+)?\d)")
"""'born July 28, 1902, Hermannsburg … died Aug. 8, 1959': an encyclopedia entry's header, words glued or not."""


def _from_header(spans: list[tuple[str, int, int]], texts: list[str], who: Subject) -> None:
    """The life dates an entry's header line gives before its prose ('painterborn July 28, 1902, …')."""
    for i, words in enumerate(texts[:3]):
        if words.split(None, 1)[0:1] in (["He"], ["She"], ["They"]):
            continue
        for m in _HEADER_LIFE.finditer(words):
            which = "birth" if m["which"] == "born" else "death"
            if getattr(who, which) is not None:
                continue
            point = next((x for x in find_dates(words[m.end() : m.end() + 40])[0] if x.start == 0 and not x.period),
                         None)  # fmt: skip
            if point is None:
                continue
            _, start, end = spans[i]
            setattr(who, which, point.edtf)
            setattr(who, f"{which}_at", (start, end, "sentence"))


def _from_prose(spans: list[tuple[str, int, int]], texts: list[str], who: Subject) -> None:
    """'Keino was born on 17 January 1940': a birth (or death) in a sentence about the subject."""
    _from_header(spans, texts, who)
    if who.birth is not None and who.death is not None:
        return
    tokens = name_tokens(who)
    for i, words in enumerate(texts[:400]):
        opener = words.split(None, 1)[0] if words.strip() else ""
        about = opener in ("He", "She", "They") or opener.rstrip(",") in tokens or words.startswith(who.name)
        about = about or (opener in ("Born", "Died") and i < 10)  # a lead that says "Born on June 16, 1971, in …"
        if not about:
            continue
        for pattern, which in ((_BORN_IN_PROSE, "birth"), (_DIED_IN_PROSE, "death")):
            if getattr(who, which) is not None:
                continue
            m = pattern.search(words)
            if m is None:
                continue
            mentions, _ = find_dates(words[m.end() :])
            point = next((x for x in mentions if not x.period), None)
            if point is None or point.start > 80:
                continue
            _, start, end = spans[i]
            setattr(who, which, point.edtf)
            setattr(who, f"{which}_at", (start, end, "sentence"))
        if who.birth is not None and who.death is not None:
            return
