"""The bench's static host: serves a built site the way GitHub Pages sends it, and logs what it sent.

GitHub Pages answers with `Cache-Control: max-age=600` and compresses on the fly what its CDN considers
compressible: text (HTML, CSS, JavaScript, JSON, SVG, source maps) and WebAssembly, but not archives that are
compressed already (`.zip`, `.gz`) or images and fonts (bench/RESULTS.md gives the sources). With `compress=False`
every file goes as it is stored, as on a host that compresses nothing (the raw bytes of the comparison with other
tools).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# Content types GitHub Pages gzips when the browser accepts it (bench/RESULTS.md, "Method").
COMPRESSED_TYPES = frozenset({
    "text/html", "text/css", "text/javascript", "text/plain", "text/xml", "application/json",
    "application/manifest+json", "application/xml", "image/svg+xml", "application/wasm",
})
TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
         ".json": "application/json", ".map": "application/json", ".webmanifest": "application/manifest+json",
         ".zip": "application/zip", ".gz": "application/gzip"}


@dataclass
class SentLog:
    """Every response the host sent: (seconds since the log was cleared, path, bytes on the wire)."""

    started: float = field(default_factory=time.monotonic)
    entries: list[tuple[float, str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.entries.append((time.monotonic() - self.started, path, size))

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.started = time.monotonic()

    def total(self, within_s: float = float("inf")) -> int:
        with self.lock:
            return sum(size for at, _, size in self.entries if at <= within_s)


@functools.lru_cache(maxsize=256)
def _compressed(path: Path, mtime_ns: int) -> bytes:
    # Level 6 like a CDN's on-the-fly gzip; cached because the 9.6 MB WebAssembly file is asked for often.
    return gzip.compress(path.read_bytes(), compresslevel=6)


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    sent: SentLog
    compress: bool = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def _target(self) -> Path:
        path = Path(self.translate_path(self.path))
        return path / "index.html" if path.is_dir() else path

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        path = self._target()
        kind = self.guess_type(str(path))
        accepts_gzip = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or kind not in COMPRESSED_TYPES or not accepts_gzip:
            size = path.stat().st_size if path.is_file() else 0
            super().do_GET()
            self.sent.add(self.path, size)
            return
        body = _compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.sent.add(self.path, len(body))


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser closed at the end of a visit drops the downloads still running (the idle-time offline copy on a
    slow profile): not worth a traceback."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@dataclass
class StaticHost:
    server: http.server.ThreadingHTTPServer
    url: str
    sent: SentLog

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve(site: Path, compress: bool = True) -> StaticHost:
    sent = SentLog()
    handler = type("Handler", (StaticHostHandler,), {"sent": sent, "compress": compress})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return StaticHost(server, f"http://127.0.0.1:{server.server_address[1]}/", sent)
