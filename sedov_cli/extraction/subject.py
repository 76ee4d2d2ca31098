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
from dataclasses import dataclass, field, replace
from datetime import timedelta

from ..dates import birthday_in, parse_edtf
from .expressions import DAY, MONTH, find_dates, parse_point
from .layout import LEAD, Layout
from .names import find_life_dates, first_life_parenthesis, life_in, subject_from_sentence
from .people import INSTITUTION_WORDS, ROLES
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
    life_span: tuple[int, int] | None = None
    subtitle: tuple[int, int, str | None, str | None] | None = None
    """A subtitle under the name with the life dates ("American astronomer (1898–1990)"): the parenthesis's
    text offsets and its birth and death. They are the subject's, never a period; they fill in only what the
    lead, the infobox and the prose do not give (a subtitle gives years, the prose often days)."""
    """Where the text gives the life dates when no name stands right before them (text offsets): a line of
    life dates alone, or the lead's parenthesis after a pronunciation. Drafted as the birth and death only."""
    death_note: str | None = None
    """How the death was read when the text gives it only by an age ("died on Thursday at the age of 72")."""
    guessed: bool = False
    """The text names no subject where a biography does: the name is the one it gives most often."""
    born_named: bool = False
    other_birth: str | None = None
    """A birth the prose gives that the infobox's contradicts ("Born: 6 August 1910" against "was born on August 26,
    1910"): the infobox's stays the birth, and the summary says the two differ."""
    """The text names no subject where a biography does: the name is the one whose birth it tells first."""

    @property
    def places(self) -> list[str]:
        return [p for p in (self.birth_place, self.death_place) if p]


_BULLETS = "•-*»–·"
_INTRODUCES = re.compile(r"[^.]{0,400}?(?:\(|\b(?:was|is|were|are)\b)")
_BORN_IN_PROSE = re.compile(r"\b(?:was|is|were)\s+born\b|^Born\b|^[^,;:.()]{1,80}?\s*,\s+born\b")
"""'Keino was born on …', a lead's 'Born on June 16, 1971, in New York.', and the birth set beside the name the
sentence opens on: 'Per Berg, born on 4 May 1890, is a farmer'."""
_TITLE_YEARS = re.compile(r"[\s,]*[(\[]?\s*(?:c\.\s*|b\.\s*)?\d{3,4}\s*(?:[-–—]\s*(?:\d{3,4})?)?\s*[)\]]?\s*$")
_TITLE_ROLES = frozenset(w.casefold() for w in ROLES)
_DIED_IN_PROSE = re.compile(
    r"\b(?:died|passed\s+away)\b|^(?:Died|Passed\s+away)\b"
)  # "Died March 3rd, 1990 at 91 years old in …"
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

    "Emmy Noether | SNAC" is Emmy Noether, "Biography of Ann Lee" Ann Lee, and "Actor Rapper Tupac Shakur
    1971 - 1996" is Tupac Shakur.
    """
    folded = name.casefold()
    for word in ("from wikipedia", "wikipedia", "the free encyclopedia"):
        at = folded.find(word)
        if at > 0:
            name, folded = name[:at].strip(" ,-–—|"), folded[:at]
    if " | " in name:
        name = name.split(" | ", 1)[0]
    for dash in (" -- ", " — ", " – ", " - "):  # "Mary Lee -- Jamaica": the name, then what the page adds
        head, cut, _ = name.partition(dash)
        if cut and _is_name(head) and len(head.split()) > 1:
            name = head
            break
    head, comma, rest = name.partition(", ")
    if comma and _is_name(head) and len(head.split()) > 1 and re.search(r"\b[a-z]{3,}\b", rest):
        name = head  # "Wangari Maathai, political activist, died at 71": a headline after the name
    name = re.sub(r"\s*(?::\s*|\b)(?:[Bb]iography|[Bb]io|[Pp]rofile|[Ll]ife\s+[Ss]tory)\s*$", "", name)
    name = re.sub(r"^(?:(?:A|The)\s+)?(?:[Bb]iography|[Ll]ife|[Ss]tory|[Pp]rofile)\s+of\s+(?=[A-Z])", "", name)
    name = _TITLE_YEARS.sub("", name)
    name = re.sub(r"(?<=\w)\s*\([^()]{1,40}\)\s*$", "", name)  # "Edson Nascimento (Pele)": the name, not the alias
    words = name.split()
    while len(words) > 2 and words[0].casefold() in _TITLE_ROLES:
        words.pop(0)
    return " ".join(words).strip(" ,-–—|")


_FULL_NAME = re.compile(
    r"\b[A-Z][^\W\d_]+(?:[ \t]+(?:(?:de|da|von|van|of|du|la|le|bin|ibn)[ \t]+)?[A-Z][^\W\d_]+){1,3}"
)
"""A full name on one line: two words on two lines ("Haiti" above "Haitian") are not one name."""
_NOT_NAME_START = frozenset(
    ["The", "A", "An", "In", "On", "At", "By", "For", "From", "After", "Before", "During", "When", "While", "This",
     "That", "His", "Her"]
)  # fmt: skip


_HEADING_WORDS = frozenset(["About", "By", "Meet", "Introducing", "Remembering", "Celebrating"])
"""Words of a heading before the name it introduces: no name holds them."""
_PRONOUNS = frozenset(["I", "You", "He", "She", "It", "We", "They", "One"])
"""A sentence opening on a pronoun ("You are commenting using your account", a blog's comment form) names no one."""


def _most_named(texts: list[str]) -> str | None:
    """The full name the text gives most often, as a last resort for whose life it is."""
    from .gazetteer import is_known, names_a_kind_of_place

    counts: dict[str, int] = {}
    for words in texts[:200]:
        for m in _FULL_NAME.finditer(words):
            name = m.group()
            cuts = [i for i, w in enumerate(name.split()) if w in _HEADING_WORDS]
            if cuts:  # "A Little About Per Berg", a blog's heading: the name after its last heading word
                name = " ".join(name.split()[cuts[-1] + 1 :])
                if len(name.split()) < 2:
                    continue
            if name.split()[0] in _NOT_NAME_START:
                continue
            counts[name] = counts.get(name, 0) + 1
    # "Rio de Janeiro" twice is a place, "National Council of Women" an institution, and a name the text gives
    # once, its surname never again, is no one's life
    said = Counter(w.strip(".,;:!?'’()\"") for text in texts[:200] for w in text.split())
    counts = {
        n: c
        for n, c in counts.items()
        if (c >= 2 or said[n.split()[-1]] >= 2)
        and not is_known(n)
        and not names_a_kind_of_place(n)
        and not INSTITUTION_WORDS & set(n.split())
    }
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -texts[0].find(n) if n in texts[0] else 0))


