// Quarterly report form: show the % of the pledge's target as the enterprise types (no inline script: CSP).
(function () {
  "use strict";
  var vietnamese = (document.documentElement.lang || "vi").indexOf("vi") === 0;

  function parse(text) {
    text = (text || "").replace(/\s/g, "");
    if (!text) { return null; }
    text = vietnamese ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
    var number = Number(text);
    return isFinite(number) ? number : null;
  }

  function show(number) {
    return number.toLocaleString(vietnamese ? "vi-VN" : "en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + " %";
  }

  function update(row) {
    var target = Number(row.getAttribute("data-target") || "NaN");
    var cell = row.querySelector("[data-role=of-plan]");
    var valueInput = row.querySelector("input[name^=value_], select[name^=value_]");
    var ytdInput = row.querySelector("input[name^=ytd_]");
    var na = row.querySelector("input[name^=na_]");
    if (!cell || !isFinite(target) || target === 0 || !valueInput) { return; }
    if (na && na.checked) { cell.textContent = ""; return; }
    var value = parse(valueInput.value);
    var ytd = ytdInput ? parse(ytdInput.value) : null;
    var rule = row.getAttribute("data-rule");
    var compared = null;
    if (rule === "LATEST" || rule === "AVERAGE") {
      compared = value;
    } else if (ytd !== null) {
      compared = ytd;
    } else if (rule === "SUM" && value !== null && row.getAttribute("data-earlier") !== "") {
      compared = value + Number(row.getAttribute("data-earlier"));
    }
    cell.textContent = compared === null ? "" : show(compared * 100 / target);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.q-sheet tr[data-rule]").forEach(function (row) {
      row.addEventListener("input", function () { update(row); });
      row.addEventListener("change", function () { update(row); });
    });
  });
})();
