"""The `mailto:` URL of a payment request: the operating system's mail client opens with the
message prepared (QDesktopServices.openUrl); PosDesk itself sends no email."""

from __future__ import annotations

from urllib.parse import quote


def mailto_url(to: str | None, subject: str, body: str) -> str:
    """RFC 6068: the address, then subject and body percent-encoded (spaces as %20)."""
    address = quote(to or "", safe="@.+-_")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
