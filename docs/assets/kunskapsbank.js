// Keyboard shortcuts for the search field: "/" and Ctrl+K (Cmd+K) focus it.
// On the search page that is the page's own field, elsewhere the one in the header.
(function () {
  "use strict";
  function searchField() {
    return document.getElementById("kb-q") || document.getElementById("kb-header-q");
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    var ctrlK = (event.ctrlKey || event.metaKey) && (event.key === "k" || event.key === "K");
    if (ctrlK || (event.key === "/" && !typing && !event.altKey)) {
      var field = searchField();
      if (field && field.offsetParent !== null) {
        event.preventDefault();
        field.focus();
        if (field.select) { field.select(); }
      }
    }
  });
})();

// The navigation drawer on narrow screens. Material opens it with a <label>, which
// cannot take keyboard focus; a real button replaces it here. Escape closes the
// drawer and puts focus back on the button.
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.getElementById("kb-menu");
  var label = document.getElementById("kb-menu-label");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !button || !label || !sidebar) { return; }
  sidebar.id = sidebar.id || "kb-navigering";
  button.setAttribute("aria-controls", sidebar.id);
  button.hidden = false;
  label.hidden = true;

  function sync() { button.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }
  function setOpen(open) {
    if (drawer.checked !== open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change", { bubbles: true }));
    }
    sync();
  }

  button.addEventListener("click", function () {
    setOpen(!drawer.checked);
    if (drawer.checked) {
      var first = sidebar.querySelector(".md-nav--primary a[href]");
      // Wait one frame: the drawer becomes visible (and focusable) through CSS.
      if (first) { window.requestAnimationFrame(function () { first.focus(); }); }
    }
  });
  drawer.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      setOpen(false);
      button.focus();
    }
  });
})();
