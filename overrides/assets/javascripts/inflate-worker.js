// Inflates the gzip memory snapshot on its own thread, so that the calculator worker's thread is free to load
// and compile Pyodide meanwhile (pyodide-boot.js; figures in bench/RESULTS.md). One message in (the gzip bytes), one
// out (the inflated bytes, or {error}); both transferred, not copied.
self.onmessage = async (event) => {
  try {
    const stream = new Blob([event.data]).stream().pipeThrough(new DecompressionStream("gzip"));
    const inflated = await new Response(stream).arrayBuffer(); // checks the gzip CRC: damage throws
    self.postMessage(inflated, [inflated]);
  } catch (error) {
    self.postMessage({ error: String(error && error.message ? error.message : error) });
  }
};
