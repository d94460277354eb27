// Narrow the timeline to one actor. Without JavaScript the form stays hidden and the full
// list is shown; with it, entries not involving the chosen actor are hidden.
(function () {
  "use strict";
  function setUp() {
    var form = document.querySelector(".timeline-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "yes";
    var select = form.querySelector("select");
    var count = form.querySelector("output");
    var entries = Array.prototype.slice.call(document.querySelectorAll(".timeline span[data-actors]"));
    function apply() {
      var actor = select.value;
      var shown = 0;
      entries.forEach(function (span) {
        var item = span.closest("li");
        var match = !actor || span.dataset.actors.split(" ").indexOf(actor) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll(".timeline-day").forEach(function (day) {
        day.hidden = !day.querySelector("li:not([hidden])");
      });
      count.textContent = actor ? shown + " of " + entries.length + " entries" : "";
    }
    select.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
