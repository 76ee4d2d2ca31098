"""``python -m sedov_cli`` runs the same command as ``sedov``."""

import sys

from . import _quiet_interrupt
from .launch import main

sys.excepthook = _quiet_interrupt
main()
