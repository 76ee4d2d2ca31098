"""Packaged data: installed as ``sedov_cli.data`` and read with importlib.resources."""
