// Enhancement only: every page reads fine without it.
// Hovering or focusing a change highlights its marks in both texts and its explanation.
(function () {
  "use strict";
  function toggle(ref, on) {
    document.querySelectorAll('[data-change="' + ref + '"]').forEach(function (el) {
      if (el.tagName === "MARK" || el.tagName === "LI") { el.classList.toggle("active", on); }
    });
  }
  document.querySelectorAll("[data-change]").forEach(function (el) {
    var ref = el.getAttribute("data-change");
    if (!/^[0-9]+$/.test(ref)) { return; }
    ["mouseenter", "focusin"].forEach(function (ev) { el.addEventListener(ev, function () { toggle(ref, true); }); });
    ["mouseleave", "focusout"].forEach(function (ev) { el.addEventListener(ev, function () { toggle(ref, false); }); });
  });
})();
