# Fills the .docx templates the build writes (handbook_build/documents/personal.py) with the reader's values,
# in the browser: zipfile and string replacement only, because calculators/ runs in Pyodide's standard library.
"""Fill `{{hb:name}}` tokens and repeat marked table rows in a Word template; check typed text first."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape as html_escape

DOCUMENT_XML = "word/document.xml"
# A token is a name of letters, digits, dots and hyphens (no underscore: Markdown could read it as emphasis).
TOKEN = re.compile(r"\{\{hb:([a-z0-9.-]+)\}\}")
_ROW = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)
_TEXT_START = re.compile(r"<w:t(?: [^>]*)?>")
# Characters Word cannot store (XML 1.0) or that would break a one-line field: control characters,
# lone surrogates (only possible from the browser's JavaScript strings) and the two non-characters.
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FIXED_TIME = (2026, 1, 1, 0, 0, 0)


class TemplateError(ValueError):
    """The template is not one the build made (a programming error, not bad input)."""


@dataclass(frozen=True)
class Filling:
    """What goes into a template: single values by token name, and rows by group ("row" for `{{hb:row.x}}`)."""

    values: Mapping[str, str]
    rows: Mapping[str, Sequence[Mapping[str, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonalDocument:
    """A filled document ready to download: a Dutch file name and its bytes."""

    file_name: str
    content: bytes


def text_problem(value: str, max_length: int) -> str | None:
    """A Dutch message when `value` cannot go into a document field, else None."""
    if _FORBIDDEN.search(value):
        return "Gebruik alleen gewone tekens: tabs, regeleinden en andere stuurtekens kunnen niet in het document."
    if len(value) > max_length:
        return f"Maximaal {max_length} tekens; nu zijn het er {len(value)}."
    return None


def _xml_text(value: str) -> str:
    # Double quotes too: a token could sit in an attribute in a template made by hand. By hand rather than with
    # xml.sax.saxutils.escape: that module imports urllib.request, and with it http.client and email, some 40
    # modules the browser would compile on every plain boot (bench/RESULTS.md).
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _replace_tokens(xml: str, values: Mapping[str, str], prefix: str = "") -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if prefix:
            if not name.startswith(prefix):
                return match.group(0)
            name = name[len(prefix):]
        if name not in values:
            raise TemplateError(f"geen waarde voor {{{{hb:{prefix}{name}}}}}")
        return _xml_text(values[name])

    return TOKEN.sub(replace, xml)


def _repeat_rows(xml: str, group: str, rows: Sequence[Mapping[str, str]]) -> str:
    """Every table row with a `{{hb:group.…}}` token becomes one row per entry of `rows`."""
    marker = "{{hb:" + group + "."
    found = False

    def repeat(match: re.Match[str]) -> str:
        nonlocal found
        row = match.group(0)
        if marker not in row:
            return row
        found = True
        return "".join(_replace_tokens(row, entry, group + ".") for entry in rows)

    result = _ROW.sub(repeat, xml)
    if not found:
        raise TemplateError(f"geen tabelrij met {marker}…}}}} in de template")
    return result


def _preserve_spaces(xml: str) -> str:
    """Let Word keep leading and trailing spaces of every text element (values may bring them)."""
    return _TEXT_START.sub(lambda m: m.group(0) if "xml:space" in m.group(0) else '<w:t xml:space="preserve">', xml)


def fill_xml(xml: str, filling: Filling) -> str:
    """document.xml with its rows repeated and every token replaced by an XML-escaped value."""
    for group, rows in filling.rows.items():
        xml = _repeat_rows(xml, group, rows)
    xml = _replace_tokens(xml, filling.values)
    left = TOKEN.search(xml)
    if left:
        raise TemplateError(f"token {left.group(0)} bleef over")
    return _preserve_spaces(xml)


def fill_docx(template: bytes, filling: Filling) -> bytes:
    """The template's bytes with word/document.xml filled; every other part is copied unchanged."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        if DOCUMENT_XML not in names:
            raise TemplateError(f"{DOCUMENT_XML} ontbreekt in de template")
        for name in names:
            data = source.read(name)
            if name == DOCUMENT_XML:
                data = fill_xml(data.decode("utf-8"), filling).encode("utf-8")
            # A fixed time: the same input gives the same bytes, in CPython and in Pyodide.
            target.writestr(zipfile.ZipInfo(name, _FIXED_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()


def safe_file_name(*parts: str) -> str:
    """A portable file name from Dutch words: lower case, ASCII, hyphens (e.g. 'brief-na-de-match-uwv.docx')."""
    words = unicodedata.normalize("NFKD", "-".join(parts)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-")[:80] + ".docx"


TEMPLATE_DIR = "documenten/sjablonen"  # in the built site; handbook_build/documents/personal.py writes here too
GENERIC_DIR = "documenten"


def template_path(name: str) -> str:
    """Site-relative path of a personal document's template."""
    return f"{TEMPLATE_DIR}/{name}.docx"


def download_button(key: str, template: str, label: str) -> str:
    """A button that asks the worker to fill `template` for `key` (inside download_buttons)."""
    return (f'<button type="button" class="md-button" data-document="{html_escape(key)}" '
            f'data-template="{html_escape(template_path(template))}">{html_escape(label)}</button>')


def download_buttons(buttons: list[str]) -> str:
    """The buttons in a paragraph the browser runtime shows once Python runs. The paragraph carries `hidden`,
    not the buttons: Material's .md-button sets a display that would override the attribute."""
    return f'<p class="hb-documents__buttons" data-document-buttons hidden>{" ".join(buttons)}</p>' if buttons else ""


def without_javascript(generic: str, bijlage: str, root: str = "../../") -> str:
    """What a page without JavaScript shows instead: the generic Word file of the bijlage (made at build time)."""
    return (f'<p class="hb-documents__generic" data-document-note>De ingevulde versie maakt je browser met '
            f"JavaScript. Zonder JavaScript: <a href=\"{root}{GENERIC_DIR}/{html_escape(generic)}.docx\" download>"
            f"bijlage {html_escape(bijlage)} als Word-bestand</a>, om zelf in te vullen.</p>")
