"""Receipts of payments and refunds: laid out for paper, printed, saved as PDF."""
