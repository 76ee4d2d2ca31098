"""Who and where: the subject, people with life dates, and places after a preposition.

Names are read only where the text marks them. A person enters the people
index when a life-date parenthesis follows the name ("Zakhar Moglin
(1897–1937)"); a place is a capitalised name after a preposition of place
("in Paris", "moved to Berlin"). Nothing is looked up or guessed: a name
without those marks is left as text for a reader to link.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ..dates import parse_edtf
from .expressions import DAY, MONTH, POINT, QUALIFIER, parse_point

__all__ = [
    "LifeDates",
    "find_life_dates",
    "find_places",
    "first_life_parenthesis",
    "life_in",
    "slug",
    "subject_from_sentence",
]

_PARTICLE_WORDS = "von|van|de|der|den|da|di|du|le|la|del|della|dos|bin|ibn|al|ter|ten|y|zu"
_PARTICLES = rf"(?:{_PARTICLE_WORDS})"
_NAME = rf"(?:[^\W\d_][\w'’-]*\.?(?:\s+{_PARTICLES})?\s+){{0,5}}[^\W\d_][\w'’-]*"
_MARKS = r"(?:\[(?:\d{1,3}|[a-z]|note \d{1,3})\])*"
"""Citation markers a copied page leaves after a name ("Genghis Khan[a] (born Temüjin; c. 1162 – August 1227)")."""
_LIFE = re.compile(rf"(?P<name>{_NAME}){_MARKS}\s*,?\s*\((?P<inner>(?:[^()]|\([^()]{{0,40}}\)){{4,300}})\)")
"""A name and its parenthesis, which may hold one level of its own ("(Hindi: … (listen); née Nehru; 19 November
1917 – 31 October 1984)"), each character matched one way only, so that it stays linear."""
_DASH = r"\s*(?:–|—|‒|-{1,2}|to)\s*"
_FULL_POINT = rf"{QUALIFIER}?(?:{POINT})"
_PLACE_AFTER = r"(?:,?\s*[^\W\d_][^–—;,()]*?)?"  # "(4 March 1890, Hamburg – 9 June 1944, Berlin)", or no comma
_OR = r"(?:,?\s+or\s+(?P<{}>{}|\d{{2}}(?![\d\w])))?"
"""'1368 or 1369': either year, a range of the two (the text knows no more)."""
_DAY_OR = r"(?:(?P<{0}>{1})\s+or\s+(?=(?P<{0}_day>{1})\s+{2}))?"
"""'3 or 4 March 1368': the first day, before the point that gives the second."""
_LIFE_RANGE = re.compile(
    rf"^(?:(?:born|b\.)\s*)?{_DAY_OR.format('b_day_or', DAY, MONTH)}(?P<b>{_FULL_POINT})"
    rf"{_OR.format('b_or', _FULL_POINT)}{_PLACE_AFTER}{_DASH}"
    rf"{_DAY_OR.format('d_day_or', DAY, MONTH)}(?P<d>{_FULL_POINT}){_OR.format('d_or', _FULL_POINT)}{_PLACE_AFTER}\s*$",
    re.IGNORECASE,
)
_BORN = re.compile(
    rf"^(?:born|b\.)\s*(?:on\s+|in\s+)?(?:(?P<b_or>{DAY})\s+or\s+(?=(?P<b_day>{DAY})\s+{MONTH}))?(?P<b>{_FULL_POINT})\b",
    re.IGNORECASE,
)
"""'(born 17 January 1940)', and '(born on 21 or 23 October 1940)': either day, a range of the two."""
_DIED = re.compile(rf"^(?:died|d\.)\s*(?:on\s+|in\s+)?(?P<d>{_FULL_POINT})\b", re.IGNORECASE)
_OPEN_LIFE = re.compile(rf"^(?P<b>{_FULL_POINT})\s*[-–—]\s*(?:present\b)?\s*$", re.IGNORECASE)
"""'(1945– )', '(1945–present)': a living subject's life dates, the birth alone."""
_DIED_LATER = re.compile(rf"[,;]\s*(?:died|d\.)\s*(?:on\s+|in\s+)?(?P<d>{_FULL_POINT})\b", re.IGNORECASE)
"""'(b. 22 November 1861 at Amparibe, d. 23 May 1917)': the death after the birth and its place."""
_OLD_STYLE_ASIDE = re.compile(r"(?<!\s)\s*\[\s*(?:O\.\s?S\.|Old Style|OS)[^\]]*\]")
_FOUR_DIGITS = re.compile(r"\d{4}")
_NATIVE = re.compile(r"^\s*(?:\[[^\]]{1,20}\]\s*){0,6}[A-Z][\w ]{1,30}:")
"""'[1][2] Marathi:', 'Hindi:': a native spelling after the life dates, the language named first."""
_TRAILING_MARKS = re.compile(r"(?<=\d)(?:\[[^\]\s]{1,20}\])+$")
"""'1858[1][2]': citation markers after the last date of a life."""
_AGED = re.compile(r"[;,]\s*(?:aged|age)\s+\d{1,3}\s*$")
_LEADING_WORDS = frozenset(
    """the a an in on at of to from by for with and but or as after before during when while then later
    meanwhile his her their its this that these those he she they it we our my your born died also
    however although though since until because if so thus there here some many most both each every""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class LifeDates:
    """A name followed by its life dates, with where the dates sit in the sentence."""

    name: str
    birth: str | None
    death: str | None
    start: int  # the parenthesis, in sentence offsets
    end: int


def _clean_name(raw: str, of: bool = False) -> str | None:
    words = raw.split()
    while words and (words[0].lower() in _LEADING_WORDS or not words[0][0].isupper()):
        words.pop(0)
    # keep the last run of capitalised words (particles allowed inside it)
    run: list[str] = []
    for word in reversed(words):
        if word[0].isupper() or (run and (re.fullmatch(_PARTICLES, word) or (of and word == "of"))):
            run.insert(0, word)
        else:
            break
    while run and (re.fullmatch(_PARTICLES, run[0]) or run[0] == "of"):
        run.pop(0)
    if not run or re.fullmatch(MONTH, run[-1]):
        return None
    return " ".join(run)


def _point(text: str) -> str:
    text = text.strip()
    qualified = re.match(QUALIFIER, text, re.IGNORECASE)
    if qualified:
        return parse_point(text[qualified.end() :]) + "~"
    return parse_point(text)


def _either_day(point: str, day: str, other_day: str) -> str:
    """'21 or 23 October 1940': from the one day to the other (``point`` holds ``day``; the other replaces it)."""
    one, other = _point(point), _point(point.replace(day, other_day, 1))
    return f"[{min(one, other)}..{max(one, other)}]" if other != one else one


def _either(point: str, other: str | None) -> str:
    """One point, or the range from the earlier of two to the later ('1368 or 1369' is [1368..1369])."""
    first = _point(point)
    if other is not None and re.fullmatch(r"\d{2}", other) and re.fullmatch(r"\d{4}", first):
        other = f"{int(first) // 100 * 100 + int(other) + (100 if int(other) <= int(first) % 100 else 0)}"
    if other is None or not _FOUR_DIGITS.search(other):
        return first
    second = _point(other)
    if first == second:
        return first
    low, high = sorted((first, second), key=lambda edtf: parse_edtf(edtf).span.earliest or date.min)
    return f"[{low}..{high}]"


def life_in(words: str) -> tuple[str | None, str | None] | None:
    """The birth and death a life-date parenthesis gives ('…; 24 February 1906 – 16 February 1938'), or None.

    The words are what stands inside the parenthesis, or a line that is nothing but life dates ("10 December
    1815 – 27 November 1852" under a title)."""
    words = _AGED.sub("", words)  # "(7 November 1867 – 4 July 1934; aged 66)": the age at death is not a date
    parts = words.rsplit(";", 2)
    if len(parts) > 1 and not _FOUR_DIGITS.search(parts[-1]) and _NATIVE.match(parts[-1]):
        words = ";".join(parts[:-1])  # "(19 November 1828 – 18 June 1858;[1] Marathi: …)": the native name after
    inner = _OLD_STYLE_ASIDE.sub("", words.rsplit(";", 1)[-1]).strip()  # life dates are New Style
    inner = _TRAILING_MARKS.sub("", inner)
    birth = death = None
    life = _LIFE_RANGE.match(inner)
    if life and _FOUR_DIGITS.search(life["b"]) and _FOUR_DIGITS.search(life["d"]):
        birth, death = _either(life["b"], life["b_or"]), _either(life["d"], life["d_or"])
        if life["b_day_or"]:  # "3 or 4 March 1368"
            birth = _either_day(life["b"], life["b_day_or_day"], life["b_day_or"])
        if life["d_day_or"]:
            death = _either_day(life["d"], life["d_day_or_day"], life["d_day_or"])
    elif born := _BORN.match(inner):
        birth = _point(born["b"])
        if born["b_or"]:  # "21 or 23 October 1940"
            birth = _either_day(born["b"], born["b_day"], born["b_or"])
        later = _DIED_LATER.search(inner, born.end())
        if later and _FOUR_DIGITS.search(later["d"]):
            death = _point(later["d"])
    elif died := _DIED.match(inner):
        death = _point(died["d"])
    elif living := _OPEN_LIFE.match(inner):
        birth = _point(living["b"])
    else:
        return None
    born_year = int(birth.lstrip("[")[:4]) if birth else None
    if born_year is not None and death and not 0 <= int(death.lstrip("[")[:4]) - born_year <= 125:
        return None  # not a lifetime: a span of something else
    return birth, death


def find_life_dates(sentence: str) -> list[LifeDates]:
    """Every 'Name (1897–1937)', 'Name (born 1950)', 'Name (…; 24 February 1906 – 16 February 1938)'."""
    found: list[LifeDates] = []
    if "(" not in sentence or not _FOUR_DIGITS.search(sentence):
        return found
    for m in _LIFE.finditer(sentence):
        life = life_in(m["inner"])
        if life is None:
            continue
        name = _clean_name(m["name"])
        if name is None or not _names_a_person(sentence, m.start("name") + m["name"].rfind(name), name):
            continue
        found.append(LifeDates(name, *life, m.start("inner") - 1, m.end()))
    return found


_PARENTHESIS = re.compile(r"\((?P<inner>[^()]{4,300})\)")


def first_life_parenthesis(sentence: str) -> LifeDates | None:
    """The first parenthesis of a sentence that holds life dates, whatever stands before it.

    A lead often puts a pronunciation or a native spelling between the name and its life dates ("Pelé
    (Brazilian Portuguese: [pe̞ˈlɛ]) (born on 21 or 23 October 1940)"); in the lead's first sentence those
    dates are the subject's all the same. The name is left empty: the caller knows whose they are."""
    if "(" not in sentence or not _FOUR_DIGITS.search(sentence):
        return None
    for m in _PARENTHESIS.finditer(sentence[:600]):
        life = life_in(m["inner"])
        if life is not None:
            return LifeDates("", *life, m.start(), m.end())
    return None


_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|into|of|for|on|the)\s+$", re.IGNORECASE)
_KIN_BEFORE = re.compile(
    r"\b(?:son|daughter|child|wife|husband|father|mother|brother|sister|half-brother|half-sister|friend|partner"
    r"|uncle|aunt|nephew|niece|cousin|widow|widower|teacher|pupil|student|colleague|mentor)s?,?\s+$",
    re.IGNORECASE,
)


def _names_a_person(sentence: str, at: int, name: str) -> bool:
    """'lived in Prague (1924–1926)' is a stay, not a life; 'Zina (1901–1933)' after 'sister' is a life."""
    before = sentence[max(0, at - 30) : at]
    if _PLACE_BEFORE.search(before):
        return False
    return len(name.split()) >= 2 or bool(_KIN_BEFORE.search(before)) or at == 0


_OPENING_NAME = rf"(?:[^\W\d_][\w'’-]*\.?(?:\s+(?:{_PARTICLE_WORDS}|of))?\s+){{0,5}}[^\W\d_][\w'’-]*"
_FIRST_NAME = re.compile(rf"^\s*(?P<name>{_OPENING_NAME}?){_MARKS}\s*(?:\(|,|\s+(?:was|is|were|are|has|had)\b)")


def subject_from_sentence(sentence: str) -> str | None:
    """The name a biography's first sentence opens with ('Zina Volkova (…) was …', 'Hildegard of Bingen was …').

    Only here is 'of' part of a name: a first sentence names a person ('Joan of Arc was'), where elsewhere
    'the Siege of Leningrad (1941–1944)' is a span of something else."""
    m = _FIRST_NAME.match(sentence)
    if not m:
        return None
    verb = _OPENING_VERB.search(m["name"])
    if verb is not None:  # "Tom Ek was born in Leeds, England": the name before the first verb, not "Leeds"
        return _clean_name(m["name"][: verb.start()], of=True)
    return _clean_name(m["name"], of=True)


_OPENING_VERB = re.compile(r"(?<=\s)(?:was|is|were|are|has|had)\b")


_PLACE_PREPOSITION = re.compile(
    r"\b(?:(?P<static>in|at|near|into|inside|outside|across|throughout)"
    r"|(?:present|modern)-day"
    r"|(?P<motion>(?:moved|went|returned|travel(?:l)?ed|fled|emigrated|came|sent|deported|exiled|transferred"
    r"|relocated|taken|brought|sailed|flew|escaped|driven|expelled|banished|evacuated|arrived|back|way)"
    r"(?:\s+\w+){0,2}?\s+(?:to|from|for)))\s+(?:the\s+)?(?=[^\W\d_])"
)
_SHAPE_OF_PLACE = re.compile(
    r"\b(?:born\b[^,;:.()]{0,40}?\b(?:at|in)"
    r"|(?:village|town|city|hamlet|resort|port|estate|parish|county|province|district|island|region)\s+(?:of|in|near)"
    r"|(?:moved|moving|emigrated|relocated|fled|went|sailed|retreated|retreating|returned|returning)\s+to)"
    r"\s+(?=[^\W\d_])"
)
"""Where the words say a place follows, whatever the gazetteer knows: "born at Store Frøen", "the village of
Smiljan", "an estate in Aker", "moved to Gospić"."""
_NOT_A_PLACE_END = re.compile(r"(?:ism|ity|ics|ology)$")
_IN_A_COUNTRY = re.compile(r"(?: ?\([^()]{0,40}\))?,\s+(?P<land>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
"""", Norway" after a name: "near Christiania (present-day Oslo), Norway" names a place in a country or state."""
_CONNECTOR = frozenset({"de", "la", "le", "of", "upon", "on", "am", "an", "sur", "del", "di", "du", "des", "y"})
_NOT_PLACES = frozenset(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday He She It They His Her Its Their The This That These Those
    I We English French German Russian Spanish Italian Latin Greek Yiddish Hebrew Polish Turkish Chinese
    Japanese Arabic Dutch Portuguese Czech Hungarian Swedish Norwegian Danish Finnish Ukrainian Persian
    Esperanto Christmas Easter Parliament Congress Senate Court God Part Chapter Volume Book""".split()  # noqa: SIM905
)
_ADJECTIVE_END = re.compile(r"(?:ist|ian|ish|ese|ic|ean|an)$")


def _place_in(words: list[str], known: frozenset[str]) -> str | None:
    """The longest start of ``words`` that looks like a place ("Paris" of "Paris on New Year's Eve")."""
    from .gazetteer import is_known, names_a_kind_of_place

    for cut in range(len(words), 0, -1):
        if words[cut - 1] in _CONNECTOR:
            continue
        name = " ".join(words[:cut])
        if name in known or is_known(name) or names_a_kind_of_place(name):
            return name
    return None


def find_places(sentence: str, people_words: frozenset[str], known: frozenset[str] = frozenset()) -> list[str]:
    """Capitalised names after a preposition of place ('in Paris', 'moved to Berlin') that look like places.

    A name looks like a place when the gazetteer knows it, when it names a kind
    of place ("University of Göttingen"), or when it is in ``known`` (the
    infobox's birth and death places). "in Ringbereichen", from the title of a
    paper, is none of these.
    """
    found: list[tuple[int, str]] = []
    nearby_ends: set[int] = set()  # where a place the event was only near ends: "(present-day Oslo)" after it too
    for shaped, pattern in ((False, _PLACE_PREPOSITION), (True, _SHAPE_OF_PLACE)):
        for m in pattern.finditer(sentence):
            if m.start() and sentence[m.start() - 1] == "(" and nearby_ends & {m.start() - 1, m.start() - 2}:
                continue
            words, following = _capitalised_run(sentence, m.end())
            stop = next((i for i, w in enumerate(words) if i and w in _NOT_PLACES), len(words))
            words = words[:stop]  # "in New York City on February 3": the month is no part of the place
            while words and words[-1] in _CONNECTOR:
                words.pop()
            if not words or words[0] in _NOT_PLACES or any(w in people_words for w in words):
                continue
            if len(words) == 1 and _ADJECTIVE_END.search(words[0]) and following[:1].islower():
                continue  # "in the Trotskyist movement": an adjective, not a place
            land = _in_a_country(sentence, m.end(), words)
            if land is not None:  # "near Christiania (present-day Oslo), Norway": both are named places
                found.append((m.end() + len(sentence), land))
            if m.group().split()[-1].casefold() in ("near", "outside"):
                # "at Benátky near Prague", "a farm outside Oslo": the event was not there, only nearby; but
                # "near Delta, Louisiana" was in the state the comma names
                run_end = sentence.find(words[-1], m.end()) + len(words[-1])
                nearby_ends.add(run_end)
                if land is None:
                    found.extend(_places_after(sentence, run_end))
                continue
            name = _place_in(words, known) or (" ".join(words) if land is not None else None)
            if name is None and shaped and not _NOT_A_PLACE_END.search(words[-1]):
                cut = words.index("on") if "on" in words else len(words)  # "Paris on New Year's Eve"
                name = " ".join(words[:cut]) or None
            if name is not None:
                found.append((m.end(), name))
                found.extend(_places_after(sentence, sentence.find(name.split()[-1], m.end()) + len(name.split()[-1])))
    places: list[str] = []
    for _, name in sorted(found):  # in the order of the text (a country read after its city comes after it)
        if name not in places:
            places.append(name)
    return places


_THEN = re.compile(r",[ ]?(?P<next>[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,2})")


def _places_after(sentence: str, at: int) -> list[tuple[int, str]]:
    """The known places a place is followed by, comma after comma: "in Notting Hill, London, England"."""
    from .gazetteer import is_known

    out: list[tuple[int, str]] = []
    while (m := _THEN.match(sentence, at)) is not None and len(out) < _LONGEST_PLACE:
        words = m["next"].split()
        cut = next((n for n in range(len(words), 0, -1) if is_known(" ".join(words[:n]))), 0)
        if not cut or not words[0][0].isupper():
            break
        name = " ".join(words[:cut])
        out.append((m.start("next"), name))
        at = m.start("next") + len(name)
    return out


def _in_a_country(sentence: str, at: int, words: list[str]) -> str | None:
    """The country or state the text names after ``words`` (read from ``at``): then ``words`` is a place in it."""
    from .gazetteer import country_of, is_known

    run_end = sentence.find(words[-1], at) + len(words[-1])
    m = _IN_A_COUNTRY.match(sentence, run_end) if run_end >= len(words[-1]) else None
    if m is None or not is_known(m["land"]) or country_of(m["land"]) is not None:
        return None  # a city after the comma is no country: "in Leeds, Bradford and York"
    return " ".join(m["land"].split())


_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|\S")
_LONGEST_PLACE = 12
"""No place name runs to more words: a run of capitals is read no further (and stays linear)."""


def _capitalised_run(sentence: str, at: int) -> tuple[list[str], str]:
    """The capitalised words (and connectors between them) from ``at``, and the token after them.

    Tokens are read one at a time from ``at`` and no further than the run, so
    a sentence with many prepositions costs its length, not its length squared.
    """
    words: list[str] = []
    tokens = _TOKEN.finditer(sentence, at)
    token = next(tokens, None)
    while token is not None and len(words) < _LONGEST_PLACE:
        text = token.group().rstrip(".")
        after = next(tokens, None)
        upper = bool(text) and text[0].isupper() and text[0].isalpha()
        connects = text in _CONNECTOR and bool(words) and after is not None and after.group()[:1].isupper()
        if not (upper or connects):
            return words, token.group()
        words.append(text)
        token = after
    return words, token.group() if token is not None else ""


_NOT_IN_IDS = re.compile(r"[^a-z0-9]+")

_OWN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "đ": "d",
                              "Đ": "D", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ı": "i",
                              "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"})  # fmt: skip
"""Letters that are letters of their own, not a base letter with a mark: NFKD leaves them whole, so
the ASCII fold would drop them and cut the word ("Frøen" as "fren")."""

ID_LENGTH = 48


def slug(text: str, fallback: str = "item") -> str:
    """An id in the dataset's alphabet (a-z, 0-9 and single hyphens), of whole words: a long text stops
    at the last word that fits, never inside one (a single word longer than an id is the one cut)."""
    if not text.isascii():  # ASCII text has nothing to decompose or drop: most names and titles skip the round trip
        text = unicodedata.normalize("NFKD", text.translate(_OWN_LETTERS)).encode("ascii", "ignore").decode("ascii")
    out = _NOT_IN_IDS.sub("-", text.lower()).strip("-")
    if len(out) > ID_LENGTH:
        cut = out.rfind("-", 0, ID_LENGTH + 1)
        out = out[:cut] if cut > 0 else out[:ID_LENGTH]
    return out or fallback
