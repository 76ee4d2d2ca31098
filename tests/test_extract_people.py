"""People the prose marks as people: a relation before the name, or a role after it.

A capitalised run alone is never a person ("Adolf Hitler came to power",
"the New York Times", "Paris, the capital"); the relation is kept in the
article's words, because "his" may be someone else's.
"""

from __future__ import annotations

from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Source
from sedov_cli.extraction.people import find_people


def _found(sentence: str) -> list[tuple[str, str]]:
    return [(f.name, f.relation) for f in find_people(sentence)]


def test_a_relation_before_the_name_or_a_role_after_it_marks_a_person() -> None:
    assert _found("In 1935 he and his partner, Jeanne Martin, took in his young nephew, Vsevolod Volkov.") == [
        ("Jeanne Martin", "his partner"),
        ("Vsevolod Volkov", "his young nephew"),
    ]
    assert _found("His father Josef Brandt was a baker.") == [("Josef Brandt", "His father")]
    assert _found("She married the painter Karl Holm, a friend of her brother.") == [("Karl Holm", "the painter")]
    long = "Pavel Sudoplatov, a lieutenant general in the NKVD who at that time was in charge of planning many murders."
    assert _found(long) == [  # a long role ends at a whole word
        ("Pavel Sudoplatov", "a lieutenant general in the NKVD who at that time was in charge of planning many…")
    ]


def test_names_without_those_marks_are_not_people() -> None:
    assert _found("Just before Adolf Hitler came to power in 1933, Sedov moved to Paris.") == []
    assert _found("He moved to Paris, the capital of France, with his wife.") == []
    assert _found("In 1930 the New York Times, a newspaper, wrote about her.") == []
    assert _found("The University of Oslo, the oldest in Norway, hired her.") == []
    assert _found("She met Anna Lind, the first woman to climb it.") == []  # no role word: not read


def test_a_draft_lists_them_and_links_them_to_the_events_they_take_part_in() -> None:
    text = (
        "= Ida Berg =\n\nIda Berg (12 March 1911 – 4 October 1979) was a Swedish chemist.\n\n== Life ==\n"
        "Her teacher, Max Weber, took her to Uppsala in 1929. In 1936 Weber retired. "
        "In 1940 she met Karl Holm, a physicist at Lund.\n"
    )
    dataset = draft_dataset(text, Source("a.txt")).dataset
    assert [(p["id"], p["name"], p["relation"]) for p in dataset["people"]] == [
        ("ida-berg", "Ida Berg", "the subject"),
        ("max-weber", "Max Weber", "her teacher"),
        ("karl-holm", "Karl Holm", "a physicist at Lund"),
    ]
    assert [(e["date"], e["people"]) for e in dataset["events"] if e["date"] in ("1929", "1936", "1940")] == [
        ("1929", ["max-weber"]),
        ("1936", ["max-weber"]),  # the surname alone, which no one else bears
        ("1940", ["karl-holm"]),
    ]


def test_a_claim_according_to_someone_is_theirs_and_they_take_no_part_in_it() -> None:
    from sedov_cli.extraction.people import find_claimant

    assert find_claimant("The bloc was dissolved in early 1933, according to Pierre Broué.") == "Pierre Broué"
    assert find_claimant("According to some historians, he was murdered in 1938.") == "some historians"
    assert find_claimant("According to his biographer Isaac Deutscher, he left in 1930.") == "Isaac Deutscher"
    assert find_claimant("According to the 1930 census, she lived in Oslo.") is None
    assert find_claimant("According to Soviet sources he died in 1938.") is None  # no one named
    text = (
        "= Ida Berg =\n\nIda Berg (12 March 1911 – 4 October 1979) was a Swedish chemist.\n\n== Life ==\n"
        "Her teacher, Max Weber, praised her in 1930. According to Max Weber, she left Uppsala in 1931.\n"
    )
    events = draft_dataset(text, Source("a.txt")).dataset["events"]
    assert [(e["date"], e["certainty"], e.get("claimed_by"), e["people"]) for e in events[2:]] == [
        ("1930", "stated", None, ["max-weber"]),
        ("1931", "attributed", "Max Weber", []),
    ]


