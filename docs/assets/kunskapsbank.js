// Keyboard shortcuts for the header search field: "/" and Ctrl+K (Cmd+K) focus it.
(function () {
  "use strict";
  function searchField() {
    return document.querySelector("#sok .pagefind-ui__search-input") ||
      document.getElementById("kb-header-q");
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    var ctrlK = (event.ctrlKey || event.metaKey) && (event.key === "k" || event.key === "K");
    if (ctrlK || (event.key === "/" && !typing && !event.altKey)) {
      var field = searchField();
      if (field) {
        event.preventDefault();
        field.focus();
        if (field.select) { field.select(); }
      }
    }
  });
})();
