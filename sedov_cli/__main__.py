"""``python -m sedov_cli`` runs the same command as ``sedov``."""

from .cli import main

main()
