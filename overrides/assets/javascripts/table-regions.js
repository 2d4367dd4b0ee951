// Material wraps each Markdown table in a div that scrolls sideways when the table is too wide. Such a
// div becomes a focusable, named region, so it can be scrolled with the keyboard (WCAG 2.1.1; axe rule
// scrollable-region-focusable). Our own .hb-table wrappers (tables made from data/) scroll instead of the
// theme's wrapper inside them, and get the same treatment.
// Loaded after Material's bundle, which defines document$ (it emits on every page load).
document$.subscribe(function () {
  var mark = function () {
    document.querySelectorAll(".md-typeset__scrollwrap, .hb-table").forEach(function (wrap) {
      if (!wrap.classList.contains("hb-table") && wrap.closest(".hb-table")) return;
      if (wrap.scrollWidth > wrap.clientWidth) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabel, schuift opzij");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  };
  mark();
  var timer;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(mark, 200); });
});
