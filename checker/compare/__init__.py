"""Cross-comparison of a validated case: claims grouped by fact, values that cannot both be
true classified by voice, the best-supported value, quotes paired across sources, and the
report built from it all (served from the cache when nothing changed).

Takes a :class:`~checker.claims.outcome.Validation`; gives a
:class:`~checker.compare.report.Report` of findings, corroborated facts and timelines.
"""