_BORN_NAMED = re.compile(
    r"(?:\d{3,4}\s*[-–—:]\s*)?(?P<name>[A-Z][^\W\d_]+(?:[ \t]+(?:(?:de|da|von|van|of|du|la|le|bin|ibn)[ \t]+)?"
    r"[A-Z][^\W\d_]+){1,3})\s+(?:was|is)\s+born\b"
)
"""'Ernest Rutherford was born at …', '1820 - Ann Lee was born in …' (a timeline's row): a full name whose birth
a sentence opens on."""


def _born_named(texts: list[str]) -> str | None:
    """The full name of the first sentence that opens by telling someone's birth, when the text names its subject
    nowhere a biography does (no title line, no introducing first sentence): a biography tells its subject's birth
    before anyone else's, where the name it gives most may be a place or a company ("Spring Grove", "born at
    Spring Grove … the schoolteacher at Spring Grove")."""
    from .gazetteer import is_known

    for words in texts[:60]:
        m = _BORN_NAMED.match(words)
        if m is not None and m["name"].split()[0] not in _NOT_NAME_START and not is_known(m["name"]):
            return m["name"]
    return None


def _name_line(text: str, texts: list[str]) -> str | None:
    """A line near the top that is only a name, whose surname the prose keeps using: a profile page's
    "Toussaint Louverture" above prose that says "Louverture" throughout (and never the full name)."""
    from .gazetteer import is_known

    said = Counter(w.strip(".,;:!?'’()\"") for words in texts[:200] for w in words.split())
    for line in text[:4000].splitlines()[:40]:
        name = line.strip()
        if 2 <= len(name.split()) <= 4 and _is_name(name) and not is_known(name) and said[name.split()[-1]] >= 3:
            return name
    return None


_PLACE_WORDS = frozenset("in on at of near from to into the a an born died by".split())  # noqa: SIM905
"""Words before an opening name that make it a place ("Born in the village of Ihithe, …"), where
"Fashion designer Coco Chanel was …" opens with a description of the subject."""


