"""``python -m sedov_cli`` runs the same command as ``sedov``."""

from .launch import main

main()
