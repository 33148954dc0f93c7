// Closer's first-screen script. The build tool (tools/src/first_screen.rs)
// inlines it into every prerendered page, before that page's first screen,
// with the placeholders in capitals filled in, and hashes it into the page's
// Content-Security-Policy. It runs before the first screen is parsed, so
// nothing it hides is ever painted. What it reads from its own tag:
//   data-path      the app path this page was rendered for ("/quiz");
//   data-personal  present where the page shows a person's own state
//                  (their quiz, their notes, their data);
//   data-prose     the prose file the app will fetch for this page, if any;
//   data-glue, data-wasm  the loader's JS glue and wasm;
//   data-pieces    this page's own pieces of the wasm and their loader
//                  (space-separated, relative to the base);
//   data-lang-file the page's language's file (not on English pages).
// What it does:
// - marks a person with saved progress `returning` (style/layout.css then
//   hides the parts of the home page that show a first visit's state);
// - when this page is not the one asked for (a host's fallback for an
//   address known only to the app, such as one relationship's page), or
//   shows a first visit's state to a returning person, marks it `frame-only`:
//   the header and footer stay, the page's own content waits for the app,
//   and the loader's files are preloaded at once, as nothing else needs
//   the network first, with the page's own pieces when the address is the
//   page's own (elsewhere the app fetches its route's piece itself);
// - on the compare page opened by a shared link, marks the page so it says
//   what is arriving instead of asking for a code;
// - preloads the page's prose file (and its language's file) beside the wasm;
// - opens the same page in the person's language when this one is in
//   another: the one they chose with the picker (kept under LANG_KEY), else,
//   on a first visit, the first of the browser's languages Closer speaks.
// - with a lock set (its header is stored), marks every page `frame-only`:
//   the app shows the lock screen in place of the page's content;
// - inside another site's frame (a host that sends no frame-ancestors
//   header), shows nothing at all, so nothing personal can be seen or
//   clicked there.
// Storage that throws (blocked) counts as a first visit.
(function () {
  "use strict";
  if (window.top !== window.self) document.documentElement.style.display = "none";
  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var root = document.documentElement;
  var base = new URL(document.baseURI).pathname.replace(/\/$/, "");
  var here = location.pathname.replace(/\/$/, "").slice(base.length) || "/";
  // The address without its language's folder ("/es/compare" is "/compare").
  var codes = LANG_CODES;
  var lang = here.split("/")[1];
  var app = codes.indexOf(lang) >= 0 ? here.slice(lang.length + 1) || "/" : here;
  var returning = false;
  var locked = false;
  var chosen = null;
  try {
    returning = localStorage.getItem(STORAGE_KEY) !== null;
    locked = localStorage.getItem(LOCK_KEY) !== null;
    chosen = localStorage.getItem(LANG_KEY);
  } catch (e) {
    returning = false;
  }
  // The page's language: the one the person chose (a picker's link says so
  // with ?lang=, kept here for the next visits), else on a first visit the
  // first of the browser's languages that Closer speaks. A page in another
  // language opens the same page in that one before anything paints, so a
  // shared link opens in its reader's language.
  var pageLang = app === here ? "en" : lang;
  var picked = /[?&]lang=([a-z]+)/.exec(location.search);
  if (picked && picked[1] === pageLang) {
    try {
      localStorage.setItem(LANG_KEY, pageLang);
    } catch (e) {
      /* blocked storage: the choice lasts this page only */
    }
    history.replaceState(history.state, "", location.pathname + location.hash);
  } else {
    var want = chosen;
    if (!want && !returning) {
      var wanted = navigator.languages || [navigator.language || ""];
      for (var i = 0; i < wanted.length && !want; i++) {
        var code = String(wanted[i]).toLowerCase().split("-")[0];
        if (code === "en" || codes.indexOf(code) >= 0) want = code;
      }
    }
    if (want && want !== pageLang && (want === "en" || codes.indexOf(want) >= 0)) {
      var prefix = want === "en" ? "" : "/" + want;
      location.replace(base + prefix + (app === "/" ? "/" : app) + location.search + location.hash);
      return;
    }
  }
  var preload = function (rel, href) {
    var link = document.createElement("link");
    if (!rel) rel = /\.js$/.test(href) ? "modulepreload" : "preload";
    link.rel = rel;
    if (rel === "preload") link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.appendChild(link);
  };
  if (returning) root.classList.add(RETURNING_CLASS);
  var frameOnly = here !== data.path || (returning && "personal" in data) || locked;
  if (frameOnly) {
    root.classList.add(FRAME_ONLY_CLASS);
    if (data.glue && data.wasm) {
      preload("modulepreload", data.glue);
      preload("preload", data.wasm);
    }
    if (here === data.path && data.pieces) data.pieces.split(" ").forEach(function (href) {
      preload("", href);
    });
  }
  if (app === COMPARE_PATH && location.hash.length > 1) root.classList.add(SHARED_LINK_CLASS);
  if (data.prose) preload("preload", data.prose);
  if (data.langFile) preload("preload", data.langFile);
})();
