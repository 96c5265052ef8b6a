// Portfolio tables sort by a click on a column header (tablesort); without this script they read the same, unsorted.
(function () {
  function sortable() {
    document.querySelectorAll("table[data-kam-sortable]").forEach(function (table) {
      if (!table.dataset.kamSorted) {
        table.dataset.kamSorted = "1";
        new Tablesort(table);
      }
    });
  }
  if (window.document$) {
    window.document$.subscribe(sortable);  // Material: again after every instant page change
  } else {
    document.addEventListener("DOMContentLoaded", sortable);
  }
})();