def _recurs(name: str, texts: list[str], opened: int) -> bool:
    """Whether a word of the name comes back in another sentence: a subject is named again, a headline's
    opening word ("Dead, Wangari Muta Maathai on …") is not."""
    words = [w for w in name.split() if len(w) > 2] or name.split()
    if len(name.split()) > 1 or len(texts) < 3:
        return True  # a full name is a name; a text of two sentences has no room to name anyone again
    others = texts[:opened] + texts[opened + 1 : 200]
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", t) for w in words for t in others)


def _named_again(title: str, texts: list[str]) -> bool:
    """Whether the prose uses the title's last word, as it uses a subject's surname (or the one name
    of "Pelé"): a site's banner line names no one the text speaks of."""
    last = title.split()[-1].strip(".,;:'’\"()") if title.split() else ""
    if len(last) < 3:
        return True
    pattern = re.compile(rf"(?<!\w){re.escape(last)}(?!\w)")
    return any(pattern.search(t) for t in texts[:400])


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
    if not lead:  # a page whose first heading comes before any prose ("Summary of his life"): its first section
        lead = [i for i in range(min(len(texts), 8)) if texts[i][:1] not in _BULLETS]
    opening = None
    for i in lead[:5]:  # the first sentence that opens with a name and says who they were
        named = subject_from_sentence(texts[i]) or ""
        named = "" if named in _PRONOUNS else named
        opens = bool(named) and not _PLACE_WORDS & set(texts[i][: texts[i].find(named)].casefold().split())
        if opens and _INTRODUCES.match(texts[i], texts[i].find(named) + len(named)) and _recurs(named, texts, i):
            opening = named  # a name said again: "Dead, Wangari Muta Maathai on …, she was" opens with a headline
            lead = lead[lead.index(i) :]
            break
    if opening is None:  # a list page or a blog: the life opens under a heading ("Augusto Boal", "Painter (…)")
        for i in _section_openings(spans):
            named = subject_from_sentence(texts[i]) or ""
            if named and named not in _PRONOUNS and _INTRODUCES.match(texts[i], texts[i].find(named) + len(named)):
                opening = named
                lead = [j for j in range(i, len(spans)) if spans[j][0] == spans[i][0]]
                break
    opening = _clean(opening) if opening else None
    if opening and any(w.casefold() in _TITLE_ROLES or w in ("Who", "Which", "That") for w in opening.split()):
        opening = None  # "English Mathematician Who is Considered …": a description, not a name
    title = _clean(layout.title) if layout.title else None
    if title and any(word in title.casefold() for word in SITE_WORDS):
        title = None
    if title and (opening is None or len(opening.split()) == 1) and not _named_again(title, texts):
        # a blog's banner ("Dorset Ancestors Rotating Header Image") above the life's own title, which the
        # layout took for the first heading ("Mary Anning – Fossil Collector of Lyme Regis"), over prose
        # that calls her "Mary"
        heading = spans[0][0] if spans and spans[0][0] != LEAD else ""
        named = _clean(re.split(r"\s[–—:|-]\s", heading)[0]) if heading else ""
        if named and _is_name(named) and _named_again(named, texts) and (opening is None or opening in named.split()):
            title = named  # else the title stays: a short entry ("Berg, Ida") need not name her again
    chosen = override
    if chosen is None and title and _is_name(title):
        opening_text = texts[lead[0]] if lead else ""
        shares = opening is None or bool(set(title.split()) & set(opening.split())) or title in opening_text
        chosen = title if shares else opening
    chosen = chosen or opening or (title if title and _is_name(title) else None)
    guessed = born_named = False
    if not chosen:
        chosen = _born_named(texts)
        born_named = chosen is not None
    if not chosen:
        chosen, guessed = _most_named(texts) or _name_line(text, texts), True
    if not chosen:
        chosen = title  # a headline ("Runner Rono dies at 72") names no one the text names again
    if not chosen:
        raise NothingToDraft(
            "cannot tell whose life this is: the text has no title line, its first sentence does not open "
            "with a name, and no name recurs. Give one with --subject NAME"
        )
    who = Subject(name=chosen.strip(), guessed=guessed, born_named=born_named)
    if opening and opening != who.name:
        who.aliases.append(opening)
    tokens = name_tokens(who)
    _from_life_line(spans, texts, who)
    for number, i in enumerate(lead[:3]):
        if who.life is not None:
            break
        lives = find_life_dates(texts[i])
        if number == 0 and not lives:  # "Pelé (Brazilian Portuguese: [pe̞ˈlɛ]) (born on …)": the lead's own
            any_life = first_life_parenthesis(texts[i])
            lives = [replace(any_life, name=who.name)] if any_life is not None else []
            if any_life is not None:
                who.life_span = (spans[i][1] + any_life.start, spans[i][1] + any_life.end)
        for first, life in enumerate(lives):
            # The first parenthesis of the first sentence is the subject's, whatever the name before it
            # ("Lev Davidovich Bronstein (…), better known as Leon Trotsky"); later ones must share a name.
            if (number, first) == (0, 0) or tokens & set(life.name.split()):
                who.birth, who.death, who.life = life.birth, life.death, (life.birth, life.death)
                _, start, end = spans[i]
                who.birth_at = (start, end, "sentence") if life.birth else None
                who.death_at = (start, end, "sentence") if life.death else None
                if life.name != who.name and life.name not in who.aliases:
                    who.aliases.append(life.name)
                given = _BORN_AS.search(texts[i], max(0, life.start - 1), life.end)
                if given and given["name"] not in (who.name, *who.aliases):  # "(born Temüjin; c. 1162 – …)"
                    who.aliases.append(given["name"])
                break
        if who.life is not None:
            break
    _from_infobox(text, layout, who)
    if who.birth is None or who.death is None:
        _from_prose(spans, texts, who)
    if who.birth_at is not None and who.birth_at[2] == "infobox":
        _widest_birth(spans, texts, who)
    _finer_in_prose(spans, texts, who)
    _from_subtitle(text, spans, who)
    if who.death is None and who.birth is not None:
        _death_from_age(spans, texts, who)
    if who.birth_place is None:
        _birthplace_in_prose(texts, who)
    _called(texts, who)
    return who


