// Service worker template: the build prepends `const VERSION = "..."; const PYODIDE = "..."; const PRECACHE = [...];`
// and writes the result to the site root as sw.js (handbook_build/offline.py). Every published version (mike:
// /<version>/sw.js) has its own worker with the version folder as scope, so every cache name carries the scope
// and a worker only ever deletes caches of its own scope. Pyodide's files are shared between versions that use
// the same Pyodide release; an index lists which scope uses which release, and a release's cache goes only
// when no scope uses it any more.
const scope = new URL(self.registration.scope);
const SITE_PREFIX = `hb-site:${scope.pathname}:`;
const SITE = SITE_PREFIX + VERSION; // this build's pages, styles, scripts, search index, calculators and data
const PYODIDE_PREFIX = "hb-pyodide:"; // + Pyodide release; not "hb-pyodide-snapshot" (worker.js's own cache)
const INDEX = "hb-index";
const INDEX_KEY = new URL("/hb-index/pyodide-by-scope.json", scope.origin).href;
const PYODIDE_PATH = scope.pathname + "assets/pyodide/";
const RUNTIME_DATA = [scope.pathname + "assets/python/", scope.pathname + "assets/data/"];
let saveData = false; // set by a request with `Save-Data: on`; navigator.connection.saveData where it exists

const wantsSaveData = () => saveData || Boolean(self.navigator.connection && self.navigator.connection.saveData);

// Where a file is kept: Pyodide's files under a key without the version folder, so every version shares one copy.
function placeOf(url) {
  if (url.pathname.startsWith(PYODIDE_PATH)) {
    const file = url.pathname.slice(PYODIDE_PATH.length); // "314.0.7/pyodide.asm.wasm"
    return { cache: PYODIDE_PREFIX + file.split("/")[0], key: new URL("/hb-pyodide/" + file, scope.origin).href };
  }
  return { cache: SITE, key: url.href };
}

// Installing downloads nothing: the pages are fetched in idle time, when a page asks for it (offline-registration.js).
self.addEventListener("install", () => self.skipWaiting());

async function recordPyodideUser() {
  const index = await caches.open(INDEX);
  const stored = await index.match(INDEX_KEY);
  const users = stored ? await stored.json().catch(() => ({})) : {};
  users[scope.pathname] = PYODIDE;
  await index.put(INDEX_KEY, new Response(JSON.stringify(users), { headers: { "Content-Type": "application/json" } }));
  return new Set(Object.values(users));
}

async function cleanUp() {
  const used = await recordPyodideUser();
  const stale = (key) => (key.startsWith(SITE_PREFIX) && key !== SITE)
    || (key.startsWith(PYODIDE_PREFIX) && !used.has(key.slice(PYODIDE_PREFIX.length)));
  await Promise.all((await caches.keys()).filter(stale).map((key) => caches.delete(key)));
}

self.addEventListener("activate", (event) => event.waitUntil(cleanUp().then(() => self.clients.claim())));

// Keep what the page already has, from the browser's HTTP cache only (`only-if-cached`): the page the reader
// opened before this worker controlled it, and the runtime files a calculator page used. What the HTTP cache did
// not keep is not downloaded a second time; the worker keeps it when the page fetches it again.
async function keep(urls, cacheMode) {
  for (const href of urls) {
    const url = new URL(href);
    if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname) || url.pathname.endsWith(".bin.gz")) {
      continue;
    }
    const place = placeOf(url);
    const cache = await caches.open(place.cache);
    if (await cache.match(place.key)) continue;
    const response = await fetch(url.href, { cache: cacheMode, mode: "same-origin" }).catch(() => null);
    if (response && response.ok) await cache.put(place.key, response);
  }
}

// The whole handbook for offline use, one file at a time so the reader's own requests go first.
async function precache() {
  if (wantsSaveData()) return "save-data";
  await keep(PRECACHE.map((path) => new URL(path, scope).href), "default");
  return "ready";
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "cache-runtime" && Array.isArray(message.urls)) {
    event.waitUntil(keep(message.urls, "only-if-cached"));
  }
  if (message.type === "precache") {
    event.waitUntil(precache().then((state) => event.source && event.source.postMessage({ type: "offline", state })));
  }
});

// Runtime files the worker already holds are left to the browser's HTTP cache while online (it also keeps the
// compiled WebAssembly; answering from Cache Storage measured slower, DESIGN.md). Known per worker start.
const held = new Set();

async function runtimeFile(event, place) {
  const cache = await caches.open(place.cache);
  const cached = await cache.match(place.key);
  if (cached) held.add(place.key);
  if (cached && !self.navigator.onLine) return cached;
  try {
    const response = await fetch(event.request);
    // The response the page fetches anyway is the one kept: no second download.
    if (!cached && response.ok) event.waitUntil(cache.put(place.key, response.clone()).then(() => held.add(place.key)));
    return response;
  } catch (error) {
    if (cached) return cached;
    throw error;
  }
}

async function page(event) { // network first, so a reader online sees the newest text; kept as it is read
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(caches.open(SITE).then((cache) => cache.put(event.request, response.clone())));
    return response;
  } catch (error) {
    const cached = await caches.match(event.request, { ignoreSearch: true, cacheName: SITE });
    if (cached) return cached;
    throw error;
  }
}

async function asset(event) { // styles, scripts, search index: fixed for this build, so the cache answers first
  const cached = await caches.match(event.request, { ignoreSearch: true, cacheName: SITE });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(caches.open(SITE).then((cache) => cache.put(event.request, response.clone())));
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (event.request.headers.get("Save-Data") === "on") saveData = true;
  if (url.pathname.endsWith(".bin.gz")) return; // the snapshot: worker.js keeps it in its own cache
  if (url.pathname.startsWith(PYODIDE_PATH) || RUNTIME_DATA.some((path) => url.pathname.startsWith(path))) {
    const place = placeOf(url);
    if (held.has(place.key) && self.navigator.onLine) return;
    event.respondWith(runtimeFile(event, place));
  } else if (event.request.mode === "navigate" || url.pathname.endsWith("/")) {
    event.respondWith(page(event));
  } else {
    event.respondWith(asset(event));
  }
});
