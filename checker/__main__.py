"""``python -m checker``."""

from checker.launch import run

run()
