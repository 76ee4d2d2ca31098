"""Packaged data: installed as ``sedov_cli.data`` and found by ``sedov_cli.dataset.data_dir``."""
