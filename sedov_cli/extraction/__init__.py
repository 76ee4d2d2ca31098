"""Drafting a cited dataset from a biography's plain text (``sedov extract``).

The package is domain code: it imports neither typer nor rich, and the CLI
imports it only when ``extract`` runs, so other commands start no slower.
Its parts, in the order the text flows through them:

* :mod:`.layout`: title, infobox lines, headed sections and paragraphs, each
  kept as offsets into the text so that every quote is the text verbatim;
* :mod:`.splitting`: sentences, without breaking at "c. 1933" or "L. D.";
* :mod:`.expressions`: explicit dates in a sentence, as EDTF at exactly the
  precision the words give;
* :mod:`.relative`: "the following year", "at the age of 19" and the like,
  resolved only against a date the text itself gave;
* :mod:`.names`: the subject, people with life dates, places after a
  preposition;
* :mod:`.draft`: the dataset, and the account of what was left out.
"""

from __future__ import annotations

from .draft import Draft, NothingToDraft, Unresolved, draft_dataset

__all__ = ["Draft", "NothingToDraft", "Unresolved", "draft_dataset"]
