"""Tests of checker.model."""
