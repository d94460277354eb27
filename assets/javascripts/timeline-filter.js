// Narrow the timeline to one actor, or to one side (the actors who speak for it): the
// drawing to scale and the list together. Without JavaScript the form stays hidden and
// everything is shown; with it, marks and entries involving none of the chosen actors are
// hidden, and the address keeps the choice (?actor=<id> or ?side=<name>), so a narrowed
// timeline can be shared and survives a reload.
(function () {
  "use strict";
  function setUp() {
    var form = document.querySelector(".timeline-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "yes";
    var select = form.querySelector("select");
    var count = form.querySelector("output");
    var entries = Array.prototype.slice.call(document.querySelectorAll(".timeline span[data-actors]"));
    var marks = Array.prototype.slice.call(document.querySelectorAll(".timeline-drawing a[data-actors]"));
    function chosen() {
      // The actors of the chosen option: a side lists its own, an actor is itself.
      var option = select.options[select.selectedIndex];
      if (!select.value) return null;
      return option.hasAttribute("data-actors") ? option.getAttribute("data-actors").split(" ") : [select.value];
    }
    function involves(element, actors) {
      if (!actors) return true;
      return element.getAttribute("data-actors").split(" ").some(function (id) {
        return actors.indexOf(id) !== -1;
      });
    }
    function apply() {
      var actor = chosen();
      var shown = 0;
      entries.forEach(function (span) { span.closest("li").hidden = true; });
      entries.forEach(function (span) {
        if (!involves(span, actor)) return;
        shown += 1;
        // A statement made at an event is listed inside the event's item: show both.
        for (var item = span.closest("li"); item; item = item.parentElement.closest(".timeline li")) {
          item.hidden = false;
        }
      });
      marks.forEach(function (mark) {
        // SVG elements have no `hidden` property: the display style hides them.
        mark.style.display = involves(mark, actor) ? "" : "none";
        var members = mark.getAttribute("data-members");
        if (!members) return;
        // A bar several records share counts only those still shown.
        var label = mark.querySelector("text");
        var hrefs = mark.getAttribute("data-hrefs").split(" ");
        var kept = [];
        members.split("|").forEach(function (ids, index) {
          if (!actor || ids.split(" ").some(function (id) { return actor.indexOf(id) !== -1; })) {
            kept.push(index);
          }
        });
        var n = kept.length;
        label.textContent = "\u00d7" + n;
        // Lead the bar to the first of its entries still shown, not to a hidden one.
        if (n) mark.setAttribute("href", hrefs[kept[0]]);
        var name = n + (n === 1 ? " entry" : " entries");
        mark.setAttribute("aria-label", mark.getAttribute("aria-label").replace(/^\d+ entr(y|ies)/, name));
      });
      document.querySelectorAll(".timeline-day").forEach(function (day) {
        day.hidden = !day.querySelector("li:not([hidden])");
      });
      count.textContent = actor ? shown + " of " + entries.length + " entries" : "";
    }
    function remember() {
      var url = new URL(window.location.href);
      url.searchParams.delete("actor");
      url.searchParams.delete("side");
      if (select.value.indexOf("side:") === 0) url.searchParams.set("side", select.value.slice(5));
      else if (select.value) url.searchParams.set("actor", select.value);
      window.history.replaceState(window.history.state, "", url.toString());
    }
    var params = new URL(window.location.href).searchParams;
    function offered(value) {
      return value !== null && select.querySelector('option[value="' + CSS.escape(value) + '"]');
    }
    var side = params.get("side") === null ? null : "side:" + params.get("side");
    var actor = params.get("actor");
    if (actor !== null && actor.indexOf("side:") === 0) actor = null;  // an actor is not a side
    var asked = offered(side) ? side : offered(actor) ? actor : null;
    if (asked) select.value = asked;
    if (!asked && (params.has("side") || params.has("actor"))) remember();  // drop what is not offered
    select.addEventListener("change", function () { apply(); remember(); });
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
