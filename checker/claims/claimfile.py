"""Check what one schema-valid claim file means, and build its source, claims and quotes."""

from __future__ import annotations

import functools
import re
from collections import ChainMap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.claims.discovery import display_path
from checker.claims.evidence import SourceText
from checker.claims.loading import Document, LoadFailure, decode_utf8
from checker.claims.problems import Severity
from checker.model.case import (
    BoolValue,
    Case,
    Claim,
    EntityValue,
    Location,
    NameUse,
    PropertySpec,
    Quote,
    Source,
    TextValue,
    Value,
)
from checker.model.dates import ANCHOR_PUBLISHED, AsOf, DateSpan, parse_as_of, parse_date
from checker.model.forms import ValueFormError, parse_boolean
from checker.model.names import NameIndex, did_you_mean, suggest
from checker.model.numbers import parse_number
from checker.model.text import fold_name, normalize_text

Path_ = tuple[str | int, ...]

_DATE_TEXT = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


@dataclass(frozen=True)
class FileResult:
    source: Source
    claims: tuple[Claim, ...]
    quotes: tuple[Quote, ...]
    names: tuple[NameUse, ...]


def _as_list(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    return (raw,) if isinstance(raw, str) else tuple(raw)


def free_property(name: str) -> str:
    """A property named freely (no case file), normalised for grouping."""
    return fold_name(name).replace(" ", "_")


def inferred_type(raw: Any) -> str:
    """The type of a value written without a case file, judged by its form."""
    if isinstance(raw, bool):
        return "boolean"
    if isinstance(raw, int | float):
        return "number"
    if isinstance(raw, dict):
        return "number" if {"approx", "min", "max"} & set(raw) else "date"
    if isinstance(raw, str) and _DATE_TEXT.match(raw):
        return "date"
    return "text"


class ClaimFileChecker:
    def __init__(
        self,
        document: Document,
        case: Case,
        names: NameIndex | None,
        known_sources: set[str] | None,
        require_text: bool,
        add: Callable[..., None],
        anchors: dict[str, DateSpan | None] | None = None,
    ):
        self.document = document
        self.case = case
        self.index = names
        self.known_sources = known_sources
        #: based_on references to check once every source of the case is known (when
        #: ``known_sources`` is None: the files of a case are being checked in parallel).
        self.pending_refs: list[tuple[str, Path_]] = []
        self.require_text = require_text
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
        for i, other in enumerate(_as_list(raw.get("based_on"))):
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
            based_on=_as_list(raw.get("based_on")),
            title=raw.get("title"),
            url=raw.get("url"),
            authors=_as_list(raw.get("authors")),
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
        if not path.is_file():
            message = f"source text '{written}' not found (looked for {path}); evidence unverified"
            if self.require_text:
                self.error(("source", "text"), message, "text-missing")
            else:
                self.warn(("source", "text"), message, "text-missing")
            return
        try:
            self.text = SourceText(decode_utf8(path.read_bytes()))
        except LoadFailure as failure:
            self.error(("source", "text"), f"source text '{written}': {failure.message}", "text")
        except OSError as exc:
            self.error(("source", "text"), f"source text '{written}': {exc.strerror}", "text")

    # -- claims ---------------------------------------------------------------------------

    def check(self, file_path: Path) -> FileResult:
        data = self.document.data
        source = self._source(file_path)
        ids: dict[str, Path_] = {}
        claims: list[Claim] = []
        for i, raw in enumerate(data.get("claims", [])):
            if "id" in raw:
                self._check_id(raw, ("claims", i), ids)
            claim = self._claim(i, raw)
            if claim is not None:
                claims.append(claim)
        quotes: list[Quote] = []
        for i, raw in enumerate(data.get("quotes", [])):
            self._check_id(raw, ("quotes", i), ids)
            quote = self._quote(i, raw)
            if quote is not None:
                quotes.append(quote)
        return FileResult(source, tuple(claims), tuple(quotes), tuple(self.names))

    def _check_id(self, raw: dict[str, Any], path: Path_, ids: dict[str, Path_]) -> None:
        item_id = raw.get("id")
        if item_id is None:
            return
        if item_id in ids:
            line, _ = self.document.locate(ids[item_id])
            self.error(
                (*path, "id"), f"id '{item_id}' is already used at line {line}", "duplicate-id"
            )
        else:
            ids[item_id] = (*path, "id")

    def _property(self, name: str, claim: Path_, raw_value: Any) -> PropertySpec | None:
        if self.case.id is None:
            return PropertySpec(free_property(name), inferred_type(raw_value))
        spec = self.case.properties.get(name)
        if spec is None:
            hint = did_you_mean(suggest(name, sorted(self.case.properties)))
            self.error((*claim, "property"), f"unknown property '{name}'{hint}", "unknown-property")
        return spec

    def _claim(self, i: int, raw: dict[str, Any]) -> Claim | None:
        path: Path_ = ("claims", i)
        ref = raw.get("id")
        # Paths to the claim's fields are built only where a message needs one.
        subject = self.entity(raw["subject"], path, "subject", ref, key="subject")
        spec = self._property(raw["property"], path, raw["value"])
        attributed = None
        if "attributed_to" in raw:
            attributed = self.entity(
                raw["attributed_to"], path, "speaker", ref, key="attributed_to"
            )
        value = self._value(spec, raw["value"], path, ref) if spec else None
        as_of = self._as_of(raw["as_of"], (*path, "as_of")) if "as_of" in raw else None
        said_on = self._date(raw["said_on"], (*path, "said_on")) if "said_on" in raw else None
        written = raw.get("evidence")
        evidence = _as_list(written)
        for n, excerpt in enumerate(evidence):
            if self.text is not None and self.text.find(excerpt) is None:
                where = (*path, "evidence", n) if isinstance(written, list) else (*path, "evidence")
                self._report_miss(excerpt, where, "evidence")
        based_on = _as_list(raw.get("based_on"))
        for n, other in enumerate(based_on):
            self._check_source_ref(other, (*path, "based_on", n))
        if subject is None or spec is None or value is None:
            return None
        # Positional, in the order of Claim's fields: a million claims are built per large run.
        return Claim(
            self.source_id,
            self.location(path),
            i,
            subject,
            spec.id,
            raw["value"],
            value,
            raw.get("id"),
            attributed,
            as_of,
            said_on,
            evidence,
            bool(raw.get("hedged", False)),
            based_on,
            raw.get("note"),
            value.normalized,
        )

    def _value(self, spec: PropertySpec, raw: Any, claim: Path_, ref: str | None) -> Value | None:
        try:
            if spec.type != "entity":
                if isinstance(raw, str | int | float):
                    # Absolute values mean the same wherever they stand: parse each once per run.
                    return _scalar_value(spec.type, spec.id, raw)
                return _typed_value(spec.type, spec.id, raw, self.anchors)
            if not isinstance(raw, str) or not raw.strip():
                raise ValueFormError(f"expected entity name for property '{spec.id}'", ())
            entity = self.entity(raw, claim, "entity", ref, key="value")
            return None if entity is None else _entity_value(entity)
        except ValueFormError as exc:
            path = (*claim, "value")
            prefix = f"{spec.type} value for '{spec.id}': " if spec.type != "boolean" else ""
            message = prefix + exc.message
            if spec.type == "boolean" and str(raw).lower() in {"yes", "no", "on", "off", "y", "n"}:
                message += " (in YAML 1.2 only true and false are booleans)"
            self.error((*path, *exc.subpath), message, "value")
            return None

    def _as_of(self, raw: Any, path: Path_) -> AsOf | None:
        if raw is None:
            return None
        try:
            return parse_as_of(raw, self.anchors)
        except ValueFormError as exc:
            self.error((*path, *exc.subpath), exc.message, "value")
            return None

    def _date(self, raw: Any, path: Path_) -> DateSpan | None:
        if raw is None:
            return None
        try:
            return parse_date(raw, self.anchors).span
        except ValueFormError as exc:
            self.error((*path, *exc.subpath), exc.message, "value")
            return None

    def _report_miss(self, excerpt: str, path: Path_, what: str) -> None:
        assert self.text is not None
        miss = self.text.closest(excerpt)
        message = f"{what} not found verbatim in the source text"
        if miss.score >= 60:
            shown = miss.closest if len(miss.closest) <= 80 else miss.closest[:77] + "..."
            message += f"; closest passage (text line {miss.line}): '{shown}'"
        self.error(path, message, "evidence-not-found")

    # -- quotes ---------------------------------------------------------------------------

    def _quote(self, i: int, raw: dict[str, Any]) -> Quote | None:
        path: Path_ = ("quotes", i)
        ref = raw.get("id")
        speaker = self.entity(raw["speaker"], path, "speaker", ref, key="speaker")
        parts = _as_list(raw["text"])
        said_on = self._date(raw.get("said_on"), (*path, "said_on"))
        if self.text is not None:
            _, missing = self.text.find_parts(parts)
            if missing is not None:
                where = (
                    (*path, "text", missing) if isinstance(raw["text"], list) else (*path, "text")
                )
                what = "quote" if len(parts) == 1 else f"quote part {missing + 1} of {len(parts)}"
                if len(parts) > 1 and self.text.find(parts[missing]) is not None:
                    self.error(
                        where,
                        f"{what} is in the source text, but not after part {missing}",
                        "evidence-not-found",
                    )
                else:
                    self._report_miss(parts[missing], where, what)
        if speaker is None:
            return None
        return Quote(
            source=self.source_id,
            location=self.location(path),
            index=i,
            speaker=speaker,
            parts=parts,
            normalized=normalize_quote(parts),
            id=raw.get("id"),
            said_on=said_on,
            note=raw.get("note"),
        )


def unknown_source(other: str, known: set[str]) -> str:
    return f"unknown source '{other}'{did_you_mean(suggest(other, sorted(known)))}"


def _typed_value(
    kind: str, prop: str, raw: Any, anchors: Mapping[str, DateSpan | None] | None
) -> Value:
    """A value of a date, number, boolean or text property (raises ValueFormError)."""
    if kind == "date":
        return parse_date(raw, anchors)
    if kind == "number":
        return parse_number(raw)
    if kind == "boolean":
        return BoolValue(parse_boolean(raw))
    if not isinstance(raw, str) or not raw.strip():
        raise ValueFormError(f"expected text for property '{prop}'", ())
    return TextValue(raw, normalize_text(raw))


@functools.lru_cache(maxsize=1 << 17, typed=True)
def _scalar_value(kind: str, prop: str, raw: str | int | float) -> Value:
    """:func:`_typed_value` of a scalar, which needs no anchors: cached for the whole run.

    ``typed=True`` keeps ``True`` and ``1`` (equal in Python) apart in the cache.
    """
    return _typed_value(kind, prop, raw, None)


@functools.lru_cache(maxsize=1 << 16)
def _entity_value(entity: str) -> EntityValue:
    """One value object per entity for the run, like :func:`_scalar_value`."""
    return EntityValue(entity)


_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")


def normalize_quote(parts: tuple[str, ...]) -> str:
    """A quote's words for comparison: publisher's insertions, case and end punctuation dropped."""
    return " ".join(normalize_text(_BRACKETED.sub(" ", part)) for part in parts).strip()


def anchors_of(case: Case) -> dict[str, DateSpan | None]:
    """What relative dates may be anchored on: every entity's date (None where it has none)."""
    return {e.id: e.date for e in case.entities.values()}
