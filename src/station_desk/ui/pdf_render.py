"""Draws a report (reports.report_model.ReportDoc) into an A4 PDF with Qt's PDF writer:
the body laid out by QTextDocument from reports/pdf_report.py's HTML, a running header with
the station, the report and the date on every page, and 第 n 页，共 N 页 at the foot. The
referral slip (推荐函, reports/referral_slip.py) is drawn on one A5 or A4 page the same way.

Safe to call from a worker thread (QPdfWriter, QPainter and QTextDocument on a paint device
that is not a widget); without a running application (the command line) a QGuiApplication is
started, offscreen when there is no display.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from station_desk.reports.pdf_report import FONT_FAMILIES, page_footer, report_html, running_header
from station_desk.reports.referral_slip import STAMP_LABEL, SlipDoc, slip_html, slip_plain_text
from station_desk.reports.report_model import ReportDoc

RESOLUTION = 300
_app: QApplication | None = None


def ensure_gui_application() -> None:
    """Fonts need a QGuiApplication; the command line has none. A QApplication, so that a
    desk (or a test run) that later wants widgets can take this one on."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication(["station-desk-report"])


def report_font(point_size: float = 9) -> QFont:
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(point_size)
    return font


def render_pdf(doc: ReportDoc, path: Path) -> int:
    """Write the report to ``path``; returns the number of pages."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pages, text = _draw(doc, buffer)
    pdf = fix_text_mapping(bytes(buffer.data().data()), text)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(pdf)
    partial.replace(path)
    return pages


def _draw(doc: ReportDoc, device: QBuffer) -> tuple[int, str]:
    """Lay out and draw every page; returns the page count and all the text drawn."""
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setTitle(doc.title)
    writer.setCreator("驿站工作台")
    wide = any(len(t.columns) > 6 for t in doc.tables)
    orientation = QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(15, 12, 15, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    width, height = float(page.width()), float(page.height())
    band = RESOLUTION * 0.35  # header and footer bands, in device pixels (~9 mm)

    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)
    text.setDefaultFont(report_font())
    text.setDocumentMargin(0)
    text.setHtml(report_html(doc))
    body = height - 2 * band
    text.setPageSize(QSizeF(width, body))
    pages = max(1, text.pageCount())

    painter = QPainter(writer)
    try:
        left, right = running_header(doc)
        small = report_font(8)
        for index in range(pages):
            if index:
                writer.newPage()
            painter.setFont(small)
            painter.setPen(QPen(Qt.GlobalColor.darkGray, RESOLUTION / 150))
            head = QRectF(0, 0, width, band * 0.7)
            flags = Qt.AlignmentFlag.AlignVCenter
            painter.drawText(head, int(flags | Qt.AlignmentFlag.AlignLeft), left)
            painter.drawText(head, int(flags | Qt.AlignmentFlag.AlignRight), right)
            painter.drawLine(QPointF(0, band * 0.75), QPointF(width, band * 0.75))
            foot = QRectF(0, height - band * 0.7, width, band * 0.7)
            center = int(flags | Qt.AlignmentFlag.AlignHCenter)
            painter.drawText(foot, center, page_footer(index + 1, pages))
            painter.save()
            painter.translate(0, band - index * body)
            text.drawContents(painter, QRectF(0, index * body, width, body))
            painter.restore()
    finally:
        painter.end()
    drawn = [text.toPlainText(), left, right, *(page_footer(n, pages) for n in (1, pages))]
    return pages, "".join(drawn)


SLIP_PAGES = {"A5": QPageSize.PageSizeId.A5, "A4": QPageSize.PageSizeId.A4}


def render_slip_pdf(slip: SlipDoc, path: Path, page: str = "A5") -> None:
    """Write the referral slip (推荐函) to ``path`` as one A5 (or A4) portrait page."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{slip.title} {slip.number}")
    writer.setCreator("驿站工作台")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(SLIP_PAGES[page]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    try:
        draw_slip(painter, slip, writer.pageLayout().paintRectPixels(RESOLUTION).size().toSizeF())
    finally:
        painter.end()
    pdf = fix_text_mapping(bytes(buffer.data().data()), slip_plain_text(slip))
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(pdf)
    partial.replace(path)


def draw_slip(painter: QPainter, slip: SlipDoc, size: QSizeF) -> None:
    """The body from the slip's HTML at the top; at the foot the QR code with its caption on
    the left and the stamp area (盖章处) on the right. Usable for a printer too."""
    dpi = painter.device().logicalDpiY() if painter.device() else RESOLUTION
    mm = dpi / 25.4
    width, height = size.width(), size.height()
    band = 44 * mm  # the foot: QR code and stamp area
    text = QTextDocument()
    text.documentLayout().setPaintDevice(painter.device())
    text.setDefaultFont(report_font(10))
    text.setDocumentMargin(0)
    text.setHtml(slip_html(slip))
    text.setTextWidth(width)
    room = height - band
    scale = min(1.0, room / max(1.0, text.size().height()))
    painter.save()
    painter.scale(scale, scale)
    text.setTextWidth(width / scale)
    text.drawContents(painter, QRectF(0, 0, width / scale, room / scale))
    painter.restore()

    top = height - band + 4 * mm
    side = band - 12 * mm
    painter.setPen(QPen(Qt.GlobalColor.black, 0.3 * mm))
    if slip.qr_modules:
        _draw_qr(painter, slip.qr_modules, QRectF(0, top, side, side))
        painter.setFont(report_font(7.5))
        caption = QRectF(0, top + side + 1 * mm, width * 0.55, 7 * mm)
        painter.drawText(caption, int(Qt.AlignmentFlag.AlignLeft), slip.qr_caption)
    stamp = QRectF(width - side - 6 * mm, top, side, side)
    dashed = QPen(QColor("#b22222"), 0.35 * mm, Qt.PenStyle.DashLine)
    painter.setPen(dashed)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(stamp)
    painter.setFont(report_font(9))
    painter.drawText(stamp, int(Qt.AlignmentFlag.AlignCenter), STAMP_LABEL)


def _draw_qr(painter: QPainter, modules: tuple[tuple[bool, ...], ...], box: QRectF) -> None:
    """Dark modules as filled squares, with a two-module quiet zone inside ``box``."""
    count = len(modules) + 4
    cell = box.width() / count
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.black)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                left, top = box.left() + (x + 2) * cell, box.top() + (y + 2) * cell
                painter.drawRect(QRectF(left, top, cell * 1.02, cell * 1.02))
    painter.restore()


