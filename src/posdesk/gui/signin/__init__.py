"""Signing in with a PIN: the first manager of a new store, the sign-in page shown at start
and whenever the till is locked, the idle lock, and what locking does to open work."""
