/* PEP Voice chat widget: sends the child's words to the API and shows the assistant's replies.
 * Every message carries a client id, so a retry after a dropped connection is stored once, and
 * the step id of the question it answers, so it is never filed under another question. On
 * opening, the page reads the conversation so far instead of posting: two tabs show the same. */
(function () {
  "use strict";
  var root = document.querySelector(".pv-chat");
  if (!root) { return; }
  var sessionId = root.getAttribute("data-session-id");
  var isAdult = root.getAttribute("data-adult") === "true";
  /* A link that has ended keeps only the safety button: the help route still hears it. */
  var ended = root.getAttribute("data-ended") === "true";
  var storageKey = "pep-voice-token-" + sessionId;
  var messages = document.getElementById("messages");
  var choices = document.getElementById("choices");
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input");
  var statusBox = document.getElementById("chat-status");
  var progress = document.getElementById("progress");
  var busy = false;
  /* The words for the pictures, and which bands hear "Read aloud", come from the page, which
   * reads them from vocabulary/vocabulary.yaml: the script keeps no words of its own. */
  var symbolAlts = JSON.parse(root.getAttribute("data-symbol-alts") || "{}");
  var readAloudBands = (root.getAttribute("data-read-aloud-bands") || "").split(" ");
  var readAloud = false;
  var stepId = null;
  var ageBand = null;
  var helpPresses = 0;
  var MAX_WAIT_SECONDS = 30;
  var HELP_FAILED = "Tell the adult with you now that you do not feel safe. If nobody is with you, call Childline free on 0800 1111, or 999 if you are in danger now.";

  function readToken() {
    var match = /(?:^|[#&])t=([^&]+)/.exec(window.location.hash);
    if (match) {
      var token = decodeURIComponent(match[1]);
      try { window.sessionStorage.setItem(storageKey, token); } catch (e) { /* private mode */ }
      history.replaceState(null, "", window.location.pathname);
      return token;
    }
    try { return window.sessionStorage.getItem(storageKey); } catch (e) { return null; }
  }
  var token = readToken();

  // An adult who opens the chat signed in (no link token) calls the API with the session
  // cookie, which the API accepts for a POST only with the page's CSRF token in this header.
  var init = document.getElementById("pv-init");
  var csrfToken = init ? init.getAttribute("data-csrf-token") : "";

  function headers() {
    var h = { "Content-Type": "application/json", "Accept": "application/json" };
    if (token) { h.Authorization = "Bearer " + token; }
    if (csrfToken) { h["X-CSRFToken"] = csrfToken; }
    return h;
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return String(Date.now()) + "-" + Math.random().toString(16).slice(2);
  }

  function showStatus(text) {
    statusBox.textContent = text;
    statusBox.hidden = !text;
  }

  function speak(text) {
    if (!("speechSynthesis" in window)) { return; }
    window.speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(text.replace(/[\u{1F300}-\u{1FAFF}]/gu, ""));
    utterance.lang = "en-GB";
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }

  function addReadButton(item) {
    /* Only where the device has a voice of its own: nothing is sent over the network. */
    if (item.querySelector(".pv-message__read")) { return; }
    var text = item.querySelector(".pv-message__text").textContent;
    var read = document.createElement("button");
    read.type = "button";
    read.className = "govuk-button govuk-button--secondary pv-message__read";
    read.textContent = "Read aloud";
    read.addEventListener("click", function () { speak(text); });
    item.appendChild(read);
  }

  function offerReadAloud(band) {
    /* EY and KS1 expect the words read to them; the band arrives with the session's state. */
    readAloud = "speechSynthesis" in window && readAloudBands.indexOf(band) !== -1;
    if (!readAloud) { return; }
    Array.prototype.forEach.call(messages.querySelectorAll(".pv-message--bot"), addReadButton);
  }

  function addSymbol(item, src) {
    /* A topic's symbol beside its question, for the youngest; described by its alt text. */
    if (!item || item.querySelector(".pv-message__symbol")) { return; }
    var img = picture(src, "pv-message__symbol");
    img.alt = symbolAlts[src] || "";
    item.insertBefore(img, item.firstChild);
  }

  function addMessage(who, shown, image) {
    /* `shown` is the words, or {text, picture} for an answer given with a face. */
    var text = typeof shown === "string" ? shown : shown.text;
    var item = document.createElement("li");
    item.className = "pv-message pv-message--" + who;
    if (typeof shown !== "string" && shown.picture) {
      item.appendChild(picture(shown.picture, "pv-message__face"));
    }
    var words = document.createElement("p");
    words.className = "govuk-body pv-message__text";
    words.textContent = text;
    item.appendChild(words);
    if (image) { addSymbol(item, image); }
    if (who === "bot" && readAloud) { addReadButton(item); }
    messages.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
    return item;
  }

  function notSent(text, shown) {
    /* Refused for good (the link ended): nothing was kept, so the words go back in the box to
       be sent again on a new link, and the message says it was not sent. */
    if (!shown) { return; }  /* the conversation's start: no message of the child's was shown */
    var last = messages.lastElementChild;
    if (last && last.classList.contains("pv-message--child")) {
      var tag = document.createElement("strong");
      tag.className = "govuk-tag govuk-tag--grey pv-message__unsent";
      tag.textContent = "Not sent";
      last.appendChild(tag);
    }
    if (text === shown && !input.value) { input.value = text; }
  }

  function addBotMessage(m) {
    /* Rasa sends a picture as a message of its own: it belongs beside the question before it. */
    if (m.text) { addMessage("bot", m.text, m.image); return; }
    if (m.image) { addSymbol(messages.querySelector(".pv-message--bot:last-child"), m.image); }
  }

  /* The bot's face buttons start with an emoji ("\u{1F642} Happy"). Many school laptops have no
   * colour emoji font and draw it as an empty box, so the page shows a picture shipped with the
   * service instead, the same on every device. The picture is decoration (alt=""): the words
   * beside it are the button's name. An emoji with no picture is dropped, never drawn. */
  var FACE_PICTURES = {
    "\u{1F622}": "/static/faces/very-sad.svg",
    "\u{1F641}": "/static/faces/sad.svg",
    "\u{1F610}": "/static/faces/ok.svg",
    "\u{1F642}": "/static/faces/happy.svg",
    "\u{1F604}": "/static/faces/very-happy.svg"
  };

  function faceParts(title) {
    var match = /^(\p{Extended_Pictographic})\uFE0F?\s*(.*)$/u.exec(title);
    return match ? { picture: FACE_PICTURES[match[1]] || null, text: match[2] } : null;
  }

  function picture(src, className) {
    var img = document.createElement("img");
    img.src = src;
    img.alt = "";
    img.width = 64;
    img.height = 64;
    img.className = className;
    return img;
  }

  function showChoices(buttons) {
    choices.innerHTML = "";
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "govuk-button govuk-button--secondary pv-choice";
      var parts = faceParts(b.title);
      if (parts && parts.picture) {
        button.classList.add("pv-choice--face");
        button.appendChild(picture(parts.picture, "pv-choice__face"));
        var words = document.createElement("span");
        words.textContent = parts.text;
        button.appendChild(words);
      } else {
        button.textContent = parts ? parts.text : b.title;
      }
      button.addEventListener("click", function () { send(b.payload, parts || b.title); });
      choices.appendChild(button);
    });
    /* Focus goes to the group of choices, not to one of them: Enter or Space must never
       answer for the child ("Very sad" was the first face). Tab reaches the first choice. */
    if (choices.querySelector("button") && !isAdult) { choices.focus(); }
  }

  function showReply(data, keepChoices) {
    if (data.step_id !== undefined) { stepId = data.step_id; }
    var last = [];
    (data.messages || []).forEach(function (m) {
      addBotMessage(m);
      if (m.buttons && m.buttons.length) { last = m.buttons; }
    });
    if (!keepChoices) { showChoices(last); }
  }

  function post(path, body) {
    return fetch("/api/v1/voice-sessions/" + sessionId + path, {
      method: "POST", headers: headers(), credentials: "same-origin", body: JSON.stringify(body)
    });
  }

  function backoff(response, attempt) {
    /* The server's Retry-After, doubled on each further try, never more than 30 seconds. */
    var asked = parseInt((response && response.headers.get("Retry-After")) || "2", 10);
    return Math.min(MAX_WAIT_SECONDS, Math.max(1, asked) * Math.pow(2, Math.min(attempt - 1, 4)));
  }

  function send(text, shown, attempt, clientId, step, since) {
    if (busy && !attempt) { return; }
    busy = true;
    clientId = clientId || newId();
    attempt = attempt || 1;
    step = attempt === 1 ? stepId : step;
    since = attempt === 1 ? helpPresses : since;
    if (shown && attempt === 1) { addMessage("child", shown); choices.innerHTML = ""; }
    var body = { text: text, client_message_id: clientId };
    if (step) { body.step_id = step; }
    post("/messages", body).then(function (response) {
      /* A 409 with Retry-After is a turn still running; without it (a closed session) it is
         final, and said as it is below. */
      var again = response.status === 503 ||
        (response.status === 409 && response.headers.get("Retry-After"));
      if (again && attempt < 40) {
        var wait = backoff(response, attempt);
        showStatus(response.status === 503
          ? "Your answer is saved. " + restingWords() + " Trying again in " + wait + " seconds."
          : "Your answer is saved. Still thinking about it…");
        window.setTimeout(function () { send(text, shown, attempt + 1, clientId, step, since); }, wait * 1000);
        return null;
      }
      if (response.status === 410) {
        /* The link has ended (expired, or the session or plan is finished): say why, plainly. */
        return response.json().then(function (data) {
          busy = false;
          notSent(text, shown);
          showStatus(data.detail || "This link has ended. Ask the adult helping you.");
        });
      }
      if (response.status === 404 || response.status === 401) {
        busy = false;
        notSent(text, shown);
        showStatus("This link has expired or is not valid. Ask the adult helping you for a new one.");
        return null;
      }
      return response.json().then(function (data) {
        busy = false;
        if (!response.ok) { showStatus(data.detail || "Something went wrong. Please try again."); return; }
        showStatus("");
        /* The safety button was pressed while this answer waited: its carry on or stop
           choice stays the child's to make; the late reply is shown without replacing it. */
        showReply(data, helpPresses !== since);
        refreshProgress();
      });
    }).catch(function () {
      var wait = backoff(null, attempt);
      window.setTimeout(function () { send(text, shown, attempt + 1, clientId, step, since); }, wait * 1000);
      showStatus("Your answer is saved on this page. Trying again in " + wait + " seconds.");
    });
  }

  function restingWords() {
    /* A robot having a rest is for the youngest; a teenager is told plainly. */
    return ["KS3", "KS4", "POST16"].indexOf(ageBand) >= 0
      ? "The assistant is not available just now."
      : "The helper robot is having a rest.";
  }

  function refreshProgress() {
    fetch("/api/v1/voice-sessions/" + sessionId, { headers: headers(), credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || !progress) { return; }
        ageBand = data.age_band;
        if (!readAloud) { offerReadAloud(data.age_band); }
        var statuses = Object.keys(data.topics || {}).map(function (k) { return data.topics[k]; });
        var done = statuses.filter(function (s) { return s !== "not_asked"; }).length;
        progress.textContent = done ? ("Questions done so far: " + done) : "";
        var alertBox = document.getElementById("helper-alert");
        if (isAdult && data.alerts && data.alerts.length) {
          document.getElementById("helper-alert-text").textContent = data.alerts.join(" ");
          if (alertBox.hidden) { alertBox.hidden = false; alertBox.focus(); }
        }
      });
  }

  if (!ended) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value;
      if (!text.trim()) { input.focus(); return; }
      input.value = "";
      send(text, text);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
    document.getElementById("skip-button").addEventListener("click", function () {
      send("/decline", "Skip this question");
    });
  }
  document.getElementById("safety-button").addEventListener("click", function () {
    helpPresses += 1;
    addMessage("child", "I don't feel safe / I want to talk to a grown-up");
    /* Whatever happens to the request, the child is never left with nothing: if it fails,
       they are told plainly to tell the adult with them. */
    post("/help", {}).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { showStatus(HELP_FAILED); return; }
        showReply(data);
        refreshProgress();
      });
    }).catch(function () { showStatus(HELP_FAILED); });
  });

  function resume() {
    /* Read where the conversation stands; start it only if it has not started. */
    fetch("/api/v1/voice-sessions/" + sessionId + "/conversation",
          { headers: headers(), credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || !data.entries || !data.entries.length) { send("", null); return; }
        data.entries.forEach(function (entry) {
          if (entry.sender === "child") {
            addMessage("child", (entry.choice && faceParts(entry.text)) || entry.text);
            return;
          }
          (entry.messages || []).forEach(addBotMessage);
        });
        stepId = data.step_id;
        var last = [];
        (data.reply || []).forEach(function (m) { if (m.buttons && m.buttons.length) { last = m.buttons; } });
        showChoices(last);
        refreshProgress();
      })
      .catch(function () { send("", null); });
  }

  if (!ended) {
    resume();
    if (isAdult) { window.setInterval(refreshProgress, 5000); }
  }
})();
