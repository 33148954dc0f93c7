// "Leave quickly", for a person who must hide Closer at once (issue #26).
// The build tool (tools/src/first_screen.rs) inlines it with the
// first-screen script into every page, so it works before the wasm has
// arrived and goes on working after; the placeholders in capitals come from
// src/leave.rs. The control is a link to LEAVE_TO marked LEAVE_ATTR in the
// header of every page (without this script it is still a plain link);
// Escape pressed twice within a second does the same.
// Leaving: nothing of Closer stays on screen; then, where the browser has
// the Navigation API, the tab goes back to the first of Closer's own
// history entries (which may belong to an earlier page load: the key
// LEAVING_KEY in sessionStorage tells that page to go on) and replaces that
// entry with LEAVE_TO, so Back leads to whatever came before Closer; a
// browser without it replaces the current entry only (the support lesson
// says so).
(function () {
  "use strict";
  var root = document.documentElement;
  var mark = function (on) {
    try {
      if (on) sessionStorage.setItem(LEAVING_KEY, "1");
      else sessionStorage.removeItem(LEAVING_KEY);
    } catch (e) {
      /* storage blocked: only the current entry is replaced */
    }
  };
  var marked = function () {
    try {
      return sessionStorage.getItem(LEAVING_KEY) !== null;
    } catch (e) {
      return false;
    }
  };
  var hide = function () {
    root.style.visibility = "hidden";
    document.title = "\u200b";
  };
  var away = function () {
    hide();
    mark(false);
    location.replace(LEAVE_TO);
  };
  var leaving = false;
  var leave = function () {
    if (leaving) return;
    leaving = true;
    hide();
    var nav = window.navigation;
    var first = nav && nav.entries && nav.currentEntry ? nav.entries()[0] : null;
    if (first && first.key !== nav.currentEntry.key) {
      mark(true);
      nav.traverseTo(first.key).finished.then(away, away);
    } else {
      away();
    }
  };
  // Arrived here on the way out, or shown again from the back-forward cache.
  if (marked()) away();
  addEventListener("pageshow", function (e) {
    if (e.persisted && marked()) away();
  });
  // Any press on the control, with or without a modifier key: a new tab
  // would leave this one showing Closer.
  document.addEventListener(
    "click",
    function (e) {
      var t = e.target;
      if (!(t instanceof Element) || !t.closest("[" + LEAVE_ATTR + "]")) return;
      e.preventDefault();
      e.stopPropagation();
      leave();
    },
    true
  );
  var lastEscape = -Infinity;
  document.addEventListener(
    "keydown",
    function (e) {
      if (e.key !== "Escape" || e.repeat) return;
      if (e.timeStamp - lastEscape < 1000) leave();
      lastEscape = e.timeStamp;
    },
    true
  );
})();
