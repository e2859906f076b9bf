"""Check what one schema-valid claim file means, and build its source, claims and quotes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.claims.sourcefile import Path_, SourceChecker, as_list
from checker.claims.typedvalues import (
    entity_value,
    free_property,
    inferred_type,
    normalize_quote,
    scalar_value,
    typed_value,
)
from checker.model.case import Claim, NameUse, PropertySpec, Quote, Source, Value
from checker.model.dates import AsOf, DateSpan, parse_as_of, parse_date
from checker.model.forms import ValueFormError
from checker.model.names import did_you_mean, suggest


@dataclass(frozen=True)
class FileResult:
    source: Source
    claims: tuple[Claim, ...]
    quotes: tuple[Quote, ...]
    names: tuple[NameUse, ...]


class ClaimFileChecker(SourceChecker):
    """Checks one claim file against its case and builds its source, claims and quotes."""

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
        evidence = as_list(written)
        for n, excerpt in enumerate(evidence):
            if self.text is not None and self.text.find(excerpt) is None:
                where = (*path, "evidence", n) if isinstance(written, list) else (*path, "evidence")
                self._report_miss(excerpt, where, "evidence")
        based_on = as_list(raw.get("based_on"))
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
                    return scalar_value(spec.type, spec.id, raw)
                return typed_value(spec.type, spec.id, raw, self.anchors)
            if not isinstance(raw, str) or not raw.strip():
                raise ValueFormError(f"expected entity name for property '{spec.id}'", ())
            entity = self.entity(raw, claim, "entity", ref, key="value")
            return None if entity is None else entity_value(entity)
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
        if miss.longer is not None:
            length, text_length = miss.longer
            message = (
                f"{what} is longer than the source text "
                f"({length:,} characters against {text_length:,})"
            )
        elif miss.score >= 60:
            shown = miss.closest if len(miss.closest) <= 80 else miss.closest[:77] + "..."
            message += f"; closest passage (text line {miss.line}): '{shown}'"
        self.error(path, message, "evidence-not-found")

    # -- quotes ---------------------------------------------------------------------------

    def _quote(self, i: int, raw: dict[str, Any]) -> Quote | None:
        path: Path_ = ("quotes", i)
        ref = raw.get("id")
        speaker = self.entity(raw["speaker"], path, "speaker", ref, key="speaker")
        parts = as_list(raw["text"])
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
