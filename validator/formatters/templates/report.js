"use strict";
// Sorting and filtering of the matrix. Text only: nothing here writes HTML, so report text stays text.
(function () {
  var table = document.getElementById("matrix");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var unit = document.getElementById("filter-unit");
  var checklist = document.getElementById("filter-checklist");
  var item = document.getElementById("filter-item");
  var status = document.getElementById("filter-status");
  var shown = document.getElementById("shown");
  var firstItem = headers.findIndex(function (th) { return th.classList.contains("item"); });
  var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });

  function key(row, index, type) {
    var value = row.cells[index].getAttribute("data-sort") || "";
    return type === "number" ? Number(value) : value;
  }

  function sortBy(index) {
    var th = headers[index];
    var type = th.getAttribute("data-type");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var sorted = rows.slice().sort(function (a, b) {
      var x = key(a, index, type), y = key(b, index, type);
      var order = type === "number" ? x - y : collator.compare(x, y);
      return ascending ? order : -order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  function matches(row) {
    var text = unit.value.trim().toLowerCase();
    if (text && row.getAttribute("data-unit").toLowerCase().indexOf(text) === -1) { return false; }
    if (checklist.value && row.getAttribute("data-checklist") !== checklist.value) { return false; }
    if (item.value !== "") {
      var cell = row.cells[firstItem + Number(item.value)];
      if (cell.getAttribute("data-status") !== status.value) { return false; }
    }
    return true;
  }

  function filter() {
    var count = 0;
    rows.forEach(function (row) {
      var visible = matches(row);
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    var words = shown.getAttribute("data-words").split("|");
    shown.textContent = words[0] + " " + count + " " + words[1] + " " + shown.getAttribute("data-total") + " " + words[2];
  }

  headers.forEach(function (th, index) {
    if (th.classList.contains("sortable")) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(index); });
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(index); }
      });
    }
  });
  [unit, checklist, item, status].forEach(function (control) {
    control.addEventListener("input", filter);
    control.addEventListener("change", filter);
  });
  document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  filter();
})();
