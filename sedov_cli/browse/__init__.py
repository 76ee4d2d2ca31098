"""``sedov browse``: the life in one full-screen explorer (Textual).

Only :mod:`sedov_cli.browse.app` imports Textual, and only the ``browse``
command imports it, so no other command's start-up pays for it. The other
modules here (:mod:`.chronology`, :mod:`.detail`, :mod:`.words`) are plain
questions to the domain layer and are tested without a terminal.
"""
