"""The commands, one module per family; ``cli`` names them in the order of ``--help``, and
imports a module only when one of its commands is looked up.

- ``common``: the one skeleton the listings share (:class:`~.common.Answer`, ``respond``), the
  format choice and the clock;
- ``listings``: timeline, events, show, people, places, periods, tags, on-this-day, stats;
- ``ages``: age-at;
- ``pictures``: chart;
- ``exports``: export;
- ``checks``: validate;
- ``extract``: extract;
- ``browse``: browse;
- ``cache``: the ``cache`` group (info, clear).

A command module never imports ``cli``: its commands are plain typed functions, so there is no
import cycle, and each imports what only it needs (rich, textual, the extraction) inside the
command, not at start-up.
"""
