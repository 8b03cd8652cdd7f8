"""A URL as a QR code picture (segno renders it; Qt shows, prints or saves it).

Error correction level M (15 %): a phone still reads a slightly smudged print; the quiet
zone of four modules is what the QR standard asks for around the code.
"""

from __future__ import annotations

import io

from PySide6.QtGui import QImage, QPixmap

QUIET_ZONE = 4


def qr_image(url: str, scale: int = 6) -> QImage:
    """The code of `url`, black on white, `scale` pixels per module."""
    import segno  # with the first code shown, not at start

    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=QUIET_ZONE)
    image = QImage.fromData(buffer.getvalue(), "PNG")
    if image.isNull():  # never expected: segno wrote the PNG just now
        raise ValueError("QR code image could not be read")
    return image


def qr_pixmap(url: str, scale: int = 6) -> QPixmap:
    return QPixmap.fromImage(qr_image(url, scale))
