// Offline after one visit (sw.js is written by handbook_build/offline.py). Not on file:// or old browsers.
// Registered once the page has loaded, so it never competes with what the reader opened; calculator pages
// register it from runtime.js once the calculator is live. The worker then keeps this page as it was read
// (from the browser's cache, no second download) and, from the second page on and in idle time, the rest of
// the handbook; not at all on a connection that asks to save data. <html data-offline> says how far it got
// ("page", "save-data", "ready"; read by the tests).
(function () {
  // This file is assets/javascripts/offline-registration.js: the site root is two folders up.
  var worker = new URL("../../sw.js", document.currentScript.src).href;
  var root = new URL("../../", document.currentScript.src);
  var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 2000); };

  function saveData() {
    return Boolean(navigator.connection && navigator.connection.saveData);
  }

  function thisPage() { // the page and what it loaded from this version of the site
    var urls = [location.href.split("#")[0]];
    performance.getEntriesByType("resource").forEach(function (entry) {
      if (entry.name.indexOf(root.href) === 0) urls.push(entry.name);
    });
    return urls;
  }

  function keepAndPrecache(registration) {
    var active = registration.active;
    active.postMessage({ type: "cache-runtime", urls: thisPage() });
    if (saveData()) {
      document.documentElement.dataset.offline = "save-data";
      return;
    }
    // The first page of a first visit (no worker controlled it yet) costs only itself: a reader who opens one
    // page and leaves never downloads the handbook. From the next page on, the rest follows in idle time.
    if (!navigator.serviceWorker.controller) {
      document.documentElement.dataset.offline = "page";
      return;
    }
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "offline") document.documentElement.dataset.offline = event.data.state;
    });
    idle(function () { active.postMessage({ type: "precache" }); }, { timeout: 10000 });
  }

  var started = null;
  window.hbRegisterServiceWorker = function () {
    if (!("serviceWorker" in navigator) || location.protocol === "file:") {
      return Promise.reject(new Error("geen service worker"));
    }
    if (!started) {
      started = navigator.serviceWorker.register(worker);
      navigator.serviceWorker.ready.then(keepAndPrecache).catch(function () {});
    }
    return started;
  };
  if (!document.getElementById("hb-runtime")) {
    window.addEventListener("load", function () { window.hbRegisterServiceWorker().catch(function () {}); });
  }
})();
