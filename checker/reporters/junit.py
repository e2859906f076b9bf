"""Render annotations as JUnit XML, the test report GitLab, Jenkins and most CI systems show.

Each file is a test suite and each annotation a failing test case in it, so a CI test tab lists
what is wrong where. Info-level annotations fail too: they are findings, and what blocks a
merge is the exit code's business, not the report's. A run with nothing to report is one
passing test case, so that CI shows a green test rather than an empty report.

Suites follow file names in sorted order; the suite of annotations without a file, ``(case)``,
comes last.

Input text (file names, messages, titles) is escaped as one line of plain text
(:func:`checker.runtime.escape.text`): no character XML 1.0 cannot hold, and no newline that
would give input a line of its own in the file.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.gate.annotations import Annotation, Rule
from checker.runtime.escape import markup_output, text

#: The suite of annotations that have no file (findings about the whole case).
NO_FILE_SUITE = "(case)"


def _xml_text(value: str) -> str:
    """Input text for an attribute or an element: ElementTree escapes markup but writes
    characters XML 1.0 cannot hold (ESC, say) as they are, which makes the file unreadable."""
    return text(value)


def _file(annotation: Annotation) -> str:
    return annotation.file.replace(os.sep, "/")


def _case_name(annotation: Annotation, taken: set[str]) -> str:
    # Titles usually start with their rule ("conflict: mou signed_on"); say it once.
    title = annotation.title
    if not title.startswith(annotation.rule):
        title = f"{annotation.rule} {title}"
    base = f"{title} line {annotation.line}"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base} #{n}"
    taken.add(name)
    return name


def _failure_text(annotation: Annotation) -> str:
    where = (
        f"{_file(annotation)}:{annotation.line}:{annotation.column}: " if annotation.file else ""
    )
    return f"{where}{annotation.severity.label}: {annotation.message}"


def _suite(name: str, classname: str, annotations: Sequence[Annotation]) -> ET.Element:
    suite = ET.Element(
        "testsuite",
        name=_xml_text(name),
        tests=str(len(annotations)),
        failures=str(len(annotations)),
        errors="0",
        skipped="0",
    )
    taken: set[str] = set()
    for annotation in annotations:
        case = ET.SubElement(
            suite,
            "testcase",
            name=_xml_text(_case_name(annotation, taken)),
            classname=_xml_text(classname),
        )
        failure = ET.SubElement(
            case, "failure", type=_xml_text(annotation.rule), message=_xml_text(annotation.message)
        )
        failure.text = _xml_text(_failure_text(annotation))
    return suite


class JunitFormat:
    """`--format junit`: JUnit XML, one suite per file and one failing case per annotation."""

    name = "junit"

    def render(
        self,
        annotations: Sequence[Annotation],
        rules: Sequence[Rule],
        command: str,
        notes: Sequence[str] = (),
    ) -> str:
        root = ET.Element(
            "testsuites",
            name=f"checker {command}",
            tests=str(max(len(annotations), 1)),
            failures=str(len(annotations)),
            errors="0",
        )
        by_file: dict[str, list[Annotation]] = {}
        for annotation in annotations:
            by_file.setdefault(_file(annotation), []).append(annotation)
        for file in sorted(name for name in by_file if name):
            root.append(_suite(file, file.replace("/", "."), by_file[file]))
        if "" in by_file:
            root.append(_suite(NO_FILE_SUITE, NO_FILE_SUITE, by_file[""]))
        if not annotations:
            suite = ET.SubElement(
                root,
                "testsuite",
                name=f"checker {command}",
                tests="1",
                failures="0",
                errors="0",
                skipped="0",
            )
            ET.SubElement(suite, "testcase", name="no findings", classname=f"checker.{command}")
        if notes:  # no test case: a note that fails nothing, read where CI shows a log
            for suite in root:
                ET.SubElement(suite, "system-out").text = "\n".join(map(_xml_text, notes))
                break
        ET.indent(root)
        body = ET.tostring(root, encoding="unicode")
        return markup_output(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n')
