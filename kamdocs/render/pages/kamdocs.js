// Portfolio tables sort by a click on a column header (tablesort); without this script they read the same, unsorted.
// The theme's search dialog gets the name its field already shows (in the site's language), for screen readers.
(function () {
  function sortable() {
    document.querySelectorAll("table[data-kam-sortable]").forEach(function (table) {
      if (!table.dataset.kamSorted) {
        table.dataset.kamSorted = "1";
        new Tablesort(table);
      }
    });
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    var field = document.querySelector(".md-search__input");
    if (dialog && field && field.getAttribute("placeholder")) {
      dialog.setAttribute("aria-label", field.getAttribute("placeholder"));
    }
  }
  // printing from the browser's menu opens folded sections (the print stylesheet does it where the browser can)
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.kam-fold").forEach(function (d) { d.open = true; });
  });
  if (window.document$) {
    window.document$.subscribe(sortable);  // Material: again after every instant page change
  } else {
    document.addEventListener("DOMContentLoaded", sortable);
  }
})();
