"""Valid HTML and a Content-Security-Policy on every built page (and the rule for a page's own meta description).

- Material's templates emit markup the HTML standard does not allow: `autocomplete` on its hidden
  checkboxes, empty `tabindex=""` on navigation section labels, `rel="edit"` on the edit link. The
  search dialog has no accessible name; a section whose title links to its index page names its
  navigation landmark after an empty toggle label; the breadcrumb trail is named "Navigatie" like the
  main navigation; the tags of a page are an unnamed navigation landmark; a page without a table of contents
  keeps a label `for` its missing toggle. These are fixed on the output, not by copying its templates.
- A `<style>` element in the body moves to the head, and a repeated id gets a numbered suffix (on the print page a
  page's section keeps its id, so links keep pointing at it). Our own print page (handbook_build/print_page.py)
  has neither; these stay as a net for other markup.
- Every page gets a `<meta http-equiv="Content-Security-Policy">` as the first element after its charset:
  only same-origin resources, `'wasm-unsafe-eval'` for Pyodide, and inline scripts and styles only by the
  SHA-256 hash of exactly what is on that page (Material keeps a few small inline scripts). Not during
  `mkdocs serve`, whose live-reload script is injected inline after the build.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from pathlib import Path

# --- Material's markup ----------------------------------------------------------------------------------
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="[^"]*"')
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
_REL_EDIT = re.compile(r'(<a\b[^>]*?)\s+rel="edit"')
_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')
SEARCH_DIALOG_NAME = "Zoeken in het handboek"
# A section's nested navigation and, right inside it, the title label that shows the section's name.
_SECTION_NAV = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="[^"]*"'
    r'(?P<rest>[^>]*>\s*<label class="md-nav__title"[^>]*>(?P<title>.*?)</label>)',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"([^>]*>)')
_ID_VALUE = re.compile(r'\sid="([^"]+)"')
# mkdocs-print-site-plugin numbers its sections with an attribute HTML does not have.
_HEADING_NUMBER = re.compile(r"""(<section\b[^>]*?)\s+heading-number=(?:"[^"]*"|'[^']*'|[^\s>]+)""")
_BREADCRUMBS = re.compile(r'<nav class="md-path" aria-label="[^"]*"')
BREADCRUMBS_NAME = "Kruimelpad"
_TAGS_NAV = re.compile(r'<nav class="md-tags"(?![^>]*aria-label)')
TAGS_NAME = "Trefwoorden van deze pagina"


def _name_section_nav(match: re.Match[str]) -> str:
    title = " ".join(_TAG.sub("", match.group("title")).split())
    return f'{match.group(1)} aria-label="{title}"{match.group("rest")}' if title else match.group(0)


def _label_without_control(text: str) -> str:
    """A label whose `for` names no control on the page (Material's table-of-contents title on a page without a
    table of contents) keeps its text but points nowhere: `for` must name a control that is there."""
    ids = set(_ID_VALUE.findall(text))
    return _LABEL_FOR.sub(lambda m: m.group(0) if m.group(2) in ids else f"{m.group(1)}{m.group(3)}", text)


def fix_material_markup(text: str) -> str:
    """Remove the attributes the HTML standard does not allow and give each landmark its own name."""
    text = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", text)
    text = _label_without_control(text)
    text = _HEADING_NUMBER.sub(r"\1", text)
    text = _EMPTY_TABINDEX.sub("", text)
    text = _REL_EDIT.sub(r"\1", text)
    text = _SECTION_NAV.sub(_name_section_nav, text)
    text = _BREADCRUMBS.sub(f'<nav class="md-path" aria-label="{BREADCRUMBS_NAME}"', text)
    text = _TAGS_NAV.sub(f'<nav class="md-tags" aria-label="{TAGS_NAME}"', text)
    return _SEARCH_DIALOG.sub(rf'\1 aria-label="{SEARCH_DIALOG_NAME}"', text)


# --- The print page -------------------------------------------------------------------------------------
_BODY_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S)
_ID = re.compile(r'<(\w+)\b[^>]*?\sid="([^"]+)"')
_PAGE_SECTION = re.compile(r'<section class="hb-print-page"[^>]*\sid="([^"]+)"')


def move_body_styles_to_head(text: str) -> str:
    """Style elements are allowed only in the head: move those found in the body there, in order."""
    head, separator, body = text.partition("</head>")
    if not separator:
        return text
    styles = _BODY_STYLE.findall(body)
    if not styles:
        return text
    return head + "".join(styles) + separator + _BODY_STYLE.sub("", body)


def unique_ids(text: str) -> str:
    """Give every repeated id but one a numbered suffix. A print-page section keeps its id (links to a page
    point at it); otherwise the first element keeps it. A renamed heading's own permalink follows it."""
    counts = Counter(match.group(2) for match in _ID.finditer(text))
    repeated = {name for name, count in counts.items() if count > 1}
    if not repeated:
        return text
    sections = set(_PAGE_SECTION.findall(text))
    seen: Counter[str] = Counter()
    pieces, position = [], 0
    for match in _ID.finditer(text):
        name = match.group(2)
        if name not in repeated:
            continue
        seen[name] += 1
        is_section = match.group(0).startswith('<section class="hb-print-page"')
        keeps = is_section if name in sections else seen[name] == 1
        if keeps:
            continue
        new = f"{name}-{seen[name]}"
        start, end = match.span(2)
        pieces.append(text[position:start] + new)
        position = end
        # The heading's permalink ("¶") sits inside it, before its closing tag.
        closing = text.find(f"</{match.group(1)}>", end)
        permalink = text.find(f'href="#{name}"', end, closing if closing != -1 else end)
        if permalink != -1:
            pieces.append(text[position:permalink] + f'href="#{new}"')
            position = permalink + len(f'href="#{name}"')
    pieces.append(text[position:])
    return "".join(pieces)


