"""Tests of checker.gate."""
