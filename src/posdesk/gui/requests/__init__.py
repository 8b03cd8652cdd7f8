"""Remote payments: the payment request dialog (QR code, link, email, live status), the open
requests list and the shop's reusable payment links."""
