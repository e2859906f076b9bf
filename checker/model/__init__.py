"""The typed model of a case: entities, properties, sources, claims and quotes (:mod:`.case`),
their values (:mod:`.dates`, :mod:`.numbers`, :mod:`.text`, read by :mod:`.forms`) and how names
resolve to entities (:mod:`.names`).

Takes raw values; gives typed values and the rules for when two of them agree. Knows no file
format: what reads files builds the model (:mod:`checker.claims`).
"""
