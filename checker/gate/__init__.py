"""CI gates: findings and validation problems seen the way CI systems see them (a rule, a
severity, one place, a stable fingerprint), severity overrides, and baselines of accepted
findings.

Takes reports and problems; gives annotations, overridden severities and what a baseline accepts.
"""
