// Fill in the access date of each "Cite this" citation: the build cannot know when a reader
// reads the page, so the citation holds a placeholder, which this replaces with today's date
// (in the page's language for the plain citation, as YYYY-MM-DD for BibTeX's urldate).
// Without JavaScript the placeholder stays, telling the reader what to add.
(function () {
  "use strict";
  var PLACEHOLDER = "[date you read it]";
  function setUp() {
    var today = new Date();
    var iso = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map(function (n, i) { return i ? String(n).padStart(2, "0") : String(n); })
      .join("-");
    // Day, month, year, as the site writes dates ("en" alone would give "December 6, 2026").
    var lang = document.documentElement.lang || "en";
    var spoken = today.toLocaleDateString(lang === "en" ? "en-GB" : lang, {
      day: "numeric", month: "long", year: "numeric"
    });
    document.querySelectorAll(".cite pre code").forEach(function (code) {
      var date = code.closest(".cite-bibtex") ? iso : spoken;
      if (code.textContent.indexOf(PLACEHOLDER) !== -1) {
        code.textContent = code.textContent.split(PLACEHOLDER).join(date);
      }
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