_MONTH_AHEAD = r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
_PLACE_NAME = rf"{_MONTH_AHEAD}[A-Z][\w'’.-]*(?:\s(?:de\s|del\s|am\s|upon\s)?{_MONTH_AHEAD}[A-Z][\w'’.-]*){{0,3}}"
_BORN_IN = re.compile(
    rf"(?:^Born\s+(?:in|at)\s+(?P<fronted>{_PLACE_NAME})(?:,\s+{_PLACE_NAME})*,\s+(?P<who>[A-Z][\w'’-]*|he|she)\b"
    rf"|\b(?P<said>[A-Z][\w'’-]*|[Hh]e|[Ss]he)\s+was\s+born\s+(?:in|at)\s+(?P<place>{_PLACE_NAME}))"
)
"""'Born in Vienna, Austria, Lise Meitner was …', 'She was born in Mirfield': where, in a sentence that may
give no date (a dated one gives its place with the birth it dates)."""


def _birthplace_in_prose(texts: list[str], who: Subject) -> None:
    """The birthplace an early sentence gives in words, when no infobox line did: the first town named."""
    tokens = name_tokens(who)
    for words in texts[:20]:
        if "orn " not in words:
            continue
        m = _BORN_IN.search(words)
        if m is None:
            continue
        person = m["who"] or m["said"]
        if person.lower() in ("he", "she") or person in tokens:
            who.birth_place = m["fronted"] or m["place"]
            return


_CALLED = re.compile(
    r"(?:^|[;,]\s+)(?:(?:in\s+the\s+family|at\s+home|at\s+school|as\s+a\s+child)\s+)?(?:he|she)\s+was\s+"
    r"(?:also\s+|often\s+|always\s+)?"
    r"(?:called|known\s+as|nicknamed)\s+[\"“']?(?P<alias>[A-Z][a-z]{2,})[\"”']?(?=\s*[.;,]|\s+by\b)",
    re.IGNORECASE,
)
"""'In the family he was called Ern.': the name the text goes on to use for the subject ('when Ern was 11')."""


def _called(texts: list[str], who: Subject) -> None:
    """A name the first sentences say the subject went by, as an alias, when the sentence is about the subject
    (it opens on them, or on 'he' or 'she') and no one else's name comes before it."""
    tokens = name_tokens(who)
    for words in texts[:30]:
        opener = words.split(None, 1)[0] if words.strip() else ""
        if opener not in ("He", "She") and opener.rstrip(",'’s") not in tokens:
            continue
        m = _CALLED.search(words)
        if m is None or not m["alias"][0].isupper():
            continue
        alias = m["alias"]
        if alias not in who.aliases and alias not in who.name.split():
            who.aliases.append(alias)
        return


