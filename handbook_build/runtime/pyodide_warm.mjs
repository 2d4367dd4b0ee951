// Shared by the build's Node steps: load the data and run every calculator once, on its defaults (the model and the
// view) and on a refused input (the validation), so every module a calculator page imports is in memory. The
// bytecode step (pyodide_bytecode.mjs) compiles what this imports and the snapshot (pyodide_snapshot.mjs) holds it,
// so both run exactly these calls.
export function warmCalculators(pyodide, dataText) {
  const browser = pyodide.pyimport("calculators._browser");
  const names = browser.load(dataText);
  for (const name of names.toJs()) {
    browser.run_json(name, "{}");
    browser.run_json(name, JSON.stringify({ onbekend: "x" }));
  }
  names.destroy();
  browser.destroy();
}
