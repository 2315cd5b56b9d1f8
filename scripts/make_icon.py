"""Draw the hxdesk icon: a red seal-like square with a white 法.

Writes resources/icons/hxdesk.png (256 px) and resources/icons/hxdesk.ico
(16–256 px, packed by ImageMagick).  The outputs are committed; run this only
to change the icon:  QT_QPA_PLATFORM=offscreen python scripts/make_icon.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = QColor("#B3121B")
GOLD = QColor("#F2C14E")
GLYPH = "法"
FONT_FAMILIES = ["Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Noto Sans CJK SC"]


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = max(0.5, size / 32)
    outer = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    p.drawRoundedRect(outer, size * 0.16, size * 0.16)
    if size >= 32:  # a thin gold frame; at 16–24 px it would only blur the glyph
        inset = size * 0.09
        pen = QPen(GOLD)
        pen.setWidthF(max(1.0, size / 48))
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(outer.adjusted(inset, inset, -inset, -inset), size * 0.09, size * 0.09)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setWeight(QFont.Weight.Black)
    font.setPixelSize(round(size * (0.66 if size >= 32 else 0.74)))
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(outer, Qt.AlignmentFlag.AlignCenter, GLYPH)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 (fonts need it)
    convert = shutil.which("convert") or shutil.which("magick")
    if convert is None:
        print("ImageMagick (convert) is needed to pack the .ico", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pngs = []
        for size in SIZES:
            path = Path(tmp) / f"{size}.png"
            if not draw(size).save(str(path)):
                print(f"cannot write {path}", file=sys.stderr)
                return 1
            pngs.append(str(path))
        shutil.copyfile(pngs[-1], OUT / "hxdesk.png")
        subprocess.run([convert, *pngs, str(OUT / "hxdesk.ico")], check=True)
    print(OUT / "hxdesk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
