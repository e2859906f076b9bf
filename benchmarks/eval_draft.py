"""Real articles as drafts: each article's raw text checked against the other articles' claim
files of its case, held to the discrepancies it takes part in; prints one table.

    python benchmarks/eval_draft.py [CASE_DIR ...]

Default cases: the shipped Pasadena case and every case of ``../shared/corpus/cases``. The gold
of a case is ``expect-<case>.json`` beside its ``cases/`` folder where there is one (hand-checked
discrepancies), else the findings ``compare`` makes from the article's own claim file (the
conflicts, disputes, misattributions and quote variants it takes part in). A gold item counts as
found when a finding names its subject (and property, where it has one); a false alarm is a
warning or error, other than an unverified quote or an unsourced fact, that names no gold item
of the article. This is the rule of ``../shared/tools/draft-loo.py``, run in one process, with a
table per article and the time each check took.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabulate import tabulate

from checker.claims.outcome import Options
from checker.claims.problems import Problem
from checker.claims.validation import validate
from checker.compare.engine import build_report
from checker.compare.report import Finding
from checker.prose.draftcheck import check_draft

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
VALUE_KINDS = {"conflict", "disputed", "misattribution", "contested-assertion"}
NOT_ALARMS = {"unverified-quote", "unsourced"}

Gold = tuple[str, str | None, str]  # subject, property (None for a quote), kind


@dataclass
class Row:
    case: str
    source: str
    gold: list[Gold]
    found: list[bool]
    alarms: list[Finding]
    findings: int
    seconds: float


def gold_of(case: Path, source: str, findings: tuple[Finding, ...]) -> list[Gold]:
    expect = case.parent.parent / f"expect-{case.name}.json"
    if expect.is_file():
        items = json.loads(expect.read_text(encoding="utf-8"))
        return sorted({(e["subject"], e.get("property"), e["kind"])
                       for e in items if source in e["sources"]}, key=str)  # fmt: skip
    gold = set()
    for finding in findings:
        sources = {ref.source for ref in finding.claims}
        if source not in sources or len(sources) < 2:
            continue
        if finding.kind in VALUE_KINDS:
            gold.add((finding.subject or "", finding.property, finding.kind))
        elif finding.kind == "quote-variant":
            gold.add((finding.subject or "", None, finding.kind))
    return sorted(gold, key=str)


def cites_one_left_out(problem: Problem) -> bool:
    """The one error check-draft forgives: ``based_on`` naming a source not given."""
    return problem.code == "based-on" and problem.message.startswith("unknown source")


def names(finding: Finding, subject: str, prop: str | None) -> bool:
    return finding.subject == subject and (prop is None or finding.property == prop)


def evaluate(case: Path) -> list[Row]:
    files = sorted(p for p in case.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    claim_files = [p for p in files if p.name != "case.yaml"]
    full = validate([case], Options())
    findings = build_report(full).findings if not full.blocking else ()
    model = full.models[0]
    by_file = {Path(s.file).name: s for s in model.sources.values()}
    rows = []
    for path in claim_files:
        source = by_file.get(path.name)
        if source is None or source.text_file is None or not Path(source.text_file).is_file():
            continue
        gold = gold_of(case, source.id, findings)
        others = validate([p for p in claim_files if p != path], Options())
        text = Path(source.text_file).read_text(encoding="utf-8")
        if any(not cites_one_left_out(p) for p in others.blocking):  # check-draft refuses
            rows.append(Row(case.name, source.id, gold, [False] * len(gold), [], 0, 0.0))
            continue
        started = time.perf_counter()
        report = check_draft(text, source.text_file, others)
        seconds = time.perf_counter() - started
        found = [
            any(names(f, s, p) and f.kind != "unsourced" for f in report.findings)
            for s, p, _ in gold
        ]
        alarms = [
            f
            for f in report.findings
            if f.severity.label in ("error", "warning")
            and f.kind not in NOT_ALARMS
            and not any(names(f, s, p) for s, p, _ in gold)
        ]
        rows.append(Row(case.name, source.id, gold, found, alarms, len(report.findings), seconds))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list missed and alarms")
    args = parser.parse_args(argv)
    cases = args.cases or [ROOT / "claims" / "pasadena-ice-mou",
                           *sorted((CORPUS / "cases").iterdir())]  # fmt: skip
    table: list[list[Any]] = []
    totals = [0, 0, 0, 0]
    for case in cases:
        for row in evaluate(case):
            table.append([row.case, row.source, f"{sum(row.found)}/{len(row.gold)}",
                          len(row.alarms), row.findings, f"{row.seconds:.2f}"])  # fmt: skip
            totals = [totals[0] + sum(row.found), totals[1] + len(row.gold),
                      totals[2] + len(row.alarms), totals[3] + 1]  # fmt: skip
            if args.verbose:
                for (subject, prop, kind), ok in zip(row.gold, row.found, strict=True):
                    if not ok:
                        print(f"  {row.source}: MISSED {kind} {subject}.{prop}", file=sys.stderr)
                for alarm in row.alarms:
                    print(f"  {row.source}: FALSE? {alarm.kind} {alarm.subject}.{alarm.property}:"
                          f" {alarm.message[:120]}", file=sys.stderr)  # fmt: skip
    found, gold, alarms, articles = totals
    table.append(["total", f"{articles} articles", f"{found}/{gold}", alarms, "", ""])
    headers = ["case", "article", "gold found", "false alarms", "findings", "seconds"]
    print(tabulate(table, headers=headers, tablefmt="github"))
    recall = found / gold if gold else 1.0
    print(f"recall {recall:.0%}; {alarms / max(1, articles):.2f} false alarms per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
