"""Tests of checker.prose."""
