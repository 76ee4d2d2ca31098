"""Round 5 of issue 18: conventions, relative and open dates read the way any biography writes them.

Every sentence here is composed for its test, never copied from a development
or held-out text. Each test pins the exact dates and notes drafted, and each
failed on the code before its rule.
"""

from __future__ import annotations

from typing import Any

from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Draft, Source
from sedov_cli.extraction.splitting import sentences


def _draft(text: str) -> Draft:
    return draft_dataset(text, Source("a.txt"))


def _events(text: str) -> list[tuple[str, str]]:
    return [(e["date"], e["title"]) for e in _draft(text).dataset["events"]]


def _event(text: str, title: str) -> dict[str, Any]:
    return next(e for e in _draft(text).dataset["events"] if e["title"] == title)


LIFE = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a Norwegian poet. "


def test_a_replacement_character_after_a_stop_ends_the_sentence() -> None:
    text = "She left Oslo in 1920.\ufffd In 1921 she married.\ufffd"
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == ["She left Oslo in 1920.", "In 1921 she married."]


def test_an_age_said_with_the_subjects_name_or_a_first_name_before_the_surname() -> None:
    text = "= Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a poet. In 1915, Lee was fifteen years old and left home."
    assert _events(text)[2:] == [("1915", "Lee was fifteen years old and left home")]
    bound = _event(text, "Lee was fifteen years old and left home")["bounds"]
    assert [(b["side"], b["date"]) for b in bound] == [("earliest", "1915-05-03")]
    # the text calls her "Lee"; "Ann Lee" is her too, while "Tom Berg" is not
    named = "= Lee =\n\nLee (born 3 May 1900) was a poet. Ann Lee wrote at the age of 9. Tom Berg sang at the age of 9."
    assert _events(named)[1:] == [("[1909-05-03..1910-05-02]", "Ann Lee wrote")]


def test_an_age_at_a_clauses_end_after_the_verbs_object() -> None:
    text = LIFE + "She began writing for the Oslo paper at 15 and for the Bergen paper at 17."
    assert _events(text)[2:] == [
        ("[1915-05-03..1916-05-02]", "She began writing for the Oslo paper and for the Bergen paper"),
        ("[1917-05-03..1918-05-02]", "She began writing for the Oslo paper and for the Bergen paper"),
    ]
    # a place in a list or on a scale is no age
    assert _events(LIFE + "In 1931 her book peaked at 15 and stayed there.")[2:] == [
        ("1931", "Her book peaked and stayed there")
    ]


def test_the_age_of_a_death_is_not_cut_short_by_the_death_it_restates() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 March 1980) was a poet. In 1950 she moved.\n\n"
        "== Death ==\nShe died in 1980 at the age of 79.\n"
    )
    event = _event(text, "She died")
    assert event["date"] == "1980"
    assert [(b["side"], b["date"]) for b in event["bounds"]] == [("latest", "1980-05-02")]


def test_when_the_subject_was_born() -> None:
    text = LIFE + "Her parents were only 19 and 20 years old when Ann was born."
    event = _event(text, "Her parents were only 19 and 20 years old")
    assert event["date"] == "1900-05-03"
    assert event["certainty"] == "inferred"
    assert event["note"] == "Resolved 'when Ann was born' as the subject's birth (3 May 1900)."
    # someone else's birth is not hers
    assert _events(LIFE + "Her mother was 40 years old when Tom was born. In 1950 she moved.")[2:] == [
        ("1950", "She moved")
    ]


def test_the_first_months_of_a_life() -> None:
    text = LIFE + "Her father was away at sea, so Ann spent her first three months of life with an aunt."
    event = _event(text, "Ann spent her first three months of life with an aunt")
    assert event["date"] == "1900-05-03/1900-08-02"
    assert event["note"] == (
        "Resolved 'her first three months of life' as from the subject's birth (3 May 1900) to the day before "
        "3 months old."
    )


def test_a_date_in_an_aside_does_not_move_the_storys_time() -> None:
    """'soon' once counted from the reprint in the parenthesis: a date there dates only the aside."""
    text = LIFE + "In 1930 she published a book (it was reprinted in 1960). She soon left for Paris."
    event = _event(text, "She left for Paris")
    assert event["date"] == "[1930..]"
    assert event["note"] == (
        "Resolved 'soon' counted from '1930' (1930), the last date the text gives before it: on or after it, "
        "by how much the text does not say."
    )


def test_over_the_course_of_the_next_years_and_whereupon() -> None:
    text = LIFE + "In 1930 she joined a theatre. Over the course of the next six years, she wrote four plays."
    assert _events(text)[3:] == [("1930/1936", "She wrote four plays")]
    text = LIFE + "Her party won the 1931 election, whereupon she became a minister."
    assert _events(text)[2:] == [
        ("1931", "Her party won election"),
        ("[1931..]", "She became a minister"),
    ]


