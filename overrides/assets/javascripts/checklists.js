// Tickable checklists. The pipeline (handbook_build/site_pages.py) marks every task list with
// data-checklist (page + number) and data-version; this script enables its checkboxes, keeps the ticks in localStorage under
// "hb-checklist:<version>:<checklist>" (nothing leaves the browser), and adds a live count and a reset button.
// Without JavaScript the checkboxes stay disabled and the list prints as a plain list with empty boxes.
(function () {
  "use strict";
  var PREFIX = "hb-checklist:";

  function storageKey(list) {
    return PREFIX + list.getAttribute("data-version") + ":" + list.getAttribute("data-checklist");
  }

  function readTicks(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return []; // storage blocked or damaged: start empty rather than fail
    }
  }

  function writeTicks(key, ticks) {
    try {
      if (ticks.length) {
        window.localStorage.setItem(key, JSON.stringify(ticks));
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (error) {
      // Private mode or full storage: ticking still works on the page, it is only not remembered.
    }
  }

  function setUp(list) {
    if (list.hasAttribute("data-hb-ready")) return;
    list.setAttribute("data-hb-ready", "");
    var boxes = Array.prototype.slice.call(list.querySelectorAll('input[type="checkbox"]'));
    if (!boxes.length) return;
    var key = storageKey(list);
    var saved = readTicks(key);
    boxes.forEach(function (box, index) {
      box.disabled = false;
      box.removeAttribute("disabled");
      box.checked = saved.indexOf(index) !== -1;
    });

    var bar = document.createElement("div");
    bar.className = "hb-checklist-bar";
    var count = document.createElement("span");
    count.className = "hb-checklist-count";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button hb-checklist-reset";
    reset.textContent = "Vinkjes wissen";
    bar.appendChild(count);
    bar.appendChild(reset);
    list.parentNode.insertBefore(bar, list.nextSibling);

    function update() {
      var ticks = [];
      boxes.forEach(function (box, index) {
        if (box.checked) ticks.push(index);
      });
      count.textContent = ticks.length + " van " + boxes.length + " afgevinkt";
      reset.disabled = ticks.length === 0;
      reset.setAttribute("aria-label", "Vinkjes wissen in deze lijst (" + count.textContent + ")");
      writeTicks(key, ticks);
    }

    list.addEventListener("change", function (event) {
      if (event.target && event.target.type === "checkbox") update();
    });
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) {
        box.checked = false;
      });
      update();
      boxes[0].focus();
    });
    update();
  }

  function setUpAll() {
    // Nested task lists belong to the list around them: one count per top-level checklist.
    document.querySelectorAll("ul.hb-checklist[data-checklist]").forEach(function (list) {
      if (!list.parentElement.closest("ul.hb-checklist")) setUp(list);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll); // Material's page-load observable (also with instant navigation)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
