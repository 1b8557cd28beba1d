/* The DT's targets page: checks the draft as they type and applies the coach's rewrite.
   Every link and form here also works without script (see api/routes/target_pages.py); with
   it, each is handled in the page and its default (a page load) is prevented. */
(function () {
  "use strict";
  var page = document.getElementById("targets-page");
  if (!page) { return; }
  var pepId = page.getAttribute("data-pep-id");
  var keyStage = page.getAttribute("data-key-stage");
  var reviewDate = page.getAttribute("data-review-date");
  var form = document.getElementById("target-form");
  var fields = ["what", "how", "who", "when", "outcome", "ppp", "baseline", "needs"];
  var timer = null;
  // These calls go with the session cookie, which the API accepts for a POST only with the
  // page's CSRF token in this header.
  var init = document.getElementById("pv-init");
  var jsonHeaders = { "Content-Type": "application/json",
                      "X-CSRFToken": init ? init.getAttribute("data-csrf-token") : "" };
  var COST = /\u00a3\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?!\d|[.,]\S|[eE]\d)/;
  var NAMES = { specific: "Specific", measurable: "Measurable", achievable: "Achievable",
                relevant: "Relevant", time_bound: "Time-bound" };

  function value(name) { return document.getElementById("t-" + name).value; }

  /* The child's words the page shows, so "relevant" is judged against what they said. */
  function childViews() {
    var linked = document.getElementById("t-answers_topic");
    var shown = document.querySelectorAll(".pv-child-word");
    var words = [];
    Array.prototype.forEach.call(shown, function (item) {
      if (!linked || !linked.value || item.getAttribute("data-topic") === linked.value) {
        words.push(item.querySelector(".pv-quote").textContent);
      }
    });
    return words.join(" ").slice(0, 2000);
  }

  function fillFromDraft(draft) {
    var map = { what: draft.target, how: draft.action, who: draft.who, when: draft.when,
                outcome: draft.outcome, baseline: draft.baseline, needs: draft.needs };
    Object.keys(map).forEach(function (k) { document.getElementById("t-" + k).value = map[k] || ""; });
    document.getElementById("t-answers_topic").value = draft.answers_topic;
    var note = document.getElementById("draft-note");
    note.textContent = draft.note + (draft.placeholders.length
      ? " Still to fill: " + draft.placeholders.join(", ") + "." : "");
    note.hidden = false;
    var first = fields.filter(function (f) { return /\[[^\]]+\]/.test(value(f)); })[0] || "what";
    document.getElementById("t-" + first).focus();
    schedule();
  }

  function draftFrom(topic, button) {
    if (button.getAttribute("aria-disabled") === "true") { return; }
    button.setAttribute("aria-disabled", "true");
    fetch("/api/v1/peps/" + pepId + "/targets/draft", { method: "POST", credentials: "same-origin",
      headers: jsonHeaders, body: JSON.stringify({ topic: topic }) })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, data: d }; }); })
      .then(function (res) {
        button.removeAttribute("aria-disabled");
        if (res.ok) { fillFromDraft(res.data); }
        else { document.getElementById("save-status").textContent = res.data.detail; }
      }, function () { button.removeAttribute("aria-disabled"); });
  }

  function request() {
    var context = {};
    if (value("baseline").trim()) { context.baseline = value("baseline"); }
    var needs = value("needs").split(";").map(function (n) { return n.trim(); }).filter(Boolean);
    if (needs.length) { context.needs = needs; }
    var views = childViews();
    if (views) { context.child_views = views; }
    if (reviewDate) { context.review_date = reviewDate; }
    return { target: value("what"), action: value("how"), who: value("who"), when: value("when"),
             outcome: value("outcome"), ppp: value("ppp"), key_stage: keyStage, context: context };
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function show(result) {
    document.getElementById("coach-empty").hidden = true;
    document.getElementById("coach-score").textContent =
      "Score " + result.score + " of 5: " + result.rating;
    var list = document.getElementById("coach-criteria");
    list.innerHTML = "";
    Object.keys(NAMES).forEach(function (key) {
      var c = result.criteria[key];
      var mark = c.met === true ? "Met" : (c.met === false ? "Not met" : "Cannot tell yet");
      var cls = c.met === true ? "govuk-tag govuk-tag--green" : (c.met === false ? "govuk-tag govuk-tag--red" : "govuk-tag govuk-tag--grey");
      var item = el("li");
      item.appendChild(el("strong", mark, cls));
      item.appendChild(document.createTextNode(" " + NAMES[key] + ": " + c.reason));
      list.appendChild(item);
    });
    var policy = document.getElementById("coach-policy");
    policy.innerHTML = "";
    (result.policy || []).forEach(function (p) { policy.appendChild(el("li", p.message)); });
    var suggestions = document.getElementById("coach-suggestions");
    suggestions.innerHTML = "";
    if (result.suggestions && result.suggestions.length) {
      suggestions.appendChild(el("h4", "How to fix it", "govuk-heading-s"));
      var ul = el("ul", null, "govuk-list govuk-list--bullet");
      result.suggestions.forEach(function (s) { ul.appendChild(el("li", s)); });
      suggestions.appendChild(ul);
    }
    var rewrite = document.getElementById("coach-rewrite");
    rewrite.innerHTML = "";
    if (result.rewrite && result.score < 5) {
      rewrite.appendChild(el("h4", "A SMART version", "govuk-heading-s"));
      rewrite.appendChild(el("p", result.rewrite, "govuk-body pv-quote"));
      var apply = el("button", "Use this version", "govuk-button govuk-button--secondary");
      apply.type = "button";
      apply.addEventListener("click", function () {
        document.getElementById("t-what").value = result.rewrite;
        document.getElementById("t-what").focus();
        schedule();
      });
      rewrite.appendChild(apply);
    }
    var examples = document.getElementById("coach-examples");
    examples.innerHTML = "";
    if (result.examples && result.examples.length) {
      examples.appendChild(el("h4", "Examples from the policy", "govuk-heading-s"));
      var ex = el("ul", null, "govuk-list govuk-list--bullet");
      result.examples.forEach(function (e) { ex.appendChild(el("li", e.key_stage + ": " + e.target + " (" + e.outcome + ")")); });
      examples.appendChild(ex);
    }
  }

  function check() {
    if (!value("what").trim()) { return; }
    fetch("/api/v1/targets/check", { method: "POST", credentials: "same-origin",
      headers: jsonHeaders, body: JSON.stringify(request()) })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, data: d }; }); })
      .then(function (res) {
        if (res.ok) { show(res.data); }
        else { document.getElementById("coach-score").textContent = res.data.detail; }
      });
  }

  function schedule() { window.clearTimeout(timer); timer = window.setTimeout(check, 400); }

  function checkSet() {
    fetch("/api/v1/peps/" + pepId + "/targets/check", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        var box = document.getElementById("set-check");
        if (!data) { return; }
        var messages = (data.policy || []).map(function (p) { return p.message; });
        box.innerHTML = "";
        box.setAttribute("data-rules", (data.policy || []).map(function (p) { return p.rule; }).join(" "));
        if (messages.length) {
          var list = el("ul", null, "govuk-list govuk-list--bullet");
          messages.forEach(function (m) { list.appendChild(el("li", m)); });
          box.appendChild(list);
        } else if (data.count) {
          box.appendChild(el("p", "The set of targets meets the policy.", "govuk-body"));
        }
        var answered = (data.child_voice || []).filter(function (v) { return v.answered_by.length; });
        answered.forEach(function (v) {
          v.answered_by.forEach(function (a) {
            box.appendChild(el("p", "\u201c" + v.words + "\u201d is answered by \u201c" + a.what +
              "\u201d: " + a.reason + ".", "govuk-body-s"));
          });
        });
        box.hidden = !box.childNodes.length;
      });
  }

  /* The API's refusals shown as a GOV.UK form shows them: a summary linking to each box, and
     the message beside the box (the page without script renders the same markup). */
  var BOXES = { what: "what", how: "how", who: "who", when: "when", outcome: "outcome", ppp: "ppp",
                ppp_cost: "ppp", baseline: "baseline", needs: "needs", answers_topic: "answers_topic" };
  var LABELS = { what: "The target", how: "How", who: "Who", when: "When", outcome: "The expected outcome",
                 ppp: "The PP+ request", ppp_cost: "The PP+ cost", baseline: "The baseline",
                 needs: "The needs", answers_topic: "The child's answer" };

  /* Where the API's own words would not read as a GOV.UK message, the page's words (as the
     page without script says them, in api/routes/target_pages.py). */
  var SAID = { what: "Enter the target: what the child will be able to do, and how you will know",
               ppp_cost: "Enter the PP+ cost in pounds, up to \u00a3100,000, like \u00a3300 or \u00a31,250.50",
               answers_topic: "Choose one of the child's answers, or Not linked" };

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".pv-script-error"), function (n) { n.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll(".govuk-form-group--error"), function (g) {
      g.classList.remove("govuk-form-group--error");
      var box = g.querySelector("textarea, select");
      if (box) {
        box.classList.remove("govuk-textarea--error", "govuk-select--error");
        box.setAttribute("aria-describedby", box.id + "-hint");
      }
    });
    var old = document.getElementById("script-error-summary");
    if (old) { old.remove(); }
    document.title = document.title.replace(/^Error: /, "");
  }

  function showErrors(errors) {
    var summary = el("div", null, "govuk-error-summary");
    summary.id = "script-error-summary";
    summary.tabIndex = -1;
    var alert = el("div");
    alert.setAttribute("role", "alert");
    alert.appendChild(el("h2", "There is a problem", "govuk-error-summary__title"));
    var list = el("ul", null, "govuk-list govuk-error-summary__list");
    errors.forEach(function (e) {
      var name = BOXES[e.field];
      if (!name) { return; }
      var words = SAID[e.field] || (/^[a-z]/.test(e.message) ? LABELS[e.field] + " " + e.message : e.message);
      var box = document.getElementById("t-" + name);
      var group = box.closest(".govuk-form-group");
      if (!group.classList.contains("govuk-form-group--error")) {
        group.classList.add("govuk-form-group--error");
        box.classList.add(box.tagName === "SELECT" ? "govuk-select--error" : "govuk-textarea--error");
        var message = el("p", null, "govuk-error-message pv-script-error");
        message.id = "t-" + name + "-error";
        message.appendChild(el("span", "Error:", "govuk-visually-hidden"));
        message.appendChild(document.createTextNode(" " + words));
        group.insertBefore(message, box);
        box.setAttribute("aria-describedby", box.id + "-hint " + message.id);
      }
      var item = el("li");
      var link = el("a", words);
      link.href = "#t-" + name;
      item.appendChild(link);
      list.appendChild(item);
    });
    var body = el("div", null, "govuk-error-summary__body");
    body.appendChild(list);
    alert.appendChild(body);
    summary.appendChild(alert);
    form.insertBefore(summary, form.firstChild);
    if (!/^Error: /.test(document.title)) { document.title = "Error: " + document.title; }
    summary.focus();
  }

  if (form) {
    fields.forEach(function (f) { document.getElementById("t-" + f).addEventListener("input", schedule); });
    document.getElementById("t-answers_topic").addEventListener("change", schedule);
    Array.prototype.forEach.call(document.querySelectorAll(".pv-draft"), function (b) {
      b.addEventListener("click", function (event) {
        event.preventDefault();
        draftFrom(b.getAttribute("data-topic"), b);
      });
    });
    /* "Change": the saved target goes into the form, checked by the coach as it is edited,
       and the save replaces it (PUT) instead of adding another. */
    var editing = null;  // the saved target being changed, as the page read it
    var saveButton = document.getElementById("save-target");
    var stop = document.getElementById("stop-change");
    var heading = document.getElementById("draft-heading");
    /* A page opened to change a target ("Change" without script, or a refused save): the
       form holds what to save, and the hidden based_on says which reading it replaces. */
    if (form.getAttribute("data-editing")) {
      editing = JSON.parse(form.getAttribute("data-editing"));
      editing.updated_at = form.elements.based_on.value || editing.updated_at;
    }
    function changing(target) {
      editing = target || null;
      fields.forEach(function (f) { document.getElementById("t-" + f).value = target ? (target[f] || "") : ""; });
      document.getElementById("t-answers_topic").value = target ? (target.answers_topic || "") : "";
      saveButton.textContent = target ? "Save the changed target" : "Save target to section D";
      heading.textContent = target ? "Change a target" : "Draft a target";
      stop.hidden = !target;
      document.getElementById("draft-note").hidden = true;
      schedule();
    }
    Array.prototype.forEach.call(document.querySelectorAll(".pv-change"), function (b) {
      b.addEventListener("click", function (event) {
        event.preventDefault();
        changing(JSON.parse(b.getAttribute("data-target")));
        heading.scrollIntoView();
        document.getElementById("t-what").focus();
      });
    });
    stop.addEventListener("click", function (event) {
      event.preventDefault();
      var was = editing;
      changing(null);
      /* The pressed button is now hidden: focus goes back to the row's own "Change". */
      var back = was && document.querySelector('.pv-change[data-target-id="' + was.target_id + '"]');
      (back || document.getElementById("t-what")).focus();
    });
    /* "Delete" asks once, in words a screen reader hears, then deletes on the second press. */
    var listStatus = document.getElementById("targets-status");
    Array.prototype.forEach.call(document.querySelectorAll(".pv-delete"), function (b) {
      b.addEventListener("click", function (event) {
        event.preventDefault();
        if (b.getAttribute("aria-disabled") === "true") { return; }
        if (b.getAttribute("data-confirming") !== "true") {
          /* One target asked about at a time: any other "Yes, delete it" goes back to "Delete". */
          Array.prototype.forEach.call(document.querySelectorAll('.pv-delete[data-confirming="true"]'), function (other) {
            other.removeAttribute("data-confirming");
            other.innerHTML = other.getAttribute("data-label");
          });
          b.setAttribute("data-label", b.innerHTML);
          b.setAttribute("data-confirming", "true");
          b.textContent = "Yes, delete it";
          var named = document.createElement("span");
          named.className = "govuk-visually-hidden";
          named.textContent = ": the target " + b.getAttribute("data-what");
          b.appendChild(named);
          listStatus.textContent = "Press \u201cYes, delete it\u201d to delete the target \u201c" +
            b.getAttribute("data-what") + "\u201d. This cannot be undone.";
          return;
        }
        b.setAttribute("aria-disabled", "true");
        fetch("/api/v1/peps/" + pepId + "/targets/" + b.getAttribute("data-target-id") +
          "?based_on=" + encodeURIComponent(b.getAttribute("data-updated-at") || ""),
          { method: "DELETE", credentials: "same-origin", headers: jsonHeaders })
          .then(function (r) {
            if (r.ok) { sessionStorage.setItem("pv-targets-done", "Target deleted."); window.location.replace(window.location.pathname); return; }
            return r.json().then(function (d) { b.removeAttribute("aria-disabled"); listStatus.textContent = d.detail; });
          })
          .catch(function () { b.removeAttribute("aria-disabled"); listStatus.textContent = "Not deleted: the connection failed. Try again."; });
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      /* A double click sends one target: the second press waits for the first answer. */
      var button = form.querySelector("button[type=submit], #save-target");
      if (form.getAttribute("data-saving") === "true") { return; }
      form.setAttribute("data-saving", "true");
      clearErrors();
      if (button) { button.disabled = true; button.setAttribute("aria-disabled", "true"); }
      function again() {
        form.removeAttribute("data-saving");
        if (button) { button.disabled = false; button.removeAttribute("aria-disabled"); }
      }
      if (!value("what").trim()) { again(); showErrors([{ field: "what", message: SAID.what }]); return; }
      var body = {};
      fields.forEach(function (f) { body[f] = value(f); });
      body.answers_topic = value("answers_topic") || null;
      /* The first sum of money in the PP+ words is the cost ("£1,500" is 1500), as the
         form's server path reads it (api/presentation/target_form.py); a "£" that starts no
         whole sum ("£1,500.999", "£ 1e9") is refused. A change that leaves the PP+ words as
         they were keeps the cost saved with them, whether or not the words name it. */
      var status = document.getElementById("save-status");
      var pound = body.ppp.indexOf("\u00a3");
      var cost = pound < 0 ? null : COST.exec(body.ppp.slice(pound));
      if (editing && body.ppp === (editing.ppp || "")) { body.ppp_cost = editing.ppp_cost; }
      else if (pound < 0) { body.ppp_cost = null; }
      else if (!cost || cost.index !== 0) {
        again();
        showErrors([{ field: "ppp_cost", message: SAID.ppp_cost }]);
        return;
      }
      else { body.ppp_cost = cost[1].replace(/,/g, "") + (cost[2] || ""); }
      if (editing) { body.based_on = editing.updated_at; }
      var url = "/api/v1/peps/" + pepId + "/targets" + (editing ? "/" + editing.target_id : "");
      fetch(url, { method: editing ? "PUT" : "POST", credentials: "same-origin",
        headers: jsonHeaders, body: JSON.stringify(body) })
        .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, status: r.status, data: d }; }); })
        .then(function (res) {
          if (res.ok) {
            status.textContent = "Saved with a score of " + res.data.score + " of 5.";
            sessionStorage.setItem("pv-targets-done", status.textContent);
            window.location.replace(window.location.pathname);
          }
          else if (editing && res.status === 404) {
            /* Deleted meanwhile (another tab): what was typed stays, to save as a new target. */
            again();
            editing = null;
            saveButton.textContent = "Save target to section D";
            heading.textContent = "Draft a target";
            stop.hidden = true;
            status.textContent = "That target was deleted meanwhile. What you typed is still here: save it as a new target.";
          }
          else if (editing && res.status === 409) { changedMeanwhile(editing, res.data.detail); }
          else if ((res.data.errors || []).some(function (e) { return BOXES[e.field]; })) {
            again();
            showErrors(res.data.errors);
          }
          else { again(); status.textContent = res.data.detail; }
        })
        .catch(function () { again(); status.textContent = "Not saved: the connection failed. Try again."; });
      /* Someone else saved the target after this page read it: say how it reads now, and keep
         what was typed, now based on theirs, so pressing Save again replaces it knowingly
         (as the page does without script). Any other refusal is said as it is. */
      function changedMeanwhile(was, detail) {
        fetch("/api/v1/peps/" + pepId + "/targets", { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (rows) {
            again();
            var now = rows.filter(function (t) { return t.target_id === was.target_id; })[0];
            if (!now || now.updated_at === was.updated_at) { status.textContent = detail; return; }
            was.updated_at = now.updated_at;
            status.textContent = "This target was changed by someone else after you opened it, " +
              "so your change was not saved. It now reads \u201c" + now.what + "\u201d. Save " +
              "again to replace it with what you typed.";
          }, function () { again(); status.textContent = detail; });
      }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".pv-review"), function (f) {
    f.addEventListener("submit", function (event) {
      event.preventDefault();
      var id = f.getAttribute("data-target-id");
      fetch("/api/v1/peps/" + pepId + "/targets/" + id + "/review", { method: "POST",
        credentials: "same-origin", headers: jsonHeaders,
        body: JSON.stringify({ status: f.status.value, note: f.note.value }) })
        .then(function (r) {
          if (r.ok) { window.location.replace(window.location.pathname); return; }
          return r.json().then(function (d) {
            var error = f.querySelector(".pv-review-error");
            error.textContent = d.detail;
            error.hidden = false;
          });
        });
    });
  });
  /* After a save or a delete the page reloads: say what happened, where a screen reader hears it. */
  var done = sessionStorage.getItem("pv-targets-done");
  var said = document.getElementById("targets-status");
  if (done && said) { sessionStorage.removeItem("pv-targets-done"); said.textContent = done; }
  checkSet();
})();
