() => {
  const CONTROLS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], [tabindex]:not([tabindex="-1"])';
  const MIN = 24;
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  // WCAG 2.5.8 "inline": a target in a sentence or block of text, sized by the line it sits on.
  const inline = (el) => {
    if (getComputedStyle(el).display !== "inline") return false;
    const block = el.parentElement.closest("p, li, td, th, dd, dt, figcaption, blockquote, small, .admonition, details, .md-copyright");
    return block && block.textContent.trim().length > el.textContent.trim().length;
  };
  const targets = [];
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (!visible(el) || el.disabled || el.closest("[inert]")) continue;
    if (el.matches("label[for]")) {
      const input = document.getElementById(el.htmlFor);
      if (input && visible(input)) continue; // the input itself is the target
    }
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue; // visually hidden (screen-reader text)
    // Covered by another layer (the drawer's backdrop, a sticky header): not a target there and then.
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const covered = top && !el.contains(top) && !top.contains(el) && !(el.htmlFor && top.closest(`label[for="${el.htmlFor}"]`));
    targets.push({ el, r, inline: inline(el), covered });
  }
  const undersized = targets.filter((t) => !t.inline && !t.covered && (t.r.width < MIN - 0.01 || t.r.height < MIN - 0.01));
  const center = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const circleHitsRect = ([x, y], r) => {
    const dx = Math.max(r.left - x, 0, x - r.right), dy = Math.max(r.top - y, 0, y - r.bottom);
    return dx * dx + dy * dy < (MIN / 2) * (MIN / 2) - 0.01;
  };
  const describe = (t) => {
    const el = t.el;
    const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || el.id || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} "${name}" ${Math.round(t.r.width)}x${Math.round(t.r.height)}`;
  };
  const failures = [];
  for (const t of undersized) {
    const c = center(t.r);
    const backdrop = (o) => o.r.left <= c[0] - MIN / 2 && o.r.right >= c[0] + MIN / 2 && o.r.top <= c[1] - MIN / 2 && o.r.bottom >= c[1] + MIN / 2;
    const clash = targets.find((o) => o !== t && !o.covered && !backdrop(o) && !o.el.contains(t.el) && !t.el.contains(o.el) && (
      circleHitsRect(c, o.r) || (undersized.includes(o) && Math.hypot(c[0] - center(o.r)[0], c[1] - center(o.r)[1]) < MIN - 0.01)));
    if (clash) failures.push(`${describe(t)} too close to ${describe(clash)}`);
  }
  return failures;
}
