// The sandbox's hosted checkout page (checkout_page.py): asks the sandbox for the session's
// PaymentIntent, mounts the stand-in Stripe.js card fields, confirms (3D Secure in the
// page), then tells the sandbox so the session completes. body[data-state] says where it is.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("config").textContent);
  var form = document.getElementById("form");
  var message = document.getElementById("message");
  var base = "/c/pay/" + config.session;
  // The page's language (checkout_page.py) and its words (sandbox/words.py, words.js).
  var table = (window.__sandboxWords || {})[config.locale] || {};
  function W(english) { return table[english] || english; }

  function state(name, text) {
    document.body.setAttribute("data-state", name);
    if (text !== undefined) { message.textContent = text; }
  }

  function post(path) {
    return fetch(base + path, { method: "POST" }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(W((body.error && body.error.message) || "Payment failed.")); }
        return body;
      });
    });
  }

  function finish() {
    return post("/done").then(function (done) {
      if (done.status !== "complete") { throw new Error(W("This payment could not be completed.")); }
      form.hidden = true;
      state("paid", done.message || W("Payment received. Thank you!"));
      if (done.redirect) { window.location.assign(done.redirect); }
    });
  }

  // The page shows once the fonts its words need are loaded: Chromium keeps the shapes of
  // text laid out while a web font was loading (boxes, where the machine has no CJK font).
  var page = document.getElementById("page");
  var shown = false;
  function show() { if (!shown) { shown = true; page.hidden = false; } }
  setTimeout(show, 1500);
  try {
    document.fonts.load("1em " + getComputedStyle(document.body).fontFamily, page.textContent)
      .then(show, show);
  } catch (ignored) { show(); }

  if (config.status !== "open") { return; }
  post("/start").then(function (start) {
    var stripe = window.Stripe(start.publishable_key, { locale: config.locale });
    var elements = stripe.elements({ clientSecret: start.client_secret });
    elements.create("payment").mount("#payment-element");
    form.hidden = false;
    state("ready", "");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      state("paying", "");
      stripe.confirmPayment({ elements: elements, redirect: "if_required" }).then(function (r) {
        if (r.error) { state("ready", W(r.error.message || "Your card was declined.")); return; }
        if (r.paymentIntent && r.paymentIntent.status === "succeeded") { return finish(); }
        state("ready", W("The payment was not completed."));
      }).catch(function (err) { state("error", String(err.message || err)); });
    });
  }).catch(function (err) { form.hidden = true; state("closed", String(err.message || err)); });
}());
