"""Make resources/fonts/ReceiptCJK.ttf: the part of WenQuanYi Micro Hei a receipt needs.

Receipts (gui/receipts/) embed this font in their PDFs so that Chinese prints whatever fonts
the machine has. The whole font (Debian's fonts-wqy-microhei, a 5 MB collection) is cut
down to Latin, the currency and punctuation signs, CJK punctuation, full-width forms and the
6,763 hanzi of GB 2312 (simplified Chinese in everyday use): about 2 MB. Characters outside
it fall back to the machine's fonts.

Run once, when the font is to change (needs fontTools: `pip install fonttools`):
    python scripts/subset_receipt_font.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "ReceiptCJK.ttf"
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x2000, 0x206F), (0x20A0, 0x20CF),
    (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2500, 0x25FF),
    (0x3000, 0x303F),
    (0xFF00, 0xFFEF),
]


def gb2312_hanzi() -> list[int]:
    found = []
    for code in range(0x4E00, 0xA000):
        try:
            chr(code).encode("gb2312")
        except UnicodeEncodeError:
            continue
        found.append(code)
    return found


def main(source: str) -> None:
    font = TTCollection(source).fonts[0]  # WenQuanYi Micro Hei (not the Mono face)
    codes = [c for low, high in RANGES for c in range(low, high + 1)] + gb2312_hanzi()
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the names, the copyright and the licence notice
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"{OUT}: {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
