"""The loopback HTTPS server that serves the card-entry page to the embedded web view.

Headless on purpose (no Qt, no stripe): the page talks to Stripe.js in the browser and to the
app through QWebChannel; this package only serves it over TLS with one-time URLs."""