def test_a_title_line_with_roles_years_or_a_site_gives_the_name_and_a_subjectless_born_gives_the_birth() -> None:
    text = (
        "Actor Rapper Tupac Shakur 1971 - 1996\n\nRapper, actor. Born on June 16, 1971, in New York, New York. "
        "In 1991, Shakur emerged as a solo artist.\n"
    )
    dataset = draft_dataset(text, Source("a.txt")).dataset
    subject = dataset["people"][0]
    assert (subject["name"], subject["birth"]["date"]) == ("Tupac Shakur", "1971-06-16")
    assert [(e["date"], e["title"], e["places"]) for e in dataset["events"]] == [
        ("1971-06-16", "Tupac Shakur is born", ["new-york"]),  # once: the birth is not drafted again as a date
        ("1991", "Shakur emerged as a solo artist", []),
    ]
    sited_text = "Emmy Noether | SNAC\n\nEmmy Noether was a mathematician. In 1907 she received a doctorate.\n"
    sited = draft_dataset(sited_text, Source("a.txt")).dataset
    assert sited["people"][0]["name"] == "Emmy Noether"


def test_each_date_has_the_claimant_of_its_own_clause() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a poet.\n"
        "According to her sister Mary Lee, she wrote a novel in 1950, but Orlov says it was 1952.\n"
        "In 1960, as reported by The Times, she won a prize. In 1961 she said she would leave.\n"
    )
    events = draft_dataset(text, Source("a.txt")).dataset["events"]
    assert [(e["date"], e["certainty"], e.get("claimed_by")) for e in events[2:]] == [
        ("1950", "attributed", "Mary Lee"),
        ("1952", "attributed", "Orlov"),
        ("1960", "attributed", "The Times"),
        ("1961", "stated", None),  # "she said": the subject's own words are no one else's claim
    ]


def test_a_bare_role_before_a_name_marks_a_person_but_not_after_of_or_and() -> None:
    assert _found("In 1952 she studied optics with chemist Ilse Krogh in Bergen.") == [("Ilse Krogh", "chemist")]
    assert _found("At the clinic, where surgeon Otto Brenn trained him, he stayed.") == [("Otto Brenn", "surgeon")]
    assert _found("He and Inuit guide Aputsiaq Berthelsen crossed it.") == [("Aputsiaq Berthelsen", "guide")]
    # whose mother or partner "poet" is, the words do not say: the relation is read no further
    assert _found("She was the aunt of poet Lars Hovd and painter Siri Hovd.") == []


def test_a_relation_keeps_a_long_name_whole_and_a_given_name_set_off_by_commas() -> None:
    assert _found("Her mother, Maren Sofie Elise Dahl (née Krog), kept the farm.") == [
        ("Maren Sofie Elise Dahl", "Her mother")
    ]
    assert _found("He had a younger sister, Sigrun, who died young.") == [("Sigrun", "a younger sister")]
    assert _found("He had a younger sister, Oslo, who died young.") == []  # a place is no person
    assert _found("His cousin, Per, and he left.") == []  # a lone word not followed by a clause about her


def test_a_person_with_life_dates_gets_the_relation_the_text_gives_before_the_name() -> None:
    text = (
        "= Ola Rud =\n\nOla Rud (2 May 1870 – 1 June 1931) was a Norwegian painter.\n\n== Life ==\n"
        "His father, Anders Rud (1831–1899), was a ferryman. In 1890 Ola Rud left home.\n"
    )
    people = draft_dataset(text, Source("a.txt")).dataset["people"]
    assert [(p["name"], p["relation"], p.get("birth", {}).get("date")) for p in people] == [
        ("Ola Rud", "the subject", "1870-05-02"),
        ("Anders Rud", "his father", "1831"),
    ]


def test_the_words_around_a_name_can_say_it_is_a_place_where_the_gazetteer_does_not() -> None:
    from sedov_cli.extraction.names import find_places

    def places(sentence: str) -> list[str]:
        return find_places(sentence, frozenset())

    assert places("Ola Rud was born in 1870 at Nedre Voll, a farm by the fjord.") == ["Nedre Voll"]
    assert places("He grew up in the hamlet of Kvitsund, a day from the coast.") == ["Kvitsund"]
    assert places("She kept a cottage, an estate in Hovland near the lake.") == ["Hovland"]
    assert places("In 1889 the family moved to Tromsvik in search of work.") == ["Tromsvik"]
    assert places("He settled in Kvernby (present-day Oslo), Norway.") == ["Kvernby", "Oslo", "Norway"]
    assert places("He settled near Kvernby (present-day Oslo), Norway.") == ["Norway"]  # near, not in
    assert places("She was born at Nedre Voll on Midsummer Day.") == ["Nedre Voll"]  # the day is no part of it
    assert places("He returned to Catholicism in 1901.") == []  # a creed, not a place
    assert places("He painted in Kvitsund, Bergen and Oslo.") == []  # a city after the comma: no country
    assert places("The fund was named in Honour of her.") == []  # no word says a place, the gazetteer neither


