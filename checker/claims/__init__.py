"""Claim and case files, from bytes to a validated model: discovery of a case's files, the YAML
and JSON readers (every node located), the JSON Schemas, the case and claim files' meaning,
evidence checked against source texts, and located problems.

Takes paths; gives a :class:`~checker.claims.outcome.Validation`: every problem, and the typed
model (:mod:`checker.model`) of each valid case.
"""
