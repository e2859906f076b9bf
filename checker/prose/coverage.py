"""What a draft check read and what it could check, so that no report says "no findings" when
it only read nothing: every date and number written in the draft's own prose, every statement
bound to a fact, every quotation; each one no source could be held to is listed with its place.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.compare.report import Coverage, Finding, Unchecked
from checker.model.case import CaseModel
from checker.prose.draftfacts import DraftFact
from checker.prose.drafts import Draft, Quotation
from checker.prose.prosevalues import dates, numbers

#: Why an item was not checked, as the report says it.
NO_CLAIM = "no claim of the case is about it"
NOT_BOUND = "not tied to a fact of the case"
NO_SOURCE = "in none of the sources"


def coverage(
    name: str,
    draft: Draft,
    model: CaseModel,
    facts: Sequence[DraftFact],
    quotations: Sequence[Quotation],
    findings: Sequence[Finding],
) -> Coverage:
    """The coverage of one draft check; ``quotations`` are those checked (terms left out)."""
    told = {(c.subject, c.property) for c in model.claims}
    fact_at = {(f.line, f.column) for f in facts}
    unchecked: list[Unchecked] = []
    counts = {"date": 0, "number": 0}
    for sentence in draft.sentences:
        prose = sentence.prose
        taken = []
        values = []
        for start, end, _ in dates(prose):
            taken.append((start, end))
            values.append(("date", start, end))
        values += [("number", start, end) for start, end, _ in numbers(prose, taken)]
        for what, start, end in sorted(values, key=lambda v: v[1]):
            counts[what] += 1
            line, column = draft.position(sentence.start + start)
            if (line, column) not in fact_at:
                text = " ".join(prose[start:end].split())
                unchecked.append(Unchecked(line, column, what, text, NOT_BOUND))
    checked_facts = 0
    for fact in facts:
        if (fact.subject, fact.property) in told:
            checked_facts += 1
        else:
            unchecked.append(Unchecked(fact.line, fact.column, "statement", fact.written, NO_CLAIM))
    unverified = {
        (f.location.line, f.location.column)
        for f in findings
        if f.kind == "unverified-quote" and f.location is not None
    }
    for quotation in quotations:
        if (quotation.line, quotation.column) in unverified:
            text = " ".join(quotation.text.split())
            short = text if len(text) <= 60 else text[:57] + "..."
            unchecked.append(
                Unchecked(quotation.line, quotation.column, "quotation", short, NO_SOURCE)
            )
    return Coverage(
        draft=name,
        dates=counts["date"],
        numbers=counts["number"],
        statements=len(facts),
        quotations=len(quotations),
        checked_facts=checked_facts,
        checked_quotations=len(quotations) - len(unverified & _places(quotations)),
        unchecked=tuple(sorted(unchecked, key=lambda u: (u.line, u.column, u.what))),
    )


def _places(quotations: Sequence[Quotation]) -> set[tuple[int, int]]:
    return {(q.line, q.column) for q in quotations}
