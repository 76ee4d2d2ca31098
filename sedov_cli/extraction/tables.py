"""The word tables extraction reads by: data, kept apart from the code that applies them.

HeidelTime keeps its patterns and normalisations as resources beside a small
engine, so that a reader can see (and a maintainer extend) what is
recognised without reading the engine. These tables play that part here:
what a page's chrome looks like, which sections are not the life, which
infobox keys exist, which words name a kind of place, and which nouns name an
earlier event ("after the operation").
All entries are compared casefolded.
"""

from __future__ import annotations

__all__ = [
    "CHROME_LINES",
    "CHROME_PATTERNS",
    "CHROME_PREFIXES",
    "CITATION_MARKS",
    "CITATION_PREFIXES",
    "EVENT_NOUNS",
    "INFOBOX_KEYS",
    "INFOBOX_SECTIONS",
    "LIFE_KEYS",
    "PLACE_KINDS",
    "REFERENCE_SECTIONS",
    "SITE_WORDS",
    "SKIP_SECTIONS",
]

CHROME_LINES = frozenset(
    line.strip().casefold()
    for line in """
    Jump to navigation
    Jump to search
    Jump to content
    Open main menu
    Main menu
    move to sidebar
    hide
    show
    Navigation
    Search
    Contents
    Contents hide
    (Top)
    Toggle the table of contents
    Edit
    [edit]
    Edit links
    Read
    View source
    View history
    Talk
    Article
    Tools
    Actions
    General
    Print/export
    Download as PDF
    Printable version
    In other projects
    Appearance
    Languages
    Add links
    Add languages
    Donate
    Create account
    Log in
    Personal tools
    Contribute
    Help
    Learn to edit
    Community portal
    Recent changes
    Upload file
    What links here
    Related changes
    Special pages
    Permanent link
    Page information
    Cite this page
    Get shortened URL
    Wikidata item
    English
    Loading
    Page semi-protected
    Page extended-protected
    Page protected
    Listen to this article
    Authority control
    Authority control databases
    Portals
    Privacy policy
    About Wikipedia
    Disclaimers
    Contact Wikipedia
    Code of Conduct
    Developers
    Statistics
    Cookie statement
    Mobile view
    Powered by MediaWiki
    Wikimedia Foundation
    Wikipedia, the free encyclopedia
    The Free Encyclopedia
    Share
    Print
    Advertisement
    """.strip().splitlines()
)
"""Lines that are a site's furniture, whole: menus, tabs and footers."""

CHROME_PREFIXES = tuple(
    line.strip().casefold()
    for line in """
    From Wikipedia
    Source: Wikipedia
    From the free encyclopedia
    Jump to
    This article is about
    This article needs
    This article has
    This is a good article
    This is a featured article
    For other uses
    For other people
    Not to be confused with
    (Redirected from
    Coordinates:
    This page was last edited
    This page was last modified
    Text is available under
    Retrieved from
    Categories:
    Hidden categories:
    Category:
    Wikimedia Commons has
    Wikiquote has
    Updated:
    Updated on
    Posted on
    Published on
    Last updated
    Last modified
    Published:
    Image:
    File:
    Photo:
    Listen to this article
    This audio file was created
    You can help
    Please help improve
    Learn how and when to remove
    Unsourced material may be challenged
    Main article:
    Main articles:
    See also:
    Further information:
    Further reading:
    Template:
    Posted by
    Written by
    Reviewed by
    Fact checked by
    Fact-checked by
    Last edited
    Last reviewed
    Share this
    Related:
    Tags:
    Filed under
    All rights reserved
    ©
    You are commenting using
    Connecting to %s
    Notify me of new
    Leave a Reply
    Leave a comment
    Cancel reply
    Fill in your details below
    Like this:
    Like Loading
    Loading...
    """.strip().splitlines()
)
"""Lines that a site adds before or after the article, by how they begin."""

INFOBOX_SECTIONS = frozenset(
    line.strip().casefold()
    for line in """
    Infobox
    Quick Facts
    Fast Facts
    Key Facts
    Facts
    At a Glance
    Personal information
    Personal details
    """.strip().splitlines()
)
"""Headings a copied page sets over its infobox: its "- Pseudonym: …" lines are fields, not the life's list."""