def test_the_rest_of_the_decade_and_the_rest_of_her_life() -> None:
    text = LIFE + "She reached Rome on 3 June 1951 and spent the rest of the decade writing."
    assert _events(text)[2:] == [
        ("1951-06-03", "She reached Rome and spent writing"),
        ("1951-06-03/1959", "She reached Rome and spent writing"),
    ]
    text = LIFE + "She was hurt in 1931. It took a year to heal, and for the rest of her life, Ann walked with a stick."
    assert _events(text)[3:] == [("1931/1980-06-09", "Ann walked with a stick")]
    text = LIFE + "She retired in 1966. She lived the rest of her life in Bergen."
    assert _events(text)[3:] == [("1966/1980-06-09", "She lived in Bergen")]
    # "his life" in the life of a woman the text calls "she" is another's
    text = LIFE + "She met Tom Ek in 1931. She said he lived the rest of his life in Oslo. "
    text += "She wrote, she sang, she swam, she ran."
    assert _events(text)[3:] == []


def test_after_a_count_that_opens_its_clause_counts_on_from_the_date_before_it() -> None:
    text = LIFE + "In 1921 she took a post in Oslo, and after six months she was sent to Rome."
    event = _event(text, "She was sent to Rome")
    assert event["date"] == "[1921-07..1922-06]"
    assert event["note"] == (
        "Resolved 'after six months' counted from '1921' (1921), the last date the text gives before it: "
        "6 months after it."
    )
    text = LIFE + "She reached Oslo on 4 May 1930. Following three months at a school, she moved to Rome."
    assert _event(text, "She moved to Rome")["date"] == "1930-08"
    text = LIFE + "She married in 1930. After two years she left for Rome."
    assert _event(text, "She left for Rome")["date"] == "1932"
    # at a clause's end it says how long something had lasted, counted back: no date of its own
    text = LIFE + "She won the seat in 1950, when her rival lost it after nine years."
    assert _events(text)[2:] == [("1950", "She won the seat")]


def test_months_counted_from_a_bare_year_give_the_months_they_can_reach() -> None:
    text = LIFE + "She married in 1930. Six months later she left for Rome."
    event = _event(text, "She left for Rome")
    assert event["date"] == "[1930-07..1931-06]"
    assert event["note"] == (
        "Resolved 'Six months later' counted from '1930' (1930), the last date the text gives before it: it is a "
        "year, so the count gives the months it can reach."
    )


def test_durations_in_years_and_months_and_what_lasted() -> None:
    text = LIFE + "She fell ill in June 1929. She was kept in bed for nearly a year."
    event = _event(text, "She was kept in bed")
    assert event["date"] == "1929-06/1930-06"
    assert event["note"] == (
        "Resolved 'for nearly a year' counted from 'June 1929' (1929-06), the last date the text gives before it: "
        "12 months on from it, counted in whole months. The text says 'nearly'."
    )
    text = LIFE + "She took a post in Bergen in 1931. Her tenure there lasted two more years."
    assert _event(text, "Her tenure there lasted")["date"] == "1931/1933"
    text = LIFE + "She reached Oslo on 4 May 1930. She taught there for a year and nine months."
    assert _event(text, "She taught there")["date"] == "1930-05-04/1932-02"


def test_a_death_given_only_by_an_age_beside_a_weekday_is_the_death() -> None:
    text = "= Ann Lee =\n\nAnn Lee (born 3 May 1900) was a poet. In 1950 she moved. "
    draft = _draft(text + "She died on Thursday at the age of 72.\n")
    subject = draft.dataset["people"][0]
    note = (
        "The text gives the death by an age only ('died on Thursday at the age of 72'): age 72, counted from the "
        "birth (1900-05-03)."
    )
    assert (subject["death"]["date"], subject["death"]["certainty"], subject["death"]["note"]) == (
        "[1972-05-03..1973-05-02]",
        "inferred",
        note,
    )
    dies = next(e for e in draft.dataset["events"] if e["title"] == "Ann Lee dies")
    assert (dies["date"], dies["certainty"], dies["tags"], dies["note"]) == (
        "[1972-05-03..1973-05-02]",
        "inferred",
        ["death"],
        note,
    )
    # another's death is not hers
    assert "death" not in _draft(text + "Her husband died at the age of 72.").dataset["people"][0]


def test_a_life_date_subtitle_is_the_subjects_life_not_a_period() -> None:
    for subtitle in ("American astronomer (1898–1990).", "**American astronomer (1898–1990)**"):
        text = f"Ann Lee\n\n{subtitle}\n\nAnn Lee was an astronomer. In 1925 she married Tom Ek.\n"
        assert _events(text) == [("1898", "Ann Lee is born"), ("1990", "Ann Lee dies"), ("1925", "She married Tom Ek")]
    # the prose's day wins over the subtitle's year; a dash a copy lost ("18981990") is still two years
    text = "Ann Lee\n\nAstronomer (18981990)\n\nAnn Lee was born on 3 May 1898. In 1925 she married Tom Ek.\n"
    assert _events(text) == [  # the subtitle's line is quoted as its own, as an infobox line, and comes first
        ("1990", "Ann Lee dies"),
        ("1898-05-03", "Ann Lee is born"),
        ("1925", "She married Tom Ek"),
    ]


