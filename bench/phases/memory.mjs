// Phase "memory", taken inside the interactions phase (before and after its
// walk of every lesson and the whole quiz): the wasm's linear memory and the JS
// heap after a forced GC. `cdp` needs HeapProfiler enabled.

export async function memoryNow(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? null);
  return { wasmMemory: wasm, jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize };
}
