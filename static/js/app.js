// thidua: small progressive enhancements. Loaded from static/ so the CSP needs no inline script.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Forms marked data-autosubmit submit themselves when a field changes (filters, page size).
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.addEventListener("change", function () { form.requestSubmit(); });
    });
    // Buttons marked data-print open the browser's print dialog (the page has a print stylesheet).
    document.querySelectorAll("[data-print]").forEach(function (el) {
      el.addEventListener("click", function () { window.print(); });
    });
    // Buttons marked data-confirm ask before they submit.
    document.querySelectorAll("[data-confirm]").forEach(function (el) {
      el.addEventListener("click", function (event) {
        if (!window.confirm(el.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  });
  // htmx sends the CSRF token with every non-GET request.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("meta[name=csrf-token]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.getAttribute("content"); }
  });
})();
