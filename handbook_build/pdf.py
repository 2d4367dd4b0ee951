"""Print the whole handbook (the print page, handbook_build/print_page.py) to one PDF with a clickable outline, in
headless Chromium.

Run by the pipeline when HB_PDF=1 (the tests and the publish workflow set it), or by hand:
    uv run python -m handbook_build.pdf SITE_DIR
Uses Debian's /usr/bin/chromium through Playwright (never a downloaded browser).
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from handbook_build.problems import BuildError

PDF_NAME = "handboek-zij-instroom.pdf"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]

# Links between the handbook's pages are anchors inside the print page; any other relative link (a calculator, a
# Word document) would point at the local server that prints the page: in the PDF it points at the published site.
ABSOLUTE_LINKS = """(siteUrl) => {
  const base = new URL("print_page/", siteUrl);
  for (const link of document.querySelectorAll("article a[href]")) {
    const href = link.getAttribute("href");
    if (!href.startsWith("#")) link.setAttribute("href", new URL(href, base).href);
  }
}"""


class PdfError(BuildError):
    """The PDF could not be printed."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def pdf_enabled() -> bool:
    return os.environ.get("HB_PDF", "").lower() in {"1", "true", "yes", "ja", "on"}


def make_pdf(site_dir: Path, site_url: str = "") -> Path:
    """Serve the built site on 127.0.0.1 and print print_page/ to site_dir/PDF_NAME (links to pages outside the
    print page go to `site_url`, the published site)."""
    from playwright.sync_api import sync_playwright

    if not (site_dir / "print_page" / "index.html").is_file():
        raise PdfError("print_page/index.html ontbreekt: de pipeline maakt die van een volledige bouw (met 404.html).")
    if not Path(CHROMIUM).exists():
        raise PdfError(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (./tasks test doet dat).")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    target = site_dir / PDF_NAME
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/print_page/", wait_until="networkidle")
            page.emulate_media(media="print")
            if site_url:
                page.evaluate(ABSOLUTE_LINKS, site_url)
            # The PDF's title is the document title: the print page has the handbook's title alone.
            # Page numbers come from the site's print stylesheet ("pagina 3 van 162", one per page, also when a
            # reader prints from the browser), so Chromium's own header and footer stay off.
            page.pdf(path=str(target), format="A4", print_background=True, outline=True, tagged=True,
                     margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                     display_header_footer=False)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return target


if __name__ == "__main__":
    print(make_pdf(Path(sys.argv[1]), *sys.argv[2:3]))