_DIED_AGED = re.compile(
    r"\b(?:died|passed\s+away)\b[^.;]{0,60}?\b(?:at\s+the\s+age\s+of|aged|at\s+age)\s+(?P<n>\d{1,3})\b(?!\s+(?:months?|weeks?|days?)\b)"
)


def _death_from_age(spans: list[tuple[str, int, int]], texts: list[str], who: Subject) -> None:
    """'Lee died on Thursday at the age of 72', with no date: the death, read from the birth and the age.

    Only in a sentence that opens on the subject and gives no year (a year would be the death's date, read as
    any other), and it is inferred, its note saying how."""
    tokens = name_tokens(who)
    birth = parse_edtf(who.birth or "").span
    if birth.earliest is None or birth.latest is None:
        return
    for i, words in enumerate(texts[:400]):
        opener = words.split(None, 1)[0] if words.strip() else ""
        if not (opener in ("He", "She", "They") or opener.rstrip(",") in tokens or words.startswith(who.name)):
            continue
        m = _DIED_AGED.search(words)
        if m is None or _OTHERS.search(words[: m.start()]) or re.search(r"\d{4}", words):
            continue
        n = int(m["n"])
        lo = birthday_in(birth.earliest, birth.earliest.year + n)
        hi = birthday_in(birth.latest, birth.latest.year + n + 1) - timedelta(days=1)
        _, start, end = spans[i]
        who.death, who.death_at = f"[{lo.isoformat()}..{hi.isoformat()}]", (start, end, "sentence")
        who.death_note = (f"The text gives the death by an age only ('{m.group()}'): age {n}, counted from the "
                          f"birth ({who.birth}).")  # fmt: skip
        return


def _finer_in_prose(spans: list[tuple[str, int, int]], texts: list[str], who: Subject) -> None:
    """Life dates given as years ('(1930–2013).') and a day the prose gives in that year ('was born … on
    November 16, 1930'): the day is the birth, the most precise statement of it, and the years restate it.
    (A death stays where the life dates give it: annotators count the prose's day as a claim of its own.)"""
    if who.birth is None or not re.fullmatch(r"\d{4}", who.birth):
        return
    probe = replace(who, aliases=list(who.aliases), birth=None, birth_at=None)
    _from_prose(spans, texts, probe)
    if probe.birth is not None and probe.birth.startswith(who.birth + "-"):
        who.birth, who.birth_at = probe.birth, probe.birth_at
        who.aliases.extend(a for a in probe.aliases if a not in who.aliases)


def _widest_birth(spans: list[tuple[str, int, int]], texts: list[str], who: Subject) -> None:
    """An infobox's 'Born: … 1820' against the prose's 'born in 1819 or 1820': the prose, which holds it.

    When the text's own sentence gives a birth that contains the infobox's and is wider, the wider is what the
    text knows; a narrower prose date does not overrule the infobox (the two may be one misprint apart)."""
    boxed, boxed_at, death, death_at = who.birth, who.birth_at, who.death, who.death_at
    who.birth = who.birth_at = None
    who.death, who.death_at = who.death or "", who.death_at  # the death is not looked for again
    _from_prose(spans, texts, who)
    prose, prose_at = who.birth, who.birth_at
    who.death, who.death_at = death, death_at
    who.birth, who.birth_at = boxed, boxed_at
    if prose is None or boxed is None:
        return
    if prose == boxed:  # the same day told in the prose: the article's sentence is the claim, the line its copy
        who.birth_at = prose_at
        return
    wide, narrow = parse_edtf(prose).span, parse_edtf(boxed).span
    if None in (wide.earliest, wide.latest, narrow.earliest, narrow.latest):
        return
    if wide.earliest <= narrow.earliest and narrow.latest <= wide.latest:
        who.birth, who.birth_at = prose, prose_at
    elif wide.latest < narrow.earliest or narrow.latest < wide.earliest:  # they cannot both be right: say so
        who.other_birth = prose


_BARE_LIFE = re.compile(r"\((?P<inner>[^()]{4,70})\)\.?")
_LIFE_LINE_MAX = 80
_LIFE_LINE_WORDS = 9
"""A line of life dates alone is short: '10 December 1815 – 27 November 1852'."""


