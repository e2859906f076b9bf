"""Tests of checker.reporters."""
