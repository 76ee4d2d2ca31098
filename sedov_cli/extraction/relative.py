"""Relative dates ("the following year", "at the age of 19"), resolved only against the text.

A relative expression is resolved against the last date the text itself gave
before it in the same section (the *anchor*), or, for an age, against the
subject's birth as the text gives it. The result is always ``inferred``, with
a note that names the anchor. When no honest anchor exists (none yet in the
section, one that spans years, "two months later" after a bare year, an age
in a sentence about someone else) the expression is left unresolved and
reported, never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import PART_CODES, EdtfDate, Precision, birthday_in, parse_edtf
from .expressions import DAY, DECADE_PARTS, MONTH, SEASON_CODES, edtf_ends, month_number, point_text
from .tables import EVENT_NOUNS

NO_ANCHOR = "no date before it in its section to count from"

__all__ = ["NO_ANCHOR", "Anchor", "Found", "Resolution", "find_relative", "resolve"]

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS_WORDS = "|".join(_TENS)
_NUMBER = (
    rf"(?:\d{{1,3}}|(?:{_TENS_WORDS})(?:[-\s](?:{_UNITS})\b)?|{'|'.join(sorted(_NUMBERS, key=len, reverse=True))})"
)
"""A count in digits or words, "twenty-two" and "twenty two" whole (never read as "two")."""
_AGE_WORDS = "|".join(sorted((w for w in _NUMBERS if w not in ("a", "an", "one")), key=len, reverse=True))
_AGE_WORD = rf"(?:(?:{_TENS_WORDS})(?:[-\s](?:{_UNITS})\b)?|{_AGE_WORDS})"
"""An age in words ("sixteen", "twenty-two"): not "a" or "one", which are rarely ages ("at one point")."""
_AGE_VERB = (
    r"(?:became|began|went|won|ran|left|took|wrote|made|gave|met|saw|joined|entered|married|moved|was|had"
    r"|lost|fell|sang|drew|rose|[a-z]{3,}ed)"
)
_AGE_VERB_BEFORE = "|".join(
    [r"(?<=[a-z]{3}ed\s)", r"(?<=[a-z]ied\s)"]
    + [rf"(?<=\b{verb}\s)" for verb in ("left", "won", "became", "began", "wrote", "ran", "took", "went")]
)
"""Verbs an age at the end of a clause follows ("she married at twenty-two.", "he retired at 65")."""
_DECADES_OF_LIFE = {
    "teens": 13, "teenage years": 13, "teenaged years": 13, "twenties": 20, "thirties": 30, "forties": 40,
    "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip

_RELATIVE = re.compile(
    r"\b(?:"  # every form starts at a word: positions inside words are refused once, not once per form
    r"(?P<year_part>\b(?:(?P<yp_part>early|late|mid)(?:[-\s]+in)?|(?:at|by|towards?|near|around)\s+the\s+"
    r"(?P<yp_edge>end|beginning|start|middle|close)\s+of)\s+(?P<yp_which>that|the\s+same|the\s+following|the\s+next|the)"
    r"\s+year\b)"
    r"|(?P<next>\b(?:(?P<nx_by>by)\s+)?(?:the\s+)?(?:following|next|subsequent)\s+(?P<next_unit>year|month|day|morning"
    r"|evening|night|decade)\b"
    r"|\bthe\s+(?P<after_unit>year|month|day)\s+after\b(?!\s+(?:the|his|her|their|its|that|this)\b))"
    r"|(?P<vague>\b(?:(?:a\s+few|several|some|many|a\s+couple\s+of)\s+)?(?:years?|months?|weeks?|days?|decades)\s+"
    r"(?:later|earlier|afterwards?))"
    rf"|(?P<offset>\b(?<!\bhalf\s)(?:(?P<n_or>{_NUMBER})\s+or\s+)?(?P<n>{_NUMBER})\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+"
    r"(?P<dir>later|afterwards?|after(?=\s*[,.;]|\s+(?:he|she|they|[a-z]{3,}ed)\b)|on(?=\s*[,.;])|earlier"
    r"|before(?=\s*[,.;])|before)(?P<own_death>(?<=before)\s+(?:her|his|their)\s+death\b)?)"
    r"|(?P<previous>\b(?:the\s+)?(?:previous|preceding|prior)\s+(?P<prev_unit>year|month|day)\b"
    r"|\bthe\s+(?P<before_unit>year|month|day)\s+before\b(?!\s+(?:the|his|her|their|its|that|this)\b))"
    r"|(?P<within>\b(?P<side>later|earlier)\s+(?:in\s+)?(?:that|the\s+same)\s+(?P<within_unit>year|month)\b)"
    r"|(?P<same>\b(?:that|the\s+same)\s+(?:same\s+)?(?P<same_unit>year|month|day|morning|evening|night)\b"
    r"(?!'s|\s+(?:of|in)\b))"
    r"|(?P<same_season>\b(?:(?:in\s+)?(?:that|the\s+same|the\s+following|the\s+next)\s+(?:same\s+)?|in\s+(?:the\s+)?)"
    r"(?P<season>spring|summer|autumn|fall|winter)\b"
    r"(?:\s+(?:of|in)\s+(?P<season_of>that|the\s+same|the\s+following|the\s+next)\s+year\b|(?!\s+of\b)))"
    rf"|(?P<duration>\b(?:(?:for|over)\s+(?:the\s+next\s+)?|(?<=\blasted\s)(?:for\s+)?|(?<=\bspent\s)(?<!\bhad\sspent\s)(?=\S)"
    rf"|(?P<dur_during>during\s+))"
    rf"(?:(?P<dur_about>nearly|almost|about|around|some|another)\s+|(?P<dur_min>over|more\s+than|at\s+least)\s+)?"
    rf"(?P<dur_n>{_NUMBER})\s+(?:more\s+)?"
    rf"(?P<dur_unit>years?|decades?|months?)(?:\s+and\s+(?P<dur_m>{_NUMBER})\s+months?)?\b(?(dur_during)\s+of\s+[a-z]+\b))"
    rf"|(?P<after_n>\b(?:[Aa]fter|[Ff]ollowing)\s+(?:(?:nearly|almost|about|some|another)\s+)?(?P<an_n>{_NUMBER})\s+"
    r"(?:more\s+)?(?P<an_unit>years?|months?|weeks?|days?|decades?)\b"
    r"(?!\s+(?:of|later|earlier|before|after|old|ago|in\s+(?:prison|jail|exile))\b))"
    r"|(?P<by_then>\b(?:by|until|till|up\s+to)\s+(?:that\s+time|this\s+time|then|that\s+point|this\s+point)\b"
    r"|(?=earlier\b)(?<=\bhad\s)earlier\b|^Earlier(?=,))"
    r"|(?P<during>\b(?:during|in|throughout|over)\s+(?:this|that|these|those|the\s+same)\s+"
    r"(?:period|time|years|months|decade|era|phase|stage|interval)\b"
    r"|\b(?:during|throughout)\s+(?:his|her|their)\s+(?:time|years|days|stay|studies|tenure)\s+(?:in|at|as|with)\b)"
    r"|(?P<at_time>\b(?:(?:at|around|about)\s+(?:that|this|the\s+same|about\s+the\s+same|around\s+the\s+same)\s+time"
    r"|at\s+(?:that|this)\s+(?:point|moment|stage)"
    r"|at\s+a\s+time\s+when|in\s+the\s+meantime|[Mm]eanwhile|at\s+the\s+time(?!\s+of\b)"
    r"|(?=then\b)(?:(?<=\bwas\s)|(?<=\bwere\s))then(?=\s+(?:a|an|the|still|only|living|working|serving)\b))\b)"
    r"|(?P<soon>\b(?:(?:soon|shortly|not\s+long)\s+(?:after(?:wards?)?(?!\s+(?:the|his|her|their|its)\s)|thereafter)"
    r"|immediately(?!\s+(?:after|before|following))|whereupon"
    r"|after\s+(?:a|some)\s+(?:short\s+|brief\s+|long\s+)?(?:period|time|while)(?:\s+of\s+[a-z]+)?(?=\s*,)|(?=soon)(?<!as\s)soon(?!\s+(?:after|afterwards?|thereafter|as|enough)\b))\b)"
    r"|(?P<from_then>\bfrom\s+(?:this|that|the\s+same)\s+(?:date|day|time|point|moment|year)(?:\s+on(?:wards?)?)?"
    r"|\bfrom\s+then(?:\s+on(?:wards?)?)?|\b(?:ever\s+)?since\s+then\b"
    r"|(?:(?<=\bhas\s)|(?<=\bhave\s)|(?<=\bhad\s))since(?=\s+(?:been|become|grown|[a-z]{3,}ed)\b))"
    rf"|(?P<months>\b(?:(?:at\s+the\s+age\s+of|at\s+age|aged)\s+(?P<mo_n>{_NUMBER})\s+months?"
    rf"|(?P<mo_n2>{_NUMBER})\s+months?\s+old)\b"
    rf"|\b(?P<days_n>{_NUMBER})\s+(?P<days_unit>days?|weeks?)\s+old\b)"
    rf"|(?P<birthday>\b(?:on\s+)?(?:his|her|their)\s+(?P<bd_n>\d{{1,3}})(?:st|nd|rd|th)\s+birthday\b)"
    rf"|(?P<age>\b(?:(?P<age_op>by|from|until|till|before)\s+the\s+age\s+of"
    r"|(?:(?P<age_by>by\s+the\s+time)|(?P<age_cl>before|until|till))\s+(?:he|she|they)\s+(?:was|were|turned)"
    r"|at\s+(?:the\s+)?(?:(?:late|early|young|tender|advanced|ripe|old)\s+)?age\s+of|at\s+age|aged|to\s+the\s+age\s+of|when\s+(?:he|she|they|(?P<age_who>(?-i:[A-Z])[\w'’-]+))\s+(?:was|were))"
    rf"\s+(?:(?:about|around|approximately|roughly|only|just|nearly|almost|barely)\s+)?"
    rf"(?!(?:a|an)\s+(?!years?\s+old\b))(?P<age_n>{_NUMBER})\b"  # "when she was a child" is no age: "a year old" is
    r"(?P<age_half>\s+and\s+a\s+half\b)?"
    r"(?:\s+years?\s+(?:old|of\s+age)\b)?"
    r"(?!\s+(?:months?|weeks?|days?|o'clock|percent|per\s+cent|%)\b)"
    rf"|\bat\s+(?P<yoa_n>\d{{1,2}}|{_AGE_WORD})\s+years?\s+of\s+age\b"
    rf"|\b(?:as\s+)?an?\s+(?P<yo_n>\d{{1,2}}|{_AGE_WORD})[-\s]year[-\s]old(?=,?\s+(?:he|she|they)\b)"
    rf"|\bat\s+(?P<at_n>\d{{1,2}}|{_AGE_WORD})(?P<at_half>\s+and\s+a\s+half\b)?"
    rf"(?=,?\s+(?:(?:he|she|they)\s+)?{_AGE_VERB}\b|,\s+(?:he|she|they)\b"
    rf"|,\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+{_AGE_VERB}\b)"
    rf"|(?=at\s)(?:{_AGE_VERB_BEFORE})at\s+(?P<at_end>\d{{1,2}}|{_AGE_WORD})(?=\s*[,.;)]|\s+(?:and|in|after|when|while|from|of)\b)"
    rf"|\b(?:he|she|(?P<old_who>(?-i:[A-Z])[\w'’-]+))\s+was\s+(?:(?:about|around|only|just|nearly|almost|barely)\s+)?"
    rf"(?P<old_n>{_NUMBER})\s+years?\s+old\b"
    rf"|\b(?:he|she|(?P<was_who>(?-i:[A-Z])[\w'’-]+))\s+was\s+(?:(?:about|around|only|just|nearly|almost|barely)\s+)?"
    rf"(?P<was_n>[1-9]\d?|{_AGE_WORD})"
    r"(?=\s+when\b|\s*[.;])"
    rf"|\bat\s+(?P<late_n>[1-9]\d?|{_AGE_WORD})(?=\s*[,.;]|\s+and\b)"  # kept only after a verb: see _late_age
    r")"
    rf"|(?P<born_when>\bwhen\s+(?:he|she|(?P<bw_who>(?-i:[A-Z])[\w'’-]+))\s+was\s+born\b)"
    rf"|(?P<first_of_life>\b(?:(?:his|her|their)\s+first\s+(?P<fl_n>{_NUMBER})\s+(?P<fl_unit>years|months|weeks|days)"
    rf"\s+of\s+life|the\s+first\s+(?P<fl_n2>{_NUMBER})\s+(?P<fl_unit2>years|months|weeks|days)\s+of\s+(?:his|her|their)"
    r"\s+life)\b)"
    rf"|(?P<within_n>\bwithin\s+(?:a|one|(?P<wi_n>{_NUMBER}))\s+(?P<wi_unit>years?|months?)\b"
    r"(?:\s+of\s+(?:his|her|their|its|the)\s+(?P<wi_noun>[a-z]{3,})\b)?)"
    rf"|(?P<next_n>\b(?:in|over|during|for)\s+the\s+(?:course\s+of\s+the\s+)?(?:next|following)\s+(?:(?P<nx_n>{_NUMBER})\s+(?P<nx_unit>years|decades)"
    r"|(?P<nx_few>few|several)\s+years|(?P<nx_unit1>decade))\b)"
    r"|(?P<last_year>\b(?:in|during)\s+the\s+(?:last|final)\s+year\s+of\s+(?:his|her|their)\s+life\b)"
    r"|(?P<rest_of_life>\b(?:(?:for|during|throughout)\s+|(?<=\b(?:lived|spent)\s))the\s+rest\s+of\s+(?:his|her|their)"
    r"\s+life\b)"
    r"|(?P<rest_of>\b(?:(?:for|during|throughout)\s+)?the\s+rest\s+of\s+(?:the|that)\s+(?P<rest_unit>year|decade|century)\b)"
    r"|(?P<last_years>\b(?:his|her|their)\s+(?:last|final|closing|declining|later)\s+(?:years|months|days)\b)"
    r"|(?P<life>\b(?:in|until|into|during|throughout)\s+(?P<whose>his|her|their)\s+(?:(?P<life_part>early|mid|late)[-\s]+)?"
    r"(?P<decade>teens|teenaged?\s+years|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
    r"|[2-9]0s)\b|\bas\s+an?\s+(?P<teen>teenager|teen|adolescent)\b)"
    rf"|(?P<event>\b(?:(?P<ev_soon>soon|shortly|not\s+long|immediately|just|a\s+few\s+(?:days|weeks|months|years)"
    rf"|some\s+(?:time|weeks|months|years)|several\s+(?:days|weeks|months|years)"
    rf"|(?P<ev_n>{_NUMBER})\s+(?P<ev_unit>years?|months?|weeks?|days?))\s+)?"
    r"(?P<ev_dir>after|following|before|until|during|upon|on|at\s+the\s+time\s+of)\s+(?:(?P<det>the|his|her|their|its)\s+)?(?:(?P<owner>[a-z]+)(?:'s|’s)\s+)?(?:(?P<adj>[a-z]+)\s+(?=[a-z]{3,}(?:ment|tion|sion|ance|ence|ure)\b))?"
    rf"(?:(?P<noun>{'|'.join(sorted(EVENT_NOUNS, key=len, reverse=True))}"
    r"|[a-z]{3,}(?:ment|tion|sion|ance|ence|ure))\b"
    r"(?:\s+of\s+(?:(?:his|her|their|the)\s+)?(?P<of_owner>(?-i:[A-Z])[\w'’-]+|[a-z]+))?"
    r"|(?<=after\s)(?P<gerund>[a-z]{3,}ing)\b"
    r"|(?<=after\s)(?:he|she|they)\s+(?:had\s+)?(?P<past>[a-z]{3,}ed)\b(?=\s*,)"
    r"|(?:(?<=(?<!named\s)(?<!called\s)after\s)|(?<=before\s))"
    r"(?P<proper>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))(?=\s*[,.;)]|\s+(?-i:[a-z])))"
    r"|\bbefore\s+becoming\s+(?:an?\s+|the\s+)?(?P<role>[a-z]+))"
    r"|(?P<turn>\b(?:at|around|by|near)\s+the\s+turn\s+of\s+the\s+century\b)"
    r"|(?P<later>(?=later|afterward|subsequently|thereafter|eventually)(?<!\bno\s)(?<!\bnot\s)(?<!\bor\s)\b(?:later|afterwards?|subsequently|thereafter|eventually)\b"
    r"(?!\s+than\b)(?!\s+(?:life|years|stages?|works?|career"
    r"|period|part|half|phases?|editions?|versions?|generations?|days|in\s+(?:his|her|their)\s+life"
    r"|known|called|named|renamed|dubbed|titled|styled)\b)"
    r"|\b(?:after|following)\s+(?:that|this)(?=\s*,|\s+(?:he|she|they|(?-i:[A-Z])))"
    r"|\b(?:after|following)\s+(?:that|this|these|those)\s+(?-i:[a-z]{3,})(?:\s+(?-i:[a-z]{3,}))?(?=\s*,)"
    r"|\b(?:in|during|over)\s+the\s+(?:years|months|decades)\s+that\s+followed\b"
    r"|\b(?:in|during|over)\s+the\s+(?:following|subsequent|ensuing|next)\s+(?:few\s+)?(?:years|months|decades)\b)"
    r"|(?P<then>(?=then\b)(?<!\bthe\s)(?<!\bso\s)\bthen\b(?=,?\s+(?-i:[a-z]))(?!,?\s+(?:the|a|an|his|her|their|to|on|onwards?)\b)))",
    re.IGNORECASE,
)

_RARE = re.compile(
    r"(?P<soon>\bupon\s+which\b)"
    r"|(?P<from_then>(?:^|(?<=,\s))for\s+(?:many\s+|several\s+)?(?:years|decades)\b"
    r"(?!\s+(?:later|before|after|earlier|old|ago|to\s+come|of)\b))"
    r"|(?P<went_on>(?<!\bwhich\s)(?<!\bthat\s)(?<!\bwho\s)\bwent\s+on\s+to\b(?=\s+(?-i:[a-z])))"
    r"|(?P<then>^(?-i:Then)(?=\s+(?-i:[A-Z][a-z]))(?!\s+(?:he|she|they|it|the|a|an|his|her|their|its)\b))"
    rf"|(?P<duration_adj>(?:(?<=\bbegan\s)|(?<=\bbegins\s)|(?<=\bbegin\s)|(?<=\bstarted\s)|(?<=\bstarts\s)"
    rf"|(?<=\bentered\s)|(?<=\bsigned\s))an?\s+(?P<da_n>{_NUMBER})[-\s](?P<da_unit>year|decade|month)s?"
    rf"(?:[-\s]long)?(?=\s+[a-z]))",
    re.IGNORECASE,
)
"""Forms few sentences hold ("upon which", "For years", "went on to", "Then King Olav", "began a five-year
course"), read by their own pattern only when a sentence has their words: the main pattern stays as fast."""
_RARE_HINTS = ("upon which", "for years", "for many years", "for several years", "for decades", "went on to ",
               "began a", "begins a", "begin a", "started a", "starts a", "entered a", "signed a")  # fmt: skip

_YEARLESS = re.compile(
    rf"\b(?P<op>[Oo]n|[Ii]n|[Bb]y|[Uu]ntil|[Ss]ince|[Ff]rom|[Dd]uring|[Bb]orn|[Dd]ied|[Tt]hat|[Tt]he\s+following"
    rf"|[Tt]he\s+next)\s+(?:the\s+)?"
    rf"(?:(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})|(?P<month2>{MONTH})\s+(?P<day2>{DAY})|(?P<month3>{MONTH}))"
    r"(?P<which>\s+(?:(?:of|in)\s+)?(?:that|the\s+same|the\s+following|the\s+next)\s+year\b)?"
    r"(?!,?\s*(?:of\s+)?\d{4}|\s+[A-Z]|\s*\[|\s+\d)"
)
"""A day or month with no year ("On 20 August", "in March"): its year is the anchor's."""

SAME_TIME = frozenset(
    {
        "by_then",
        "soon",
        "age",
        "life",
        "months",
        "during",
        "at_time",
        "later",
        "duration",
        "duration_adj",
        "birthday",
        "within_n",
        "next_n",
        "last_year",
        "from_then",
        "then",
        "went_on",
        "year_part",
        "turn",
        "born_when",
        "first_of_life",
        "after_n",
    }
)
"""Forms that restate when a sentence happens: with an explicit date in the
sentence they add no claim of their own, so they are not drafted."""


@dataclass(frozen=True)
class Found:
    """A relative expression in a sentence (offsets in the sentence)."""

    start: int
    end: int
    text: str
    form: str
    match: re.Match[str]


@dataclass(frozen=True)
class Anchor:
    """A date the text gave, that later relative expressions count from."""

    edtf: str
    words: str


@dataclass(frozen=True)
class Resolution:
    """A resolved date and the note saying how; or why it could not be resolved."""

    edtf: str | None
    note: str


_HINTS = ("since", "follow", "next", "subsequent", "later", "earlier", "before", "after", "previous", "preceding",
          "prior", "same", "that ", "this ", "these ", "those ", "then", "soon", "shortly", "not long", "age",
          "teens", "ties", "month", "meantime", "while", "eventually", "until", "when ", "at ", "for ", "over ",
          "during", "teenage", "summer", "winter", "spring", "autumn", "birthday", "within", "immediately",
          "last year", "final year", "years old", "soon", "year-old", "year old", "rest of", "last ", "final ",
          "closing ", "declining ", "later years", "days old", "day old", "weeks old", "week old",
          "end of", "beginning of", "start of", "middle of", "close of", "by the time", "teen", "adolescent",
          "turn of", "whereupon", "lasted ", "spent ",
          "of life", "her life", "his life", "their life")  # fmt: skip
_LIFE_DIGITS = re.compile(r"\b(?:his|her|their)\s+(?:(?:early|mid|late)[-\s]+)?[2-9]0s\b")
"""'in his 20s': the one form no word of the hints names (a '0s' test would pass every '1920s')."""
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def find_relative(sentence: str) -> list[Found]:
    """Every relative expression in ``sentence``, left to right.

    Two substring tests first: most sentences hold none of the words a relative
    expression needs, and ``in`` is far cheaper than the regular expressions.
    """
    found: list[Found] = []
    lowered = sentence.lower()
    worded = any(hint in lowered for hint in _HINTS) or ("0s" in lowered and _LIFE_DIGITS.search(lowered) is not None)
    monthed = any(stem in sentence for stem in _MONTH_STEMS)
    if not (worded or monthed) and not sentence.startswith("Then ") and not any(h in lowered for h in _RARE_HINTS):
        return found
    for m in _RELATIVE.finditer(sentence) if worded else ():
        form = m.lastgroup
        assert form is not None
        if m["late_n"] and not _late_age(sentence, m.start(), found):
            continue
        if m["an_n"] and not _after_n_opens(sentence, m):
            continue
        if m["proper"] and _NAMED_FOR.search(sentence, max(0, m.start() - 80), m.start()):
            continue  # "took the name Mary after Saint Mary": whom the name honours, not a time
        found.append(Found(m.start(), m.end(), m.group(), form, m))
    if any(hint in lowered for hint in _RARE_HINTS) or sentence.startswith("Then "):
        main = list(found)  # in order, and not overlapping: the one before a rare form's end is the only one to ask
        main_starts = [f.start for f in main]
        for m in _RARE.finditer(sentence):
            before = bisect_left(main_starts, m.end()) - 1
            if before < 0 or main[before].end <= m.start():
                found.append(Found(m.start(), m.end(), m.group(), m.lastgroup or "", m))
        found.sort(key=lambda f: f.start)
    for m in _YEARLESS.finditer(sentence) if monthed else ():
        if m["which"]:  # "in December of that year" is one date: "that year" is its year, not a claim of its own
            found = [f for f in found if not (f.start < m.end() and m.start() < f.end)]
        if not any(f.start < m.end() and m.start() < f.end for f in found):
            found.append(Found(m.start(), m.end(), m.group(), "yearless", m))
    found.sort(key=lambda f: f.start)
    return found


_LATE_VERB = re.compile(
    r"\b(?:began|started|joined|left|entered|married|moved|became|won|wrote|took|went|made|signed|debuted"
    r"|(?!(?:ranked|peaked|charted|placed|priced|valued|estimated|capped|fixed|seeded|listed|numbered|rated|timed"
    r"|scored|finished|clocked|measured|limited|set|aged|based|located|stationed|buried|killed|died)\b)[a-z]{3,}ed)\b"
    r"[^,;:.()]{0,60}$"
)
"""The verb an age at a clause's end belongs to ("began playing for Santos at 15"): not one that puts a number
at a place in a list or on a scale ("peaked at 15"), nor a past participle that is no act of the subject's."""


def _late_age(sentence: str, at: int, found: list[Found]) -> bool:
    """Whether 'at 15' at a clause's end, after the verb's object, is an age: the clause's verb is an act, or an
    age of the same shape stands just before it ("began playing for Santos at 15 and the national team at 16")."""
    if _LATE_VERB.search(sentence, max(0, at - 80), at):
        return True
    if re.search(r"\d", sentence[max(0, at - 30) : at]):  # "Grade 4 at 15", "No. 3 at 15": a list, not a life
        return False
    return bool(found) and found[-1].match["late_n"] is not None and at - found[-1].end < 60


_NAMED_FOR = re.compile(
    r"\b(?:name[ds]?|called|christened|bapti[sz]ed|renamed|titled)\b[^,;:.()]{0,60}$", re.IGNORECASE
)
"""A name given in the clause before 'after …' ("took the name Sister Mary after Saint Mary"): 'after' says whom
it honours."""


_STAY_AFTER = re.compile(r"(?<!\s)\s+(?:in|at)\s+(?-i:[A-Z])")


def _after_n_opens(sentence: str, m: re.Match[str]) -> bool:
    """Whether 'after six months' counts on from the date before it: it opens its clause ("…, and after six
    months was appointed"), or names a stay ("fled to Weimar after one year in Mühlhausen"). At a clause's
    end it says how long something had lasted ("lost power after nine years"), counted back, not on."""
    before = sentence[max(0, m.start() - 6) : m.start()]
    return re.search(r"(?:^|[,;(]|\band|\bbut|\bthen)\s*$", before) is not None or (
        _STAY_AFTER.match(sentence, m.end()) is not None
    )


def _count(word: str) -> int:
    """12 for '12' or 'twelve'; 22 for 'twenty-two' or 'twenty two'."""
    if word.isdigit():
        return int(word)
    tens, _, unit = word.lower().replace("-", " ").partition(" ")
    if tens in _TENS:
        return _TENS[tens] + (_NUMBERS[unit.strip()] if unit.strip() else 0)
    return _NUMBERS[word.lower()]


def _single_year(when: EdtfDate) -> int | None:
    span = when.span
    if span.earliest is None or span.latest is None or span.earliest.year != span.latest.year:
        return None
    return span.earliest.year


def _single_month(when: EdtfDate) -> tuple[int, int] | None:
    if when.interval or when.one_of or when.start is None:
        return None
    if when.start.precision not in (Precision.MONTH, Precision.DAY):
        return None
    day = when.start.earliest
    return day.year, day.month


def _approx(edtf: str) -> str:
    return "~" if "~" in edtf else ""


Recall = Callable[[tuple[str, ...], str | None], Anchor | None]
"""Finds the nearest earlier dated sentence that has one of the word stems (and the owner's word, if given);
a stem ending in '+' is a verb's, found only inflected ('free+' in 'freed', not in 'a free man')."""


def resolve(
    found: Found,
    anchor: Anchor | None,
    birth: EdtfDate | None,
    about_subject: bool,
    death: EdtfDate | None = None,
    recall: Recall | None = None,
    near: Anchor | None = None,
) -> Resolution:
    """The date ``found`` stands for, counted from ``anchor``, the subject's ``birth``, or an event ``recall`` finds."""
    resolved = _resolve(found, anchor, birth, about_subject, death, recall, near)
    m = found.match
    if found.form == "next" and m["nx_by"] and resolved.edtf is not None:  # "by the following year": then at the latest
        return Resolution(
            f"[..{edtf_ends(resolved.edtf)[1]}]", resolved.note + " 'By' makes it that time at the latest."
        )
    if found.form == "offset" and m["n_or"] and resolved.edtf is not None:
        return _either(found, resolved)
    return resolved


def _either(found: Found, resolved: Resolution) -> Resolution:
    """'One or two years later': the count for two, widened by the difference to the count for one."""
    m = found.match
    assert resolved.edtf is not None
    sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
    delta = (_count(m["n_or"]) - _count(m["n"])) * sign
    unit = m["unit"].lower().rstrip("s")
    scale = 10 if unit == "decade" else 1
    unit = "year" if unit == "decade" else unit
    lo, hi = edtf_ends(resolved.edtf)
    if lo is None or hi is None:
        return Resolution(None, f"'{found.text}' gives two counts, and the date it counts from is open")
    if delta < 0:
        lo = _counted_from(lo, delta * scale, unit)
    else:
        hi = _counted_from(hi, delta * scale, unit)
    if lo is None or hi is None:
        return Resolution(None, f"'{found.text}' gives two counts that cannot be counted at this precision")
    said = f"{m['n_or']} or {m['n']} {m['unit']}".lower()
    return Resolution(f"[{lo}..{hi}]", resolved.note + f" The text gives {said}, so either count.")


def _resolve(
    found: Found,
    anchor: Anchor | None,
    birth: EdtfDate | None,
    about_subject: bool,
    death: EdtfDate | None = None,
    recall: Recall | None = None,
    near: Anchor | None = None,
) -> Resolution:
    """resolve() for one count; resolve() widens it when the text gives two ('one or two years')."""
    m = found.match
    if found.form in ("age", "life"):
        return _approximate(found, _age(found, birth, about_subject, death))
    if found.form == "months":
        return _age_in_months(found, birth, about_subject)
    if found.form == "born_when":
        if birth is None:
            return Resolution(None, "the subject's birth is not given")
        if not about_subject:
            return Resolution(None, "the birth it names may not be the subject's, whose birth is the only one known")
        return Resolution(birth.text, f"Resolved '{found.text}' as the subject's birth ({birth.display}).")
    if found.form == "first_of_life":
        return _first_of_life(found, birth, about_subject)
    if found.form == "birthday":
        return _birthday(found, birth, about_subject)
    if found.form == "last_year":
        if death is None or death.span.earliest is None or death.span.latest is None:
            return Resolution(None, "the subject's death is not given, so the last year of the life cannot be dated")
        first_day = _add_years(death.span.earliest, -1) + timedelta(days=1)
        return Resolution(
            f"[{first_day.isoformat()}..{death.span.latest.isoformat()}]",
            f"Resolved '{found.text}' as the year before the subject's death ({death.display}).",
        )
    if found.form in ("rest_of_life", "last_years"):
        return _to_the_death(found, anchor, death, about_subject)
    if found.form == "rest_of":
        return _rest_of(found, near or anchor)
    if found.form == "event":
        own = _own_death(found, death, about_subject, near)
        return own if own is not None else _after_event(found, recall, near)
    if found.form == "vague" and (anchor is None or not re.search(r"later|afterwards?", m.group(), re.IGNORECASE)):
        return Resolution(None, "the text does not say how many")
    if found.form == "offset" and m["dir"].lower() == "before" and not re.match(r"before\s*$", m.group()):
        back = _before_own_death(found, death, about_subject)
        return back if back is not None else Resolution(None, "counts from something the text does not date")
    if found.form == "within_n" and m["wi_noun"]:  # "within four months of his arrival": from the arrival
        noun = m["wi_noun"].lower()
        dated = recall(EVENT_NOUNS.get(noun) or (_stem(noun),), None) if recall is not None else None
        if dated is None:
            return Resolution(None, f"counts from the {noun}, which the text does not date before it")
        anchor = dated
    if anchor is None:
        return Resolution(None, NO_ANCHOR)
    when = parse_edtf(anchor.edtf)
    lo, hi = edtf_ends(anchor.edtf)
    said = f"'{found.text}' counted from {anchor.words!r} ({anchor.edtf}), the last date the text gives before it"
    if found.form == "by_then":
        if hi is None and lo is not None and not found.text.lower().startswith(("until", "till", "up")):
            return Resolution(anchor.edtf, f"Resolved {said}: at that time, which has no end.")  # "Some time later"
        if hi is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) has no end")
        return Resolution(f"[..{hi}]", f"Resolved {said}: on or before it.")
    if found.form == "soon":
        if lo is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
        return Resolution(f"[{lo}..]", f"Resolved {said}: on or after it, by how much the text does not say.")
    if found.form == "yearless":
        return _yearless(found, when, anchor)
    if found.form == "turn":  # the turn nearest the anchor: 1899 and 1903 are both at the turn of 1900
        if lo is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
        turn = (int(lo[:4]) + 50) // 100 * 100
        edtf = f"[{turn - 5:04d}..{turn + 4:04d}]"
        if m.group().lower().startswith("by"):
            edtf = f"[..{turn + 4:04d}]"
        return Resolution(edtf, f"Resolved {said}: the turn of the century nearest it, {turn - 5}–{turn + 4}.")
    if found.form == "year_part":
        year = _single_year(when)
        if year is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) spans more than one year")
        year += 1 if re.search(r"following|next", m["yp_which"], re.IGNORECASE) else 0
        part = m["yp_part"] or {"end": "late", "close": "late", "middle": "mid"}.get(m["yp_edge"].lower(), "early")
        edtf = f"{year:04d}-{PART_CODES[part.lower()]}"
        if m.group().lower().startswith("by"):
            edtf = f"[..{edtf}]"
        return Resolution(edtf, f"Resolved {said}: {part.lower()} {year}, a third of the year.")
    if found.form == "same_season":
        year = _single_year(when)
        if year is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) spans more than one year")
        code = SEASON_CODES[m["season"].lower()]
        if m["season_of"]:  # "in the summer of the following year": the year is named, the month does not matter
            year += 1 if re.match(r"the\s+(?:following|next)", m["season_of"], re.IGNORECASE) else 0
        elif re.match(r"(?:in\s+)?the\s+(?:following|next)", m.group(), re.IGNORECASE):
            began = when.span.earliest
            assert began is not None
            months = {25: 3, 26: 6, 27: 9, 28: 12}
            if began.month >= months[code] or when.start is None or when.start.precision is Precision.YEAR:
                year += 1
        return Resolution(
            f"{year:04d}-{code}",
            f"Resolved {said}: the {m['season'].lower()} of {year}, read as the meteorological season of the "
            "northern hemisphere.",
        )
    if found.form == "during" and not (when.interval or when.one_of) and lo is not None:
        return Resolution(f"{lo}/..", f"Resolved {said}: a stretch from it, whose end the text does not give.")
    if found.form == "at_time" and _ABOUT.search(found.text):  # "around this time": about then, not exactly
        return _approximate(found, Resolution(anchor.edtf, f"Resolved {said}: about the same time."))
    if found.form in ("during", "at_time"):
        return Resolution(anchor.edtf, f"Resolved {said}: the same time.")
    if found.form == "from_then":
        if lo is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
        return Resolution(f"{lo}/..", f"Resolved {said}: a stretch from it, whose end the text does not give.")
    if found.form in ("later", "vague", "then", "went_on"):
        since = (hi if when.interval else lo) or lo  # later than a period: after it ended
        if since is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
        if found.form == "vague" and re.search(r"years", m.group(), re.IGNORECASE) and re.fullmatch(r"\d{4}~?", since):
            return Resolution(  # the weakest reading, as the annotators of the real texts read it
                f"[{since}..]", f"Resolved {said}: after it, by how many years the text does not say."
            )
        if found.form == "then":
            return Resolution(f"[{since}..]", f"Resolved {said}: 'then' read as afterwards, by how much the text "
                              "does not say.")  # fmt: skip
        return Resolution(f"[{since}..]", f"Resolved {said}: after it, by how much the text does not say.")
    if found.form == "next_n" and m["nx_few"]:  # "for the next few years": from it, for how long unsaid
        if lo is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
        return Resolution(f"{lo}/..", f"Resolved {said}: a stretch from it, 'few' years, so no end.")
    if found.form in ("within_n", "next_n"):
        n = _count(m["wi_n"] or m["nx_n"] or "1")
        unit = (m["wi_unit"] or m["nx_unit"] or m["nx_unit1"] or "years").lower()
        if unit.startswith("decade"):
            n *= 10
        if lo is None or hi is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) is open")
        start_year = int(lo[:4])
        end_year = int((hi if when.interval else lo)[:4]) if found.form == "next_n" else int(hi[:4])
        if unit.startswith("month"):
            return Resolution(f"[{lo}..{_month_after(hi, n)}]", f"Resolved {said}: within {n} months of it.")
        if end_year + n > 9999:
            return Resolution(None, "the count runs past year 9999")
        if found.form == "next_n":
            return Resolution(f"{start_year:04d}/{end_year + n:04d}", f"Resolved {said}: the {n} years from it.")
        return Resolution(
            f"[{lo}..{end_year + n:04d}]", f"Resolved {said}: within {n} year{'s' if n > 1 else ''} of it."
        )
    if found.form in ("duration", "duration_adj"):
        return _duration(found, when, anchor, said)
    if found.form == "after_n":
        return _after_n(found, when, anchor, said)
    unit = (m["next_unit"] or m["unit"] or m["prev_unit"] or m["within_unit"] or m["same_unit"] or m["after_unit"]
            or m["before_unit"] or "year").lower()  # fmt: skip
    unit = "day" if unit in ("morning", "evening", "night") else unit.rstrip("s")
    if found.form == "next" and unit == "decade":  # "the next decade" after 1865: the 1870s
        if lo is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
        tens = (int((hi or lo)[:4]) // 10 + 1) * 10
        return Resolution(f"[{tens:04d}..{tens + 9:04d}]", f"Resolved {said}: the decade after it, the {tens}s.")
    scale = 1
    if unit in ("decade", "week"):  # a decade is ten years; a week seven days
        unit, scale = ("year", 10) if unit == "decade" else ("day", 7)
    if unit == "day":
        if when.interval or when.one_of or when.start is None or when.start.precision is not Precision.DAY:
            return Resolution(None, f"days cannot be counted from {anchor.words!r}, which is not one day")
        day = when.start.earliest + timedelta(days=step_of(found) * scale)
        return Resolution(day.isoformat(), f"Resolved {said}.")
    step = step_of(found) * scale
    if (
        when.one_of
        and hi is None
        and lo is not None
        and step > 0
        and found.form in ("next", "offset")
        and unit in ("year", "month")
    ):  # "Later she moved. Two years later she married": two years after a time with no end, no end either
        counted = _counted_from(lo, step, unit)
        if counted is not None:
            return Resolution(f"[{counted}..]", f"Resolved {said}: it has no end, so neither has the count.")
    if unit == "year":
        year = _single_year(when)
        if year is None and when.interval and found.form in ("next", "offset") and step > 0 and when.span.latest:
            year = when.span.latest.year  # after a period: counted from the year it ended
            said = said.replace("the last date the text gives before it", "the end of the last period the text gives")
        elif year is None and when.interval and step < 0 and when.span.earliest:
            year = when.span.earliest.year  # before a period: counted from the year it began
        days = _DAY_RANGE.fullmatch(anchor.edtf)
        if year is None and found.form == "offset" and days and when.span.earliest and when.span.latest:
            begun, ended = when.span.earliest, when.span.latest  # "at the age of 14 … three years later": the
            whole_years = (begun.month, begun.day) == (1, 1)  # an age from a birth known to the year: in years
            if not whole_years and begun.year + step >= 1 and ended.year + step <= 9999:  # the age moves by days
                lo_day = birthday_in(begun, begun.year + step)
                hi_day = birthday_in(ended + timedelta(days=1), ended.year + step) - timedelta(days=1)
                moved = f"[{lo_day.isoformat()}..{hi_day.isoformat()}]"
                return Resolution(moved, f"Resolved {said}: it is a span of days, so the count moves the whole span.")
        if year is None and found.form in ("next", "previous", "offset") and when.span.earliest and when.span.latest:
            y0, y1 = when.span.earliest.year + step, when.span.latest.year + step
            if not 1 <= y0 <= y1 <= 9999:
                return Resolution(None, "the count runs outside the years sedov reads")
            return Resolution(
                f"[{y0:04d}..{y1:04d}]",
                f"Resolved {said}: it spans more than one year, so the count gives a range of years.",
            )
        if year is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) spans more than one year")
        target = year + step
        if found.form == "within":
            return _within_year(found, when, anchor.edtf, year, said)
        return Resolution(point_text(target) + _approx(anchor.edtf), f"Resolved {said}.")
    month = _single_month(when)
    year_only = _single_year(when)
    if month is None and year_only is not None and found.form in ("offset", "next", "previous") and not when.interval:
        y0, m0 = divmod(year_only * 12 + step, 12)
        y1, m1 = divmod(year_only * 12 + 11 + step, 12)
        if not 1 <= y0 <= y1 <= 9999:
            return Resolution(None, "the count runs outside the years sedov reads")
        return Resolution(  # "six months later" than 1703: from July 1703 (January's count) to June 1704 (December's)
            f"[{y0:04d}-{m0 + 1:02d}..{y1:04d}-{m1 + 1:02d}]",
            f"Resolved {said}: it is a year, so the count gives the months it can reach.",
        )
    if month is None:
        return Resolution(None, f"months cannot be counted from {anchor.words!r}, which is not one month or day")
    year, mon = divmod(month[0] * 12 + month[1] - 1 + step, 12)
    if found.form == "within":
        first = when.span.earliest
        assert first is not None and when.start is not None
        if when.start.precision is Precision.DAY:
            last = (date(year, mon + 1, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            edges = (first, last) if m["side"].lower() == "later" else (first.replace(day=1), first)
            return Resolution(f"[{edges[0].isoformat()}..{edges[1].isoformat()}]", f"Resolved {said}.")
    return Resolution(point_text(year, mon + 1) + _approx(anchor.edtf), f"Resolved {said}.")


_DAY_RANGE = re.compile(r"\[\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}\]")
"""A moment known to a span of days ('at the age of 14': 23 December 1881 to 22 December 1882)."""


def step_of(found: Found) -> int:
    """How many units forward (or back) the expression counts."""
    m = found.match
    if found.form == "next":
        return 1
    if found.form == "previous":
        return -1
    if found.form == "offset":
        return _count(m["n"]) * (-1 if m["dir"].lower() in ("earlier", "before") else 1)
    return 0


_YEARLESS_OPERATORS = {"on": "{p}", "in": "{p}", "by": "[..{p}]", "until": "../{p}", "since": "{p}/..",
                       "from": "{p}/..", "during": "{p}/{p}", "born": "{p}", "died": "{p}", "that": "{p}",
                       "the following": "{p}", "the next": "{p}"}  # fmt: skip


def _yearless(found: Found, when: EdtfDate, anchor: Anchor) -> Resolution:
    """'On 20 August' after a dated sentence: the first such day on or after the anchor."""
    m = found.match
    year = _single_year(when)
    if year is None:
        return Resolution(None, f"it has no year, and the date before it ({anchor.words!r}) spans years")
    month = month_number(m["month"] or m["month2"] or m["month3"])
    day_text = m["day"] or m["day2"]
    day = int(day_text.rstrip("stndrh")) if day_text else None
    start = when.span.earliest
    assert start is not None
    which = (m["which"] or "").lower()
    op = " ".join(m["op"].lower().split())
    finer = when.start is not None and when.start.precision in (Precision.MONTH, Precision.DAY)
    if op == "that":  # "That June": the anchor's own year
        which = "that"
    elif op != "that" and op.startswith("the ") and not finer:  # "The following June", after a bare year
        lo_p, hi_p = point_text(year, month, day), point_text(year + 1, month, day)
        return Resolution(f"[{lo_p}..{hi_p}]", f"Resolved '{m.group()}' counted from {anchor.words!r} "
                          f"({anchor.edtf}): the year does not say which months are past, so either.")  # fmt: skip
    if which:  # "in December of that year", "in March of the following year": the year is said
        year += 1 if re.search(r"following|next", which) else 0
    elif (month, day or 31) < (start.month, start.day) and when.start is not None and when.start.precision in (
        Precision.MONTH, Precision.DAY
    ):  # fmt: skip
        year += 1
    try:
        point = point_text(year, month, day)
        parse_edtf(point)
    except ValueError:
        return Resolution(None, f"{year} has no such day")
    edtf = _YEARLESS_OPERATORS[op].format(p=point)
    words = m.group()[len(m["op"]) :].strip()
    if which:
        return Resolution(edtf, f"Resolved '{words}' counted from {anchor.words!r} ({anchor.edtf}), the last date "
                          "the text gives before it.")  # fmt: skip
    return Resolution(
        edtf, f"'{words}' has no year: taken as the first on or after {anchor.words!r} ({anchor.edtf}), "
        "the last date the text gives before it."
    )  # fmt: skip


def _within_year(found: Found, when: EdtfDate, edtf: str, year: int, said: str) -> Resolution:
    """'later that year': from the anchor to the year's end; 'earlier': from its start to the anchor."""
    later = found.match["side"].lower() == "later"
    if when.start is None or when.start.precision not in (Precision.MONTH, Precision.DAY) or when.interval:
        return Resolution(point_text(year), f"Resolved {said}: the year, as the text gives no finer date.")
    point = (edtf_ends(edtf)[0] or "").rstrip("~")
    if when.start.precision is Precision.DAY:
        lo, hi = (point, f"{year:04d}-12-31") if later else (f"{year:04d}-01-01", point)
    else:
        lo, hi = (point, f"{year:04d}-12") if later else (f"{year:04d}-01", point)
    return Resolution(f"[{lo}..{hi}]", f"Resolved {said}: {'after' if later else 'before'} it, within {year}.")


def _add_years(day: date, years: int) -> date:
    return birthday_in(day, day.year + years)


_ABOUT = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost)\b", re.IGNORECASE)


def _approximate(found: Found, resolved: Resolution) -> Resolution:
    """'at the age of about fifteen', 'around this time': the days, each marked approximate (EDTF '~')."""
    if resolved.edtf is None or not _ABOUT.search(found.text):
        return resolved
    lo, hi = edtf_ends(resolved.edtf)
    if resolved.edtf.startswith("["):
        edtf = f"[{lo + '~' if lo else ''}..{hi + '~' if hi else ''}]"
    elif "/" in resolved.edtf:
        edtf = f"{lo + '~' if lo else '..'}/{hi + '~' if hi else '..'}"
    else:
        edtf = resolved.edtf + "~"
    word = _ABOUT.search(found.text)
    assert word is not None
    return Resolution(edtf, resolved.note + f" The text says '{word.group().lower()}', so its days are approximate.")


def _age(found: Found, birth: EdtfDate | None, about_subject: bool, death: EdtfDate | None) -> Resolution:
    m = found.match
    if birth is None or birth.span.earliest is None or birth.span.latest is None:
        return Resolution(None, "the subject's birth is not given, so an age cannot be dated")
    if not about_subject:
        return Resolution(None, "the sentence may not be about the subject, whose birth is the only one known")
    if found.form == "age":
        first = last = _count(
            m["age_n"] or m["at_n"] or m["at_end"] or m["old_n"] or m["yoa_n"] or m["yo_n"] or m["was_n"] or m["late_n"]
        )
        what = f"age {first}"
        if m["age_half"] or m["at_half"]:  # "at thirteen and a half": the month that many months after the birth
            months = first * 12 + 6
            return _within_life(found, _add_months(birth.span.earliest, months),
                                _add_months(birth.span.latest, months + 1) - timedelta(days=1),
                                f"age {first} and a half ({months} months)", birth, death)  # fmt: skip
    else:
        decade = " ".join((m["decade"] or "teens").lower().split())  # "as a teenager": the teens
        base = int(decade[:2]) if decade[0].isdigit() else _DECADES_OF_LIFE[decade]
        top = 19 if base == 13 else base + 9
        if m["life_part"] and base == 13:  # the teens are seven years: early 13–14, mid 15–16, late 17–19
            first, last = {"early": (13, 14), "mid": (15, 16), "late": (17, 19)}[m["life_part"].lower()]
        elif m["life_part"]:
            a, b = DECADE_PARTS[m["life_part"].lower()]
            first, last = base + a, min(base + b, top)
        else:
            first, last = base, top
        what = f"ages {first} to {last}"
    lo = _add_years(birth.span.earliest, first)
    hi = _add_years(birth.span.latest, last + 1) - timedelta(days=1)
    return _within_life(found, lo, hi, what, birth, death)


def _within_life(found: Found, lo: date, hi: date, what: str, birth: EdtfDate, death: EdtfDate | None) -> Resolution:
    """An age's days, ended by the death, under the word before it ('by the age of 10', 'from the age of 7')."""
    m = found.match
    died = death.span.latest if death is not None else None
    clipped = ""
    if died is not None and hi > died:  # nothing is done at an age after death
        if lo > died:
            return Resolution(None, f"{what} falls after the subject's death ({death.display})")  # type: ignore[union-attr]
        hi, clipped = died, f", and ended by the death ({death.display})"  # type: ignore[union-attr]
    edtf = f"[{lo.isoformat()}..{hi.isoformat()}]"  # to the day, even from a birth known to the year
    born = birth.display
    op = (m["age_op"] or m["age_cl"] or ("by" if m["age_by"] else "")).lower() if found.form == "age" else ""
    if op in ("by", "until", "till", "before"):  # "by the age of 10": at the latest when the age ended
        edge = hi if op != "before" else lo - timedelta(days=1)
        edtf = f"../{edge.isoformat()}" if op in ("until", "till") else f"[..{edge.isoformat()}]"
        what = f"{op} {what}"
    elif op == "from":  # "from the age of 7": a stretch that began at that age
        edtf, what = f"{lo.isoformat()}/..", f"from {what}"
    return Resolution(edtf, f"Resolved '{found.text}' as {what}, counted from the subject's birth ({born}){clipped}.")


def _age_in_months(found: Found, birth: EdtfDate | None, about_subject: bool) -> Resolution:
    """'at the age of 15 months', 'four months old': the month after the birth that many months on."""
    m = found.match
    if birth is None or birth.span.earliest is None or birth.span.latest is None:
        return Resolution(None, "the subject's birth is not given, so an age cannot be dated")
    if not about_subject:
        return Resolution(None, "the sentence may not be about the subject, whose birth is the only one known")
    if m["days_n"]:  # "eighteen days old", "two weeks old": the day that many days after the birth
        days = _count(m["days_n"]) * (7 if m["days_unit"].lower().startswith("week") else 1)
        first, last = birth.span.earliest + timedelta(days=days), birth.span.latest + timedelta(days=days)
        if m["days_unit"].lower().startswith("week"):
            last += timedelta(days=6)
        edtf = first.isoformat() if first == last else f"[{first.isoformat()}..{last.isoformat()}]"
        return Resolution(edtf, f"Resolved '{found.text}' as {days} days after the subject's birth ({birth.display}).")
    months = _count(m["mo_n"] or m["mo_n2"])
    lo = _add_months(birth.span.earliest, months)
    hi = _add_months(birth.span.latest, months + 1) - timedelta(days=1)
    return Resolution(
        f"[{lo.isoformat()}..{hi.isoformat()}]",
        f"Resolved '{found.text}' as {months} months old, counted from the subject's birth ({birth.display}).",
    )


def _first_of_life(found: Found, birth: EdtfDate | None, about_subject: bool) -> Resolution:
    """'her first six months of life', 'the first ten years of his life': from the birth to the day before that age."""
    m = found.match
    if birth is None or birth.span.earliest is None or birth.span.latest is None:
        return Resolution(None, "the subject's birth is not given, so the first years of the life cannot be dated")
    if not about_subject:
        return Resolution(None, "the sentence may not be about the subject, whose birth is the only one known")
    n, unit = _count(m["fl_n"] or m["fl_n2"]), (m["fl_unit"] or m["fl_unit2"]).lower()
    if unit == "years":
        last = _add_years(birth.span.latest, n)
    elif unit == "months":
        last = _add_months(birth.span.latest, n)
    else:
        last = birth.span.latest + timedelta(days=n * (7 if unit == "weeks" else 1))
    return Resolution(
        f"{birth.text}/{(last - timedelta(days=1)).isoformat()}",
        f"Resolved '{found.text}' as from the subject's birth ({birth.display}) to the day before {n} {unit} old.",
    )


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def _after_event(found: Found, recall: Recall | None, near: Anchor | None = None) -> Resolution:
    """'after her divorce', 'a few months after her father's death', 'before becoming an editor'.

    The event is the nearest earlier dated sentence that names it (its stems,
    and its owner, "father", where one is given). "After" opens from its start,
    "before" closes at its end; a count the text does not give ("a few months")
    leaves the other side open. When no earlier sentence names it, a date told
    earlier in the same sentence is its date ("In 1851 she went to Cruces, but
    shortly after her arrival …"), for "after" only.
    """
    m = found.match
    if m["role"]:
        stems: tuple[str, ...] = (m["role"].lower(),)
        what = f"becoming {m['role']}"
        owner = None
        direction = "before"
    elif m["proper"]:  # "ten other mountains after Mount Everest": the name, as an earlier dated sentence gives it
        stems = (m["proper"].casefold(),)
        owner = None
        what = f"event of {m['proper']}"
        direction = m["ev_dir"].lower()
    elif m["gerund"]:  # "ten days after arriving": the verb's stem names the event
        stems = (_verb_stem(m["gerund"].lower()) + "+",)  # inflected: "after freeing" is not "a free man"
        owner = None
        what = f"event of '{m['gerund']}'"
        direction = m["ev_dir"].lower()
    elif m["past"]:  # "After he retired, …": the verb's stem, as the sentence that dated it has it
        stems = (m["past"].lower().removesuffix("ed").removesuffix("i") + "+",)
        owner = None
        what = f"event of '{m['past']}'"
        direction = m["ev_dir"].lower()
    else:
        stems = EVENT_NOUNS.get(m["noun"].lower()) or (_stem(m["noun"].lower()),)
        owner = m["owner"].lower() if m["owner"] else None
        if m["of_owner"] and owner is None:  # "the death of Shastri", "the death of her father"
            owner = m["of_owner"].lower()
        what = f"{m['owner'] + chr(8217) + 's ' if m['owner'] else ''}{m['noun']}"
        what += f" of {m['of_owner']}" if m["of_owner"] else ""
        if m["adj"] and m["adj"][0].isupper():  # "the October Revolution" is not any revolution the text dates
            owner, what = m["adj"].lower(), f"{m['adj']} {m['noun']}"
        direction = m["ev_dir"].lower()
    antecedent = recall(stems, owner) if recall is not None else None
    said = ""
    if antecedent is None and near is not None and direction in ("after", "following"):
        antecedent = near
        said = (f"counted from {near.words!r} ({near.edtf}), the date told earlier in its sentence, "
                f"as the time of the {what}")  # fmt: skip
    if antecedent is None and m["role"]:  # "before becoming a gardener"
        became = re.search(r"becom\w*\s+(?P<rest>.+)$", found.text, re.IGNORECASE)
        role = became["rest"] if became else m["role"]
        return Resolution(None, f"the text does not say, before this, when the subject became {role}")
    if antecedent is None:
        return Resolution(None, f"the text dates no {what} before it")
    lo, hi = edtf_ends(antecedent.edtf)
    said = said or f"counted from {antecedent.words!r} ({antecedent.edtf}), where the text dates the {what}"
    if direction in ("during", "upon", "on") or direction.startswith("at"):
        return Resolution(antecedent.edtf, f"Resolved '{found.text}' {said}: at the same time.")
    if direction in ("after", "following"):
        if lo is None:
            return Resolution(None, f"the {what} has no start ({antecedent.words!r})")
        if m["ev_n"]:
            counted = _counted_from(lo, _count(m["ev_n"]), m["ev_unit"].lower().rstrip("s"))
            if counted is not None:
                return Resolution(counted, f"Resolved '{found.text}' {said}.")
        return Resolution(
            f"[{lo}..]", f"Resolved '{found.text}' {said}: on or after it, by how much the text does not say."
        )
    if hi is None:
        return Resolution(None, f"the {what} has no end ({antecedent.words!r})")
    if direction == "before" and lo == hi and len(hi) == 10:  # "Before his birth", a day: by the day before it
        return Resolution(f"[..{_day_before(hi)}]", f"Resolved '{found.text}' {said}: before that day.")
    return Resolution(f"[..{hi}]", f"Resolved '{found.text}' {said}: on or before it.")


def _day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _own_death(found: Found, death: EdtfDate | None, about_subject: bool, near: Anchor | None) -> Resolution | None:
    """'until her death', 'after his death' in a sentence about the subject: the subject's death, as the text dates
    it. "Until" runs from a date told earlier in the sentence ("moved to Oslo in 1924, where she lived until her
    death"), else from an open start."""
    m = found.match
    if death is None or not about_subject or (m["noun"] or "").lower() != "death" or m["owner"] or m["of_owner"]:
        return None
    if (m["det"] or "").lower() not in ("his", "her", "their") or m["ev_n"] or m["ev_soon"]:
        return None
    direction = " ".join(m["ev_dir"].lower().split())
    lo, hi = edtf_ends(death.text)
    said = f"Resolved '{found.text}' as the subject's death ({death.display})"
    if direction in ("on", "upon", "during", "at the time of"):
        return Resolution(death.text, f"{said}: at the time of it.")
    if direction == "until" and hi is not None:
        start = edtf_ends(near.edtf)[0] if near is not None else None
        if start is not None:
            return Resolution(f"{start}/{hi}", f"{said}, from {near.words!r} ({near.edtf}) earlier in its sentence.")  # type: ignore[union-attr]
        return Resolution(f"../{hi}", f"{said}: a stretch that ended with it, its start not given.")
    if direction in ("after", "following") and lo is not None:
        return Resolution(f"[{lo}..]", f"{said}: on or after it.")
    if direction == "before" and hi is not None and lo == hi and len(hi) == 10:  # a day: by the day before it
        return Resolution(f"[..{_day_before(hi)}]", f"{said}: before that day.")
    if direction == "before" and hi is not None:
        return Resolution(f"[..{hi}]", f"{said}: on or before it.")
    return None


def _before_own_death(found: Found, death: EdtfDate | None, about_subject: bool) -> Resolution | None:
    """'two years before her death', in a sentence about the subject: counted back from the death as
    the text dates it, in whole years (or months), as 'two years later' counts forward from a year."""
    m = found.match
    if not m["own_death"] or death is None or not about_subject:
        return None
    lo, hi, unit, n = death.span.earliest, death.span.latest, m["unit"].lower().rstrip("s"), _count(m["n"])
    if lo is None or hi is None or unit not in ("year", "decade", "month"):
        return None
    if unit == "month":
        if (lo.year, lo.month) != (hi.year, hi.month):
            return None
        months = lo.year * 12 + lo.month - 1 - n
        edtf = f"{months // 12:04d}-{months % 12 + 1:02d}"
    else:
        if lo.year != hi.year:
            return None
        edtf = f"{lo.year - n * (10 if unit == 'decade' else 1):04d}"
    return Resolution(edtf, f"Resolved '{found.text}' as counted back from the subject's death ({death.display}), "
                            f"in whole {unit}s.")  # fmt: skip


def _to_the_death(found: Found, anchor: Anchor | None, death: EdtfDate | None, about_subject: bool) -> Resolution:
    """'for the rest of her life': from the time the text has reached to the subject's death; 'her last years':
    a stretch that ended with the death, its start not given."""
    if not about_subject:
        return Resolution(None, "the sentence may not be about the subject, whose death is the only one known")
    died = edtf_ends(death.text)[1] if death is not None else None
    if death is None or died is None:
        return Resolution(None, "the subject's death is not given, so the end of the life cannot be dated")
    if found.form == "last_years" and re.search(r"months|days", found.text, re.IGNORECASE):
        assert death.span.earliest is not None and death.span.latest is not None
        first_day = _add_years(death.span.earliest, -1) + timedelta(days=1)
        return Resolution(f"[{first_day.isoformat()}..{death.span.latest.isoformat()}]", f"Resolved '{found.text}' "
                          f"as within the year before the subject's death ({death.display}).")  # fmt: skip
    if found.form == "last_years":
        return Resolution(f"../{died}", f"Resolved '{found.text}' as a stretch that ended with the subject's death "
                          f"({death.display}), its start not given.")  # fmt: skip
    start = edtf_ends(anchor.edtf)[0] if anchor is not None else None
    if anchor is None or start is None:
        return Resolution(None, NO_ANCHOR)
    if parse_edtf(start).span.earliest > death.span.latest:  # type: ignore[operator]
        return Resolution(None, f"the date before it ({anchor.words!r}) is after the subject's death")
    return Resolution(f"{start}/{died}", f"Resolved '{found.text}' from {anchor.words!r} ({anchor.edtf}), the last "
                      f"date the text gives before it, to the subject's death ({death.display}).")  # fmt: skip


def _duration(found: Found, when: EdtfDate, anchor: Anchor, said: str) -> Resolution:
    """'for three years', 'for nearly a year', 'lasted two more years', 'for a year and nine months': a period
    from the date told before it (after a period, from its end), at that date's own precision: whole years from
    a year, months from a month or a day."""
    m = found.match
    groups = m.groupdict()
    unit = (groups.get("dur_unit") or groups["da_unit"]).lower().rstrip("s")
    months = _count(groups.get("dur_n") or groups["da_n"]) * {"decade": 120, "year": 12, "month": 1}[unit]
    months += _count(m["dur_m"]) if groups.get("dur_m") else 0
    lo, hi = edtf_ends(anchor.edtf)
    if groups.get("dur_min"):  # "for over 30 years": from it, at least that long, so no end
        if lo is None:
            return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
        return Resolution(f"{lo}/..", f"Resolved {said}: a stretch from it of more than {found.text.split()[-2]} "
                          f"{unit}s, so no end.")  # fmt: skip
    if when.one_of and lo is not None and hi is not None and len(lo) == len(hi) == 10:
        # from an age known to the day ('When she was 18 … She taught there for 17 years'): from the age's first
        # day to that long after its last
        end = _add_months(date.fromisoformat(hi), months)
        if end.year > 9999:
            return Resolution(None, "the count runs past year 9999")
        return Resolution(f"{lo}/{end.isoformat()}", f"Resolved {said}: from its first day to {months} months after "
                          "its last.")  # fmt: skip
    year = _single_year(when) if not when.interval else None
    first_year = year if year is not None else (when.span.latest.year if when.interval and when.span.latest else None)
    if first_year is None:
        return Resolution(None, f"the date before it ({anchor.words!r}) spans more than one year")
    month = _single_month(when) if not when.interval else None
    if first_year + months // 12 + 1 > 9999:
        return Resolution(None, "the count runs past year 9999")
    how = f" The text says '{m['dur_about'].lower()}'." if groups.get("dur_about") else ""
    if month is None and months % 12 == 0:
        return Resolution(
            f"{first_year:04d}/{first_year + months // 12:04d}",
            f"Resolved {said}: {months // 12} years on from {first_year}, counted in whole years (the text gives no "
            f"finer date).{how}",
        )
    start = edtf_ends(anchor.edtf)[0] if month is not None else f"{first_year:04d}"
    base = month if month is not None else (first_year, 12)  # from a bare year, the count ends by its December on
    y, mo = divmod(base[0] * 12 + base[1] - 1 + months, 12)
    return Resolution(
        f"{start}/{y:04d}-{mo + 1:02d}",
        f"Resolved {said}: {months} months on from it, counted in whole months.{how}",
    )


def _after_n(found: Found, when: EdtfDate, anchor: Anchor, said: str) -> Resolution:
    """'after six months', 'following nineteen months', 'After a year': that long after the date told before it
    (after a period, after its end). Months from a bare year give the months they can fall in."""
    m = found.match
    unit = m["an_unit"].lower().rstrip("s")
    n = _count(m["an_n"]) * (10 if unit == "decade" else 1)
    unit = "year" if unit == "decade" else unit
    lo, hi = edtf_ends(anchor.edtf)
    point = (hi if when.interval else lo) or lo
    if point is None:
        return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
    point = point.rstrip("~")
    year, month = int(point[:4]), int(point[5:7]) if re.match(r"\d{4}-(?:0[1-9]|1[0-2])\b", point) else None
    if unit == "year":  # in whole years, as "two years later" counts: the anchor's year on
        counted: str | None = f"{year + n:04d}" if year + n <= 9999 else None
    elif unit == "month" and month is not None:  # in whole months ("six months after 3 May" is November)
        y, mo = divmod(year * 12 + month - 1 + n, 12)
        counted = f"{y:04d}-{mo + 1:02d}"
    elif unit == "month":  # from a bare year: the months it can reach, from January's count to December's
        first, last = divmod(year * 12 + n, 12), divmod(year * 12 + 11 + n, 12)
        counted = f"[{first[0]:04d}-{first[1] + 1:02d}..{last[0]:04d}-{last[1] + 1:02d}]"
    else:
        counted = _counted_from(point, n, unit)
    if counted is None:
        return Resolution(None, f"{unit}s cannot be counted from {anchor.words!r}")
    return Resolution(counted, f"Resolved {said}: {n} {unit}{'s' if n != 1 else ''} after it.")


def _rest_of(found: Found, anchor: Anchor | None) -> Resolution:
    """'spent the rest of the decade trying …': from the date told before it to the end of that year, decade or
    century (the one the date falls in, counted from its '0 or '00 year)."""
    if anchor is None:
        return Resolution(None, NO_ANCHOR)
    lo, hi = edtf_ends(anchor.edtf)
    if lo is None:
        return Resolution(None, f"the date before it ({anchor.words!r}) has no start")
    unit = found.match["rest_unit"].lower()
    year = int((hi or lo)[:4])
    last = {"year": year, "decade": year // 10 * 10 + 9, "century": year // 100 * 100 + 99}[unit]
    if int(lo[:4]) > last:
        return Resolution(None, f"the date before it ({anchor.words!r}) spans more than one {unit}")
    return Resolution(f"{lo}/{last:04d}", f"Resolved '{found.text}' from {anchor.words!r} ({anchor.edtf}), the last "
                      f"date the text gives before it, to the end of its {unit} ({last}).")  # fmt: skip


def _counted_from(point: str, n: int, unit: str) -> str | None:
    """``n`` units after an EDTF point at the point's own precision, when it is at least as fine as the unit."""
    bare = point.rstrip("~")
    m = re.fullmatch(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?", bare)
    if m is None:
        return None
    year, month, day = int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    if unit == "year":
        if month is None or day is None:
            return point_text(year + n, month)
        return birthday_in(date(year, month, day), year + n).isoformat()
    if unit == "month" and month is not None:
        y, mo = divmod(year * 12 + month - 1 + n, 12)
        if day is None:
            return point_text(y, mo + 1)
        return _add_months(date(year, month, day), n).isoformat()
    if unit in ("day", "week") and month is not None and day is not None:
        return (date(year, month, day) + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    return None


def _verb_stem(gerund: str) -> str:
    """'arriving' -> 'arriv', 'winning' -> 'win', 'marrying' -> 'marr': what the verb's past tense shares."""
    stem = gerund.removesuffix("ing")
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]
    return stem.removesuffix("y") if len(stem) > 3 else stem


def _month_after(edtf_end: str, months: int) -> str:
    """The month ``months`` after the month of an EDTF end ('1913-02' + 2 -> '1913-04'; a year: its December on)."""
    year = int(edtf_end[:4])
    month = int(edtf_end[5:7]) if len(edtf_end) >= 7 and edtf_end[5:7].isdigit() and int(edtf_end[5:7]) <= 12 else 12
    y, mo = divmod(year * 12 + month - 1 + months, 12)
    return f"{y:04d}-{mo + 1:02d}"


def _birthday(found: Found, birth: EdtfDate | None, about_subject: bool) -> Resolution:
    """'On her 16th birthday': the day itself, when the birth is known to the day."""
    if birth is None or birth.span.earliest is None or birth.span.latest is None:
        return Resolution(None, "the subject's birth is not given, so a birthday cannot be dated")
    if not about_subject:
        return Resolution(None, "the sentence may not be about the subject, whose birth is the only one known")
    n = int(found.match["bd_n"])
    lo, hi = _add_years(birth.span.earliest, n), _add_years(birth.span.latest, n)
    edtf = lo.isoformat() if lo == hi else f"[{lo.isoformat()}..{hi.isoformat()}]"
    return Resolution(
        edtf, f"Resolved '{found.text}' as the {n}th birthday, from the subject's birth ({birth.display})."
    )


_SUFFIXES = ("ment", "ation", "tion", "sion", "ance", "ence", "ure")


def _stem(noun: str) -> str:
    """'displacement' -> 'displac', 'departure' -> 'depart', 'arrival' -> 'arriv': what its verb shares with it."""
    for suffix in _SUFFIXES:
        if noun.endswith(suffix) and len(noun) - len(suffix) >= 4:
            return noun[: -len(suffix)].rstrip("e")
    return noun
