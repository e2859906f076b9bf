"""Tests of checker.cli."""
