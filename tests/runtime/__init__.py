"""Tests of checker.runtime."""
