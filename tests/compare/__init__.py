"""Tests of checker.compare."""
