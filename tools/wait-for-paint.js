// Put by the build tool (tools/src/site.rs, defer_wasm_until_painted) into
// Trunk's inline loader, in place of its static import of the JS glue: the
// glue, and then the wasm (the page's pieces beside it), are fetched only once the prerendered first
// screen has painted (at most half a second later, for a page in the
// background, which does not paint), so they never share the network with
// what that paint needs. Where the page shows only its frame (marked by the
// first-screen script), there is no paint worth waiting for.
if (!document.documentElement.classList.contains(FRAME_ONLY_CLASS)) {
  await new Promise((resolve) => {
    new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length) resolve();
    }).observe({ type: "paint", buffered: true });
    setTimeout(resolve, 500);
  });
}
// The page's own pieces of the wasm (the first-screen script's
// data-pieces; it preloads them itself where only the frame shows).
const pieces = document.querySelector("script[data-pieces]");
if (pieces && !document.documentElement.classList.contains(FRAME_ONLY_CLASS)) {
  for (const href of pieces.dataset.pieces.split(" ")) {
    const link = document.createElement("link");
    link.rel = href.endsWith(".js") ? "modulepreload" : "preload";
    if (link.rel === "preload") link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.appendChild(link);
  }
}
const bindings = await import(GLUE_URL), init = bindings.default;
