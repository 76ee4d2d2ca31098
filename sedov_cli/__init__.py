"""sedov: a command-line explorer of the life of Lev Sedov (1906–1938).

Domain modules (``dates``, ``model``, ``dataset``, ``queries``) import no CLI
or terminal library; ``formats``, ``render`` and ``cli`` sit on top of them.
"""

__version__ = "0.1.0"
