// Frames of the sandbox's Stripe.js stand-in: the Payment Element's card form, the cardCvc
// field and the 3D Secure challenge. Card data never leaves these frames except to the
// sandbox API (same origin); the parent page gets ids, statuses and errors only. Messages are
// accepted only from the parent window and only from the origin it was opened for.
(function () {
  "use strict";

  var hash = new URLSearchParams(window.location.hash.slice(1));
  var PARENT_ORIGIN = hash.get("origin") || "";
  var FRAME_ID = hash.get("id") || "";
  var KIND = document.body.getAttribute("data-frame");

  function $(id) { return document.getElementById(id); }

  // -- words -------------------------------------------------------------------------------
  // Stripe(pk, {locale}) reaches the frame in its URL (stripe.js); its words come from
  // sandbox/words.py (words.js), English where the language has none.
  var WORDS = window.__sandboxWords || {};

  function languageOf(tag) {
    var first = String(tag || "").split(",")[0].split(";")[0].trim().replace("_", "-");
    var language = first.toLowerCase().split("-")[0];
    return Object.prototype.hasOwnProperty.call(WORDS, language) ? language : null;
  }

  var LOCALE = hash.get("locale") || "";
  var LANGUAGE = languageOf(LOCALE === "auto" ? navigator.language : LOCALE);

  function W(english) {
    var table = LANGUAGE ? WORDS[LANGUAGE] : null;
    return (table && table[english]) || english;
  }

  // The words go in once the fonts that draw them are loaded: Chromium keeps the shapes of
  // text laid out while a web font was still loading (boxes, on a machine without a CJK
  // font). Element frames call this once the page's fonts are added (configure), the
  // challenge at once; FONT_WAIT_MS at most.
  var FONT_WAIT_MS = 1500;
  var wordsShown = false;

  function showWords() {
    if (wordsShown || !LANGUAGE) { return; }
    var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-words]"));
    var texts = nodes.map(function (node) { return W(node.textContent.trim()); });
    var done = false;
    function put() {
      if (done) { return; }
      done = true;
      wordsShown = true;
      document.documentElement.lang = LANGUAGE;
      nodes.forEach(function (node, i) { node.textContent = texts[i]; });
      reportSize();
    }
    setTimeout(put, FONT_WAIT_MS);
    try {
      document.fonts.load("1em " + getComputedStyle(document.body).fontFamily, texts.join(" "))
        .then(put, put);
    } catch (ignored) { put(); }
  }

  function emit(event, payload) {
    if (!PARENT_ORIGIN || window.parent === window) { return; }
    window.parent.postMessage({ __sandboxStripe: true, frameId: FRAME_ID, event: event,
                                payload: payload || {} }, PARENT_ORIGIN);
  }

  function reply(requestId, result) {
    window.parent.postMessage({ __sandboxStripe: true, frameId: FRAME_ID, requestId: requestId,
                                result: result }, PARENT_ORIGIN);
  }

  function encode(params, prefix, out) {
    out = out || [];
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      var name = prefix ? prefix + "[" + key + "]" : key;
      if (value === undefined || value === null || value === "") { return; }
      if (typeof value === "object") { encode(value, name, out); return; }
      out.push(encodeURIComponent(name) + "=" + encodeURIComponent(String(value)));
    });
    return out.join("&");
  }

  function api(key, path, params) {
    return fetch(path, {
      method: "POST",
      headers: { "Authorization": "Bearer " + key,
                 "Content-Type": "application/x-www-form-urlencoded" },
      body: encode(params)
    }).then(function (response) {
      return response.json().then(function (json) {
        return json && json.error ? { error: json.error } : { object: json };
      });
    }, function () {
      return { error: { type: "api_connection_error",
                        message: W("We could not reach the payment server. Check the connection.") } };
    });
  }

  function validationError(code, message, param) {
    return { type: "validation_error", code: code, message: message, param: param };
  }

  function digits(value) { return String(value || "").replace(/\D+/g, ""); }

  // -- card rules (the browser-side checks Stripe's Elements make) -------------------------

  function brandOf(number) {
    if (/^4/.test(number)) { return "visa"; }
    if (/^3[47]/.test(number)) { return "amex"; }
    if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(number)) { return "mastercard"; }
    if (/^(6011|65|64[4-9])/.test(number)) { return "discover"; }
    if (/^35/.test(number)) { return "jcb"; }
    if (/^3(0|6|8|9)/.test(number)) { return "diners"; }
    if (/^62/.test(number)) { return "unionpay"; }
    return "unknown";
  }

  function lengthFor(brand) {
    return brand === "amex" ? 15 : (brand === "diners" ? 14 : 16);
  }

  function cvcLengthFor(brand) { return brand === "amex" ? 4 : 3; }

  function luhn(number) {
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var d = Number(number.charAt(number.length - 1 - i));
      if (i % 2 === 1) { d *= 2; if (d > 9) { d -= 9; } }
      sum += d;
    }
    return sum % 10 === 0;
  }

  function formatNumber(number) {
    var brand = brandOf(number);
    var groups = brand === "amex" || brand === "diners" ? [4, 6, 5] : [4, 4, 4, 4, 3];
    var out = [];
    var at = 0;
    for (var i = 0; i < groups.length && at < number.length; i++) {
      out.push(number.slice(at, at + groups[i]));
      at += groups[i];
    }
    return out.join(" ");
  }

  function formatExpiry(raw) {
    var d = digits(raw);
    if (d.length === 1 && Number(d) > 1) { d = "0" + d; }
    d = d.slice(0, 4);
    return d.length > 2 ? d.slice(0, 2) + " / " + d.slice(2) : d;
  }

  // Each check answers null (fine), "incomplete" or an error; `final` is true on submit.
  function checkNumber(final) {
    var number = digits($("cardnumber").value);
    var brand = brandOf(number);
    if (!number) {
      return final ? validationError("incomplete_number", W("Your card number is incomplete."),
                                     "number") : null;
    }
    if (number.length < lengthFor(brand)) {
      return final ? validationError("incomplete_number", W("Your card number is incomplete."),
                                     "number") : "incomplete";
    }
    if (!luhn(number)) {
      return validationError("invalid_number", W("Your card number is invalid."), "number");
    }
    return null;
  }

  function checkExpiry(final) {
    var d = digits($("exp-date").value);
    if (d.length < 4) {
      if (final) {
        return validationError("incomplete_expiry", W("Your card's expiration date is incomplete."),
                               "exp_date");
      }
      return d ? "incomplete" : null;
    }
    var month = Number(d.slice(0, 2));
    var year = 2000 + Number(d.slice(2, 4));
    var now = new Date();
    if (month < 1 || month > 12) {
      return validationError("invalid_expiry_month", W("Your card's expiration date is invalid."),
                             "exp_month");
    }
    if (year < now.getFullYear()) {
      return validationError("invalid_expiry_year_past",
                             W("Your card's expiration year is in the past."), "exp_year");
    }
    if (year === now.getFullYear() && month < now.getMonth() + 1) {
      return validationError("invalid_expiry_month_past",
                             W("Your card's expiration date is in the past."), "exp_month");
    }
    if (year > now.getFullYear() + 50) {
      return validationError("invalid_expiry_year", W("Your card's expiration year is invalid."),
                             "exp_year");
    }
    return null;
  }

  function checkCvc(final) {
    var cvc = digits($("cvc").value);
    var needed = $("cardnumber") ? cvcLengthFor(brandOf(digits($("cardnumber").value))) : 3;
    if (cvc.length < needed) {
      if (final) {
        return validationError("incomplete_cvc", W("Your card's security code is incomplete."),
                               "cvc");
      }
      return cvc ? "incomplete" : null;
    }
    return null;
  }

  function checkPostal() {
    var postal = $("postal") ? $("postal").value.trim() : "";
    if (postal && postal.length < 3) {
      return validationError("incomplete_zip", W("Your postal code is incomplete."), "postal_code");
    }
    return null;
  }

  var FIELDS = KIND === "payment" ?
    [["cardnumber", checkNumber], ["exp-date", checkExpiry], ["cvc", checkCvc],
     ["postal", checkPostal]] :
    [["cvc", checkCvc]];

  // Shows each field's error under it; answers the first error (or null when complete).
  function validate(final) {
    var first = null;
    var complete = true;
    FIELDS.forEach(function (pair) {
      var input = $(pair[0]);
      var result = pair[1](final);
      var error = result && result !== "incomplete" ? result : null;
      if (result || (pair[0] !== "postal" && !digits(input.value))) { complete = false; }
      // While typing, an incomplete field is not an error yet; a wrong one is.
      var shown = error && (final || !input.matches(":focus") || error.code.indexOf("invalid") === 0);
      input.classList.toggle("invalid", !!shown);
      input.setAttribute("aria-invalid", shown ? "true" : "false");
      $(pair[0] + "-error").textContent = shown ? error.message : "";
      if (error && !first) { first = error; }
    });
    return { error: first, complete: complete && !first };
  }

  function empty() {
    return FIELDS.every(function (pair) { return !$(pair[0]).value; });
  }

  var lastChange = "";
  function changed() {
    var state = validate(false);
    var payload = { empty: empty(), complete: state.complete };
    if (KIND === "payment") {
      payload.collapsed = false;
      payload.value = { type: "card" };
    } else {
      payload.error = state.error ? { type: state.error.type, code: state.error.code,
                                      message: state.error.message } : undefined;
      payload.brand = "unknown";
    }
    var key = JSON.stringify(payload);
    if (key !== lastChange) {
      lastChange = key;
      emit("change", payload);
    }
  }

  function reformat(input) {
    if (input.id === "cardnumber") {
      var number = digits(input.value).slice(0, 19);
      input.value = formatNumber(number);
      var brand = brandOf(number);
      $("brand").textContent = number ? (brand === "unknown" ? "" : brand) : "";
    } else if (input.id === "exp-date") {
      input.value = formatExpiry(input.value);
    } else if (input.id === "cvc") {
      input.value = digits(input.value).slice(0, 4);
    }
  }

  var hostReadOnly = false;  // what the merchant page asked for with update({readOnly})

  function setReadOnly(value) {
    FIELDS.forEach(function (pair) { $(pair[0]).disabled = !!value; });
  }

  // -- appearance --------------------------------------------------------------------------
  // As Stripe documents it: the Payment Element takes `appearance` ({theme: 'stripe' |
  // 'night' | 'flat', variables}); a single card Element (cardCvc) takes only the Style
  // object ({base: {color, fontSize, fontFamily, iconColor, '::placeholder'}, invalid}).
  // The themes here are the sandbox's own likeness of Stripe's, not Stripe's exact colors;
  // what frame.css derives (borders, secondary words) follows text and background.
  var THEMES = {
    stripe: {},
    night: { colorBackground: "#30313d", colorText: "#ffffff", colorPrimary: "#0570de",
             colorDanger: "#fe87a1" },
    flat: { colorBackground: "#f6f8fa" }
  };
  var VARIABLES = { colorText: "--color-text", colorBackground: "--color-background",
                    colorPrimary: "--color-primary", colorDanger: "--color-danger",
                    colorTextSecondary: "--color-text-secondary",
                    colorTextPlaceholder: "--color-text-placeholder",
                    fontFamily: "--font-family", fontSizeBase: "--font-size",
                    borderRadius: "--radius" };
  var STYLE = { color: "--color-text", fontSize: "--font-size", fontFamily: "--font-family",
                iconColor: "--color-icon" };
  var shown = { appearance: null, style: null };

  function setAll(root, values, names) {
    Object.keys(names).forEach(function (k) {
      if (values && values[k]) { root.setProperty(names[k], String(values[k])); }
    });
  }

  function applyAppearance() {
    var root = document.documentElement.style;
    Object.keys(VARIABLES).forEach(function (k) { root.removeProperty(VARIABLES[k]); });
    root.removeProperty("--color-icon");
    var appearance = KIND === "cvc" ? null : shown.appearance;
    var name = (appearance && appearance.theme) || "stripe";
    document.documentElement.setAttribute("data-theme", THEMES[name] ? name : "stripe");
    setAll(root, THEMES[name], VARIABLES);
    setAll(root, appearance && appearance.variables, VARIABLES);
    var style = shown.style || {};
    setAll(root, style.base, STYLE);
    var placeholder = style.base && style.base["::placeholder"];
    if (placeholder && placeholder.color) {
      root.setProperty("--color-text-placeholder", String(placeholder.color));
    }
    if (style.invalid && style.invalid.color) {
      root.setProperty("--color-danger", String(style.invalid.color));
    }
  }

  // The height of what the frame shows. Not the document's scrollHeight: that is never less
  // than the frame's own viewport, so a frame that starts (or once was) taller than its form
  // would keep the blank space below it and push the page's Pay button down.
  function contentHeight() {
    var content = document.querySelector("body > form, body > main") || document.body;
    return Math.ceil(content.getBoundingClientRect().bottom + window.scrollY);
  }

  function reportSize() {
    emit("resize", { height: contentHeight() });
  }

  function fill(card) {
    if (card.number !== undefined && $("cardnumber")) { $("cardnumber").value = String(card.number); }
    if (card.exp !== undefined && $("exp-date")) { $("exp-date").value = String(card.exp); }
    if (card.cvc !== undefined && $("cvc")) { $("cvc").value = String(card.cvc); }
    if (card.postal !== undefined && $("postal")) { $("postal").value = String(card.postal); }
    FIELDS.forEach(function (pair) { reformat($(pair[0])); });
    changed();
  }

  // -- actions the parent page may ask for -------------------------------------------------

  function confirmIntent(p) {
    var state = validate(true);
    reportSize();
    if (state.error) { return Promise.resolve({ error: state.error }); }
    var number = digits($("cardnumber").value);
    var exp = digits($("exp-date").value);
    var billing = p.billingDetails || {};
    var postal = $("postal").value.trim();
    if (postal) {
      billing = JSON.parse(JSON.stringify(billing));
      billing.address = billing.address || {};
      billing.address.postal_code = postal;
    }
    setReadOnly(true);
    return api(p.key, "/v1/payment_methods", {
      type: "card",
      card: { number: number, exp_month: Number(exp.slice(0, 2)),
              exp_year: 2000 + Number(exp.slice(2, 4)), cvc: digits($("cvc").value) },
      billing_details: billing
    }).then(function (created) {
      if (created.error) { return { error: created.error }; }
      var secret = String(p.clientSecret || "");
      var id = secret.slice(0, secret.indexOf("_secret_"));
      var path = (p.kind === "setup" ? "/v1/setup_intents/" : "/v1/payment_intents/") + id;
      return api(p.key, path + "/confirm", {
        client_secret: secret, payment_method: created.object.id,
        return_url: p.returnUrl || undefined, use_stripe_sdk: "true"
      }).then(function (r) { return r.error ? { error: r.error } : { intent: r.object }; });
    }).then(function (result) {
      setReadOnly(hostReadOnly);
      if (result.error && result.error.type === "card_error" && result.error.param === "number") {
        $("cardnumber-error").textContent = W(result.error.message);
        $("cardnumber").classList.add("invalid");
      }
      reportSize();
      return result;
    });
  }

  function createCvcToken(p) {
    var state = validate(true);
    if (state.error) { return Promise.resolve({ error: state.error }); }
    return api(p.key, "/v1/tokens", { cvc_update: { cvc: digits($("cvc").value) } })
      .then(function (r) { return r.error ? { error: r.error } : { token: r.object }; });
  }

  // elements({fonts}): each CustomFontSource becomes a FontFace of this frame, so a family
  // named in appearance.variables.fontFamily or style.base.fontFamily can draw here. Stripe
  // takes only https sources; a bad entry is skipped, as a font that fails to load is.
  var FONT_DESCRIPTORS = { unicodeRange: "unicodeRange", display: "display", style: "style",
                           weight: "weight" };

  function loadFonts(fonts) {
    (Array.isArray(fonts) ? fonts : []).forEach(function (font) {
      if (!font || typeof font.family !== "string" || typeof font.src !== "string" ||
          !/^url\(["']?https:/.test(font.src)) { return; }
      var descriptors = {};
      Object.keys(FONT_DESCRIPTORS).forEach(function (k) {
        if (typeof font[k] === "string") { descriptors[FONT_DESCRIPTORS[k]] = font[k]; }
      });
      try {
        document.fonts.add(new FontFace(font.family, font.src, descriptors));
      } catch (ignored) { /* a malformed descriptor: the font is not used */ }
    });
  }

  var handlers = {
    configure: function (p) {
      loadFonts(p.fonts);
      shown = { appearance: p.appearance || null, style: p.style || null };
      applyAppearance();
      showWords();
      hostReadOnly = !!p.readOnly;
      setReadOnly(hostReadOnly);
      emit("ready", {});
      reportSize();
    },
    update: function (p) {
      if (p.appearance) { shown.appearance = p.appearance; }
      if (p.style) { shown.style = p.style; }
      applyAppearance();
      if ("readOnly" in p) { hostReadOnly = !!p.readOnly; }
      setReadOnly(hostReadOnly);
    },
    focus: function () { $(FIELDS[0][0]).focus(); },
    blur: function () { if (document.activeElement) { document.activeElement.blur(); } },
    clear: function () { FIELDS.forEach(function (pair) { $(pair[0]).value = ""; }); changed(); },
    autofill: function (p) { fill(p); },
    validate: function () {
      var state = validate(true);
      reportSize();
      return state.error ? { error: state.error } : {};
    },
    confirm: confirmIntent,
    createToken: createCvcToken
  };

  function startElement() {
    FIELDS.forEach(function (pair) {
      var input = $(pair[0]);
      input.addEventListener("input", function () { reformat(input); changed(); reportSize(); });
      input.addEventListener("blur", function () { changed(); reportSize(); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); }
      });
    });
    // Move on to the next field once one is complete, as Stripe's fields do.
    ["cardnumber", "exp-date"].forEach(function (id, i) {
      var input = $(id);
      if (!input) { return; }
      input.addEventListener("input", function () {
        var next = ["exp-date", "cvc"][i];
        var done = id === "cardnumber" ?
          digits(input.value).length === lengthFor(brandOf(digits(input.value))) &&
            checkNumber(true) === null :
          digits(input.value).length === 4 && checkExpiry(true) === null;
        if (done) { $(next).focus(); }
      });
    });
    // One focus/blur pair for the element as a whole, not one per field.
    var focused = false;
    document.addEventListener("focusin", function () {
      if (!focused) { focused = true; emit("focus", {}); }
    });
    document.addEventListener("focusout", function (event) {
      if (!event.relatedTarget && focused) { focused = false; emit("blur", {}); }
    });
    $("card-form").addEventListener("submit", function (e) { e.preventDefault(); });
  }

  // -- 3D Secure challenge -----------------------------------------------------------------

  function startChallenge() {
    var url = hash.get("url") || "";
    var target = null;
    try {
      var parsed = new URL(url);
      if (parsed.origin === window.location.origin &&
          parsed.pathname.indexOf("/_sandbox/challenges/") === 0) { target = parsed.pathname; }
    } catch (ignored) { target = null; }
    $("challenge-intent").textContent = hash.get("intent") || "";
    var buttons = [$("complete-auth"), $("fail-auth")];
    function finish(action) {
      if (!target) { $("challenge-status").textContent = W("This challenge is not valid."); return; }
      buttons.forEach(function (b) { b.disabled = true; });
      $("challenge-status").textContent = action === "complete" ? W("Authenticating…") : W("Failing…");
      fetch(target + "/" + action, { method: "POST" }).then(function (r) {
        return r.json().then(function (body) {
          emit("done", { action: action, status: r.ok ? body.status : null });
        });
      }, function () { emit("done", { action: action, status: null }); });
    }
    $("complete-auth").addEventListener("click", function () { finish("complete"); });
    $("fail-auth").addEventListener("click", function () { finish("fail"); });
    handlers.press = function (p) {
      var button = p.button === "complete" ? $("complete-auth") : $("fail-auth");
      if (!button.disabled) { button.click(); }
    };
    $("complete-auth").focus();
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || event.origin !== PARENT_ORIGIN) { return; }
    var data = event.data;
    if (!data || data.__sandboxStripe !== true || data.frameId !== FRAME_ID) { return; }
    var handler = handlers[data.action];
    if (!handler) { return; }
    Promise.resolve(handler(data.payload || {})).then(function (result) {
      if (data.requestId) { reply(data.requestId, result || {}); }
    }, function () {
      if (data.requestId) {
        reply(data.requestId, { error: { type: "api_error",
                                         message: W("Something went wrong in the card form.") } });
      }
    });
  });

  if (KIND === "challenge") { startChallenge(); showWords(); } else { startElement(); }
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(reportSize).observe(document.body);
  }
  // Wired up: automation driving a frame directly waits for this before clicking or typing.
  document.body.setAttribute("data-ready", "true");
  emit("loaded", {});
}());