def _from_life_line(spans: list[tuple[str, int, int]], texts: list[str], who: Subject) -> None:
    """Life dates on a line of their own before the prose, as a profile page sets them under the name.

    Only among the first sentences, before any that opens the prose, and only a line that is nothing but
    the two dates (or 'born …'): a range anywhere else is a period of the life."""
    for i, words in enumerate(texts[:4]):
        line = words.strip()
        if len(line) > _LIFE_LINE_MAX or len(line.split()) > _LIFE_LINE_WORDS:
            return  # the prose has begun: "Born on April 2, 1871, in Bergen, Nora Vik learned to draw" is a sentence
        bare = _BARE_LIFE.fullmatch(line)  # "(1930–2013)." as a line of its own, before the prose
        life = life_in(bare["inner"] if bare else line) if ";" not in line else None
        if life is None:
            _subtitle(line, spans[i][1] + len(words) - len(words.lstrip()), who)
            continue
        birth, death = life
        who.birth, who.death, who.life = birth, death, (birth, death)
        _, start, end = spans[i]
        who.birth_at = (start, end, "sentence") if birth else None
        who.death_at = (start, end, "sentence") if death else None
        who.life_span = (start, end)
        return


_SUBTITLE = re.compile(r"[*_\s]*(?P<what>[A-Z][^\d()*_.;:!?]{0,60}?)\s*\((?P<inner>[^()]{4,60})\)[*_\s.]*", re.DOTALL)
_GLUED_LIFE = re.compile(r"(?P<b>1\d{3}|20\d\d)(?P<d>1\d{3}|20\d\d)")
"""'18351919': a life's two years whose dash a copy lost."""
_VERB = re.compile(r"\b(?:is|was|were|are|has|had|born|died)\b", re.IGNORECASE)


def _subtitle(line: str, at: int, who: Subject) -> None:
    """'American astronomer (1898–1990)' or 'Philanthropist (18351919)' under the name: the subject's life dates."""
    m = _SUBTITLE.fullmatch(line)
    if m is None or who.subtitle is not None or len(m["what"].split()) > 6 or _VERB.search(m["what"]):
        return
    inner = m["inner"].strip()
    glued = _GLUED_LIFE.fullmatch(inner)
    life = life_in(f"{glued['b']}–{glued['d']}" if glued else inner)
    if life is None:
        return
    who.subtitle = (at + m.start("inner") - 1, at + m.end("inner") + 1, life[0], life[1])


def _from_subtitle(text: str, spans: list[tuple[str, int, int]], who: Subject) -> None:
    """Fill in the birth or death that nothing else gave from a subtitle's life dates.

    The subtitle is a sentence of the lead, or, set as a short line alone, the heading the first sentences
    stand under or a banner above them ("Philanthropist (18351919)"): then it is quoted as its own line, as an
    infobox line is."""
    kind = "sentence"
    if who.subtitle is None and spans:  # a line above the first sentence, read as a heading or a banner
        at = 0
        for raw in text[: spans[0][1]].splitlines(keepends=True)[:12]:
            if len(raw) <= _LIFE_LINE_MAX:
                _subtitle(raw.rstrip("\r\n"), at, who)
            if who.subtitle is not None:
                kind = "infobox"
                break
            at += len(raw)
    if who.subtitle is None:
        return
    start, _, birth, death = who.subtitle
    if kind == "infobox":
        line: tuple[int, int] | None = (text.rfind("\n", 0, start) + 1, text.find("\n", start) % (len(text) + 1))
    else:
        line = next(((a, b) for _, a, b in spans if a <= start < b), None)
    if line is None:
        return
    if who.birth is None and birth is not None:
        who.birth, who.birth_at = birth, (line[0], line[1], kind)
    if who.death is None and death is not None:
        who.death, who.death_at = death, (line[0], line[1], kind)


_CLOSED = re.compile(r"\[[^.\[\]]+\.\.[^.\[\]]+\]")
"""'[1368..1369]' ('Died: 1368 or 1369'): a day known to lie between two, both given; not '[..1930]'."""


def _from_infobox(text: str, layout: Layout, who: Subject) -> None:
    """'Born: 23 March 1882, Erlangen', 'Died | 14 April 1935 (aged 53) Bryn Mawr': dates and places."""
    for item in layout.infobox:
        which = LIFE_KEYS.get(item.key)
        if which is None:
            continue
        value = text[item.value_start : item.value_end]
        mentions, _ = find_dates(value)
        point = next((m for m in mentions if not m.period and ("[" not in m.edtf or _CLOSED.fullmatch(m.edtf))), None)
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
    place = re.split(r"\s[-–—]\s", m.group(), maxsplit=1)[0].strip()  # "Lund - Died …": the next field's
    if not place[:1].isupper() or len(place.split()) > 5:
        return None
    return place


