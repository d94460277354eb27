// Glossary terms (abbr elements) show their explanation on hover through the theme's tooltips.
// Make the first occurrence of each term on a page reachable with the keyboard, so the same
// tooltip appears on focus, without adding a tab stop for every repetition.
(function () {
  "use strict";
  function setUp() {
    var seen = {};
    document.querySelectorAll(".md-typeset abbr[title]").forEach(function (abbr) {
      var term = abbr.textContent;
      if (seen[term] || abbr.closest("a")) return;
      seen[term] = true;
      abbr.tabIndex = 0;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
