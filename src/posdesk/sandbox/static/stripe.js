// PosDesk sandbox: a stand-in for the subset of Stripe.js (https://js.stripe.com/v3/) that
// PosDesk uses, for demo mode and tests. Like the real thing, the card fields live in frames
// served from this sandbox's origin; this script, running on the merchant page, only ever
// sees ids, statuses and errors. It styles host-page nodes through element.style only (the
// checkout page allows no inline style attributes).
//
// Test-only hooks (real Stripe.js has no such thing), on the merchant page's window:
//   __sandboxStripe.autofill({number, exp: "MM/YY", cvc, postal}) fills every mounted card
//     and CVC frame by message; the frames check the message came from their parent page.
//   __sandboxStripe.challenge("complete" | "fail") presses that button in the open 3D Secure
//     challenge (same as __sandboxChallenge); __sandboxStripe.challengeOpen() tells whether one
//     is showing.
(function () {
  "use strict";

  var script = document.currentScript;
  var BASE = new URL(script && script.src ? script.src : "/", window.location.href).origin;
  var HOST_ORIGIN = window.location.origin;
  var FRAME_PATHS = { payment: "/js/v3/elements/payment.html", cardCvc: "/js/v3/elements/cvc.html" };
  var LOAD_TIMEOUT_MS = 15000;
  var frameSeq = 0;
  var frames = {};      // frame id -> Element or Challenge
  var liveElements = []; // mounted elements, for the autofill hook
  var openChallenge = null;

  // -- plumbing ----------------------------------------------------------------------------

  function encode(params, prefix, out) {
    out = out || [];
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      var name = prefix ? prefix + "[" + key + "]" : key;
      if (value === undefined || value === null) { return; }
      if (typeof value === "object") { encode(value, name, out); return; }
      out.push(encodeURIComponent(name) + "=" + encodeURIComponent(String(value)));
    });
    return out.join("&");
  }

  function api(key, method, path, params) {
    var body = encode(params || {});
    var url = BASE + path + (method === "GET" && body ? "?" + body : "");
    return fetch(url, {
      method: method,
      headers: { "Authorization": "Bearer " + key,
                 "Content-Type": "application/x-www-form-urlencoded" },
      body: method === "GET" ? undefined : body
    }).then(function (response) {
      return response.json().then(function (json) {
        return json && json.error ? { error: json.error } : { object: json };
      });
    }, function () {
      return { error: { type: "api_connection_error",
                        message: "We could not reach the payment server. Check the connection." } };
    });
  }

  function integrationError(message) {
    return { type: "invalid_request_error", code: "integration_error", message: message };
  }

  function intentIdOf(clientSecret) {
    var s = String(clientSecret || "");
    var at = s.indexOf("_secret_");
    return at > 0 ? s.slice(0, at) : null;
  }

  function kindOf(clientSecret) {
    var id = intentIdOf(clientSecret) || "";
    return id.indexOf("seti_") === 0 ? "setup" : (id.indexOf("pi_") === 0 ? "payment" : null);
  }

  function intentPath(kind, clientSecret) {
    return (kind === "setup" ? "/v1/setup_intents/" : "/v1/payment_intents/") +
      intentIdOf(clientSecret);
  }

  function post(frameWindow, message) {
    message.__sandboxStripe = true;
    frameWindow.postMessage(message, BASE);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== BASE) { return; }
    var data = event.data;
    if (!data || data.__sandboxStripe !== true) { return; }
    var owner = frames[data.frameId];
    if (!owner || !owner.iframe || event.source !== owner.iframe.contentWindow) { return; }
    owner.receive(data);
  });

  function newFrame(owner, path, extra) {
    var id = "__privateStripeFrame" + (++frameSeq);
    var iframe = document.createElement("iframe");
    var hash = { origin: HOST_ORIGIN, id: id };
    Object.keys(extra || {}).forEach(function (k) { hash[k] = extra[k]; });
    iframe.name = id;
    iframe.title = owner.title;
    iframe.setAttribute("frameborder", "0");
    iframe.setAttribute("allowtransparency", "true");
    iframe.setAttribute("scrolling", "no");
    iframe.setAttribute("role", "presentation");
    iframe.src = BASE + path + "#" + encode(hash);
    frames[id] = owner;
    owner.frameId = id;
    owner.iframe = iframe;
    return iframe;
  }

  // -- elements ----------------------------------------------------------------------------

  function Element(group, type, options) {
    this.group = group;
    this.type = type;
    this.options = options || {};
    this.title = type === "payment" ? "Secure payment input frame" : "Secure CVC input frame";
    this.handlers = {};
    this.pending = {};
    this.requestSeq = 0;
    this.loaded = false;
    this.queue = [];
    this.iframe = null;
    this.readOnly = false;
  }

  Element.prototype.on = function (name, handler) {
    (this.handlers[name] = this.handlers[name] || []).push(handler);
    return this;
  };
  Element.prototype.addEventListener = Element.prototype.on;
  Element.prototype.once = function (name, handler) {
    var self = this;
    function wrapped(e) { self.off(name, wrapped); handler(e); }
    return this.on(name, wrapped);
  };
  Element.prototype.off = function (name, handler) {
    var list = this.handlers[name] || [];
    this.handlers[name] = handler ? list.filter(function (h) { return h !== handler; }) : [];
    return this;
  };
  Element.prototype.emit = function (name, payload) {
    (this.handlers[name] || []).slice().forEach(function (h) {
      try { h(payload); } catch (e) { setTimeout(function () { throw e; }); }
    });
  };

  Element.prototype.mount = function (target) {
    var node = typeof target === "string" ? document.querySelector(target) : target;
    if (!node || !node.appendChild) {
      throw new Error("IntegrationError: the selector you passed to mount() matches no element.");
    }
    if (this.iframe) { throw new Error("IntegrationError: this Element is already mounted."); }
    var iframe = newFrame(this, FRAME_PATHS[this.type],
                          { locale: this.group.stripe.options.locale || "" });
    var style = iframe.style;
    style.border = "0";
    style.width = "100%";
    style.minWidth = "100%";
    style.display = "block";
    style.overflow = "hidden";
    style.colorScheme = "normal";
    style.height = this.type === "payment" ? "230px" : "56px";
    var self = this;
    iframe.addEventListener("error", function () {
      self.emit("loaderror", { elementType: self.type,
                               error: { type: "api_connection_error",
                                        message: "The card form could not be loaded." } });
    });
    node.appendChild(iframe);
    this.container = node;
    liveElements.push(this);
    // A frame that never says hello (sandbox gone, blocked by a policy) is a load error.
    setTimeout(function () {
      if (self.iframe === iframe && !self.loaded) {
        self.emit("loaderror", { elementType: self.type,
                                 error: { type: "api_connection_error",
                                          message: "The card form could not be loaded." } });
      }
    }, LOAD_TIMEOUT_MS);
  };

  Element.prototype.unmount = function () {
    if (this.iframe && this.iframe.parentNode) { this.iframe.parentNode.removeChild(this.iframe); }
    delete frames[this.frameId];
    this.iframe = null;
    this.loaded = false;
    liveElements = liveElements.filter(function (e) { return e !== this; }, this);
  };
  Element.prototype.destroy = function () {
    this.unmount();
    this.group.forget(this);
  };

  Element.prototype.send = function (action, payload) {
    var self = this;
    return new Promise(function (resolve) {
      var requestId = ++self.requestSeq;
      self.pending[requestId] = resolve;
      var message = { frameId: self.frameId, requestId: requestId, action: action,
                      payload: payload || {} };
      if (self.loaded) { post(self.iframe.contentWindow, message); }
      else { self.queue.push(message); }
    });
  };

  Element.prototype.receive = function (data) {
    if (data.requestId && this.pending[data.requestId]) {
      var resolve = this.pending[data.requestId];
      delete this.pending[data.requestId];
      resolve(data.result || {});
      return;
    }
    var payload = data.payload || {};
    if (data.event === "loaded") {
      this.loaded = true;
      post(this.iframe.contentWindow, {
        frameId: this.frameId, action: "configure",
        payload: { appearance: this.group.appearance, style: this.options.style || null,
                   fonts: this.group.fonts,
                   readOnly: this.readOnly, placeholder: this.options.placeholder || null,
                   mode: this.group.mode() }
      });
      var queued = this.queue;
      this.queue = [];
      queued.forEach(function (m) { post(this.iframe.contentWindow, m); }, this);
    } else if (data.event === "resize") {
      if (payload.height) { this.iframe.style.height = Math.ceil(payload.height) + "px"; }
    } else if (data.event === "ready" || data.event === "change" ||
               data.event === "focus" || data.event === "blur") {
      payload.elementType = this.type;
      this.emit(data.event, payload);
    }
  };

  Element.prototype.update = function (options) {
    options = options || {};
    if ("readOnly" in options) { this.readOnly = !!options.readOnly; }
    if (options.style) { this.options.style = options.style; }
    if (this.iframe) {
      this.send("update", { readOnly: this.readOnly, style: this.options.style || null });
    }
  };
  Element.prototype.focus = function () { if (this.iframe) { this.send("focus"); } };
  Element.prototype.blur = function () { if (this.iframe) { this.send("blur"); } };
  Element.prototype.clear = function () { if (this.iframe) { this.send("clear"); } };

  // Endive (2026-09-30) dropped the paymentMethodTypes option: Stripe.js throws an
  // IntegrationError and makes or updates no Elements; allowedPaymentMethodTypes replaces it.
  function refuseRemovedOptions(options) {
    if (options && Object.prototype.hasOwnProperty.call(options, "paymentMethodTypes")) {
      throw new Error("IntegrationError: paymentMethodTypes is not supported on this API " +
                      "version. Use allowedPaymentMethodTypes, or dynamic payment methods.");
    }
  }

  function Elements(stripe, options) {
    options = options || {};
    refuseRemovedOptions(options);
    this.stripe = stripe;
    this.clientSecret = options.clientSecret || null;
    this.appearance = options.appearance || null;
    // CustomFontSource objects ({family, src, unicodeRange, display, style, weight}); the
    // frames load them, as Stripe's do. (cssSrc, the CssFontSource form, is not taken.)
    this.fonts = Array.isArray(options.fonts) ? options.fonts : [];
    // Accepted and kept; the sandbox takes cards only, so it narrows nothing further.
    this.allowedPaymentMethodTypes = options.allowedPaymentMethodTypes || null;
    this.created = [];
  }

  Elements.prototype.mode = function () {
    return this.clientSecret ? kindOf(this.clientSecret) : null;
  };

  Elements.prototype.create = function (type, options) {
    if (!FRAME_PATHS[type]) {
      throw new Error("IntegrationError: the sandbox stand-in has no '" + type + "' Element.");
    }
    if (type === "payment" && !this.clientSecret) {
      throw new Error("IntegrationError: a Payment Element needs elements({clientSecret}).");
    }
    if (this.getElement(type)) {
      throw new Error("IntegrationError: can only create one Element of type " + type + ".");
    }
    var element = new Element(this, type, options);
    this.created.push(element);
    return element;
  };

  Elements.prototype.getElement = function (type) {
    for (var i = 0; i < this.created.length; i++) {
      if (this.created[i].type === type) { return this.created[i]; }
    }
    return null;
  };

  Elements.prototype.forget = function (element) {
    this.created = this.created.filter(function (e) { return e !== element; });
  };

  Elements.prototype.update = function (options) {
    refuseRemovedOptions(options);
    if (options && options.appearance) {
      this.appearance = options.appearance;
      // Mounted Elements take the new appearance at once, as Stripe's do.
      this.created.forEach(function (element) {
        if (element.iframe) { element.send("update", { appearance: options.appearance }); }
      });
    }
    if (options && options.allowedPaymentMethodTypes) {
      this.allowedPaymentMethodTypes = options.allowedPaymentMethodTypes;
    }
  };

  // The intent may have changed on the server (amount, saving consent): check it still exists
  // and can be confirmed with this client secret.
  Elements.prototype.fetchUpdates = function () {
    var stripe = this.stripe;
    if (!this.clientSecret) { return Promise.resolve({}); }
    var kind = kindOf(this.clientSecret);
    return api(stripe.key, "GET", intentPath(kind, this.clientSecret),
               { client_secret: this.clientSecret }).then(function (r) {
      return r.error ? { error: r.error } : {};
    });
  };

  Elements.prototype.submit = function () {
    var element = this.getElement("payment");
    if (!element || !element.iframe) {
      return Promise.resolve({ error: integrationError("Mount a Payment Element before submit().") });
    }
    return element.send("validate").then(function (r) {
      return r.error ? { error: r.error } : { selectedPaymentMethod: "card" };
    });
  };

  // -- 3D Secure challenge -----------------------------------------------------------------

  function Challenge(intentId, url, locale) {
    this.title = "3D Secure authentication";
    this.intentId = intentId;
    this.url = url;
    this.locale = locale || "";
    this.loaded = false;
  }

  Challenge.prototype.show = function () {
    var self = this;
    return new Promise(function (resolve) {
      self.resolve = resolve;
      var overlay = document.createElement("div");
      overlay.id = "sandbox-3ds-modal";
      overlay.setAttribute("role", "dialog");
      overlay.setAttribute("aria-modal", "true");
      overlay.setAttribute("aria-label", "3D Secure authentication");
      var s = overlay.style;
      s.position = "fixed";
      s.left = "0"; s.top = "0"; s.right = "0"; s.bottom = "0";
      s.display = "flex";
      s.alignItems = "center";
      s.justifyContent = "center";
      s.background = "rgba(10, 20, 40, 0.55)";
      s.zIndex = "2147483647";
      var iframe = newFrame(self, "/js/v3/challenge.html",
                            { intent: self.intentId, url: self.url, locale: self.locale });
      iframe.id = "sandbox-3ds-frame";
      var f = iframe.style;
      f.border = "0";
      f.borderRadius = "8px";
      f.background = "#ffffff";
      f.width = "min(420px, 94vw)";
      f.height = "min(420px, 90vh)";
      f.boxShadow = "0 12px 40px rgba(0, 0, 0, 0.35)";
      overlay.appendChild(iframe);
      document.body.appendChild(overlay);
      self.overlay = overlay;
      openChallenge = self;
    });
  };

  Challenge.prototype.receive = function (data) {
    if (data.event === "loaded") {
      this.loaded = true;
      if (this.queued) { this.press(this.queued); }
    } else if (data.event === "done") {
      this.close();
      this.resolve(data.payload || {});
    } else if (data.event === "resize" && data.payload && data.payload.height) {
      // As tall as the bank's page, within the screen: no blank band under its buttons.
      this.iframe.style.height = "min(" + Math.ceil(data.payload.height) + "px, 90vh)";
    }
  };

  Challenge.prototype.press = function (action) {
    if (!this.loaded) { this.queued = action; return; }
    post(this.iframe.contentWindow, { frameId: this.frameId, action: "press",
                                      payload: { button: action } });
  };

  Challenge.prototype.close = function () {
    if (this.overlay && this.overlay.parentNode) { this.overlay.parentNode.removeChild(this.overlay); }
    delete frames[this.frameId];
    if (openChallenge === this) { openChallenge = null; }
  };

  // -- Stripe ------------------------------------------------------------------------------

  function StripeSandbox(key, options) {
    if (!(this instanceof StripeSandbox)) { return new StripeSandbox(key, options); }
    if (typeof key !== "string" || key.indexOf("pk_") !== 0) {
      throw new Error("IntegrationError: Stripe() needs a publishable key (pk_...).");
    }
    this.key = key;
    this.options = options || {};
  }

  StripeSandbox.prototype.elements = function (options) {
    return new Elements(this, options);
  };

  function resultFor(kind, intent) {
    var out = {};
    out[kind === "setup" ? "setupIntent" : "paymentIntent"] = intent;
    return out;
  }

  function errorFor(kind, error, intent) {
    var copy = {};
    Object.keys(error || {}).forEach(function (k) { copy[k] = error[k]; });
    if (intent) { copy[kind === "setup" ? "setup_intent" : "payment_intent"] = intent; }
    return { error: copy };
  }

  function redirectTo(url) {
    window.location.assign(url);
    return new Promise(function () { /* the page is leaving */ });
  }

  function returnUrlFor(kind, intent, clientSecret, returnUrl) {
    var url = new URL(returnUrl, window.location.href);
    var name = kind === "setup" ? "setup_intent" : "payment_intent";
    url.searchParams.set(name, intent.id);
    url.searchParams.set(name + "_client_secret", clientSecret);
    url.searchParams.set("redirect_status",
      intent.status === "succeeded" || intent.status === "requires_capture" ||
      intent.status === "processing" ? "succeeded" : "failed");
    return url.toString();
  }

  // What Stripe.js resolves once an intent is confirmed (and any authentication is done).
  StripeSandbox.prototype.settle = function (kind, intent, clientSecret, redirect, returnUrl) {
    var self = this;
    if (intent.status === "requires_action" && intent.next_action) {
      var action = intent.next_action;
      if (action.type === "redirect_to_url" && action.redirect_to_url) {
        return redirectTo(action.redirect_to_url.url);
      }
      if (action.type !== "use_stripe_sdk" || !action.use_stripe_sdk) {
        return Promise.resolve(errorFor(kind, integrationError(
          "The sandbox stand-in cannot handle next_action " + action.type + "."), intent));
      }
      var url = action.use_stripe_sdk.stripe_js;
      if (new URL(url).origin !== BASE) {
        return Promise.resolve(errorFor(kind, integrationError("Unexpected challenge URL."), intent));
      }
      return new Challenge(intent.id, url, self.options.locale).show().then(function () {
        return api(self.key, "GET", intentPath(kind, clientSecret), { client_secret: clientSecret });
      }).then(function (r) {
        if (r.error) { return { error: r.error }; }
        return self.settle(kind, r.object, clientSecret, redirect, returnUrl);
      });
    }
    var last = intent.last_payment_error || intent.last_setup_error;
    if (intent.status === "requires_payment_method" && last) {
      return Promise.resolve(errorFor(kind, last, intent));
    }
    if (redirect !== "if_required" && returnUrl &&
        (intent.status === "succeeded" || intent.status === "processing" ||
         intent.status === "requires_capture")) {
      return redirectTo(returnUrlFor(kind, intent, clientSecret, returnUrl));
    }
    return Promise.resolve(resultFor(kind, intent));
  };

  StripeSandbox.prototype.confirm = function (kind, options) {
    options = options || {};
    var self = this;
    var elements = options.elements || null;
    var params = options.confirmParams || {};
    var redirect = options.redirect || "always";
    var clientSecret = options.clientSecret || (elements && elements.clientSecret);
    if (!clientSecret || kindOf(clientSecret) !== kind) {
      return Promise.resolve(errorFor(kind, integrationError(
        "Pass the client secret of a " + (kind === "setup" ? "SetupIntent" : "PaymentIntent") +
        " (in elements() or as clientSecret).")));
    }
    if (redirect !== "if_required" && !params.return_url) {
      return Promise.resolve(errorFor(kind, integrationError(
        "confirmParams.return_url is required unless redirect is 'if_required'.")));
    }
    var pending;
    if (elements) {
      var element = elements.getElement("payment");
      if (!element || !element.iframe) {
        return Promise.resolve(errorFor(kind, integrationError("Mount a Payment Element first.")));
      }
      pending = element.send("confirm", {
        kind: kind, key: self.key, clientSecret: clientSecret,
        returnUrl: params.return_url || null,
        billingDetails: (params.payment_method_data || {}).billing_details || null
      });
    } else {
      if (!params.payment_method) {
        return Promise.resolve(errorFor(kind, integrationError(
          "Without elements, confirmParams.payment_method is required.")));
      }
      pending = api(self.key, "POST", intentPath(kind, clientSecret) + "/confirm", {
        client_secret: clientSecret, payment_method: params.payment_method,
        return_url: params.return_url || undefined, use_stripe_sdk: "true"
      }).then(function (r) { return r.error ? { error: r.error } : { intent: r.object }; });
    }
    return pending.then(function (r) {
      if (r.error) { return { error: r.error }; }
      return self.settle(kind, r.intent, clientSecret, redirect, params.return_url || null);
    });
  };

  StripeSandbox.prototype.confirmPayment = function (options) {
    return this.confirm("payment", options);
  };
  StripeSandbox.prototype.confirmSetup = function (options) {
    return this.confirm("setup", options);
  };

  StripeSandbox.prototype.retrieve = function (kind, clientSecret) {
    if (kindOf(clientSecret) !== kind) {
      return Promise.resolve({ error: integrationError("Invalid client secret.") });
    }
    return api(this.key, "GET", intentPath(kind, clientSecret), { client_secret: clientSecret })
      .then(function (r) { return r.error ? { error: r.error } : resultFor(kind, r.object); });
  };
  StripeSandbox.prototype.retrievePaymentIntent = function (clientSecret) {
    return this.retrieve("payment", clientSecret);
  };
  StripeSandbox.prototype.retrieveSetupIntent = function (clientSecret) {
    return this.retrieve("setup", clientSecret);
  };

  StripeSandbox.prototype.handleNextAction = function (options) {
    var clientSecret = options && options.clientSecret;
    var kind = kindOf(clientSecret);
    var self = this;
    if (!kind) { return Promise.resolve({ error: integrationError("Invalid client secret.") }); }
    return api(self.key, "GET", intentPath(kind, clientSecret), { client_secret: clientSecret })
      .then(function (r) {
        if (r.error) { return { error: r.error }; }
        return self.settle(kind, r.object, clientSecret, "if_required", null);
      });
  };

  StripeSandbox.prototype.createToken = function (type, element) {
    if (type !== "cvc_update") {
      return Promise.resolve({ error: integrationError(
        "The sandbox stand-in only creates cvc_update tokens.") });
    }
    if (!element || element.type !== "cardCvc" || !element.iframe) {
      return Promise.resolve({ error: integrationError("Pass a mounted cardCvc Element.") });
    }
    return element.send("createToken", { key: this.key });
  };

  // -- test hooks (sandbox only) -----------------------------------------------------------

  window.__sandboxStripe = {
    autofill: function (card) {
      var sent = 0;
      liveElements.forEach(function (element) {
        if (element.iframe) { element.send("autofill", card || {}); sent += 1; }
      });
      return sent;
    },
    challenge: function (action) {
      if (!openChallenge || (action !== "complete" && action !== "fail")) { return false; }
      openChallenge.press(action);
      return true;
    },
    challengeOpen: function () { return !!openChallenge; }
  };
  window.__sandboxChallenge = window.__sandboxStripe.challenge;

  StripeSandbox.version = 3;
  window.Stripe = StripeSandbox;
}());
