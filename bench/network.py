"""Network (and CPU) conditions and byte counting through the Chrome DevTools Protocol.

The page's CDP session emulates the profile (`Network.emulateNetworkConditions`; Chromium applies it to the
page's dedicated workers too) and auto-attaches to the workers and the service worker, non-flattened, so their
`Network.loadingFinished` events reach this session through `Target.receivedMessageFromTarget`. The service
worker gets the same conditions, so its downloads (the offline cache) travel over the same slow link.

A slower CPU (`Emulation.setCPUThrottlingRate`) reaches the page's main thread only: Chromium answers "Operation is
only supported for pages, not workers" when a worker is asked, so Pyodide in the worker boots at full speed while
the page's own scripts, parsing and layout run at a quarter of it. The phone profile therefore measures what
blocks the main thread on a slower phone, not a slower Pyodide boot.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, CDPSession, Page


@dataclass(frozen=True)
class NetworkProfile:
    name: str
    label: str
    download_bytes_s: float  # 0: not throttled
    upload_bytes_s: float
    latency_ms: float
    connection_type: str  # what navigator.connection.type reports under emulation
    cpu_slowdown: float = 1.0  # the page's main thread only (see above)
    has_targets: bool = True  # the phone profile is reported, its targets are not set yet

    def conditions(self) -> dict[str, object]:
        return {"offline": False, "latency": self.latency_ms, "downloadThroughput": self.download_bytes_s or -1,
                "uploadThroughput": self.upload_bytes_s or -1, "connectionType": self.connection_type}


MBIT = 1_000_000 / 8
PROFILES = {
    "unthrottled": NetworkProfile("unthrottled", "onbeperkt: 127.0.0.1, geen rem", 0, 0, 0, "ethernet"),
    "home": NetworkProfile("home", "thuis: 50 Mbit/s, 20 ms", 50 * MBIT, 20 * MBIT, 20, "wifi"),
    "mobile": NetworkProfile("mobile", "traag mobiel: 9 Mbit/s, 60 ms", 9 * MBIT, 3 * MBIT, 60, "cellular4g"),
    "phone": NetworkProfile("phone", "telefoon: 4× CPU, 9 Mbit/s, 60 ms", 9 * MBIT, 3 * MBIT, 60, "cellular4g",
                            cpu_slowdown=4, has_targets=False),
}


@dataclass
class Download:
    at_s: float  # browser clock (CDP MonotonicTime), seconds
    target: str  # page, worker or service_worker
    url: str
    encoded_bytes: int  # as transferred: headers plus the (compressed) body


@dataclass
class NetworkRecorder:
    """Emulates a profile on one page (and its workers) and records every finished download."""

    cdp: CDPSession
    profile: NetworkProfile
    downloads: list[Download] = field(default_factory=list)
    navigated_at: float | None = None  # browser clock when the first document request after reset was sent
    _targets: dict[str, str] = field(default_factory=dict)
    _urls: dict[tuple[str, str], str] = field(default_factory=dict)
    _cached: set[tuple[str, str]] = field(default_factory=set)
    _next_id: int = 1_000_000
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def attach(cls, context: BrowserContext, page: Page, profile: NetworkProfile) -> NetworkRecorder:
        recorder = cls(context.new_cdp_session(page), profile)
        recorder.cdp.on("Network.requestWillBeSent", lambda e: recorder._request("page", e))
        recorder.cdp.on("Network.loadingFinished", lambda e: recorder._finished("page", e))
        recorder.cdp.on("Network.responseReceived", lambda e: recorder._response("page", e))
        recorder.cdp.on("Network.requestServedFromCache", lambda e: recorder._cached.add(("page", e["requestId"])))
        recorder.cdp.on("Target.attachedToTarget", recorder._attached)
        recorder.cdp.on("Target.receivedMessageFromTarget", recorder._from_child)
        recorder.cdp.send("Network.enable")
        if profile.download_bytes_s:
            recorder.cdp.send("Network.emulateNetworkConditions", profile.conditions())
        if profile.cpu_slowdown > 1:
            recorder.cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_slowdown})
        recorder.cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True,
                                                   "flatten": False})
        return recorder

    def reset(self) -> None:
        with self._lock:
            self.downloads.clear()
            self.navigated_at = None

    def total(self, within_s: float = float("inf"), target: str | None = None) -> int:
        """Bytes finished within `within_s` of the navigation (the browser's own clock, not Python's)."""
        with self._lock:
            start = self.navigated_at if self.navigated_at is not None else float("-inf")
            return sum(d.encoded_bytes for d in self.downloads
                       if d.at_s - start <= within_s and (target is None or d.target == target))

    def for_later(self, within_s: float) -> int:
        """Bytes finished within `within_s` that serve only a later visit: the memory snapshot and whatever the
        service worker fetched for its offline copy."""
        with self._lock:
            start = self.navigated_at if self.navigated_at is not None else float("-inf")
            return sum(d.encoded_bytes for d in self.downloads if d.at_s - start <= within_s
                       and (d.target == "service_worker" or d.url.split("?")[0].endswith(".bin.gz")))

    def count(self) -> int:
        with self._lock:
            return len(self.downloads)

    def _send_child(self, session_id: str, method: str, params: dict | None = None) -> None:
        self._next_id += 1
        message = json.dumps({"id": self._next_id, "method": method, "params": params or {}})
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session_id, "message": message})

    def _attached(self, event: dict) -> None:
        session_id, kind = event["sessionId"], event["targetInfo"]["type"]
        self._targets[session_id] = kind
        self._send_child(session_id, "Network.enable")
        if kind == "service_worker" and self.profile.download_bytes_s:
            # Dedicated workers follow the page's conditions (emulating on them is "Not supported").
            self._send_child(session_id, "Network.emulateNetworkConditions", self.profile.conditions())
        self._send_child(session_id, "Runtime.runIfWaitingForDebugger")

    def _from_child(self, event: dict) -> None:
        message = json.loads(event["message"])
        kind = self._targets.get(event["sessionId"], "worker")
        if message.get("method") == "Network.requestWillBeSent":
            self._request(kind, message["params"])
        elif message.get("method") == "Network.responseReceived":
            self._response(kind, message["params"])
        elif message.get("method") == "Network.requestServedFromCache":
            self._cached.add((kind, message["params"]["requestId"]))
        elif message.get("method") == "Network.loadingFinished":
            self._finished(kind, message["params"])

    def _request(self, kind: str, event: dict) -> None:
        if self.navigated_at is None and event.get("type") == "Document":
            self.navigated_at = event["timestamp"]
        self._urls[(kind, event["requestId"])] = event["request"]["url"]

    def _response(self, kind: str, event: dict) -> None:
        response = event["response"]
        if any(response.get(flag) for flag in ("fromDiskCache", "fromServiceWorker", "fromPrefetchCache")):
            self._cached.add((kind, event["requestId"]))

    def _finished(self, kind: str, event: dict) -> None:
        key = (kind, event["requestId"])
        url = self._urls.get(key, "")
        if key in self._cached:  # answered by a cache: nothing travelled
            return
        with self._lock:
            self.downloads.append(Download(event["timestamp"], kind, url,
                                           int(event["encodedDataLength"])))
