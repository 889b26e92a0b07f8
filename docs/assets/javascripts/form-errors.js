/* The GOV.UK error summary that both of the site's forms show: the consultation
   response forms (consultation-form.js) and "Get documents for your area"
   (area-form.js). Each page with a form loads this file just before the
   form's own script (trustdocs/rendering/common.py, form_scripts); no other
   page loads it. It defines one global, TrustdocsFormErrors, and does nothing
   by itself.

   A problem is { target, message, error, describes }: the id of the control a
   link in the summary goes to, the message, the id of the element beside the
   field that shows it (ending "-error"), and the id of the element whose
   aria-describedby names that element. The summary is the form's
   .consultation-error-summary, with a list in it. */
var TrustdocsFormErrors = (function () {
  "use strict";

  var ERROR_PREFIX = "Error: ";

  function setDescribedBy(element, id, on) {
    var ids = (element.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) { ids.push(id); }
    if (ids.length) { element.setAttribute("aria-describedby", ids.join(" ")); } else { element.removeAttribute("aria-describedby"); }
  }

  /* Hides the summary and every message, and takes the messages out of every field's description. */
  function clear(form) {
    var summary = form.querySelector(".consultation-error-summary");
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
    Array.prototype.forEach.call(form.querySelectorAll(".consultation-error"), function (message) {
      message.hidden = true;
      message.textContent = "";
    });
    Array.prototype.forEach.call(form.querySelectorAll(".consultation-has-error"), function (group) {
      group.classList.remove("consultation-has-error");
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-describedby]"), function (element) {
      (element.getAttribute("aria-describedby") || "").split(/\s+/).forEach(function (id) {
        if (/-error$/.test(id)) { setDescribedBy(element, id, false); }
      });
    });
    document.title = document.title.replace(new RegExp("^" + ERROR_PREFIX), "");
  }

  /* What a summary link scrolls into view: by default a radio group's legend or the field's label. */
  function landmark(target) {
    var fieldset = target.type === "radio" && target.closest("fieldset");
    return fieldset ? fieldset.querySelector("legend") : document.querySelector('label[for="' + target.id + '"]');
  }

  function goTo(id, options) {
    var target = document.getElementById(id);
    if (!target) { return; }
    ((options.landmark || landmark)(target) || target).scrollIntoView();
    target.focus({ preventScroll: true });
  }

  /* Lists the problems in the summary, each linked to its field, shows each field's message (the first, where a
     field has several), puts "Error: " before the page title and moves focus to the summary.
     options.landmark(target), if given, says what a link scrolls into view instead of the default. */
  function show(form, found, options) {
    options = options || {};
    clear(form);
    var summary = form.querySelector(".consultation-error-summary");
    var list = summary.querySelector("ul");
    found.forEach(function (problem) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + problem.target;
      link.textContent = problem.message;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        goTo(problem.target, options);
      });
      item.appendChild(link);
      list.appendChild(item);
      var message = document.getElementById(problem.error);
      if (message && message.hidden) {
        var hidden = document.createElement("span");
        hidden.className = "consultation-visually-hidden";
        hidden.textContent = ERROR_PREFIX;
        message.appendChild(hidden);
        message.appendChild(document.createTextNode(problem.message));
        message.hidden = false;
        message.parentElement.classList.add("consultation-has-error");
      }
      var described = document.getElementById(problem.describes);
      if (described) { setDescribedBy(described, problem.error, true); }
    });
    summary.hidden = false;
    summary.focus();
    document.title = ERROR_PREFIX + document.title;
  }

  return { show: show, clear: clear };
})();