CHROME_PATTERNS = (
    r"\d{1,3}\s*-?\s*min(?:ute)?s?\.?\s+read",  # "7 minute read", "5 min read"
    r"you\s+are\s+on\s+page\s+\d+\s*of\s*\d+",  # a document viewer's "You are on page 1of 2"
    r"page\s+\d+\s+of\s+\d+",
)
"""Whole lines of a site's furniture that carry a number, as regular expressions (casefolded lines)."""

SITE_WORDS = ("wikipedia", "free encyclopedia", "wikiwand", "wiki", "britannica", "encyclopedia", "fandom")
"""Words that mark a title line as the page's, not the person's ("Emmy Noether - Wikipedia")."""

CITATION_PREFIXES = ("^", "↑", "retrieved ", "archived from", "archived ", "accessed ", "cite ", "isbn ")
"""How a line of a reference list begins."""

CITATION_MARKS = ("retrieved ", "archived from the original", "isbn ", "isbn-", "doi:", "oclc ", "(pdf)",
                  "issn ", "pmid ", "jstor ", "bibcode", "s2cid", "hdl:", "arxiv:")  # fmt: skip
"""Words that only a citation has in it."""

SKIP_SECTIONS = frozenset(
    line.strip().casefold()
    for line in """
    References
    Reference
    Notes
    Note
    Footnotes
    Endnotes
    Citations
    Sources
    Source
    Bibliography
    Select bibliography
    Selected bibliography
    Further reading
    External links
    External link
    See also
    Works cited
    Cited works
    Works
    Selected works
    Major works
    List of works
    Publications
    Selected publications
    Writings
    Selected writings
    Discography
    Filmography
    Literature
    Notes and references
    References and notes
    References and sources
    Sources and further reading
    Explanatory notes
    Informational notes
    General references
    Primary sources
    Secondary sources
    Gallery
    """.strip().splitlines()
)
"""Headings of sections that are not the life told: references, and lists of works.

Lists of works hold years, but each line is a title, not a sentence about the
life; the prose sections tell what mattered of them."""

REFERENCE_SECTIONS = frozenset(
    line.strip().casefold()
    for line in """
    References
    Notes
    Footnotes
    Endnotes
    Citations
    Sources
    Notes and references
    References and notes
    Works cited
    Further reading
    External links
    """.strip().splitlines()
)
"""Skipped sections after which a page copied as plain text has no more life: only links, navigation boxes,
categories and footers follow them (a plain heading after one does not bring the life back)."""

INFOBOX_KEYS = frozenset(
    line.strip().casefold()
    for line in """
    Born
    Birth
    Birthdate
    Birth date
    Date of birth
    Birthplace
    Birth place
    Death place
    Deathplace
    Place of birth
    Died
    Death
    Death date
    Date of death
    Place of death
    Resting place
    Burial place
    Buried
    Cause of death
    Nationality
    Citizenship
    Occupation
    Occupations
    Profession
    Spouse
    Spouses
    Spouse(s)
    Partner
    Partners
    Partner(s)
    Children
    Parents
    Parent(s)
    Relatives
    Alma mater
    Education
    Known for
    Notable work
    Notable works
    Awards
    Fields
    Field
    Institutions
    Thesis
    Doctoral advisor
    Doctoral students
    Other names
    Years active
    Genres
    Genre
    Instruments
    Labels
    Website
    Signature
    Height
    Weight
    Sport
    Country
    Event
    Party
    Political party
    Religion
    Residence
    Employer
    Movement
    Allegiance
    Branch
    Service years
    Years of service
    Rank
    Commands held
    Battles/wars
    Preceded by
    Succeeded by
    Predecessor
    Successor
    In office
    Monarch
    President
    Prime Minister
    Office
    Title
    Native name
    Pen name
    Language
    Period
    Era
    Region
    School
    Main interests
    Notable ideas
    Influences
    Influenced
    Position
    Team
    Teams
    Coach
    Medal record
    Personal information
    Full name
    Reign
    Burial
    Coronation
    Regent
    Dynasty
    Issue
    """.strip().splitlines()
)
"""The keys an infobox line may begin with (``Born: …``, ``Born | …``, ``Born`` alone above its value)."""

