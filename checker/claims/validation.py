"""Validate cases: load every file, check it against its schema, then check what it means.

Every problem is collected, located and returned; a broken file is a result, not an abort.
Files that pass become the typed model (:class:`checker.model.case.CaseModel`) that comparison
reads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker.claims.casefile import CaseBuilder
from checker.claims.claimfile import ClaimFileChecker, FileResult
from checker.claims.discovery import CaseInput, discover, display_path, is_case_file
from checker.claims.loading import (
    Document,
    LoadFailure,
    load_document,
    locate_node,
)
from checker.claims.loading import problem_from_failure as _failure
from checker.claims.outcome import Collector, Options, Progress, Validation
from checker.claims.problems import Problem, Severity, json_path
from checker.claims.schemas import is_valid, schema_problems
from checker.claims.sourcefile import unknown_source
from checker.claims.typedvalues import anchors_of
from checker.model.case import Case, CaseModel
from checker.model.dates import DateSpan
from checker.model.names import NameIndex
from checker.runtime import cache
from checker.runtime.parallel import jobs_for, shared_map

_FORMATS = {"case": "case/1", "claims": "claims/1"}


def _load(path: Path, kind: str, options: Options, out: Collector) -> Document | None:
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


def validate(
    paths: Sequence[Path],
    options: Options | None = None,
    *,
    keep_models: bool = True,
    progress: Progress | None = None,
) -> Validation:
    """Validate the cases found at ``paths``; raise :class:`UsageError` for a missing path.

    ``keep_models=False`` keeps only the problems (the models' claims are left empty), which
    lets a large case be checked across processes. ``progress`` is told how far the claim
    files of each case are.
    """
    options = options or Options()
    out = Collector()
    models: list[CaseModel] = []
    files: list[str] = []
    for case_input in discover(paths):
        model = validate_case(
            case_input, options, out, files, keep_models=keep_models, progress=progress
        )
        if model is not None:
            models.append(model)
    problems = tuple(sorted(set(out.problems)))
    return Validation(problems, tuple(models), tuple(files))


@dataclass
class _FileOutcome:
    """What checking one claim file gave: its result (if it loaded), problems, references."""

    file: str
    result: FileResult | None
    problems: list[Problem]
    refs: list[tuple[str, Problem]]  # (source id named in based_on, the problem if unknown)
    #: The digest of each file the check read (the claim file, its text): see cache.note_read.
    reads: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _CaseState:
    case: Case
    names: NameIndex | None
    anchors: dict[str, DateSpan | None]
    options: Options
    keep_models: bool
    #: What the case file holds, for the keys of cached per-file results.
    case_digest: str = ""


_STATE: _CaseState | None = None  # what forked workers inherit


def _check_file(path: Path) -> _FileOutcome:
    with cache.reads_of_one_file() as reads:
        outcome = _check_one_file(path)
    outcome.reads = dict(reads)
    return outcome


def _check_one_file(path: Path) -> _FileOutcome:
    assert _STATE is not None
    local = Collector()
    display = display_path(path)
    document = _load(path, "claims", _STATE.options, local)
    if document is None:
        return _FileOutcome(display, None, local.problems, [])
    checker = ClaimFileChecker(
        document,
        _STATE.case,
        _STATE.names,
        None,
        _STATE.options.require_text,
        local.add,
        _STATE.anchors,
        _STATE.options.max_bytes,
    )
    result = checker.check(path)
    if not _STATE.keep_models:  # validate prints problems only: send no claims back
        result = replace(result, claims=(), quotes=(), names=())
    refs = []
    for other, where in checker.pending_refs:
        line, column = document.locate(where)
        problem = Problem(display, line, column, Severity.ERROR, "based-on", "", json_path(where))
        refs.append((other, problem))
    return _FileOutcome(display, result, local.problems, refs)


def _check_files(
    paths: list[Path], state: _CaseState, progress: Progress | None = None
) -> list[_FileOutcome]:
    """Check claim files, across processes where it pays (many files, several cores, fork)."""
    global _STATE
    _STATE = state
    done = 0

    def advance(files: int) -> None:
        nonlocal done
        done += files
        if progress is not None:
            progress(done, len(paths))

    try:
        if state.keep_models or not cache.enabled():
            return _merged(_spread(paths, advance))
        # validate keeps each file's result (without claims) by content hash: what did not
        # change is not read again.
        settings = [state.options, state.case_digest]
        keys = cache.file_keys("validate-file", paths, settings)
        outcomes = [_cached_outcome(key) for key in keys]
        todo = [i for i, outcome in enumerate(outcomes) if outcome is None]
        advance(len(paths) - len(todo))
        fresh = _merged(_spread([paths[i] for i in todo], advance))
        for i, outcome in zip(todo, fresh, strict=True):
            outcomes[i] = outcome
            texts = [outcome.result.source.text_file] if outcome.result else []
            # Under the bytes the result was made from, which may not be those keys[i] hashed.
            read = outcome.reads.get(cache.name_of(paths[i]))
            key = (
                keys[i]
                if read is None
                else cache.file_key("validate-file", paths[i], read, settings)
            )
            cache.store(key, outcome, [t for t in texts if t])
        return [outcome for outcome in outcomes if outcome is not None]  # every one, by now
    finally:
        _STATE = None


def _merged(outcomes: list[_FileOutcome]) -> list[_FileOutcome]:
    """Hand what each file's check read back to the run (its cache entry depends on it)."""
    for outcome in outcomes:
        cache.merge_reads(outcome.reads)
    return outcomes


def _cached_outcome(key: str) -> _FileOutcome | None:
    found = cache.load(key)
    return found if isinstance(found, _FileOutcome) else None  # an entry of another shape: a miss


def _spread(paths: list[Path], advance: Callable[[int], None]) -> list[_FileOutcome]:
    jobs = jobs_for(len(paths), PARALLEL_MIN_FILES)
    chunk = max(1, min(64, len(paths) // (jobs * 16)))
    return shared_map(_check_file, paths, jobs=jobs, chunk=chunk, progress=advance)


#: Below this many files, starting processes costs more than it saves.
PARALLEL_MIN_FILES = 200


def validate_case(
    case_input: CaseInput,
    options: Options,
    out: Collector,
    files: list[str],
    *,
    keep_models: bool = True,
    progress: Progress | None = None,
) -> CaseModel | None:
    """Validate one case; add its problems to ``out`` and the files read to ``files``."""
    builder = CaseBuilder(out.add)
    # Entries that are not regular files were never opened: each is an error of its own.
    out.problems.extend(case_input.unreadable)
    files.extend(problem.file for problem in case_input.unreadable)
    case_ok = not case_input.case_file_unreadable
    if case_input.case_file is not None:
        files.append(display_path(case_input.case_file))
        document = _load(case_input.case_file, "case", options, out)
        case_ok = document is not None and builder.build(document)
    claim_paths = [p for p in case_input.claim_files if not is_case_file(p)]
    files.extend(display_path(p) for p in case_input.claim_files)
    if not case_ok:
        for path in claim_paths:  # still report what is wrong in each file itself
            _load(path, "claims", options, out)
        return None
    case = builder.case()
    # The case file's bytes as read above: per-file results are kept under them.
    digest = cache.digest_read(case_input.case_file) if case_input.case_file else "no case file"
    state = _CaseState(case, builder.names, anchors_of(case), options, keep_models, digest)
    outcomes = _check_files(claim_paths, state, progress)
    results: list[FileResult] = []
    first: dict[str, str] = {}
    for outcome in outcomes:
        out.problems.extend(outcome.problems)
        if outcome.result is None:
            continue
        source_id = outcome.result.source.id
        if source_id in first:
            line, column = locate_node(outcome.file, ("source", "id"))
            earlier_line, _ = locate_node(first[source_id], ("source", "id"))
            out.problems.append(
                Problem(
                    outcome.file,
                    line,
                    column,
                    Severity.ERROR,
                    "duplicate-id",
                    f"source id '{source_id}' is already used by {first[source_id]}:{earlier_line}",
                    json_path(("source", "id")),
                )
            )
            continue
        first[source_id] = outcome.file
        results.append(outcome.result)
    known = set(first)
    for outcome in outcomes:
        for other, problem in outcome.refs:
            if other not in known:
                out.problems.append(replace(problem, message=unknown_source(other, known)))
    sources = {r.source.id: r.source for r in results}
    claims = tuple(c for r in results for c in r.claims)
    quotes = tuple(q for r in results for q in r.quotes)
    names = tuple(n for r in results for n in r.names)
    return CaseModel(case, dict(sorted(sources.items())), claims, quotes, names)
