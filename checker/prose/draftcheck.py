"""Check a draft before publication: its quotations and its facts against a case's sources.

Each finding's ``location`` is the draft's file, line and column (a quotation's opening mark,
the first word of a fact as read), and its message starts with them; its claims are the
sources' quotes, passages and claims it was checked against.

Quotations (:mod:`checker.prose.textindex` finds them):

- found exactly in a source's text or a recorded quote: no finding, unless the draft credits it
  to a speaker other than the recorded one (``wrong-speaker``, error). The speaker is checked
  only for quotations of :data:`MIN_SPEAKER_WORDS` words or more (a word or two, "routine", is
  anyone's), and an organisation or group a speaker belongs to may be credited with the
  speaker's words (Kice's words as ICE's), and a member with the organisation's or
  group's; a quotation that holds a whole quoted unit of a source is a match
  (:mod:`checker.prose.containment`); nicknames, titles and a word or two in quotes are not
  checked (:func:`checker.prose.drafts.is_term`);
- a close variant, the same statement worded otherwise (``misquote``): an error where meaning
  words changed, a warning where only function words
  (:data:`checker.prose.alignment.FUNCTION_WORDS`) changed, info where only punctuation or case
  did; a word diff shows the change;
- in no source (``unverified-quote``, warning).

Facts (:mod:`checker.prose.draftfacts` reads them) are compared with the case's claims of the same
subject and property with the values' own semantics
(:func:`checker.compare.comparison.values_agree`):
a value every such claim contradicts is ``contradicted`` (error; for a time-varying property
whose claims hold at several dates, a value the draft gives no date for is not judged); a value
the draft states in its own voice (not "said", not "according to") that is one side of a
disagreement that ``compare`` reports between speakers (``disputed``, ``contested-assertion``,
``misattribution``), or that is not the best-supported value of a ``conflict``, is
``disputed-as-fact`` (warning); a value of a subject and property no source carries, and that
no claim of that property agrees with, is ``unsourced`` (info).

A draft written as a claim file (``source.kind: draft``) is validated and compared as one more
source of the case (:mod:`checker.prose.draftclaims`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from checker.claims.evidence import fold_typography
from checker.claims.outcome import Validation
from checker.claims.problems import Severity
from checker.compare.comparison import compare_claims
from checker.compare.quotes import quote_ref, word_diff
from checker.compare.report import (
    KINDS,
    ClaimRef,
    Finding,
    Location,
    Report,
    SourceInfo,
    fingerprint,
)
from checker.model.case import CaseModel
from checker.model.text import normalize_text
from checker.prose.alignment import FUNCTION_WORDS, changed_words, keys_of
from checker.prose.attribution import Attributed, NameFinder, attribute
from checker.prose.coverage import coverage
from checker.prose.draftclaims import claim_file_report, is_claim_file
from checker.prose.draftfacts import FactReader
from checker.prose.drafts import is_term, read_draft
from checker.prose.factcheck import FactChecker
from checker.prose.namevariants import name_variants
from checker.prose.quotevariants import other_version
from checker.prose.textindex import Hit, TextIndex
from checker.runtime.errors import UsageError

#: Quotations shorter than this are not checked for their speaker.
MIN_SPEAKER_WORDS = 3
#: A variant of words the sources give another speaker is the same statement only at this
#: share of aligned words (:attr:`checker.prose.textindex.Hit.share`).
OTHER_SPEAKER_SHARE = 0.9


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _passage_ref(hit: Hit) -> ClaimRef:
    if hit.passage.quote is not None:
        return quote_ref(hit.passage.quote)
    excerpt = hit.excerpt
    return ClaimRef(
        "source", hit.passage.source, hit.passage.file, hit.line, None, excerpt,
        normalize_text(excerpt),
    )  # fmt: skip


class QuoteChecker:
    """Locates each quotation and checks its words and its speaker."""

    def __init__(self, model: CaseModel, index: TextIndex, finder: NameFinder, file: str):
        self.model = model
        self.index = index
        self.finder = finder
        self.file = file

    def check(self, quoted: Attributed) -> list[Finding]:
        quotation = quoted.quotation
        where = Location(self.file, quotation.line, quotation.column)
        if is_term(quotation):
            return []  # a nickname, a title, a scare-quoted word: not a quotation to check
        found = self.index.locate(quotation.text)
        if found.variant is not None and not self._same_statement(quoted, found.variant):
            found = replace(found, variant=None)
        hits = found.exact or found.punctuation
        findings: list[Finding] = []
        if not hits and found.variant is None:
            credited = f" (credited to {quoted.speaker})" if quoted.speaker else ""
            message = f"“{_short(quotation.text)}”{credited} is in none of the sources"
            findings.append(
                self._finding("unverified-quote", quoted, where, quoted.speaker, message, ())
            )
            return findings
        if not found.exact:
            best = found.variant or min(hits, key=lambda h: (h.passage.quote is None, h.line))
            findings.append(self._misquote(quoted, where, best))
        else:
            findings += self._other_version(quoted, where, found.exact)
        # Words inside nested quotes are someone else's: their recorder is not their speaker.
        quotes = [
            h.passage.quote
            for h in (hits or [found.variant])
            if h and h.passage.quote and not h.nested
        ]
        speakers = sorted({q.speaker for q in quotes})
        if (
            quoted.speaker is not None
            and speakers
            and len(keys_of(quotation.text)) >= MIN_SPEAKER_WORDS
            and not any(self._may_speak_for(quoted.speaker, s) for s in speakers)
        ):
            sources = ", ".join(sorted({q.source for q in quotes}))
            message = (
                f"“{_short(quotation.text)}” is credited to {quoted.speaker}, but {sources} "
                f"give{'s' if len(quotes) == 1 else ''} these words to {', '.join(speakers)}"
            )
            refs = tuple(quote_ref(q) for q in sorted(quotes, key=lambda q: (q.source, q.index)))
            findings.append(
                self._finding("wrong-speaker", quoted, where, quoted.speaker, message, refs)
            )
        return findings

    def _may_speak_for(self, credited: str, speaker: str) -> bool:
        """Whether words of ``speaker`` may be credited to ``credited``: the same entity, one
        it belongs to, or a group of one it belongs to; or one that belongs to ``speaker``
        (a spokeswoman given her agency's statement, one of three chairmen their joint one)."""
        chain = self.finder.chain(speaker)
        entity = self.model.case.entities.get(credited)
        group_of = entity.affiliation if entity is not None and entity.group else None
        return credited in chain or group_of in chain or speaker in self.finder.chain(credited)

    def _same_statement(self, quoted: Attributed, variant: Hit) -> bool:
        """Whether a close variant is the statement the draft quotes, worded otherwise. Where
        the draft names another speaker than the source's, a similar sentence is more likely
        that speaker's own (a lawsuit's words beside its plaintiff's press release, an
        ambassador's paraphrase of a statement): only a near-identical one is the same."""
        quote = variant.passage.quote
        if quoted.speaker is None or quote is None or quoted.speaker == quote.speaker:
            return True
        return variant.share >= OTHER_SPEAKER_SHARE

    def _other_version(
        self, quoted: Attributed, where: Location, exact: Sequence[Hit]
    ) -> list[Finding]:
        """An info note where another source prints the exact quotation's statement otherwise."""
        text = quoted.quotation.text
        pair = other_version(self.index, text, exact, lambda v: self._same_statement(quoted, v))
        if pair is None:
            return []
        match, variant = pair
        speaker = variant.passage.quote.speaker if variant.passage.quote else None
        message = (
            f"“{_short(text)}” matches {match.passage.source} exactly; "
            f"{variant.passage.source} prints this statement as “{_short(variant.excerpt)}”"
        )
        refs = (_passage_ref(match), _passage_ref(variant))
        finding = self._finding("quote-variant", quoted, where, speaker, message, refs)
        return [replace(finding, severity=Severity.INFO)]

    def _misquote(self, quoted: Attributed, where: Location, hit: Hit) -> Finding:
        draft_words, source_words = keys_of(quoted.quotation.text), keys_of(hit.excerpt)
        changed = changed_words(source_words, draft_words)
        if not changed:
            severity, why = Severity.INFO, "only punctuation or case differs"
        elif all(word in FUNCTION_WORDS for word in changed):
            severity, why = Severity.WARNING, "only function words changed"
        else:
            meaning = sorted({w for w in changed if w not in FUNCTION_WORDS})
            severity, why = Severity.ERROR, "meaning words changed: " + ", ".join(meaning)
        speaker = hit.passage.quote.speaker if hit.passage.quote else quoted.speaker
        whose = f"what {speaker} said per" if hit.passage.quote else "the words of"
        message = (
            f"“{_short(quoted.quotation.text)}” differs from {whose} {hit.passage.source} ({why})"
        )
        finding = self._finding("misquote", quoted, where, speaker, message, (_passage_ref(hit),))
        diff = word_diff(hit.excerpt, fold_typography(quoted.quotation.text))
        return replace(finding, severity=severity, diff=diff)

    def _finding(
        self,
        kind: str,
        quoted: Attributed,
        where: Location,
        subject: str | None,
        message: str,
        refs: Sequence[ClaimRef],
    ) -> Finding:
        values = [normalize_text(quoted.quotation.text), *(r.normalized for r in refs)]
        return Finding(
            kind=kind,
            severity=KINDS[kind],
            subject=subject,
            property=None,
            message=f"{where.file}:{where.line}:{where.column}: {message}",
            fingerprint=fingerprint(kind, subject, None, values),
            claims=tuple(refs),
            location=where,
        )


def _reading_order(finding: Finding) -> tuple[int, int, int]:
    where = finding.location
    return (where.line, where.column, list(KINDS).index(finding.kind)) if where else (0, 0, 0)


def check_draft(draft_text: str, draft_file: str, validation: Validation) -> Report:
    """Check a draft, Markdown or plain text, against the one case of ``validation``; or, for a
    claim file, report what :func:`checker.prose.draftclaims.claim_file_report` does."""
    if is_claim_file(draft_file):
        return claim_file_report(draft_file, validation)
    if len(validation.models) != 1:
        raise UsageError(f"a draft is checked against one case, not {len(validation.models)}")
    model = validation.models[0]
    # The value findings of compare (which facts are disputed); quotes and names are not needed.
    compared = compare_claims(model).findings
    draft = read_draft(draft_text)
    finder = NameFinder(model.case)
    speakers = {q.speaker for q in model.quotes}
    speakers |= {c.attributed_to for c in model.claims if c.attributed_to is not None}
    quotes = QuoteChecker(model, TextIndex.of_case(model), finder, draft_file)
    attributed = attribute(draft, finder, speakers)
    findings = [f for a in attributed for f in quotes.check(a)]
    facts = FactChecker(model, compared, draft_file)
    read = FactReader(model, finder).read(draft)
    findings += facts.check_all(read)
    findings += name_variants(draft, model.case, finder, draft_file)
    findings.sort(key=_reading_order)
    checked = [a.quotation for a in attributed if not is_term(a.quotation)]
    sources = [
        SourceInfo(s.id, s.outlet, s.published.normalized if s.published else None, s.kind,
                   s.file, s.title, s.url)
        for s in model.sources.values()
    ]  # fmt: skip
    return Report(
        case=model.case.id,
        title=model.case.title,
        sources=tuple(sorted(sources, key=lambda s: (s.id, s.file))),
        findings=tuple(findings),
        corroborated=(),
        single_source=(),
        timelines=(),
        coverage=coverage(draft_file, draft, model, read, checked, findings),
    )
