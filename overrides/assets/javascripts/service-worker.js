// Service worker template: the build prepends `const VERSION = "..."; const PRECACHE = [...];` and writes
// the result to the site root as sw.js (handbook_build/offline.py). After one visit the whole handbook works
// offline; calculator pages add the Pyodide runtime they used to the runtime cache.
const PAGES = `hb-pages-${VERSION}`;
const RUNTIME = "hb-runtime"; // content-hashed or versioned files: valid across site versions
const scope = new URL(self.registration.scope);
const isRuntime = (url) => /\/assets\/(pyodide|python|data)\//.test(url.pathname) && !url.pathname.endsWith(".bin.gz");

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(PAGES).then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope).href)))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith("hb-pages-") && key !== PAGES)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "cache-runtime") {
    const urls = event.data.urls.filter((url) => new URL(url).origin === scope.origin);
    event.waitUntil(caches.open(RUNTIME).then(async (cache) => {
      for (const url of urls) if (!(await cache.match(url))) await cache.add(url).catch(() => {});
    }));
  }
});

async function fromNetworkThenCache(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(PAGES)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function fromCacheThenNetwork(request, cacheName) {  // pages, styles, scripts
  const cached = await caches.match(request, { ignoreSearch: cacheName === PAGES });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== scope.origin) return;
  if (isRuntime(url)) {
    // Online, the browser's own HTTP cache serves the runtime (and keeps the compiled WebAssembly);
    // only without a network does the service worker answer from its copy.
    if (self.navigator.onLine) return;
    event.respondWith(caches.match(event.request).then((cached) => cached || fetch(event.request)));
  } else if (event.request.mode === "navigate" || url.pathname.endsWith("/")) {
    event.respondWith(fromNetworkThenCache(event.request));
  } else if (!url.pathname.endsWith(".bin.gz")) {
    event.respondWith(fromCacheThenNetwork(event.request, PAGES));
  }
});
