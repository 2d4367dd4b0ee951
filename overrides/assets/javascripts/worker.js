// Module web worker: boots the pinned, self-hosted Pyodide, unpacks the calculators and the data
// bundle, then answers {id, type: "run", calculator, input} with {id, type: result|invalid|error, ...}.
// No Python source lives here: the worker only calls calculators._browser (shipped as a zip).

let ready = null;

const post = (message) => self.postMessage(message);

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} kon niet worden geladen (HTTP ${response.status})`);
  return response;
}

// Pyodide 314 only logs a failed WebAssembly download and then waits forever: turn that log into an error.
function wasmFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn;
    console.warn = (...args) => {
      if (String(args[0]).includes("wasm instantiation failed")) reject(new Error("WebAssembly kon niet worden geladen"));
      warn(...args);
    };
  });
}

async function boot(config) {
  const started = performance.now();
  // Boot Pyodide right away; the calculators and the data download meanwhile.
  const booting = import(config.pyodide + "pyodide.mjs").then(({ loadPyodide }) =>
    Promise.race([loadPyodide({ indexURL: config.pyodide, packages: [], fullStdLib: false }), wasmFailure()]));
  const calculators = fetchOk(config.calculators).then((r) => r.arrayBuffer());
  const data = fetchOk(config.data).then((r) => r.text());
  const pyodide = await booting;
  if (pyodide.version !== config.pyodide_version) {
    throw new Error(`Pyodide ${pyodide.version} geladen, ${config.pyodide_version} verwacht`);
  }
  pyodide.unpackArchive(await calculators, "zip"); // into the working directory, which is on sys.path
  const browser = pyodide.pyimport("calculators._browser");
  const names = browser.load(await data);
  const available = names.toJs();
  names.destroy();
  return { browser, available, version: pyodide.version, bootMs: Math.round(performance.now() - started) };
}

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type === "init") {
    ready = boot(message.config);
    try {
      const { available, version, bootMs } = await ready;
      post({ type: "ready", available, version, bootMs, boot: "plain" });
    } catch (error) {
      post({ type: "fatal", message: String(error && error.message ? error.message : error) });
    }
    return;
  }
  if (message.type === "run") {
    try {
      const { browser } = await ready;
      const outcome = JSON.parse(browser.run_json(message.calculator, JSON.stringify(message.input || {})));
      post({ id: message.id, type: outcome.status, ...outcome });
    } catch (error) {
      post({ id: message.id, type: "error", message: String(error && error.message ? error.message : error) });
    }
  }
};
