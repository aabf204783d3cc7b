/* "Exit this page" (GOV.UK's pattern) for the sensitive-case pathway.
 *
 * Without this script the control is a plain link to the neutral site. With it:
 * - the click (or Enter on the focused link) blanks the page and leaves with
 *   location.replace(), so the pathway page is not left in the browser's history;
 * - pressing Shift three times within 5 seconds does the same, from anywhere on the page (the hint
 *   that says so is shown only here, since without the script the keys do nothing);
 * - on the feedback form the control is hidden until the "harassment or abuse" box is ticked.
 */
(function () {
  "use strict";
  var control = document.querySelector("[data-exit-this-page]");
  if (!control) {
    return;
  }
  var link = control.querySelector("a");
  var hint = control.querySelector(".exit-this-page-hint");
  if (hint) {
    hint.hidden = false;
  }
  var presses = 0;
  var timer = null;

  function active() {
    return !control.hidden;
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.className += " exit-this-page-leaving";
    document.title = ".";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (!active()) {
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      presses = 0;
    }, 5000);
    if (presses >= 3) {
      leave();
    }
  });

  var box = document.querySelector("[data-reveals-exit-this-page]");
  if (box) {
    var sync = function () {
      control.hidden = !box.checked;
    };
    box.addEventListener("change", sync);
    sync();
  }
})();
