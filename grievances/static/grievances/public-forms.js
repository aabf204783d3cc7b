/* Enhancements of the public forms; every page works the same without them (no script: all shown, the browser prints). */
(function () {
  "use strict";

  // Conditional reveal: under each way of answering, its contact detail shows only when that way is chosen.
  // A detail that holds a value or an error stays shown, so nothing that will be sent is ever hidden.
  function setUpReveals(group) {
    var radios = group.querySelectorAll("input[type=radio]");
    function update() {
      radios.forEach(function (radio) {
        var id = radio.getAttribute("data-reveal");
        var panel = id && document.getElementById(id);
        if (!panel) return;
        radio.setAttribute("aria-controls", id);
        var input = panel.querySelector("input, textarea, select");
        var keep = radio.checked || panel.querySelector(".field-error") || (input && input.value.trim() !== "");
        panel.hidden = !keep;
      });
    }
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  }

  // The file button: say which files were chosen, in the page's language.
  function setUpFileChoice(box) {
    var input = box.querySelector("input[type=file]");
    var names = box.querySelector(".file-names");
    if (!input || !names) return;
    function update() {
      var chosen = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
      names.textContent = chosen.length ? names.getAttribute("data-chosen") + " " + chosen.join(", ") : names.getAttribute("data-none");
    }
    input.addEventListener("change", update);
    update();
  }

  // The print button exists for people with a script; without one the page says to use the browser's print.
  function setUpPrint(button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  document.querySelectorAll("[data-reveals]").forEach(setUpReveals);
  document.querySelectorAll(".file-choice").forEach(setUpFileChoice);
  document.querySelectorAll("[data-print]").forEach(setUpPrint);
}());