_HEADER_LIFE = re.compile(
    r"(?P<which>born|died|BORN|DIED|(?<=\s-\s)Died)\s+(?=(?:[A-Z][a-z]{2,8}\.?\s+)?\d)|^(?P<first>Born)\s+(?=\d{1,2}\s+[A-Z])"
)
"""'born July 28, 1902, Hermannsburg … died Aug. 8, 1959': an encyclopedia entry's header, words glued or not, and
in capitals ('BORN 27 Dec 1571, Weil - DIED 15 Nov 1630, Regensburg')."""


def _from_header(spans: list[tuple[str, int, int]], texts: list[str], who: Subject) -> None:
    """The life dates an entry's header line gives before its prose ('painterborn July 28, 1902, …')."""
    for i, words in enumerate(texts[:3]):
        if words.split(None, 1)[0:1] in (["He"], ["She"], ["They"]):
            continue
        for m in _HEADER_LIFE.finditer(words):
            which = "birth" if (m["which"] or m["first"]).lower() == "born" else "death"
            if getattr(who, which) is not None:
                continue
            point = next((x for x in find_dates(words[m.end() : m.end() + 40])[0] if x.start == 0 and not x.period),
                         None)  # fmt: skip
            if point is None:
                continue
            _, start, end = spans[i]
            setattr(who, which, point.edtf)
            setattr(who, f"{which}_at", (start, end, "sentence"))
            if getattr(who, f"{which}_place") is None:  # "DIED 15 Nov 1630, Regensburg": the place after the date
                place = _place_after(words[m.end() : m.end() + 120].split("\n", 1)[0], point.end)  # its own line
                label = re.search(r"\s[A-Z]{2,}\b", place or "")  # "Paris REAL NAME …": the header's next label
                setattr(who, f"{which}_place", place[: label.start()] if place and label else place)


_BORN_AS = re.compile(r"\((?:[^;()]*;\s*)*?(?:born|née|nee)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*;")
"""The name a life-date parenthesis gives at birth ('(born Temüjin; c. 1162 – August 1227)'): an alias."""
_TIMELINE_LIFE = re.compile(
    rf"(?P<y>1\d{{3}}|20\d{{2}}):?\s+(?P<which>Born|Died|Dies)\b(?:\s+on)?(?:\s+(?P<day>{MONTH}\s+{DAY}|{DAY}\s+{MONTH}))?"
    r"(?![\w,]*\s*\d{4})"
)
"""A timeline's line for the birth or death: the year first, then the day ('1913 Born September 12 in …')."""
_ROW_YEAR = re.compile(r"(?P<y>1\d{3}|20\d{2})\s*[-–—:]\s+")
"""A timeline row's year before its text ('1838 - Ann Lee was born'), which dates the row."""
_DESCRIPTION = re.compile(
    r"(?:(?:The|the)\s+(?:[A-Z][a-z]+\s+)?[a-z]+|[A-Z][a-z]+|[a-z]+)(?:[\s-]+(?:and\s+)?[a-z]+){0,4}\s+"
)
_ASIDE_AT_END = re.compile(r"\([^()]{0,300}\)$")
_LEADING_DATES = re.compile(
    r"^(?:\d{1,4}\s+|(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+|[–—-]\s+)+"
)
"""'Fashion designer ', 'Industrialist and philanthropist ', 'The Venezuelan revolutionary ': words that
describe the name after them."""
_OTHERS = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\b")


def _described(before: str, names: list[str]) -> bool:
    """'Fashion designer Coco Chanel was born …': the subject's whole name, after words that say what they were.

    The whole name, and nothing but lower-case description before it: "Her son Ivan Lee was born" in a
    life of Ann Lee is not her birth, and "his" or "her" before the name says it is someone else's."""
    head = before.rstrip()
    aside = _ASIDE_AT_END.search(head) if head.endswith(")") else None
    if aside is not None:  # "Ann Lee (whose full name is …) was born"
        head = head[: aside.start()].rstrip()
    for name in names:
        if head.endswith(name):
            description = _LEADING_DATES.sub("", head[: -len(name)])  # life dates run into the sentence
            if description == "" or (_DESCRIPTION.fullmatch(description) and not _OTHERS.search(description)):
                return True
            given = _GIVEN_AFTER_PHRASE.search(description)
            if given is not None and not _OTHERS.search(description):  # "The eldest of six children, Ann Lee was"
                return True
            if _FULLER_NAME.fullmatch(description) and (
                len(name.split()) == 1 or description.startswith(name.split()[0])
            ):
                return True  # "Jalal ud-din Muhammad Akbar was born" in a life of Akbar: the name in full; but
                # "Ivan Lee was born" in a life of Ann Lee is not hers
    return False


