// Closer's service worker: the app works offline after the first visit.
// The build hook (src/bin/post_build.rs) fills in the two placeholders below:
// a build id, so each build gets its own cache, and the list of built files.
const BUILD = "__CLOSER_BUILD__";
const FILES = __CLOSER_FILES__;
const PREFIX = "closer-";
const CACHE = PREFIX + BUILD;
// Everything is relative to the worker's folder, so a sub-path deploy works.
const ROOT = new URL("./", self.location.href);
const INDEX = new URL("index.html", ROOT).href;

// All or nothing: if one file fails, the install fails and the old version stays.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(new URL(f, ROOT).href, { cache: "reload" }))),
    ),
  );
});

// Old caches go only once this version takes over. On a first install the
// worker takes control of the open page at once, so it works offline from then on.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((n) => n.startsWith(PREFIX) && n !== CACHE);
      await Promise.all(old.map((n) => caches.delete(n)));
      if (old.length === 0) await self.clients.claim();
    })(),
  );
});

// A new version waits until the person chooses "Reload" (see src/offline.rs).
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Any navigation, deep links too, gets this build's index.html, which
      // names exactly the wasm and scripts in this same cache.
      const hit = request.mode === "navigate" ? await cache.match(INDEX) : await cache.match(request, { ignoreSearch: true });
      return hit || fetch(request);
    })(),
  );
});
