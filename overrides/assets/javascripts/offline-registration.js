// Offline after one visit (sw.js is written by handbook_build/offline.py). Not on file:// or old browsers.
// Registered once the page has loaded, so its precaching never competes with what the reader opened;
// calculator pages register it from runtime.js once the calculator is live.
(function () {
  // This file is assets/javascripts/offline-registration.js: the site root is two folders up.
  var worker = new URL("../../sw.js", document.currentScript.src).href;
  window.hbRegisterServiceWorker = function () {
    if ("serviceWorker" in navigator && location.protocol !== "file:") {
      return navigator.serviceWorker.register(worker);
    }
    return Promise.reject(new Error("geen service worker"));
  };
  if (!document.getElementById("hb-runtime")) {
    window.addEventListener("load", function () { window.hbRegisterServiceWorker().catch(function () {}); });
  }
})();
