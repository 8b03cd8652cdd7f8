"""PosDesk: point of sale and back office for shops that take payments with Stripe."""

__version__ = "0.1.0"