# --- Content-Security-Policy ----------------------------------------------------------------------------
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.S)
_INLINE_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_DATA_BLOCK = re.compile(r'type="application/(?:ld\+)?json"')
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.I)


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(text: str, script_styles: tuple[str, ...] = ()) -> str:
    """The policy for one page: same-origin only, its inline scripts and styles allowed by hash (and the styles the
    theme's script writes itself, `script_styles`)."""
    scripts = sorted({_hash(code) for attributes, code in _INLINE_SCRIPT.findall(text)
                      if not _DATA_BLOCK.search(attributes)})
    styles = sorted({_hash(code) for code in [*_INLINE_STYLE.findall(text), *script_styles]})
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *scripts],
        "style-src": ["'self'", *styles],
        # Material draws its icons as CSS masks from data: URLs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_content_security_policy(text: str, script_styles: tuple[str, ...] = ()) -> str:
    """Insert the page's policy right after its charset, before any script or style it governs."""
    if 'http-equiv="Content-Security-Policy"' in text:
        return text
    policy = html.escape(content_security_policy(text, script_styles), quote=False)  # has no '"' to escape
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    fixed, count = _CHARSET.subn(lambda match: match.group(0) + meta, text, count=1)
    if not count:
        raise ValueError("no <meta charset> to put the Content-Security-Policy after")
    return fixed


# --- Styles the theme's script writes ------------------------------------------------------------------
# Zensical's search dialog lives in a shadow root with a `<style>` element whose text is a constant of its bundle
# (`o.appendChild(C("style",{},Tc.toString()))` with `var Tc='...'`); the policy must allow exactly that text.
_SCRIPT_STYLE = re.compile(r'\("style",\{\},([A-Za-z_$][\w$]*)(?:\.toString\(\))?\)')
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_JS_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _js_string(body: str) -> str:
    """The value of a JavaScript string literal's body (its escapes resolved)."""
    def resolve(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape[0] in "ux" and len(escape) > 1:
            return chr(int(escape[1:].strip("{}"), 16))
        return _JS_SIMPLE.get(escape, escape)
    return _JS_ESCAPE.sub(resolve, body)


def theme_script_styles(site_dir: Path) -> tuple[str, ...]:
    """The text of every style element the theme's bundle builds from a string constant (none in Material)."""
    styles = []
    for bundle in sorted((site_dir / "assets" / "javascripts").glob("bundle.*.js")):
        code = bundle.read_text(encoding="utf-8")
        for name in dict.fromkeys(_SCRIPT_STYLE.findall(code)):
            literal = re.search(rf"""(?<![\w$.]){re.escape(name)}=(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")""", code)
            if literal:
                styles.append(_js_string(literal.group(1) if literal.group(1) is not None else literal.group(2)))
    return tuple(styles)


# --- Meta description -----------------------------------------------------------------------------------
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
DESCRIPTION_LENGTH = 160


def description_from_html(content: str) -> str | None:
    """The first paragraph as plain text, cut at a word boundary to about 160 characters."""
    for match in _FIRST_PARAGRAPH.finditer(content):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if len(text) < 20:  # a one-word line ("Hoort bij …" fragments, dates) says nothing about the page
            continue
        if len(text) <= DESCRIPTION_LENGTH:
            return text
        return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return None


_CONFIG_BASE = re.compile(r'("base":\s*)"/[^"]*"')


def relative_base(text: str, root: str) -> str:
    """Material's `__config` base as a path relative to the page (`root`), like MkDocs writes it on every page
    but 404.html, which has the absolute site path (and so has the print page, framed by it): in a version
    folder of a mike deploy that points outside the version, and on any other host to nothing (its search then
    fails, and with it the page's palette toggle)."""
    return _CONFIG_BASE.sub(lambda match: f'{match.group(1)}"{root}"', text, count=1)


def fix_page(text: str, *, csp: bool = True, root: str | None = ".", script_styles: tuple[str, ...] = ()) -> str:
    """Every fix for one built HTML file, in order (the policy last: it hashes the final inline code).
    `root`: the site root relative to the page ("." for the start page, ".." one folder down); None for 404.html,
    which a host shows at any address, so its absolute base must stay."""
    if root is not None:
        text = relative_base(text, root)
    text = unique_ids(move_body_styles_to_head(fix_material_markup(text)))
    return add_content_security_policy(text, script_styles) if csp else text


def fix_site(site_dir: Path, *, csp: bool = True) -> int:
    """Fix every built page in place (not the theme's and Pyodide's files under assets/); returns how many changed."""
    styles = theme_script_styles(site_dir)
    changed = 0
    for path in sorted(site_dir.rglob("*.html")):
        if path.relative_to(site_dir).parts[0] == "assets":
            continue
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(site_dir)
        root = None if relative.as_posix() == "404.html" else "/".join([".."] * (len(relative.parts) - 1)) or "."
        fixed = fix_page(text, csp=csp, root=root, script_styles=styles)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed
