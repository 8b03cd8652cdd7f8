"""A stateful, offline stand-in for the parts of Stripe's API that PosDesk uses.

It is a program apart: it imports nothing from the rest of posdesk (standard library only),
so it runs in tests, in `posdesk --demo` and from a frozen bundle alike.
"""
