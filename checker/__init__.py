"""checker: cross-compare structured claim files and report where sources disagree."""

__version__ = "0.1.0"