def test_a_draft_gives_an_event_the_places_its_words_make_places() -> None:
    text = (
        "= Ola Rud =\n\nOla Rud (2 May 1870 – 1 June 1931) was a Norwegian painter.\n\n== Life ==\n"
        "He was born at Nedre Voll, a farm in the valley. In 1889 his family moved to Tromsvik.\n"
    )
    dataset = draft_dataset(text, Source("a.txt")).dataset
    assert [(p["id"], p["name"], p["parent"]) for p in dataset["places"]] == [
        ("nedre-voll", "Nedre Voll", None),  # where he was born: the birth event's place
        ("tromsvik", "Tromsvik", None),
    ]
    assert [(e["date"], e["places"]) for e in dataset["events"] if e["date"] == "1889"] == [("1889", ["tromsvik"])]


def test_a_name_in_the_latin_letters_of_any_european_language_is_read_whole() -> None:
    assert _found("Her aunt, Łucja Żak (née Bór), taught her.") == [("Łucja Żak", "Her aunt")]
    assert _found("His brother Šime Ćurić stayed behind.") == [("Šime Ćurić", "His brother")]


def test_known_places_named_comma_after_comma_after_a_place_are_places() -> None:
    from sedov_cli.extraction.names import find_places

    assert find_places("She grew up in Bergen, Norway, with an aunt.", frozenset()) == ["Bergen", "Norway"]
    assert find_places("He sang in Lyon, Geneva, Milan and Rome.", frozenset()) == ["Lyon", "Geneva", "Milan"]
    assert find_places("She sang in Oslo, Edvard Lund wrote.", frozenset()) == ["Oslo"]  # a person after the comma


def test_ids_keep_letters_that_have_no_ascii_mark_and_stop_at_a_whole_word() -> None:
    from sedov_cli.extraction.names import slug

    assert slug("Store Frøen") == "store-froen"  # not "store-fren": ø is a letter, not o with a mark
    assert slug("Łódź, Æbeltoft and Straße") == "lodz-aebeltoft-and-strasse"
    assert slug("Żółć") == "zolc"
    long = "The years of her apprenticeship with the cabinet makers of Amsterdam"
    assert slug(long) == "the-years-of-her-apprenticeship-with-the-cabinet"  # 48 at most, at a word's end
    assert slug("x" * 60) == "x" * 48  # one word longer than an id is the only one cut
    assert slug("ø", "place") == "o" and slug("…", "place") == "place"


def test_a_who_clause_is_about_the_name_right_before_who_not_one_further_back() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 16 April 1958) was a chemist.\n\n"
        "On 17 April 1958 a fair opened in Brussels, with a model by chemist Ann Lee who had died the day before.\n"
    )
    titles = [e["title"] for e in draft_dataset(text, Source("a.txt")).dataset["events"]]
    assert "Ann Lee had died" in titles and not any(t.startswith("Brussels had") for t in titles)
    comma = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 16 April 1958) was a chemist.\n\n"
        "She never met her sister, Eva Lee, daughter of Per Lee and Kari Holm, who died in 1922 at the age of five.\n"
    )
    assert "Eva Lee died" in [e["title"] for e in draft_dataset(comma, Source("a.txt")).dataset["events"]]


def test_the_birthplace_an_undated_sentence_gives_is_the_births_place() -> None:
    def born_in(body: str) -> list[str]:
        text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. " + body + "\n"
        events = draft_dataset(text, Source("a.txt")).dataset["events"]
        return next(e for e in events if "birth" in e["tags"])["places"]

    assert born_in("Born in Vienna, Austria, Ann Lee was the third of eight children.") == ["vienna"]
    assert born_in("She was born in Nedre Voll and grew up there.") == ["nedre-voll"]
    assert born_in("Born in Vienna, her brother was a doctor.") == []  # his birthplace, not hers
    assert born_in("She was born in Oslo on 3 May 1900.") == ["oslo"]  # "on 3 May" is no part of the place
