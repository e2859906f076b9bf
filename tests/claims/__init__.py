"""Tests of checker.claims."""
