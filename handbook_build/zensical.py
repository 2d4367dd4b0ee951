"""The handbook built with Zensical: `./tasks build --zensical` and `./tasks serve --zensical`.

    python -m handbook_build.zensical build [--site-dir site] [--no-strict]
    python -m handbook_build.zensical serve [--dev-addr 127.0.0.1:8000]

Zensical reads mkdocs.yml and runs mkdocs-macros' `define_env` and the Markdown extensions listed there
(handbook_build.tip_tags among them), but no MkDocs hooks. What the hooks do for MkDocs happens here instead:

- before the build, the data and documents are checked (the Dutch message of a problem, as hooks/pipeline.py);
- a fork's title and nav (hooks/region.py) go into a derived configuration, `zensical.yml`: `INHERIT: mkdocs.yml`
  plus the region's `site_name` and `nav` (handbook_build/site_config.py), written before every build;
- after the build, the pipeline completes the site (handbook_build/pipeline.py), as after MkDocs.

`serve` builds, serves the site on the address (under the path of site_url, as `mkdocs serve` does) and builds
again when a file it is made from changes; reload the page in the browser yourself (Zensical's own `serve` has
live reload, but no step after its build, so its pages would lack what the pipeline adds).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from handbook_build.options import CONFIG_FILE, read_site_config
from handbook_build.pipeline import Pipeline
from handbook_build.problems import BuildError

DERIVED_CONFIG = "zensical.yml"


class ZensicalError(BuildError):
    """Zensical could not build the site."""


def write_config(pipeline: Pipeline, site_dir: str | None = None) -> Path:
    """zensical.yml in the project folder: mkdocs.yml with the region's title and nav (and the site folder)."""
    config = pipeline.site_config()
    derived: dict = {"INHERIT": pipeline.config_file, "site_name": config.site_name, "nav": config.nav}
    if site_dir:
        derived["site_dir"] = site_dir
    path = pipeline.project_dir / DERIVED_CONFIG
    header = (f"# Written by handbook_build/zensical.py before every Zensical build: {pipeline.config_file} with the\n"
              "# region's title and nav (data/region.yaml, docs/regio/). Do not edit; not in git.\n")
    path.write_text(header + yaml.safe_dump(derived, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def site_folder(pipeline: Pipeline, site_dir: str | None) -> Path:
    """Where Zensical writes the site: `site_dir` or the configuration's, always inside the project folder."""
    name = site_dir or read_site_config(pipeline.project_dir, pipeline.config_file).get("site_dir") or "site"
    return (pipeline.project_dir / name).resolve()


def prepare(pipeline: Pipeline) -> None:
    """What hooks/pipeline.py does before a MkDocs build: check, and print the warnings that do not fail it."""
    pipeline.check()
    for warning in pipeline.warnings():
        print(warning, file=sys.stderr)


def build(pipeline: Pipeline, *, site_dir: str | None = None, strict: bool = True, csp: bool = True) -> Path:
    """`zensical build` of the derived configuration, then the pipeline into its site folder."""
    config = write_config(pipeline, site_dir)
    command = [sys.executable, "-m", "zensical", "build", "-f", str(config), *(["--strict"] if strict else [])]
    finished = subprocess.run(command, cwd=pipeline.project_dir, capture_output=True, text=True, check=False)
    output = (finished.stdout + finished.stderr).strip()
    if finished.returncode != 0:
        raise ZensicalError(f"Zensical kon de site niet bouwen:\n{output}")
    site = site_folder(pipeline, site_dir)
    pipeline.write(site, csp=csp)
    return site


# --- serve ---------------------------------------------------------------------------------------------


def watched_files(pipeline: Pipeline) -> Iterator[Path]:
    """Every file a build is made from: the configuration, docs/ and the folders under `watch:`."""
    config = read_site_config(pipeline.project_dir, pipeline.config_file)
    folders = [config.get("docs_dir") or "docs", *(config.get("watch") or [])]
    yield pipeline.project_dir / pipeline.config_file
    for folder in folders:
        root = pipeline.project_dir / folder
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from (path for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def stamp(pipeline: Pipeline) -> tuple:
    return tuple(sorted((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in watched_files(pipeline)))


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """The site under the path of its site_url (e.g. /zij-instroom-handboek/), "/" forwarded there, 404.html for a
    missing page."""

    prefix = "/"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".mjs": "text/javascript", ".wasm": "application/wasm"}

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        if self.prefix != "/" and not self.path.startswith(self.prefix):
            self.send_response(302)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return
        super().do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():  # a missing page gets the site's own 404 page, as on a static host
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix):] if path.startswith(self.prefix) else path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        pass


def site_server(site: Path, prefix: str, host: str, port: int) -> http.server.ThreadingHTTPServer:
    """A server for the built site under `prefix` (not yet serving)."""
    handler = type("Handler", (_SiteHandler,), {"prefix": prefix})
    return http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site)))


def serve(pipeline: Pipeline, address: str = "127.0.0.1:8000", interval: float = 1.0) -> None:
    """Build, serve and build again on every change until interrupted."""
    host, _, port = address.rpartition(":")
    site = build(pipeline, strict=False)
    prefix = urlsplit(pipeline.site_config().site_url).path or "/"
    server = site_server(site, prefix, host or "127.0.0.1", int(port))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"De site staat op http://{host or '127.0.0.1'}:{port}{prefix} (Ctrl+C stopt).", file=sys.stderr)
    seen = stamp(pipeline)
    try:
        while True:
            time.sleep(interval)
            now = stamp(pipeline)
            if now == seen:
                continue
            seen = now
            print("Gewijzigd: opnieuw bouwen ...", file=sys.stderr)
            try:
                prepare(pipeline)
                build(pipeline, strict=False)
                print("Klaar: laad de pagina opnieuw.", file=sys.stderr)
            except BuildError as error:
                print(error, file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook_build.zensical", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "serve"])
    parser.add_argument("--project-dir", type=Path, default=Path.cwd(), help="the project (default: here)")
    parser.add_argument("--config-file", default=CONFIG_FILE, help="the site configuration (default: mkdocs.yml)")
    parser.add_argument("--site-dir", help="build: the site folder, inside the project (default: site)")
    parser.add_argument("--no-strict", action="store_true", help="build: do not stop on Zensical's warnings")
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="serve: address and port")
    args = parser.parse_args(argv)
    pipeline = Pipeline.for_project(args.project_dir.resolve(), config_file=args.config_file)
    try:
        prepare(pipeline)
        if args.command == "serve":
            serve(pipeline, args.dev_addr)
            return 0
        site = build(pipeline, site_dir=args.site_dir, strict=not args.no_strict)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{site.relative_to(pipeline.project_dir) if site.is_relative_to(pipeline.project_dir) else site}: "
          f"gebouwd met Zensical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
