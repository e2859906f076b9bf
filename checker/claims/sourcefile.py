"""The part of checking a claim file that every file has: its problems and locations, the names
it writes, and its ``source`` block with the full text its excerpts are checked against."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker.claims.discovery import display_path
from checker.claims.evidence import SourceText
from checker.claims.loading import (
    DEFAULT_MAX_BYTES,
    Document,
    LoadFailure,
    decode_utf8,
    read_regular_file,
)
from checker.claims.problems import Severity
from checker.claims.typedvalues import anchors_of
from checker.model.case import Case, Location, NameUse, Source
from checker.model.dates import ANCHOR_PUBLISHED, DateSpan, parse_date
from checker.model.forms import ValueFormError
from checker.model.names import NameIndex, did_you_mean, suggest
from checker.model.text import fold_name
from checker.runtime import cache

Path_ = tuple[str | int, ...]


def as_list(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    return (raw,) if isinstance(raw, str) else tuple(raw)


class SourceChecker:
    """Checks and builds what a claim file says of its source; :class:`ClaimFileChecker` adds
    its claims and quotes."""

    def __init__(
        self,
        document: Document,
        case: Case,
        names: NameIndex | None,
        known_sources: set[str] | None,
        require_text: bool,
        add: Callable[..., None],
        anchors: dict[str, DateSpan | None] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ):
        self.document = document
        self.case = case
        self.index = names
        self.known_sources = known_sources
        #: based_on references to check once every source of the case is known (when
        #: ``known_sources`` is None: the files of a case are being checked in parallel).
        self.pending_refs: list[tuple[str, Path_]] = []
        self.require_text = require_text
        self.max_bytes = max_bytes  # the cap on claim files holds for their texts too
        self._add = add
        self.names: list[NameUse] = []
        self.source_id: str = document.data["source"]["id"]
        self.text: SourceText | None = None
        # Relative dates may anchor on any dated entity, or on this source's publication.
        # A case may date thousands of entities: overlay this source's publication on the
        # shared map rather than copy it for every file.
        self.anchors: ChainMap[str, DateSpan | None] = ChainMap(
            {}, anchors if anchors is not None else anchors_of(case)
        )

    # -- problems -------------------------------------------------------------------------

    def error(self, path: Path_, message: str, code: str, *, key: bool = False) -> None:
        self._add(self.document, path, message, code=code, key=key)

    def warn(self, path: Path_, message: str, code: str) -> None:
        self._add(self.document, path, message, code=code, severity=Severity.WARNING)

    def location(self, path: Path_) -> Location:
        if not self.document.has_positions:
            return Location(self.document.file, path=path)
        line, column = self.document.locate(path)
        return Location(self.document.file, line, column)

    # -- names ----------------------------------------------------------------------------

    def entity(
        self, written: str, path: Path_, role: str, ref: str | None = None, key: str | None = None
    ) -> str | None:
        """Resolve the name written at ``path`` (or at ``path[key]``: that path is built only for
        a name to report, since a million claims name their subjects); record it; report
        variants and unknown names."""
        if self.index is None:
            return fold_name(written)
        found = self.index.resolve(written)
        if found.exact:
            return found.entity  # only variants are reported: keep no record of exact names
        if key is not None:
            path = (*path, key)
        if found.entity is None:
            hints = [f"{e} ({self.case.entities[e].name})" for e in found.suggestions]
            hint = "; did you mean " + " or ".join(hints) + "?" if hints else ""
            self.error(
                path, f"unknown {role} '{written}': not a declared entity{hint}", "unknown-name"
            )
            return None
        declared = self.case.entities[found.entity]
        self.warn(
            path,
            f"name-variant: '{written}' is not a declared name of any entity; "
            f"read as '{found.entity}' ({declared.name})",
            "name-variant",
        )
        self.names.append(
            NameUse(
                written, found.entity, found.exact, role, self.source_id, self.location(path), ref
            )
        )
        return found.entity

    # -- source ---------------------------------------------------------------------------

    def _source(self, file_path: Path) -> Source:
        raw: dict[str, Any] = self.document.data["source"]
        published = None
        if "published" in raw:
            try:
                published = parse_date(raw["published"]).span
            except ValueFormError as exc:
                self.error(("source", "published", *exc.subpath), exc.message, "value")
        self.anchors[ANCHOR_PUBLISHED] = published
        speaks_for = None
        if "speaks_for" in raw:
            speaks_for = self.entity(raw["speaks_for"], ("source", "speaks_for"), "entity")
        for i, other in enumerate(as_list(raw.get("based_on"))):
            self._check_source_ref(other, ("source", "based_on", i))
        if "text" in raw:
            self._read_text(file_path.parent / raw["text"], raw["text"])
        return Source(
            id=self.source_id,
            file=self.document.file,
            outlet=raw.get("outlet"),
            published=published,
            published_raw=raw.get("published"),
            speaks_for=speaks_for,
            kind=raw.get("kind", "news"),
            text=raw.get("text"),
            text_file=display_path(file_path.parent / raw["text"]) if "text" in raw else None,
            based_on=as_list(raw.get("based_on")),
            title=raw.get("title"),
            url=raw.get("url"),
            authors=as_list(raw.get("authors")),
            note=raw.get("note"),
        )

    def _check_source_ref(self, other: str, path: Path_) -> None:
        if other == self.source_id:
            self.error(path, "a source cannot be based on itself", "based-on")
        elif self.known_sources is None:
            self.pending_refs.append((other, path))
        elif other not in self.known_sources:
            self.error(path, unknown_source(other, self.known_sources), "based-on")

    def _read_text(self, path: Path, written: str) -> None:
        try:
            found = path.is_file()
        except OSError as exc:  # a name too long, say: is_file() passes on only some errors
            self.error(("source", "text"), f"source text '{written}': {exc.strerror}", "text")
            return
        if not found:
            message = f"source text '{written}' not found (looked for {path}); evidence unverified"
            if self.require_text:
                self.error(("source", "text"), message, "text-missing")
            else:
                self.warn(("source", "text"), message, "text-missing")
            return
        try:
            # Read as claim files are (never blocking on a FIFO swapped in, never past the cap:
            # a 50 MB text took 13 seconds and 2 GB before any claim was checked).
            raw = read_regular_file(path, self.max_bytes)
            cache.note_read(path, raw)  # the run's cache entry depends on these very bytes
            self.text = SourceText(decode_utf8(raw))
        except LoadFailure as failure:
            if failure.code == "too-large":  # "file is N bytes, over the size cap of ..."
                message = f"source text '{written}' {failure.message.removeprefix('file ')}"
                self.error(("source", "text"), message, "too-large")
                return
            reason = failure.message.removeprefix("cannot read file: ")
            self.error(("source", "text"), f"source text '{written}': {reason}", "text")


def unknown_source(other: str, known: set[str]) -> str:
    return f"unknown source '{other}'{did_you_mean(suggest(other, sorted(known)))}"