_FULLER_NAME = re.compile(r"(?:(?:[A-Z][\w'’.]*(?:-[a-z]+)?|[a-z]{1,3}-[a-z]{2,5}|de|da|van|von|bin|ibn|al)\s+){1,5}")
"""The given names and particles before the name the text calls the subject by: 'Jalal ud-din Muhammad '."""


_GIVEN_AFTER_PHRASE = re.compile(r",\s+(?:[A-Z][\w'’-]+\s+){0,3}$")
"""A phrase before the name that ends at a comma, and the given names before the surname the text calls
the subject by: 'The fifth of six children of Per and Kari Lee, Ann Lee was born …'."""


_OBITUARY_OPENING = re.compile(r"(?:Passed\s+away|Died)\s+(?:peacefully|suddenly|unexpectedly|quietly|at|in|on)\b")
"""An obituary's first words, with no subject: the death of the person the page is about."""


def _from_prose(spans: list[tuple[str, int, int]], texts: list[str], who: Subject) -> None:
    """'Keino was born on 17 January 1940': a birth (or death) in a sentence about the subject."""
    _from_header(spans, texts, who)
    if who.birth is not None and who.death is not None:
        return
    tokens = name_tokens(who)
    names = [n for n in (who.name, *who.aliases) if n]
    for i, words in enumerate(texts[:400]):
        timeline = _TIMELINE_LIFE.match(words)
        if timeline is not None:  # "1913 Born September 12 in Danville": the line's year and the day after it
            which = "birth" if timeline["which"].lower() == "born" else "death"
            if getattr(who, which) is None:
                day = timeline["day"]
                point = parse_point(f"{day} {timeline['y']}") if day else timeline["y"]
                setattr(who, which, point)
                setattr(who, f"{which}_at", (spans[i][1], spans[i][2], "sentence"))
            continue
        opener = words.split(None, 1)[0] if words.strip() else ""
        about = opener in ("He", "She", "They") or opener.rstrip(",") in tokens or words.startswith(who.name)
        about = about or (opener in ("Born", "Died") and i < 10)  # a lead that says "Born on June 16, 1971, in …"
        # an obituary's opening, whose subject is the page's: "Passed away peacefully at … on January 7, 2020"
        about = about or (i < 10 and _OBITUARY_OPENING.match(words) is not None)
        if not about and (who.name not in words or "born" not in words):
            continue
        for pattern, which in ((_BORN_IN_PROSE, "birth"), (_DIED_IN_PROSE, "death")):
            if getattr(who, which) is not None:
                continue
            m = pattern.search(words)
            if m is None or not (about or _described(words[: m.start()], names)):
                continue
            if _OTHERS.search(re.split(r"[,;:]", words[: m.start()])[-1]):
                continue  # "…, her husband died in October 1844": someone else's death in a sentence about her
            if not about:  # "…, Ann Lee was born": the whole name, given names and all, is hers
                tail = words[: m.start()].rstrip().rsplit(", ", 1)[-1]
                if tail not in names and all(w[:1].isupper() for w in tail.split()) and len(tail.split()) <= 4:
                    who.aliases.append(tail)
            about = True  # "Fashion designer Coco Chanel was born on …, and died on …": the death is hers too
            mentions, _ = find_dates(words[m.end() :])
            point = next((x for x in mentions if not x.period), None)
            row = _ROW_YEAR.match(words) if point is None else None
            if row is not None and m.start() < 80:  # "1838 - Ann Lee was born in Oslo": the timeline row's year
                _, start, end = spans[i]
                setattr(who, which, row["y"])
                setattr(who, f"{which}_at", (start, end, "sentence"))
                continue
            if point is None or point.start > 80:
                continue
            _, start, end = spans[i]
            setattr(who, which, point.edtf)
            setattr(who, f"{which}_at", (start, end, "sentence"))
        if who.birth is not None and who.death is not None:
            return
