"""Every money movement of the shop: persist pending + idempotency key, send, record, settle."""
