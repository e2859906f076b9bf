"""The look of the HTML report: its style sheet (html.css), icons and small markup helpers.

Colour is never the only signal: every state has an icon of its own shape (drawn once, in a
sprite, and used by reference) and a word, visible or for screen readers. The style sheet's
text colours meet WCAG AA (4.5:1) on the backgrounds they are used on; `CONTRAST_PAIRS` lists
those pairs so that a test can check them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources

from checker.runtime.escape import html

#: (text, background) pairs the style sheet uses; each must reach 4.5:1.
CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("ink", "page"),
    ("ink", "panel"),
    ("muted", "page"),
    ("muted", "panel"),
    ("error", "error-bg"),
    ("error", "page"),
    ("warning", "warning-bg"),
    ("warning", "page"),
    ("info", "info-bg"),
    ("agree", "agree-bg"),
    ("agree", "page"),
    ("disputed", "disputed-bg"),
    ("disputed", "page"),
    ("best", "best-bg"),
    ("best", "page"),
)

#: How each state of a value reads: (icon, word). The word is what a screen reader says.
STATES: dict[str, tuple[str, str]] = {
    "best": ("i-best", "best supported"),
    "agree": ("i-agree", "agrees"),
    "conflict": ("i-conflict", "conflict"),
    "disputed": ("i-disputed", "disputed"),
    "single": ("i-single", "single source"),
    "absent": ("i-absent", "absent"),
}
SEVERITY_ICONS = {"error": "i-error", "warning": "i-warning", "info": "i-info"}

# Icons on a 16-unit grid, in currentColor: each state a different shape.
SPRITE = """<svg class="sprite" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">
<symbol id="i-agree" viewBox="0 0 16 16"><path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></symbol>
<symbol id="i-best" viewBox="0 0 16 16"><path d="M8 .8l2.2 4.7 5.1.6-3.8 3.5 1 5.1L8 12.2 3.5 14.7l1-5.1L.7 6.1l5.1-.6z" fill="currentColor"/></symbol>
<symbol id="i-conflict" viewBox="0 0 16 16"><path d="M3 3l10 10M13 3L3 13" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"/></symbol>
<symbol id="i-disputed" viewBox="0 0 16 16"><path d="M8 .9L15.1 8 8 15.1.9 8z" fill="currentColor"/><path d="M8 4.2v4.6M8 10.9v.9" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></symbol>
<symbol id="i-single" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="2.2"/></symbol>
<symbol id="i-absent" viewBox="0 0 16 16"><path d="M4 8h8" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></symbol>
<symbol id="i-error" viewBox="0 0 16 16"><path d="M5 .8h6L15.2 5v6L11 15.2H5L.8 11V5z" fill="currentColor"/><path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></symbol>
<symbol id="i-warning" viewBox="0 0 16 16"><path d="M8 1l7.4 13.4H.6z" fill="currentColor"/><path d="M8 6v3.6M8 11.8v.4" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></symbol>
<symbol id="i-info" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7.2" fill="currentColor"/><path d="M8 7.2v4.4M8 4.6v.3" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></symbol>
<symbol id="i-relative" viewBox="0 0 16 16"><path d="M2.5 11.5A6 6 0 1 1 8 14" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/><path d="M.6 8.6l1.9 3.1 3-2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></symbol>
</svg>"""  # noqa: E501 (one symbol a line reads better than wrapped path data)


def esc(text: object) -> str:
    """Text for an element's content or a quoted attribute: every text of the page that is
    not its own markup passes here (:func:`checker.runtime.escape.html`)."""
    return html(text)


def icon(name: str, label: str | None = None, css: str = "") -> str:
    """An icon from the sprite; ``label`` is said by screen readers (none: decorative)."""
    klass = f"i {css}" if css else "i"
    use = f'<svg class="{klass}" aria-hidden="true"><use href="#{name}"/></svg>'
    return use + (f'<span class="sr-only">{esc(label)}</span>' if label else "")


def state_icon(state: str, visible: bool = False, said: bool = True) -> str:
    """The icon of a value's state, in its colour, with its word for screen readers, or shown
    (``visible``), or neither where the text beside it already says it (``said=False``)."""
    name, word = STATES[state]
    if visible:
        return f'<span class="state s-{state}">{icon(name)} {esc(word)}</span>'
    return icon(name, word if said else None, f"s-{state}")


def severity_badge(label: str) -> str:
    return f'<span class="badge sev-{label}">{icon(SEVERITY_ICONS[label])} {esc(label)}</span>'


def _minified(css: str) -> str:
    """The style sheet without comments and runs of white space (the page carries it inline)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip()


def style_sheet() -> str:
    """The report's style sheet, as the page inlines it."""
    return _minified(resources.files("checker.reporters").joinpath("html.css").read_text("utf-8"))


def content_security_policy(style: str) -> str:
    """The page's policy: it loads nothing and runs nothing; the one inline style sheet is
    allowed by its hash, so that a ``<style>`` or ``style=`` smuggled in by input (were
    escaping ever to fail) would not apply, nor would a script, an image or a form.

    The icons are ``<use>`` references within the page, which no policy governs.
    """
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def palette() -> dict[str, str]:
    """The colours the style sheet declares, by name (``--ink: #1f2328`` is ``ink``)."""
    found = re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", style_sheet())
    return dict(found)
