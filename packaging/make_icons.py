"""Render packaging/icons/posdesk.svg into the icon files the installers need, with Qt's own
image writers (no other tool): posdesk.png (1024 px), posdesk.ico (Windows: 16-256 px) and
posdesk.icns (macOS: 16-1024 px, on a Qt that has its icns writer, i.e. macOS).

    python packaging/make_icons.py OUTPUT_DIR"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

SOURCE = Path(__file__).resolve().parent / "icons" / "posdesk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_ico(images: list[QImage], target: Path) -> None:
    """An .ico holding every size as a PNG entry (Windows Vista and later read those)."""
    pngs = []
    for image in images:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        pngs.append((image.width(), bytes(data.data())))
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(pngs).to_bytes(
        2, "little")
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIR entry
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(
            2, "little") + len(png).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(png)
        blobs += png
    target.write_bytes(header + entries + blobs)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    render(renderer, 1024).save(str(out / "posdesk.png"))
    write_ico([render(renderer, size) for size in ICO_SIZES], out / "posdesk.ico")
    if b"icns" in [bytes(f.data()) for f in QImageWriter.supportedImageFormats()]:
        writer = QImageWriter(str(out / "posdesk.icns"), b"icns")
        if not writer.write(render(renderer, 1024)):
            raise SystemExit(f"icns: {writer.errorString()}")
    del app
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
