"""What the pipeline adds to every built page, for any generator (MkDocs, Zensical), before the HTML fixes:

- the calculator pages' runtime settings: the template writes `{"root": ...}` into `#hb-runtime`, this adds the
  paths of the runtime files (they carry content hashes only the pipeline knows);
- task lists as named, tickable checklists (handbook_build/documents/checklists.py), keyed on the page's address;
- a meta description of its own for every page without one in its front matter: its first real paragraph;
- "Laatst bijgewerkt" with the day its Markdown file last changed in git (handbook_build/git_dates.py), where the
  theme partial `partials/source-file.html` left its marker.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping

from handbook_build.built_pages import BuiltPage, main_content
from handbook_build.documents.checklists import mark_checklists, name_checkboxes
from handbook_build.html_fixes import description_from_html
from handbook_build.tips import dutch_date

LAST_UPDATED_MARKER = "<!-- hb:last-updated -->"
_RUNTIME = re.compile(r'(<script type="application/json" id="hb-runtime">)(.*?)(</script>)', re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"\s*/?>')
_HEAD_END = re.compile(r"</head>")


def _json_in_html(value: object) -> str:
    """JSON that is safe inside a script element (as Jinja's `tojson` writes it)."""
    text = json.dumps(value, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


def add_runtime_paths(text: str, paths: Mapping[str, str]) -> str:
    """Fill the calculator template's runtime settings with the runtime files' paths (its `root` stays)."""
    def fill(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        return match.group(1) + _json_in_html({**paths, "root": settings["root"]}) + match.group(3)
    return _RUNTIME.sub(fill, text)


def add_checklists(text: str, url: str, version: str) -> str:
    """Task lists as checklists: named checkboxes, an id per list ("<page address>#<n>") and the version."""
    if "task-list" not in text:
        return text
    return mark_checklists(name_checkboxes(text), url or "/", version)


def add_description(text: str, site_description: str) -> str:
    """A page whose meta description is the site's (none in its front matter) gets its first real paragraph."""
    match = _DESCRIPTION.search(text)
    if match and " ".join(html.unescape(match.group(1)).split()) != site_description:
        return text
    description = description_from_html(main_content(text))
    if not description:
        return text
    escaped = html.escape(description, quote=False).replace('"', "&quot;")
    meta = f'<meta name="description" content="{escaped}">'
    if match:
        return text[:match.start()] + meta + text[match.end():]
    return _HEAD_END.sub(lambda _: meta + "</head>", text, count=1)


def last_updated_html(day: dt.date) -> str:
    return (f'<aside class="md-source-file hb-updated"><p>Laatst bijgewerkt: '
            f'<span class="hb-updated__date">{dutch_date(day)}</span></p></aside>')


def add_last_updated(text: str, day: dt.date | None) -> str:
    """Replace the theme partial's marker with the date line (or drop it when there is no date)."""
    return text.replace(LAST_UPDATED_MARKER, last_updated_html(day) if day else "")


def finish_pages(pages: list[BuiltPage], *, runtime_paths: Mapping[str, str], version: str,
                 site_description: str, changed: Mapping[str, dt.date], build_day: dt.date) -> int:
    """Every step above on every page, in place (`page.text`; BuiltPage.write saves it); returns how many changed."""
    count = 0
    for page in pages:
        text = add_runtime_paths(page.text, runtime_paths)
        text = add_checklists(text, page.url, version)
        text = add_description(text, site_description)
        day = changed.get(page.source, build_day) if page.source else None
        text = add_last_updated(text, day)
        if text != page.text:
            page.text = text
            count += 1
    return count
