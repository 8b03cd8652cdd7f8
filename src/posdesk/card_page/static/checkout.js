// PosDesk checkout page. Talks to Stripe.js and, through QWebChannel, to the app.
// The client secret arrives from the bridge at run time and goes to Stripe.js only: it is
// never logged, written into the page, or sent back. Reports to the app carry ids, statuses
// and Stripe's error type/code/decline code, and the words this page showed, nothing else.
// Stripe's own error `message` is written for developers ("The provided PaymentMethod has
// failed authentication...") and is never shown or passed on: the customer reads this page's
// words for the code (customerWords), the cashier the app's.
// Colors: the app's theme comes in the page (html[data-theme], from the first paint) and
// again over the bridge when the app's scheme switches (restyle); the page's CSS variables
// and Stripe's appearance both follow it.
(function () {
  "use strict";

  // Every sentence below is English; the app hands the page its words in the staff's
  // language (config.texts, English -> translated, gui/payments/card_page_words.py) and T()
  // looks each one up when it is shown.
  var FLOW_TEXT = {
    payment: { title: "Card payment", submit: "Pay", submitAmount: "Pay %1" },
    setup: { title: "Save a card", submit: "Save card", submitAmount: "Save card" },
    authenticate: { title: "Confirm the payment", submit: "Authenticate and pay",
                    submitAmount: "Authenticate and pay %1" },
    cvc: { title: "Confirm the security code", submit: "Continue", submitAmount: "Continue" }
  };
  var GENERIC_ERROR = "Something went wrong. Please try again or use another card.";
  var AUTH_FAILED = "Your bank did not confirm the payment, so nothing was charged. " +
    "You can try again or use another card.";
  var DECLINED = "The card was declined. Please use another card.";
  var CHECK_DETAILS = "Please check the card details and try again.";
  var TRY_AGAIN = "The card could not be charged just now. Please try again.";
  var UNREACHABLE = "The payment service could not be reached. Please try again.";
  // Codes whose fix is in the customer's hands: the details they typed.
  var DETAIL_CODES = ["incorrect_cvc", "invalid_cvc", "incorrect_number", "invalid_number",
                      "expired_card", "invalid_expiry_month", "invalid_expiry_year",
                      "incorrect_zip"];
  var FOCUS_WAIT_MS = 300;
  var RETRY_CODES = ["processing_error", "reenter_transaction", "try_again_later",
                     "issuer_not_available", "approve_with_id"];

  var bridge = null;
  var config = null;  // holds the client secret; only ever handed to Stripe.js
  var stripe = null;
  var elements = null;
  var element = null;
  var intent = null;  // authenticate flow: the intent as Stripe.js returned it
  var busy = false;
  var awaitingProceed = false;
  var submitText = "Pay";
  var theme = {};  // {scheme, colors: {name: "#rrggbb"}, appearance} from the app

  function $(id) { return document.getElementById(id); }

  // -- colors ------------------------------------------------------------------------------

  var COLOR_NAME = /^[a-z][a-z0-9-]*$/;
  var COLOR_VALUE = /^#[0-9a-fA-F]{6}$/;

  function readTheme(text) {
    var value;
    try { value = JSON.parse(text || "{}"); } catch (ignored) { value = null; }
    return value && typeof value === "object" ? value : {};
  }

  function applyTheme(value) {
    theme = value;
    var root = document.documentElement.style;
    var colors = value.colors || {};
    Object.keys(colors).forEach(function (name) {
      if (COLOR_NAME.test(name) && COLOR_VALUE.test(String(colors[name]))) {
        root.setProperty("--" + name, String(colors[name]));
      }
    });
    if (value.scheme === "light" || value.scheme === "dark") { root.colorScheme = value.scheme; }
  }

  // Stripe's frames draw their own words (in the customer's locale), so they get the page's
  // font stack and its @font-face rules (checkout.css), the URLs made absolute: a relative one
  // would resolve against Stripe's origin. The CJK font is what keeps Chinese labels from
  // showing as boxes where the machine has no CJK font.
  function pageFonts() {
    var fonts = [];
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      Array.prototype.forEach.call(sheet.cssRules, function (rule) {
        if (!(rule instanceof CSSFontFaceRule)) { return; }
        var s = rule.style;
        var font = {
          family: s.getPropertyValue("font-family").replace(/^["']|["']$/g, ""),
          src: s.getPropertyValue("src").replace(/url\((["']?)([^"')]+)\1\)/g,
            function (match, quote, url) { return 'url("' + new URL(url, location.href).href + '")'; })
        };
        var range = s.getPropertyValue("unicode-range");
        var display = s.getPropertyValue("font-display");
        if (range) { font.unicodeRange = range; }
        if (display) { font.display = display; }
        fonts.push(font);
      });
    });
    return fonts;
  }

  function appearance() {
    var chosen = (config && config.appearance) || theme.appearance;
    if (!chosen) { return undefined; }
    var variables = Object.assign({}, chosen.variables || {});
    if (!variables.fontFamily) {
      variables.fontFamily = getComputedStyle(document.body).fontFamily;
    }
    return Object.assign({}, chosen, { variables: variables });
  }

  // The security code field takes Stripe's Style object (the Appearance API does not reach
  // single card Elements); the page draws the field around it.
  function cvcStyle() {
    var colors = theme.colors || {};
    var base = { fontSize: "22px" };
    if (colors.ink) { base.color = colors.ink; base.iconColor = colors.ink; }
    if (colors.placeholder) { base["::placeholder"] = { color: colors.placeholder }; }
    var style = { base: base };
    if (colors.danger) { style.invalid = { color: colors.danger, iconColor: colors.danger }; }
    return style;
  }

  function restyle(text) {
    applyTheme(readTheme(text));
    try {
      if (config && config.flow === "cvc") {
        if (element && typeof element.update === "function") {
          element.update({ style: cvcStyle() });
        }
      } else if (elements && typeof elements.update === "function" && !config.appearance) {
        elements.update({ appearance: appearance() });
      }
    } catch (ignored) { /* the page's own colors changed; Stripe's keep theirs */ }
  }

  applyTheme(readTheme(document.documentElement.getAttribute("data-theme")));

  function T(english) {
    var texts = config && config.texts;
    return (texts && typeof texts[english] === "string" && texts[english]) || english;
  }

  function report(message) {
    message.flow = config ? config.flow : null;
    if (bridge) { bridge.report(JSON.stringify(message)); }
  }

  // What the customer reads for a Stripe.js error: chosen by its type and codes, never its
  // message. Lost, stolen and fraud declines read as a plain decline on purpose.
  function customerWords(error) {
    var type = (error && error.type) || "";
    var code = (error && error.code) || "";
    var decline = (error && error.decline_code) || "";
    if (code === "payment_intent_authentication_failure" ||
        code === "setup_intent_authentication_failure") { return T(AUTH_FAILED); }
    if (type === "validation_error") { return T(CHECK_DETAILS); }
    if (type === "api_connection_error") { return T(UNREACHABLE); }
    if (DETAIL_CODES.indexOf(code) >= 0 || DETAIL_CODES.indexOf(decline) >= 0) {
      return T(CHECK_DETAILS);
    }
    if (RETRY_CODES.indexOf(code) >= 0 || RETRY_CODES.indexOf(decline) >= 0) {
      return T(TRY_AGAIN);
    }
    if (type === "card_error") { return T(DECLINED); }
    return T(GENERIC_ERROR);
  }

  // Only the fields the app needs; a Stripe error object can embed the whole intent,
  // client secret included, so it is never serialized as is.
  function errorFields(error) {
    return {
      type: (error && error.type) || null,
      code: (error && error.code) || null,
      decline_code: (error && error.decline_code) || null,
      message: customerWords(error)
    };
  }

  function idOf(value) {
    if (!value) { return null; }
    return typeof value === "string" ? value : (value.id || null);
  }

  function showMessage(text, info) {
    var box = $("message");
    box.textContent = text;
    box.className = info ? "message info" : "message";
    box.hidden = !text;
  }

  function setBusy(value, label) {
    busy = value;
    $("submit").disabled = value;
    $("submit-label").textContent = value ? (label || T("Processing…")) : submitText;
    if (element && typeof element.update === "function" && config.flow !== "cvc") {
      try { element.update({ readOnly: value }); } catch (ignored) { /* older element */ }
    }
  }

  function showForm() {
    $("loading").hidden = true;
    $("checkout-form").hidden = false;
    $("submit").disabled = false;
  }

  function showDone(text) {
    $("checkout-form").hidden = true;
    $("loading").hidden = true;
    $("done-text").textContent = text;
    $("done").hidden = false;
  }

  // A failure the customer can retry (decline, wrong CVC, failed challenge).
  function fail(error, intentId) {
    var fields = errorFields(error);
    setBusy(false);
    showMessage(fields.message);
    report({ state: "failed", intent_id: intentId || null, error: fields });
  }

  // The page cannot work at all (no Stripe.js, bad configuration). `text` is this page's.
  function fatal(code, text) {
    $("loading").hidden = false;
    $("loading").textContent = text;
    $("checkout-form").hidden = true;
    report({ state: "failed", intent_id: null,
             error: { type: "page_error", code: code, decline_code: null, message: text } });
  }

  function unexpected() {
    // Exception texts from Stripe.js can echo the values passed in: report a fixed text.
    fail({ type: "page_error", code: "page_error" }, null);
  }

  function outcome(result, kind) {
    if (result.error) {
      var err = result.error;
      fail(err, idOf(kind === "setupIntent" ? err.setup_intent : err.payment_intent));
      return;
    }
    var found = result[kind];
    var status = found ? found.status : null;
    var message = {
      intent_id: found ? found.id : null,
      status: status,
      payment_method: found ? idOf(found.payment_method) : null
    };
    if (status === "succeeded" || status === "requires_capture") {
      message.state = "succeeded";
      report(message);
      showDone(T(config.flow === "setup" ? "Card saved" : "Approved"));
    } else if (status === "processing") {
      message.state = "processing";
      report(message);
      showDone(T("Processing…"));
    } else if (status === "requires_action") {
      message.state = "requires_action";
      report(message);
      setBusy(false);
      showMessage(T("The bank needs the customer to confirm. Please try again."), true);
    } else {
      var last = found && (found.last_payment_error || found.last_setup_error);
      fail(last || { type: "card_error", code: "card_declined" }, message.intent_id);
    }
  }

  // -- flows -------------------------------------------------------------------------------

  function mountElement(kind, options) {
    element = elements.create(kind, options || {});
    element.on("ready", function () {
      showForm();
      // The customer types at once, without a click or Tab first (Stripe.js's focus()). The
      // app hears "ready" once the field has the focus, so a key typed the moment the form
      // shows lands in it; a frame that never says so (a window without focus) waits 300 ms.
      var told = false;
      function ready() {
        if (told) { return; }
        told = true;
        report({ state: "ready" });
      }
      element.on("focus", ready);
      setTimeout(ready, FOCUS_WAIT_MS);
      if (typeof element.focus === "function") { element.focus(); } else { ready(); }
    });
    element.on("loaderror", function () {
      fatal("element_load_failed", T("The card form could not be loaded."));
    });
    element.mount("#element");
  }

  function startPayment() {
    elements = stripe.elements({ clientSecret: config.client_secret,
                                 appearance: appearance(), fonts: pageFonts() });
    $("save-row").hidden = !(config.flow === "payment" && config.allow_save);
    mountElement("payment");
  }

  function startCvc() {
    elements = stripe.elements({ appearance: appearance(), fonts: pageFonts() });
    $("card-label").textContent = config.card_label
      ? T("Security code for %1").replace("%1", config.card_label)
      : T("Security code (CVC)");
    $("card-label").hidden = false;
    $("element").classList.add("single");
    mountElement("cardCvc", { style: cvcStyle() });
  }

  function startAuthenticate() {
    $("element").hidden = true;
    if (config.card_label) {
      $("card-label").textContent = config.card_label;
      $("card-label").hidden = false;
    }
    stripe.retrievePaymentIntent(config.client_secret).then(function (result) {
      if (result.error) { fatal("intent_unavailable", T("This payment could not be loaded.")); return; }
      intent = result.paymentIntent;
      if (intent.status === "succeeded" || intent.status === "requires_capture") {
        outcome(result, "paymentIntent");
        return;
      }
      showForm();
      $("submit").focus();  // Enter confirms; there is no card field to type into
      report({ state: "ready", intent_id: intent.id, status: intent.status });
    }, function () { fatal("intent_unavailable", T(GENERIC_ERROR)); });
  }

  function confirmPayment() {
    setBusy(true);
    report({ state: "processing" });
    stripe.confirmPayment({
      elements: elements,
      confirmParams: { return_url: config.return_url },
      redirect: "if_required"
    }).then(function (r) { outcome(r, "paymentIntent"); }, unexpected);
  }

  function confirmSetup() {
    setBusy(true);
    report({ state: "processing" });
    stripe.confirmSetup({
      elements: elements,
      confirmParams: { return_url: config.return_url },
      redirect: "if_required"
    }).then(function (r) { outcome(r, "setupIntent"); }, unexpected);
  }

  function confirmAuthenticate() {
    setBusy(true);
    report({ state: "processing", intent_id: intent.id });
    var pending;
    if (intent.status === "requires_action") {
      pending = stripe.handleNextAction({ clientSecret: config.client_secret });
    } else {
      var method = config.payment_method || idOf(intent.payment_method) ||
        idOf(intent.last_payment_error && intent.last_payment_error.payment_method);
      if (!method) {
        fail({ type: "invalid_request_error", code: "payment_method_missing" }, intent.id);
        return;
      }
      pending = stripe.confirmPayment({
        clientSecret: config.client_secret,
        confirmParams: { payment_method: method, return_url: config.return_url },
        redirect: "if_required"
      });
    }
    pending.then(function (r) {
      if (r.paymentIntent) { intent = r.paymentIntent; }
      outcome(r, "paymentIntent");
    }, unexpected);
  }

  function confirmCvc() {
    setBusy(true);
    stripe.createToken("cvc_update", element).then(function (result) {
      if (result.error) { fail(result.error, null); return; }
      report({ state: "cvc_token", token_id: result.token.id });
      showDone(T("Security code received"));
    }, unexpected);
  }

  function onSubmit(event) {
    event.preventDefault();
    if (busy) { return; }
    showMessage("");
    var flow = config.flow;
    if (flow === "payment" && config.allow_save) {
      // The app sets setup_future_usage on the intent (server side), then answers `proceed`.
      awaitingProceed = true;
      setBusy(true);
      report({ state: "confirm_requested", save_card: $("save-card").checked });
    } else if (flow === "payment") {
      confirmPayment();
    } else if (flow === "setup") {
      confirmSetup();
    } else if (flow === "authenticate") {
      confirmAuthenticate();
    } else if (flow === "cvc") {
      confirmCvc();
    }
  }

  function onProceed(text) {
    if (!awaitingProceed) { return; }
    awaitingProceed = false;
    var answer;
    try { answer = JSON.parse(text); } catch (ignored) { answer = { ok: false }; }
    if (answer.ok) {
      // The app changed the intent (saving consent): let the element pick that up first.
      if (typeof elements.fetchUpdates === "function") {
        elements.fetchUpdates().then(function () { confirmPayment(); }, unexpected);
      } else {
        confirmPayment();
      }
    } else {
      setBusy(false);
      showMessage(answer.message || T(GENERIC_ERROR));
    }
  }

  function start(text) {
    try { config = JSON.parse(text); } catch (ignored) { config = null; }
    if (!config || !FLOW_TEXT[config.flow]) {
      config = null;
      fatal("bad_config", "The checkout could not start.");
      return;
    }
    var key = String(config.publishable_key || "");
    if (key.indexOf("pk_") !== 0) {
      // Defence in depth: anything but a publishable key is refused, never used.
      fatal("bad_key", T("The checkout is not configured with a publishable key."));
      return;
    }
    if (typeof Stripe !== "function") {
      fatal("stripe_js_unavailable",
            T("Secure card entry could not be loaded. Check the connection."));
      return;
    }
    whenFontsReady(function () { begin(key); });
  }

  // Chromium keeps the shapes of text laid out while a web font is still loading: words
  // shown before the CJK font (checkout.css) arrives would stay boxes on a machine without a
  // CJK font of its own. So the page's words wait for it (milliseconds on loopback; an
  // English page loads nothing), and for FONT_WAIT_MS at most.
  var FONT_WAIT_MS = 1500;

  function whenFontsReady(then) {
    var done = false;
    function go() { if (!done) { done = true; then(); } }
    var texts = config.texts || {};
    var words = Object.keys(texts).map(function (k) { return String(texts[k]); }).concat(
      [config.title, config.description, config.card_label, config.amount_label,
       config.submit_label].filter(Boolean)).join(" ");
    setTimeout(go, FONT_WAIT_MS);
    try {
      document.fonts.load("1em " + getComputedStyle(document.body).fontFamily, words)
        .then(go, go);
    } catch (ignored) { go(); }
  }

  function begin(key) {
    var text_ = FLOW_TEXT[config.flow];
    $("checkout-title").textContent = config.title || T(text_.title);
    $("save-label").textContent = T("Save this card for future purchases");
    if (config.description) {
      $("checkout-subtitle").textContent = config.description;
      $("checkout-subtitle").hidden = false;
    }
    submitText = config.submit_label ||
      (config.amount_label && (config.flow === "payment" || config.flow === "authenticate")
        ? T(text_.submitAmount).replace("%1", config.amount_label) : T(text_.submit));
    $("submit-label").textContent = submitText;
    $("checkout-form").addEventListener("submit", onSubmit);

    stripe = config.locale ? Stripe(key, { locale: config.locale }) : Stripe(key);
    try {
      if (config.flow === "payment" || config.flow === "setup") { startPayment(); }
      else if (config.flow === "authenticate") { startAuthenticate(); }
      else { startCvc(); }
    } catch (ignored) {
      fatal("page_error", T(GENERIC_ERROR));
    }
  }

  // qwebchannel.js is injected by the web view; wait for it and for the transport.
  var attempts = 0;
  function connect() {
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined" ||
        !qt.webChannelTransport) {
      if (++attempts < 400) { setTimeout(connect, 25); }
      else { $("loading").textContent = "The checkout could not connect to PosDesk."; }
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      if (bridge.proceed && typeof bridge.proceed.connect === "function") {
        bridge.proceed.connect(onProceed);
      }
      if (bridge.restyle && typeof bridge.restyle.connect === "function") {
        bridge.restyle.connect(restyle);
      }
      bridge.config(start);
    });
  }
  connect();
}());
