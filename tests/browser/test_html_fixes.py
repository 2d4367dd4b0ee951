"""handbook_build/html_fixes.py as plain functions on HTML text (no build, no browser)."""

from __future__ import annotations

import base64
import hashlib
import re

from handbook_build import html_fixes

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script>'
    '<script id="__config" type="application/json">{"b": 2}</script></head><body>'
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    '<div class="md-search" data-md-component="search" role="dialog"></div>'
    '<nav class="md-path" aria-label="Navigatie" ></nav><nav class="md-tags" ></nav>'
    '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_3_label" aria-expanded="false">'
    '<label class="md-nav__title" for="__nav_3"><span class="md-nav__icon"></span> De 8 stappen </label></nav>'
    '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="">'
    '<a href="x" title="Bewerk" class="md-content__button md-icon" rel="edit">e</a>'
    '<article><h2 id="stap-6">Stap 6<a class="headerlink" href="#stap-6">¶</a></h2>'
    '<section class="hb-print-page" id="stap-6"><h1 id="t">T</h1></section><style>.x{color:red}</style>'
    "</article></body></html>"
)


def sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def test_material_markup_becomes_valid_and_named() -> None:
    fixed = html_fixes.fix_material_markup(PAGE)
    assert "autocomplete" not in fixed
    assert 'tabindex=""' not in fixed
    assert 'rel="edit"' not in fixed
    assert 'role="dialog" aria-label="Zoeken in het handboek"' in fixed
    assert '<nav class="md-path" aria-label="Kruimelpad"' in fixed
    assert '<nav class="md-tags" aria-label="Trefwoorden van deze pagina"' in fixed
    assert '<nav class="md-nav" data-md-level="1" aria-label="De 8 stappen" aria-expanded="false">' in fixed


def test_print_page_style_moves_to_head_and_ids_become_unique() -> None:
    fixed = html_fixes.unique_ids(html_fixes.move_body_styles_to_head(PAGE))
    head, body = fixed.split("</head>")
    assert "<style>.x{color:red}</style>" in head and "<style" not in body
    # The page's section keeps the id links point at; the heading and its permalink move together.
    assert '<section class="hb-print-page" id="stap-6">' in body
    assert '<h2 id="stap-6-1">Stap 6<a class="headerlink" href="#stap-6-1">' in body


def test_policy_allows_exactly_the_inline_code_on_the_page() -> None:
    fixed = html_fixes.fix_page(PAGE)
    meta = re.search(r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">', fixed)
    assert meta, fixed[:300]
    policy = dict(part.strip().split(" ", 1) for part in meta.group(1).split(";"))
    assert policy["script-src"] == f"'self' 'wasm-unsafe-eval' {sha256('var a=1')}"  # not the JSON block
    assert policy["style-src"] == f"'self' {sha256('.x{color:red}')}"
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert "unsafe-inline" not in meta.group(1) and "'unsafe-eval'" not in meta.group(1)
    assert html_fixes.fix_page(fixed) == fixed  # a second run changes nothing


def test_description_is_the_first_real_paragraph_cut_at_a_word() -> None:
    content = "<h1>T</h1><p>Kort.</p><p>" + "Een zin over de zij-instroom &amp; de praktijk " * 6 + "</p>"
    description = html_fixes.description_from_html(content)
    assert description.startswith("Een zin over de zij-instroom & de praktijk")
    assert len(description) <= html_fixes.DESCRIPTION_LENGTH and description.endswith("…")
    assert html_fixes.description_from_html("<p>x</p>") is None


def test_the_print_page_finds_the_site_root_relative_to_itself() -> None:
    """The print page, framed by 404.html, starts with its absolute site path as Material's base (Zensical writes its
    JSON without spaces); in a mike version folder that points outside the version (its search index, and with a
    failed fetch the page's palette toggle)."""
    page = '<script id="__config" type="application/json">{"annotate": null, "base": "/zij-instroom-handboek/"}'
    assert '"base": ".."' in html_fixes.relative_base(page, "..")
    assert html_fixes.relative_base('{"base":"/zij-instroom-handboek"}', "..") == '{"base":".."}'
    assert '"base": "/zij' in html_fixes.fix_page(page, csp=False, root=None)  # 404.html keeps its absolute base
    assert html_fixes.relative_base('{"base": ".."}', "..") == '{"base": ".."}'  # MkDocs' own pages unchanged


def test_the_policy_allows_the_style_the_themes_script_writes(tmp_path) -> None:
    """Zensical's search dialog puts a constant stylesheet into a shadow root: the policy allows exactly that text."""
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "bundle.1234.min.js").write_text(
        "var Tc='.r{color:red}\\'x\\'';function Sc(){let o=n.attachShadow({mode:\"open\"});"
        "o.appendChild(C(\"style\",{},Tc.toString()))}", encoding="utf-8")
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    assert html_fixes.theme_script_styles(tmp_path) == (".r{color:red}'x'",)
    html_fixes.fix_site(tmp_path)
    assert sha256(".r{color:red}'x'") in (tmp_path / "index.html").read_text(encoding="utf-8")
    (scripts / "bundle.1234.min.js").write_text("var Tc='.r{}';", encoding="utf-8")  # Material's: no such style
    assert html_fixes.theme_script_styles(tmp_path) == ()