def test_shortly_after_someone_did_something_on_a_day() -> None:
    text = LIFE + "Shortly after her friend Tom Ek resigned on 4 May 1931, she left for Rome."
    assert _events(text)[2:] == [("[1931-05-04..]", "She left for Rome"), ("1931-05-04", "Her friend Tom Ek resigned")]


def test_until_a_year_when_it_ended_and_after_he_did_it() -> None:
    text = (
        LIFE
        + "She ran the paper until 1960, when she retired. After she retired, Ann lived in Bergen and wrote in 1965."
    )
    events = _draft(text).dataset["events"][2:]
    assert [(e["date"], e["title"]) for e in events] == [
        ("../1960", "She ran the paper"),
        ("1960", "She retired"),
        ("[1960..]", "Ann lived in Bergen and wrote"),
        ("1965", "Ann lived in Bergen and wrote"),
    ]
    assert events[1]["note"] == "'when she retired' is the end of 'until 1960': 1960."
    assert events[2]["note"] == (
        "Resolved 'After she retired' counted from 'until 1960' (1960), where the text dates the event of "
        "'retired': on or after it, by how much the text does not say."
    )


def test_an_open_end_is_closed_by_a_later_date_of_its_own_sentence() -> None:
    text = LIFE + "She married in 1925. She soon moved to Paris, and she opened a school there on 4 May 1931."
    event = _event(text, "She moved to Paris")
    assert event["date"] == "[1925..1931-05-04]"
    assert event["note"] == (
        "Resolved 'soon' counted from '1925' (1925), the last date the text gives before it: on or after it, by "
        "how much the text does not say. It is told before '4 May 1931' in its sentence, so no later than "
        "that (1931-05-04)."
    )
    text = LIFE + "Her party won the election on 2 May 1945. After a period of talks, it formed a government, "
    text += "and she was sworn in on 9 June 1945."
    assert _event(text, "It formed a government")["date"] == "[1945-05-02..1945-06-09]"
    # a date before the start closes nothing
    text = LIFE + "She married in 1925. She soon moved to Paris, where her mother had lived in 1910."
    assert _event(text, "She moved to Paris")["date"] == "[1925..]"


def test_an_opening_that_tells_the_birth_again_is_not_a_claim_and_its_clause_is_the_subjects() -> None:
    text = LIFE + "Born in a small village in 1900, at age 16 she left for Oslo to study."
    assert _events(text)[2:] == [("[1916-05-03..1917-05-02]", "She left for Oslo to study")]
    # a year that is not the birth's is the clause's own date
    text = LIFE + "Born in a small village, in 1916 she left for Oslo."
    assert _events(text)[2:] == [("1916", "Born in a small village, she left for Oslo")]


def test_a_stretch_until_her_death_in_a_year_ends_on_the_day_of_the_death() -> None:
    event = _event(LIFE + "She edited the paper from 1946 until her death in 1980.", "She edited the paper")
    assert event["date"] == "1946/1980-06-09"
    assert event["note"] == (
        "'from 1946 until her death in 1980' read as ending on the subject's death (9 June 1980), which falls in 1980."
    )
    # a year that does not hold the death keeps its own end
    assert _event(LIFE + "She edited the paper from 1946 until her death in 1979.", "She edited the paper")["date"] == (
        "1946/1979"
    )


def test_an_age_in_the_main_clause_takes_the_year_of_an_opening_when_clause() -> None:
    text = LIFE + "When the war reached Oslo in 1916, and the schools closed, she was sent to Bergen at the age of 16."
    events = _draft(text).dataset["events"][2:]
    assert [(e["date"], e["title"]) for e in events] == [
        ("1916", "The war reached Oslo"),
        ("1916", "She was sent to Bergen"),
    ]
    assert [(b["side"], b["date"]) for b in events[1]["bounds"]][:1] == [("earliest", "1916-05-03")]
    assert events[1]["note"] == (
        "'at the age of 16' is the time of 'When the war reached Oslo in 1916' (1916), the clause that opens the "
        "sentence: its year, narrowed by the age."
    )


def test_several_years_later_claims_no_more_than_after() -> None:
    event = _event(LIFE + "She bought a house in 1950. She moved there several years later.", "She moved there")
    assert event["date"] == "[1950..]"
    assert event["note"] == (
        "Resolved 'several years later' counted from '1950' (1950), the last date the text gives before it: after "
        "it, by how many years the text does not say."
    )
