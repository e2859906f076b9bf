"""Render annotations as SARIF 2.1.0, the form GitHub code scanning uploads and shows.

One run, one rule per :class:`~checker.gate.annotations.Rule`, one result per annotation in the
order given. A result names its rule by ``ruleId`` and, when the rule is among those given, by
``ruleIndex``; its one location is the repository-relative path with forward slashes.

An annotation without a file (a finding about the whole case, with no claim to point at) gets
an empty ``locations`` list. SARIF allows that; GitHub code scanning wants a location on every
result and may drop such a result. Pointing it at a made-up file (``.``, ``case.yaml``) would be
worse: the alert would claim a place that says nothing about it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import checker
from checker.claims.problems import Severity
from checker.gate.annotations import Annotation, Rule
from checker.runtime.escape import json_output

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
#: Placeholder until the project has a home page; SARIF viewers link the tool name to it.
INFORMATION_URI = "https://github.com/checker-dev/checker"
#: The key of our fingerprint in ``partialFingerprints``; bump the version if its recipe changes.
FINGERPRINT_KEY = "checker/v1"

LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}


def artifact_uri(file: str) -> str:
    """A file as a SARIF URI: relative paths stay relative (so GitHub can match them to the
    repository), with forward slashes and percent-encoding; absolute paths become file:// URIs."""
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(file.replace(os.sep, "/"), safe="/")


def _rule_name(rule_id: str) -> str:
    # SARIF's rule name is meant to read as an identifier: "duplicate-key" -> "DuplicateKey".
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-"))


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": _rule_name(rule.id),
        "shortDescription": {"text": rule.help},
        "fullDescription": {"text": rule.help},
        "help": {"text": rule.help},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(annotation: Annotation, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": annotation.rule}
    if annotation.rule in rule_index:
        result["ruleIndex"] = rule_index[annotation.rule]
    result["level"] = LEVELS[annotation.severity]
    result["message"] = {"text": annotation.message}
    result["locations"] = []
    if annotation.file:
        result["locations"].append(
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(annotation.file)},
                    "region": {
                        "startLine": max(annotation.line, 1),
                        "startColumn": max(annotation.column, 1),
                    },
                }
            }
        )
    result["partialFingerprints"] = {FINGERPRINT_KEY: annotation.fingerprint}
    return result


class SarifFormat:
    """`--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers."""

    name = "sarif"

    def render(
        self,
        annotations: Sequence[Annotation],
        rules: Sequence[Rule],
        command: str,
        notes: Sequence[str] = (),
    ) -> str:
        rule_index: dict[str, int] = {}
        for index, rule in enumerate(rules):
            rule_index.setdefault(rule.id, index)
        log = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "checker",
                            "version": checker.__version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [_rule(rule) for rule in rules],
                        }
                    },
                    # Distinct categories let one workflow upload both commands' logs.
                    "automationDetails": {"id": f"checker/{command}/"},
                    # Positions come from the loader, counted in characters, not UTF-16 units.
                    "columnKind": "unicodeCodePoints",
                    "results": [_result(a, rule_index) for a in annotations],
                }
            ],
        }
        if notes:  # what the run could not do is a notification of its invocation, no result
            log["runs"][0]["invocations"] = [  # type: ignore[index]
                {
                    "executionSuccessful": True,
                    "toolExecutionNotifications": [
                        {"level": "note", "message": {"text": note}} for note in notes
                    ],
                }
            ]
        return json_output(log)
