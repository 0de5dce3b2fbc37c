"""Draw the program icon with Qt and write resources/icons/station-desk.{png,ico}.

    .venv/bin/python installer/make_icon.py

The icon is a blue rounded square with a white house (the station) and a door; the .ico holds
PNG images at 16–256 px (Windows Vista and later read PNG-in-ICO). Run again only to change it.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPolygonF

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE, DARK, WHITE, ORANGE = "#2f6fde", "#12357a", "#ffffff", "#f39c12"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(BLUE))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.setBrush(QColor(WHITE))
    roof = QPolygonF(
        [QPointF(128 * s, 42 * s), QPointF(218 * s, 118 * s), QPointF(38 * s, 118 * s)]
    )
    p.drawPolygon(roof)
    p.drawRect(QRectF(62 * s, 112 * s, 132 * s, 96 * s))
    p.setBrush(QColor(ORANGE))
    p.drawRoundedRect(QRectF(108 * s, 140 * s, 40 * s, 68 * s), 6 * s, 6 * s)
    p.setBrush(QColor(DARK))
    p.drawRect(QRectF(76 * s, 134 * s, 22 * s, 22 * s))
    p.drawRect(QRectF(158 * s, 134 * s, 22 * s, 22 * s))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    images = [(size, png_bytes(draw(size))) for size in SIZES]
    (ICONS / "station-desk.png").write_bytes(images[-1][1])
    (ICONS / "station-desk.ico").write_bytes(ico_bytes(images))
    print(f"wrote {ICONS / 'station-desk.png'} and station-desk.ico ({len(SIZES)} sizes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
