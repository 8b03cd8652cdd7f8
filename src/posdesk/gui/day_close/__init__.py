"""Close of day: the X / Z report dialog, and the report laid out for paper and PDF."""
