"""Render annotations as a GitLab Code Quality report (a JSON list of Code Climate issues).

GitLab matches issues between a merge request and its target branch by ``fingerprint``, so it
must be unique in a report and must not change when lines move. An annotation's fingerprint
already leaves out the line; two annotations that share one (one finding shown in two files,
say) get a fingerprint made from it and the file, and from its rank if the file is the same too.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from typing import Any

from checker.claims.problems import Severity
from checker.gate.annotations import Annotation, Rule
from checker.runtime.escape import json_output

SEVERITIES: dict[Severity, str] = {
    Severity.ERROR: "critical",
    Severity.WARNING: "major",
    Severity.INFO: "info",
}


def _derived(*parts: str) -> str:
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()[:20]


def unique_fingerprints(annotations: Sequence[Annotation]) -> list[str]:
    """One fingerprint per annotation, unique in the list, none depending on a line number."""
    shared = Counter(a.fingerprint for a in annotations)
    seen: Counter[tuple[str, str]] = Counter()
    out: list[str] = []
    for annotation in annotations:
        if shared[annotation.fingerprint] == 1:
            out.append(annotation.fingerprint)
            continue
        key = (annotation.fingerprint, annotation.file)
        seen[key] += 1
        rank = seen[key]
        parts = key if rank == 1 else (*key, str(rank))
        out.append(_derived(*parts))
    return out


def _issue(annotation: Annotation, fingerprint: str) -> dict[str, Any]:
    return {
        "description": annotation.message,
        "check_name": annotation.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[annotation.severity],
        "location": {
            # A finding without a file has no path to give; GitLab lists it without a link.
            "path": annotation.file.replace(os.sep, "/"),
            "lines": {"begin": max(annotation.line, 1)},
        },
    }


class GitlabFormat:
    """`--format gitlab`: a Code Quality report for a merge request's widget and diff."""

    name = "gitlab"

    def render(
        self,
        annotations: Sequence[Annotation],
        rules: Sequence[Rule],
        command: str,
        notes: Sequence[str] = (),
    ) -> str:
        # A Code Quality report is a list of issues and nothing else: notes have no place.
        fingerprints = unique_fingerprints(annotations)
        issues = [_issue(a, f) for a, f in zip(annotations, fingerprints, strict=True)]
        return json_output(issues)
