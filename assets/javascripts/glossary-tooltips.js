// Glossary terms are <abbr title="explanation"> elements, marked in the HTML at build time.
// Without this script the browser's own tooltip shows the title on hover. With it, the
// explanation appears on hover, on keyboard focus (the first occurrence of each term on a
// page outside a link is a tab stop) and on tap, stays while the pointer is over it, and Escape closes it.
// The explanation is set as text, never as HTML: whatever a definition holds stays text.
(function () {
  "use strict";
  var tip = null;
  var owner = null;
  var hideTimer = 0;
  var shownAt = 0;

  function place() {
    var box = owner.getBoundingClientRect();
    var viewport = document.documentElement.clientWidth;
    var width = Math.min(320, viewport - 16);
    tip.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(box.left, viewport - width - 8));
    // Coordinates are relative to the tooltip's positioned ancestor, wherever that is.
    var origin = tip.offsetParent ? tip.offsetParent.getBoundingClientRect() : { left: 0, top: 0 };
    tip.style.left = left - origin.left + "px";
    tip.style.top = box.bottom - origin.top + 6 + "px";
  }

  function show(abbr) {
    clearTimeout(hideTimer);
    if (owner === abbr) return;
    hide();
    owner = abbr;
    shownAt = Date.now();
    tip = document.createElement("div");
    tip.id = "glossary-tooltip";
    tip.className = "glossary-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.textContent = abbr.getAttribute("data-explanation");
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", hideSoon);
    // Inside the main landmark, so assistive technology finds it with the text it explains.
    (document.querySelector("main") || document.body).appendChild(tip);
    abbr.setAttribute("aria-describedby", tip.id);
    place();
  }

  function hide() {
    clearTimeout(hideTimer);
    if (tip) tip.remove();
    if (owner) owner.removeAttribute("aria-describedby");
    tip = null;
    owner = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function setUp() {
    var seen = {};
    document.querySelectorAll(".md-typeset abbr[title]").forEach(function (abbr) {
      // The title moves to a data attribute, so the browser's tooltip does not double ours.
      abbr.setAttribute("data-explanation", abbr.getAttribute("title"));
      abbr.removeAttribute("title");
      abbr.classList.add("glossary-term");
      var inLink = abbr.closest("a") !== null;
      var term = abbr.textContent;
      if (!seen[term] && !inLink) {
        seen[term] = true;
        abbr.tabIndex = 0;
      }
      abbr.addEventListener("mouseenter", function () { show(abbr); });
      abbr.addEventListener("mouseleave", hideSoon);
      abbr.addEventListener("focus", function () { show(abbr); });
      abbr.addEventListener("blur", hide);
      if (!inLink) {
        // A tap on a phone, where there is no hover; inside a link a tap follows the link.
        abbr.addEventListener("click", function () {
          // A tap also sends the hover and focus that opened it a moment ago: keep it open.
          if (owner === abbr && Date.now() - shownAt > 500) hide(); else show(abbr);
        });
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
    document.addEventListener("click", function (event) {
      if (owner && !owner.contains(event.target) && !(tip && tip.contains(event.target))) hide();
    });
    window.addEventListener("resize", function () { if (tip) place(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