LIFE_KEYS = {
    "born": "birth", "birth": "birth", "birthdate": "birth", "birth date": "birth", "date of birth": "birth",
    "birthplace": "birth", "place of birth": "birth", "birth place": "birth",
    "died": "death", "death": "death", "death date": "death", "date of death": "death", "place of death": "death",
    "death place": "death", "deathplace": "death",
}  # fmt: skip
"""Infobox keys whose value gives the subject's birth or death (with its place)."""

PLACE_KINDS = frozenset(
    """university college school academy institute institution seminary conservatory gymnasium lyceum lycée
    hospital clinic clinique infirmary sanatorium asylum cemetery cimetière churchyard cathedral church chapel
    abbey monastery convent priory mosque synagogue temple shrine palace castle château fort fortress prison gaol
    jail camp barracks museum library theatre theater opera observatory laboratory station airport port harbour
    harbor bay island islands isle peninsula province county district region state republic kingdom empire
    duchy principality territory colony city town village parish borough canton oblast guberniya governorate
    prefecture département department valley river lake mountain mountains hills forest desert coast street
    avenue square park hotel house hall court embassy consulate parliament""".split()  # noqa: SIM905
)
"""Words that make a capitalised phrase a place ("University of Göttingen", "Cimetière de Thiais")."""

EVENT_NOUNS: dict[str, tuple[str, ...]] = {
    "death": ("died", "death", "killed", "murdered", "executed", "passed away"),
    "divorce": ("divorc",),
    "marriage": ("married", "marriage", "wedding", "wed "),
    "wedding": ("married", "marriage", "wedding"),
    "operation": ("operat", "surgery"),
    "surgery": ("operat", "surgery"),
    "birth": ("born", "birth"),
    "graduation": ("graduat",),
    "arrest": ("arrest",),
    "release": ("release",),
    "return": ("return",),
    "arrival": ("arriv",),
    "move": ("moved", "move "),
    "election": ("elected", "election"),
    "appointment": ("appointed", "appointment"),
    "retirement": ("retire",),
    "resignation": ("resign",),
    "defeat": ("defeat",),
    "victory": ("victory", "won "),
    "war": ("war",),
    "exile": ("exile",),
    "emigration": ("emigrat",),
    "expulsion": ("expel", "expuls"),
    "trial": ("trial", "tried"),
    "accident": ("accident", "crash"),
    "illness": ("ill", "sick", "disease"),
    "founding": ("founded", "founding"),
    "dissolution": ("dissolv", "dissolution"),
    "premiere": ("premiere", "premièred"),
    "publication": ("published", "publication"),
    "conversion": ("convert", "conversion"),
    "coronation": ("crowned", "coronation"),
    "abdication": ("abdicat",),
    "funeral": ("funeral", "buried"),
    "dismissal": ("dismiss",),
    "discharge": ("discharg",),
    "escape": ("escap",),
    "capture": ("captur",),
    "treatment": ("treat",),
    "emergency": ("emergency",),
    "occupation": ("occupation", "occupied"),
    "revolution": ("revolution",),
    "crisis": ("crisis",),
    "siege": ("siege", "besieg"),
    "campaign": ("campaign",),
    "expedition": ("expedition",),
    "journey": ("journey",),
    "voyage": ("voyage", "sailed"),
    "tour": ("tour",),
    "visit": ("visit",),
    "stay": ("stay", "stayed"),
    "reign": ("reign", "succeeded", "throne"),
    "presidency": ("president",),
    "premiership": ("prime minister", "premier"),
    "tenure": ("tenure", "appointed", "served"),
    "imprisonment": ("prison", "imprison", "jail"),
    "captivity": ("captiv", "captur"),
    "pregnancy": ("pregnan",),
    "assassination": ("assassinat", "killed", "shot"),
}
"""A noun that names an earlier event ("after her divorce"), and the word stems of the sentence that
dated it ("divorced in 1931"). Extraction links the two only when the nearest earlier dated sentence
of its section has one of the stems (and the owner, "her father's", where one is named)."""
