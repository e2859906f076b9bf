"""Validate cases: load every file, check it against its schema, then check what it means.

Every problem is collected, located and returned; a broken file is a result, not an abort.
Files that pass become the typed model (:class:`checker.model.CaseModel`) that comparison reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.casefile import CaseBuilder
from checker.claimfile import ClaimFileChecker, anchors_of
from checker.discovery import CaseInput, discover, display_path, is_case_file
from checker.loading import DEFAULT_MAX_BYTES, Document, LoadFailure, load_document
from checker.loading import problem_from_failure as _failure
from checker.model import CaseModel
from checker.names import did_you_mean, suggest
from checker.problems import Problem, Severity, json_path
from checker.schemas import is_valid, schema_problems

#: Problems that compare reports as findings; every other error makes the input invalid.
FINDING_CODES = frozenset({"evidence-not-found", "text-missing", "name-variant"})

_FORMATS = {"case": "case/1", "claims": "claims/1"}


@dataclass(frozen=True)
class Options:
    require_text: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Validation:
    """The outcome of validating some paths: every problem, and the model of each case."""

    problems: tuple[Problem, ...]
    models: tuple[CaseModel, ...]
    files: tuple[str, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def blocking(self) -> list[Problem]:
        """Errors that make the input unfit to compare (not findings in their own right)."""
        return [p for p in self.errors if p.code not in FINDING_CODES]


@dataclass
class _Collector:
    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        document: Document,
        path: tuple[str | int, ...],
        message: str,
        *,
        code: str,
        severity: Severity = Severity.ERROR,
        key: bool = False,
    ) -> None:
        line, column = document.locate(path, key=key)
        self.problems.append(
            Problem(document.file, line, column, severity, code, message, json_path(path))
        )


def _load(path: Path, kind: str, options: Options, out: _Collector) -> Document | None:
    display = display_path(path)
    try:
        document = load_document(path, display, options.max_bytes)
    except LoadFailure as failure:
        out.problems.append(_failure(display, failure))
        return None
    data = document.data
    if isinstance(data, dict) and isinstance(data.get("format"), str):
        declared = data["format"]
        if declared != _FORMATS[kind] and declared in _FORMATS.values():
            other = "case" if kind == "claims" else "claim"
            out.add(
                document,
                ("format",),
                f"format '{declared}' belongs in a {other} file, but this file is read as "
                f"a {kind} file"
                + (" (case files are named case.yaml)" if kind == "claims" else ""),
                code="format",
            )
            return None
        if declared.split("/")[0] == kind and declared != _FORMATS[kind]:
            out.add(
                document,
                ("format",),
                f"unsupported format '{declared}' (this checker reads {_FORMATS[kind]})",
                code="format",
            )
            return None
    schema_errors = [] if is_valid(document.data, kind) else list(schema_problems(document, kind))
    out.problems.extend(schema_errors)
    return None if schema_errors else document


def validate(paths: Sequence[Path], options: Options | None = None) -> Validation:
    """Validate the cases found at ``paths``; raise :class:`UsageError` for a missing path."""
    options = options or Options()
    out = _Collector()
    models: list[CaseModel] = []
    files: list[str] = []
    for case_input in discover(paths):
        model = _validate_case(case_input, options, out, files)
        if model is not None:
            models.append(model)
    problems = tuple(sorted(set(out.problems)))
    return Validation(problems, tuple(models), tuple(files))


def _validate_case(
    case_input: CaseInput, options: Options, out: _Collector, files: list[str]
) -> CaseModel | None:
    builder = CaseBuilder(out.add)
    case_ok = True
    if case_input.case_file is not None:
        files.append(display_path(case_input.case_file))
        document = _load(case_input.case_file, "case", options, out)
        case_ok = document is not None and builder.build(document)
    documents: list[Document] = []
    for path in case_input.claim_files:
        files.append(display_path(path))
        if is_case_file(path):
            continue
        document = _load(path, "claims", options, out)
        if document is not None:
            documents.append(document)
    if not case_ok:
        return None
    case = builder.case()
    _check_unique_sources(documents, out)
    known_sources = {d.data["source"]["id"] for d in documents}
    anchors = anchors_of(case)  # once per case, not once per file
    results = [
        ClaimFileChecker(
            doc, case, builder.names, known_sources, options.require_text, out.add, anchors
        ).check(Path(doc.file))
        for doc in documents
    ]
    sources = {r.source.id: r.source for r in results}
    claims = tuple(c for r in results for c in r.claims)
    quotes = tuple(q for r in results for q in r.quotes)
    names = tuple(n for r in results for n in r.names)
    return CaseModel(case, dict(sorted(sources.items())), claims, quotes, names)


def _check_unique_sources(documents: list[Document], out: _Collector) -> None:
    first: dict[str, Document] = {}
    for document in documents:
        source_id = document.data["source"]["id"]
        if source_id in first:
            earlier = first[source_id]
            line, _ = earlier.locate(("source", "id"))
            out.add(
                document,
                ("source", "id"),
                f"source id '{source_id}' is already used by {earlier.file}:{line}",
                code="duplicate-id",
            )
        else:
            first[source_id] = document


def unknown_source_message(source_id: str, known: set[str]) -> str:
    return f"unknown source '{source_id}'{did_you_mean(suggest(source_id, sorted(known)))}"


def raw(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data
