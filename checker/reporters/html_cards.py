"""Finding cards of the HTML report: kind and severity, the claims with their evidence and
file:line, word-level quote diffs as insertions and deletions, and the best-supported value."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker.compare.report import KIND_HELP, VALUE_KINDS, ClaimRef, Finding
from checker.reporters.html_style import esc, icon, severity_badge, state_icon
from checker.reporters.table import plural, topic, written

#: Cards past this many show their claims folded, so that a large report stays short.
OPEN_CARDS = 40
_CHANGE = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


def diff_html(diff: str) -> str:
    """A word diff (``[-removed-]`` and ``{+added+}``, one line per pair of sources, or lines
    led by ``-`` and ``+``) as paragraphs with ``<del>`` and ``<ins>``."""
    lines = []
    for line in diff.splitlines():
        lead = ""
        head, sep, rest = line.partition(": ")
        if sep and " -> " in head and " " not in head.replace(" -> ", ""):
            before, _, after = head.partition(" -> ")
            lead = f'<span class="mono">{esc(before)} → {esc(after)}</span>: '
            line = rest
        if line.startswith("- "):
            lines.append(f"<p>{lead}<del>{esc(line[2:])}</del></p>")
            continue
        if line.startswith("+ "):
            lines.append(f"<p>{lead}<ins>{esc(line[2:])}</ins></p>")
            continue
        out, end = [], 0
        for match in _CHANGE.finditer(line):
            out.append(esc(line[end : match.start()]))
            removed, added = match.group(1), match.group(2)
            out.append(f"<del>{esc(removed)}</del>" if removed is not None else "")
            out.append(f"<ins>{esc(added)}</ins>" if added is not None else "")
            end = match.end()
        out.append(esc(line[end:]))
        lines.append(f"<p>{lead}{''.join(out).strip()}</p>")
    return '<div class="diff">' + "".join(lines) + "</div>"


def _role(claim: ClaimRef) -> str:
    if claim.kind == "quote":
        return f"quotes {claim.attributed_to}" if claim.attributed_to else "quote"
    if claim.kind == "name":
        return f"writes the name ({claim.role})" if claim.role else "writes the name"
    if claim.kind == "source":
        return "declares a text file"
    if claim.role == "support":
        return f"{claim.attributed_to}, in support" if claim.attributed_to else "in support"
    if claim.attributed_to:
        return f"per {claim.attributed_to}"
    return "in its own voice"


def _claim(claim: ClaimRef) -> str:
    facts = [f'<span class="src">{esc(claim.source)}</span>', esc(_role(claim))]
    as_written = written(claim.value)
    details = []
    if claim.kind == "claim":
        details.append(f"Written <code>{esc(as_written)}</code>")
        if claim.as_of:
            details.append(f"as of {esc(claim.as_of)}")
        if claim.side:
            details.append(f"side {esc(claim.side)}")
        if claim.hedged:
            details.append("<strong>hedged</strong>")
    elif claim.kind == "source":
        details.append(f"Text <code>{esc(as_written)}</code>")
    if claim.id:
        details.append(f"id <code>{esc(claim.id)}</code>")
    body = [f'<div class="claim-head">{" ".join(facts)}</div>']
    if details:
        body.append(f'<div class="note">{", ".join(details)}</div>')
    if claim.resolution:
        body.append(
            f'<div class="note">{icon("i-relative")} Relative date: {esc(claim.resolution)}</div>'
        )
    if claim.kind == "quote":
        body.append(f"<blockquote>{esc(as_written)}</blockquote>")
    body += [f"<blockquote>{esc(excerpt)}</blockquote>" for excerpt in claim.evidence]
    body.append(f'<div class="loc"><code>{esc(f"{claim.file}:{claim.line}")}</code></div>')
    return "<li>" + "".join(body) + "</li>"


def _shown(claim: ClaimRef) -> str:
    # A name's normalized form is only its folded spelling: show it as written.
    return written(claim.value) if claim.kind in ("name", "source") else claim.normalized


def _groups(finding: Finding) -> str:
    """The claims, grouped by the value they hold (quotes, each its own words, are not)."""
    if all(claim.kind == "quote" for claim in finding.claims):
        return f'<ul class="claims">{"".join(_claim(c) for c in finding.claims)}</ul>'
    groups: dict[str, list[ClaimRef]] = {}
    for claim in finding.claims:
        groups.setdefault(_shown(claim), []).append(claim)
    best = finding.best_supported.normalized if finding.best_supported else None
    out = []
    for value in sorted(groups, key=lambda value: (value != best, value)):
        claims = groups[value]
        mark = ""
        if finding.kind in VALUE_KINDS:
            state = "disputed" if finding.kind == "disputed" else "conflict"
            mark = state_icon("best" if value == best else state, visible=True)
        out.append(
            f'<div class="value-group"><h4>Value <code>{esc(value)}</code> {mark}'
            f' <span class="note">({plural(len(claims), "claim")})</span></h4>'
            f'<ul class="claims">{"".join(_claim(c) for c in claims)}</ul></div>'
        )
    return "".join(out)


def _best(finding: Finding) -> str:
    best = finding.best_supported
    if best is None:
        if finding.kind in VALUE_KINDS:
            return (
                f'<div class="best">{icon("i-disputed", css="s-disputed")} '
                "<strong>No best-supported value</strong>:"
                " the evidence is balanced.</div>"
            )
        return ""
    reasons = "".join(f"<li>{esc(reason)}</li>" for reason in best.reasons)
    sources = plural(best.independent_sources, "independent source")
    return (
        f'<div class="best">{icon("i-best", "best supported")} Best supported: '
        f"<strong>{esc(best.normalized)}</strong> ({esc(sources)}). Why:<ul>{reasons}</ul></div>"
    )


def _card(index: int, card_id: str, finding: Finding) -> str:
    label = finding.severity.label
    parts = [
        f'<article class="card sev-{label}" id="{card_id}" aria-labelledby="{card_id}-h">',
        f'<h3 id="{card_id}-h">{severity_badge(label)} <span class="badge kind">'
        f'{esc(finding.kind)}</span> <span class="topic">{esc(topic(finding))}</span></h3>',
    ]
    if finding.kind in KIND_HELP:
        parts.append(f'<p class="help">{esc(KIND_HELP[finding.kind])}</p>')
    parts.append(f"<p>{esc(finding.message)}</p>")
    if finding.hedged:
        parts.append(
            '<p class="note">Severity lowered by one: every claim holding one of the '
            "disagreeing values is hedged.</p>"
        )
    parts.append(_best(finding))
    if finding.sides:
        sides = "".join(
            f"<li>side <strong>{esc(side)}</strong>: {esc(', '.join(sources))}</li>"
            for side, sources in finding.sides
        )
        parts.append(f"<h4>Sides</h4><ul>{sides}</ul>")
    if finding.resolutions:
        items = "".join(f"<li>{esc(r)}</li>" for r in finding.resolutions)
        parts.append(f"<h4>{icon('i-relative')} Relative dates, resolved</h4><ul>{items}</ul>")
    if finding.diff is not None:
        parts.append(
            "<h4>Word differences</h4>"
            '<p class="note">Deleted words are struck through and marked \N{MINUS SIGN}; '
            "inserted words are underlined and marked +.</p>" + diff_html(finding.diff)
        )
    opened = " open" if index < OPEN_CARDS else ""
    parts.append(
        f"<details{opened}><summary>Claims and evidence ({len(finding.claims)})</summary>"
        f"{_groups(finding)}</details>"
    )
    parts.append(f'<p class="fp">Fingerprint <code>{esc(finding.fingerprint)}</code></p>')
    parts.append("</article>")
    return "".join(parts)


def render_cards(findings: Sequence[Finding], card_ids: Mapping[int, str]) -> str:
    """The findings section's content (below its heading)."""
    if not findings:
        return "<p>No findings: the sources agree on everything they share.</p>"
    cards = [_card(i, card_ids[i], finding) for i, finding in enumerate(findings)]
    return '<div class="cards">' + "\n".join(cards) + "</div>"
