"""The payment history window: filters, a lazy table, totals, a payment's detail, export."""
