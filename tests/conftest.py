"""Shared helpers: write small cases to a temporary folder and compare them."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml

from checker.claims.validation import validate
from checker.compare.engine import build_report
from checker.compare.report import Finding, Report

ENTITIES: dict[str, Any] = {
    "mou": {"name": "The memorandum", "aliases": ["the MOU"]},
    "ice": {
        "name": "U.S. Immigration and Customs Enforcement",
        "aliases": ["ICE"],
        "affiliation": "dhs",
    },
    "dhs": {"name": "U.S. Department of Homeland Security", "aliases": ["DHS"]},
    "kice": {"name": "Virginia Kice", "aliases": ["Kice"], "affiliation": "ice"},
    "dhs-officials": {"name": "Homeland Security officials", "group": True, "affiliation": "dhs"},
    "city": {"name": "City of Pasadena"},
    "mermell": {"name": "Steve Mermell", "affiliation": "city"},
    "city-officials": {"name": "city officials", "group": True, "affiliation": "city"},
    "alvarado": {"name": "Pablo Alvarado", "affiliation": "ndlon"},
    "ndlon": {"name": "National Day Laborer Organizing Network", "aliases": ["NDLON"]},
    "sanchez": {"name": "Phillip Sanchez"},
    "election": {"name": "2016 election", "date": "2016-11-08"},
}
PROPERTIES: dict[str, Any] = {
    "signed_on": {"type": "date"},
    "signed_by": {"type": "entity"},
    "in_effect": {"type": "boolean", "time_varying": True},
    "agencies": {"type": "number", "tolerance": "10%"},
    "agreements": {"type": "number", "time_varying": True},
    "exact_count": {"type": "number"},
    "parties": {"type": "entity", "multi": True},
    "revealed_how": {"type": "text"},
    "raids": {"type": "number", "corroborate": True},
}

CaseWriter = Callable[..., Path]


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The run cache of the tests lives in a temporary folder, never in the user's home."""
    import os

    os.environ["CHECKER_CACHE_DIR"] = str(tmp_path_factory.mktemp("checker-cache"))


@pytest.fixture
def write_case(tmp_path: Path) -> CaseWriter:
    """Write a case: ``sources`` maps a source id to its claim file (``source`` fields merged)."""

    def write(sources: dict[str, dict[str, Any]], texts: dict[str, str] | None = None) -> Path:
        folder = tmp_path / "case"
        folder.mkdir(exist_ok=True)
        case = {"format": "case/1", "id": "test", "entities": ENTITIES, "properties": PROPERTIES}
        (folder / "case.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
        for name, text in (texts or {}).items():
            (folder / name).write_text(text, encoding="utf-8")
        for source_id, body in sources.items():
            document = {"format": "claims/1", **body}
            document["source"] = {"id": source_id, **body.get("source", {})}
            (folder / f"{source_id}.yaml").write_text(
                yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8"
            )
        return folder

    return write


def report_of(folder: Path) -> Report:
    result = validate([folder])
    assert result.blocking == [], [p.render() for p in result.blocking]
    return build_report(result, with_facts=True)


def summary(
    finding: Finding,
) -> tuple[str, str, str | None, str | None, tuple[str, ...], tuple[str, ...]]:
    """A finding as (kind, severity, subject, property, values, sources)."""
    return (
        finding.kind,
        finding.severity.label,
        finding.subject,
        finding.property,
        finding.values,
        finding.sources,
    )


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in the block after ``seconds`` (where SIGALRM exists): a run that
    would hang (a FIFO opened for reading, /dev/zero read) fails instead."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
