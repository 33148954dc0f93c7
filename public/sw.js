// Closer's service worker: the app works offline after the first visit.
// The build hook (render_worker in tools/src/site.rs) fills in the
// placeholders below: a build id, so each build gets its own cache, the list
// of built files, and the names of the messages between the pages and this
// worker, which src/offline.rs defines (`message`, `WORKER_MESSAGES`).
//
// The rules it keeps (each has an end-to-end test in e2e/offline.spec.ts):
// - install is all or nothing: one missing file fails it, the old version stays;
// - every activation claims the open pages (and a page that loaded during the
//   activation asks to be claimed), so a first visit works offline at once,
//   even when an earlier install left a cache behind;
// - a page keeps the cache of the build it runs until no such page is left,
//   so a tab that was not reloaded after an update still finds its files;
// - only app routes (paths without a file extension) are answered with
//   index.html (another language's with its own, es/index.html); a file's
//   URL gets that file or the network's answer;
// - another language's files are cached once a page in it has been opened,
//   and again by each later build that finds them cached by an older one,
//   so someone who reads only English never downloads them.
const BUILD = "__CLOSER_BUILD__";
const FILES = __CLOSER_FILES__;
const LANGS = __CLOSER_LANGS__;
const MSG_ACTIVATED = "__CLOSER_MSG_ACTIVATED__";
const MSG_SKIP_WAITING = "__CLOSER_MSG_SKIP_WAITING__";
const MSG_TIDY = "__CLOSER_MSG_TIDY__";
const MSG_CLAIM = "__CLOSER_MSG_CLAIM__";
const PREFIX = "closer-";
const CACHE = PREFIX + BUILD;
// Not a build cache (no "closer-" prefix): which build each open page runs,
// and which caches each build found when it installed (its older ones).
const META = "closer:meta";
// Everything is relative to the worker's folder, so a sub-path deploy works.
const ROOT = new URL("./", self.location.href);
const INDEX = new URL("index.html", ROOT).href;
const LANG_INDEX = (code) => new URL(code + "/index.html", ROOT).href;
const langFiles = (code) =>
  LANGS[code].map((f) => new Request(new URL(f, ROOT).href, { cache: "reload" }));

// The language other than English whose pages `url` is in, if any.
function langOf(url) {
  if (!url.pathname.startsWith(ROOT.pathname)) return null;
  const code = url.pathname.slice(ROOT.pathname.length).split("/")[0];
  return Object.prototype.hasOwnProperty.call(LANGS, code) ? code : null;
}

// Caches a language's files (all or none), unless they are here already.
async function keepLang(code) {
  const cache = await caches.open(CACHE);
  if (await cache.match(LANG_INDEX(code))) return;
  await cache.addAll(langFiles(code));
}
// One entry per fact, so no two writers ever read-modify-write a shared record.
const PAGE_URL = (id) => new URL("__closer-page__/" + encodeURIComponent(id), ROOT).href;
const OLDER_URL = (build) => new URL("__closer-older__/" + build, ROOT).href;

// Deletes the caches of older builds that no open page runs any more. Only
// caches that existed when this build installed count as older, so a newer
// build installing meanwhile is never touched.
async function tidy() {
  const meta = await caches.open(META);
  const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const alive = new Set(open.map((c) => PAGE_URL(c.id)));
  const inUse = new Set([BUILD]);
  for (const request of await meta.keys()) {
    if (!request.url.includes("/__closer-page__/")) continue;
    if (alive.has(request.url)) inUse.add(await (await meta.match(request)).text());
    else await meta.delete(request);
  }
  const listed = await meta.match(OLDER_URL(BUILD));
  const older = listed ? await listed.json().catch(() => []) : [];
  await Promise.all(older.filter((b) => !inUse.has(b)).map((b) => caches.delete(PREFIX + b)));
  await meta.put(OLDER_URL(BUILD), new Response(JSON.stringify(older.filter((b) => inUse.has(b)))));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const before = (await caches.keys())
        .filter((n) => n.startsWith(PREFIX) && n !== CACHE)
        .map((n) => n.slice(PREFIX.length));
      const cache = await caches.open(CACHE);
      await cache.addAll(FILES.map((f) => new Request(new URL(f, ROOT).href, { cache: "reload" })));
      // A language an older build had cached (someone reads it) comes along.
      for (const code of Object.keys(LANGS)) {
        for (const name of before) {
          if (await (await caches.open(PREFIX + name)).match(LANG_INDEX(code))) {
            await cache.addAll(langFiles(code));
            break;
          }
        }
      }
      await (await caches.open(META)).put(OLDER_URL(BUILD), new Response(JSON.stringify(before)));
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      await rememberUnrecorded();
      // Pages opened before this worker answered (a first visit) in another
      // language: its files too, for offline.
      for (const client of await self.clients.matchAll({ type: "window" })) {
        const code = langOf(new URL(client.url));
        if (code) await keepLang(code).catch(() => {});
      }
      await tidy();
      // Every open page learns which build now answers it; a page running
      // another build offers to reload (src/offline.rs).
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.postMessage({ type: MSG_ACTIVATED, build: BUILD });
      }
    })(),
  );
});

self.addEventListener("message", (event) => {
  // A new version waits until the person chooses "Reload" (see src/offline.rs).
  if (event.data === MSG_SKIP_WAITING) self.skipWaiting();
  // A page started: pages that have closed since may have freed a cache.
  if (event.data === MSG_TIDY) event.waitUntil(tidy());
  // A page that loaded while this worker activated was missed by its claim.
  if (event.data === MSG_CLAIM) event.waitUntil(self.clients.claim().then(rememberUnrecorded));
});

function isAppRoute(url) {
  if (!url.pathname.startsWith(ROOT.pathname)) return false;
  const rest = url.pathname.slice(ROOT.pathname.length);
  const last = rest.split("/").pop();
  return rest === "index.html" || !last.includes(".");
}

// This build's copy first, then an older build's (a page not yet reloaded
// after an update asks for its own files), then the network.
async function fromCaches(request) {
  const own = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  if (own) return own;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const hit = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (hit) return hit;
  }
  return fetch(request);
}

async function remember(clientId) {
  if (clientId) await (await caches.open(META)).put(PAGE_URL(clientId), new Response(BUILD));
}

// A page whose navigation did not go through a worker (the first visit, or a
// reload that bypassed it) was loaded from the network, that is from the
// build now deployed, which is this worker's: record it as running this
// build, so that an update taken in another tab keeps this build's cache
// while that page is open. Pages already recorded keep their build.
async function rememberUnrecorded() {
  const meta = await caches.open(META);
  for (const client of await self.clients.matchAll({ type: "window" })) {
    if (!(await meta.match(PAGE_URL(client.id)))) await remember(client.id);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && isAppRoute(url)) {
    // Every app route, deep links too, gets this build's index.html (its
    // language's), which names exactly the wasm and scripts in this cache.
    const code = langOf(url);
    const shell = code ? LANG_INDEX(code) : INDEX;
    event.respondWith((async () => (await (await caches.open(CACHE)).match(shell)) || fetch(request))());
    event.waitUntil(remember(event.resultingClientId));
    if (code) event.waitUntil(keepLang(code).catch(() => {}));
    return;
  }
  event.respondWith(fromCaches(request));
});
