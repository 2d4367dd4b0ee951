"""Key figures and messages of a calculator outcome, read from its result HTML (OpenFisca-style outputs).

The same function serves CPython, Pyodide under Node and a browser check: each of them has the outcome's
status and either the result HTML (the `data-result` element's innerHTML in a browser) or the field errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


class _Figures(HTMLParser):
    """Collects the text of elements that carry a figure (data-cell, data-score, ...) and warning items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, dict[str, str]]] = []
        self.captures: list[tuple[str, list[str]]] = []
        self.figures: dict[str, list[str]] = {}
        self.messages: dict[str, list[str]] = {}
        self.title = ""

    def _key(self, tag: str, attrs: dict[str, str]) -> str | None:
        row = next((a for t, _, a in reversed(self.stack) if t == "tr"), {})
        if "data-cell" in attrs:
            route = row.get("data-route")
            return f"{route}.{attrs['data-cell']}" if route else attrs["data-cell"]
        if "data-score" in attrs:
            return f"score.{attrs['data-score']}"
        if "data-milestone" in attrs:
            return f"mijlpaal.{attrs['data-milestone']}"
        if tag == "p" and "data-summary" in attrs:
            return "samenvatting"
        if tag == "p" and "admonition-title" in attrs.get("class", ""):
            return "#title"
        if tag == "li" and any("admonition" in a.get("class", "") for _, _, a in self.stack):
            return "#message"
        return None

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attr_list}
        self._record_attributes(tag, attrs)
        if tag in VOID:
            return
        key = self._key(tag, attrs)
        self.stack.append((tag, key, attrs))
        if key is not None:
            self.captures.append((key, []))

    def _record_attributes(self, tag: str, attrs: dict[str, str]) -> None:
        """Figures that are attributes, not text: outcomes per criterion, advice levels, proposals."""
        row = next((a for t, _, a in reversed(self.stack) if t == "tr"), {})
        if "data-criterion" in attrs:
            who = attrs.get("data-candidate") or row.get("data-practice") or "praktijk"
            self.figures.setdefault(f"{who}.{attrs['data-criterion']}", []).append(attrs["data-outcome"])
        if "data-advice" in attrs:
            self.figures.setdefault(f"advies.{attrs['data-candidate']}", []).append(attrs["data-advice"])
        if "data-comparison" in attrs:
            self.figures.setdefault("beste", []).append(attrs.get("data-best", ""))
        if tag == "tr" and "data-practice" in attrs and "data-candidate" in attrs:
            self.figures.setdefault(f"voorstel.{attrs['data-practice']}", []).append(attrs["data-candidate"])
        if tag == "tr" and "data-unplaced" in attrs:
            self.figures.setdefault("zonder voorstel", []).append(attrs["data-unplaced"])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record_attributes(tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or tag in VOID:
            return
        while self.stack:
            open_tag, key, _ = self.stack.pop()
            if key is not None:
                self._finish(*self.captures.pop())
            if open_tag == tag:
                break

    def _finish(self, key: str, parts: list[str]) -> None:
        text = _clean("".join(parts))
        if key == "#title":
            self.title = text
        elif key == "#message":
            self.messages.setdefault(self.title, []).append(text)
        else:
            self.figures.setdefault(key, []).append(text)

    def handle_data(self, data: str) -> None:
        for _, parts in self.captures:
            parts.append(data)


def figures_from_html(html: str) -> dict[str, Any]:
    parser = _Figures()
    parser.feed(html)
    parser.close()
    figures = {key: "; ".join(values) for key, values in parser.figures.items()}
    return {"figures": figures, "messages": parser.messages}


def key_figures(outcome: Mapping[str, Any]) -> dict[str, Any]:
    """{'status': 'invalid', 'errors': {...}} or {'status': 'result', 'figures': {...}, 'messages': {...}}."""
    if outcome["status"] != "result":
        return {"status": outcome["status"], "errors": dict(sorted(outcome.get("errors", {}).items()))}
    return {"status": "result", **figures_from_html(outcome["html"])}