_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def fix_text_mapping(pdf: bytes, text: str) -> bytes:
    """Make copied or extracted text read as the characters that were drawn.

    CJK fonts draw some ideographs with the glyph of a look-alike radical (工 and the Kangxi
    radical ⼯ share one glyph), and the PDF writer's text map then names the radical, so
    the text extracted from the PDF is full of radicals. Every code in a text map that was
    not drawn is changed to the drawn character with the same glyph (or its compatibility
    equivalent); codes keep their length, so no offset in the file moves."""
    drawn = {c for c in text if ord(c) >= 0x2E80}
    raw = QRawFont.fromFont(report_font())
    by_glyph: dict[int, str] = {}
    for char in sorted(drawn):
        glyphs = raw.glyphIndexesForString(char)
        if glyphs and glyphs[0]:
            by_glyph.setdefault(glyphs[0], char)

    def better(code: int) -> str | None:
        char = chr(code)
        if code < 0x2E80 or char in drawn or 0xD800 <= code < 0xE000:
            return None
        glyphs = raw.glyphIndexesForString(char)
        found = by_glyph.get(glyphs[0]) if glyphs and glyphs[0] else None
        if found is None:
            normal = unicodedata.normalize("NFKC", char)
            found = normal if len(normal) == 1 and normal != char else None
        return found if found is not None and ord(found) <= 0xFFFF else None

    def fix_code(match: re.Match[bytes]) -> bytes:
        char = better(int(match.group(1), 16))
        return b"<%04X>" % ord(char) if char else match.group(0)

    def fix_cmap(match: re.Match[bytes]) -> bytes:
        return _CODE.sub(fix_code, match.group(0))

    return _CMAP.sub(fix_cmap, pdf)
