"""Taking payments: the saved-card charge, card entry at the counter, and how outcomes read."""
