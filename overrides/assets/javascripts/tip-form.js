// The form on "Een tip of correctie insturen" (docs/over/tip-of-correctie.md): checks the required fields with
// Dutch messages next to them, then builds a mailto: link to the region's editorial address (data/region.yaml,
// editorial_email) and a link to a prefilled GitHub issue. The site sends nothing; the reader opens a link.

const MESSAGES = {
  pagina: "Vul in over welke pagina of welk onderwerp je schrijft.",
  tekst: "Schrijf je tip of correctie op; dit veld is nog leeg.",
};
const KINDS = { tip: "Tip", correctie: "Correctie", vraag: "Vraag" };

/** The page the reader came from, as a path inside this site ("stappen/stap-3-onderwijstraject/"), or "". */
function referringPage() {
  if (!document.referrer) return "";
  const from = new URL(document.referrer);
  if (from.origin !== location.origin) return "";
  const base = new URL("../../", location.href).pathname; // this page is <base>over/tip-of-correctie/
  return from.pathname.startsWith(base) ? from.pathname.slice(base.length) || "startpagina" : "";
}

function showError(form, name, message) {
  const field = form.elements[name];
  const error = form.querySelector(`[data-tip-error="${name}"]`);
  error.textContent = message;
  if (message) field.setAttribute("aria-invalid", "true");
  else field.removeAttribute("aria-invalid");
}

/** The fields, trimmed; null (with messages shown) when a required one is empty. */
function readFields(form) {
  const values = {};
  for (const name of ["soort", "pagina", "tekst", "afzender"]) values[name] = form.elements[name].value.trim();
  let firstInvalid = null;
  for (const name of Object.keys(MESSAGES)) {
    showError(form, name, values[name] ? "" : MESSAGES[name]);
    if (!values[name] && !firstInvalid) firstInvalid = form.elements[name];
  }
  if (firstInvalid) {
    firstInvalid.focus();
    return null;
  }
  return values;
}

/** Subject and body of the message, the same for the e-mail and the GitHub issue. */
export function compose(values, handbookUrl) {
  const kind = KINDS[values.soort] || KINDS.vraag;
  const subject = `${kind} voor het handboek: ${values.pagina}`;
  const lines = [`Soort: ${kind}`, `Pagina of onderwerp: ${values.pagina}`, "", values.tekst, ""];
  if (values.afzender) lines.push(`Van: ${values.afzender}`);
  lines.push(`Handboek: ${handbookUrl}`);
  return { subject, body: lines.join("\n") };
}

export function mailtoHref(address, message) {
  const query = `subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body)}`;
  return `mailto:${address}?${query}`;
}

/** A new issue: a tip goes to the tip form (tip.yml, its fields by id), anything else to a blank issue. */
export function issueHref(issuesUrl, values, message) {
  const params = new URLSearchParams();
  if (values.soort === "tip") {
    params.set("template", "tip.yml");
    params.set("title", `[Tip] ${values.pagina}`);
    params.set("situatie", values.tekst);
    if (values.afzender) params.set("author", values.afzender);
    params.set("toelichting", `Pagina of onderwerp: ${values.pagina}`);
  } else {
    params.set("title", message.subject);
    params.set("body", message.body);
  }
  return `${issuesUrl}?${params.toString()}`;
}

function setUp(form) {
  const result = form.querySelector("[data-tip-result]");
  form.hidden = false;
  document.querySelectorAll("[data-tip-nojs]").forEach((note) => { note.hidden = true; });
  form.querySelector("[data-tip-mail-item]").hidden = !form.dataset.email;
  if (!form.elements.pagina.value) form.elements.pagina.value = referringPage();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    result.hidden = true;
    const values = readFields(form);
    if (!values) return;
    const message = compose(values, new URL("../../", location.href).href);
    const address = form.dataset.email; // the region's editorial address (data/region.yaml), or empty
    if (address) form.querySelector("[data-tip-mail]").href = mailtoHref(address, message);
    form.querySelector("[data-tip-issue]").href = issueHref(form.dataset.issues, values, message);
    result.hidden = false;
    result.focus();
  });
  for (const name of Object.keys(MESSAGES)) {
    form.elements[name].addEventListener("input", () => {
      if (form.elements[name].value.trim()) showError(form, name, "");
    });
  }
}

document.querySelectorAll("[data-tip-form]").forEach(setUp);
