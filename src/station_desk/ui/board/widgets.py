"""The board's building blocks: sizes computed from the window, an eliding label, a posting card.

Everything the board shows is a QLabel whose text() is the whole text (an eliding label
only shortens what it paints), so a test can walk every text on the board.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from station_desk.services.board import BoardPosting
from station_desk.ui.theme import FONT_FAMILIES, pick_font_family


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for a window of width x height. ``unit`` is the main line's font size:
    a twentieth of the shorter side, so 54 px on a 1080p screen either way round."""

    width: int
    height: int

    @property
    def unit(self) -> int:
        return max(14, math.ceil(min(self.width, self.height) / 20))

    @property
    def columns(self) -> int:
        return 2 if self.width >= self.height * 1.2 else 1

    def px(self, factor: float) -> int:
        return max(10, round(self.unit * factor))

    @property
    def main(self) -> int:
        return self.unit

    @property
    def secondary(self) -> int:
        return self.px(0.74)

    @property
    def small(self) -> int:
        return self.px(0.58)

    @property
    def clock(self) -> int:
        return self.px(1.2)

    @property
    def gap(self) -> int:
        return self.px(0.26)


def line_height(pixels: int) -> int:
    """A one-line label's height: CJK fonts reserve ~1.45 em per line, the glyphs need ~1.25."""
    return math.ceil(pixels * 1.27)


def set_line_font(label: QLabel, pixels: int, bold: bool = False) -> None:
    label.setFont(board_font(pixels, bold))
    label.setFixedHeight(line_height(pixels))


def board_font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    family = pick_font_family()
    font.setFamilies(([family] if family else []) + list(FONT_FAMILIES))
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class FitLabel(QLabel):
    """A one-line label that paints "…" when its text does not fit; text() stays whole."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            QPalette.ColorRole.WindowText,
        )


def _plain(name: str, pixels: int, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_line_font(label, pixels, bold)
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return label


class PostingCard(QFrame):
    """One posting in three lines:
    trade [新] [即时快招] ............ pay
    employer .................. 招5人 · 日结
    place · hours ............. 详询服务窗口"""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        main, second, badge = metrics.main, metrics.secondary, metrics.small

        self.occupation = FitLabel("occupation")
        self.occupation.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        set_line_font(self.occupation, main, bold=True)
        self.new_badge = _plain("newBadge", badge, bold=True)
        self.new_badge.setText(self.tr("New"))
        self.quick_badge = _plain("quickBadge", badge, bold=True)
        self.quick_badge.setText(self.tr("Quick hire"))
        self.other_badge = _plain("otherBadge", badge, bold=True)
        self.other_badge.setText(self.tr("District"))
        self.pay = _plain("pay", main, bold=True)
        self.employer = FitLabel("employer")
        set_line_font(self.employer, second)
        self.headcount = _plain("headcount", second)
        self.place = FitLabel("place")
        set_line_font(self.place, second)
        self.contact = _plain("contact", second)

        pad = metrics.gap
        layout = QVBoxLayout(self)
        layout.setContentsMargins(round(pad * 1.4), pad, round(pad * 1.4), pad)
        layout.setSpacing(max(2, pad // 4))
        lines = (
            (self.occupation, self.new_badge, self.quick_badge, self.other_badge, None, self.pay),
            (self.employer, None, self.headcount),
            (self.place, None, self.contact),
        )
        for widgets in lines:
            row = QHBoxLayout()
            row.setSpacing(pad)
            for widget in widgets:
                if widget is None and widgets[0] is self.occupation:
                    row.addStretch(1)
                elif widget is None:
                    row.addSpacing(pad)
                else:
                    grows = isinstance(widget, FitLabel) and widget is not self.occupation
                    row.addWidget(widget, 1 if grows else 0)
                    if widget in (self.new_badge, self.quick_badge, self.other_badge):
                        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
                        badge_pad = max(2, pad // 2)
                        widget.setContentsMargins(badge_pad, 0, badge_pad, 0)
            layout.addLayout(row)
        for label in (self.pay, self.headcount, self.contact):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumHeight(self.height_for(metrics))
        sp = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        sp.setRetainSizeWhenHidden(True)
        self.setSizePolicy(sp)

    @staticmethod
    def height_for(metrics: Metrics) -> int:
        """The least height that shows the three lines."""
        lines = line_height(metrics.main) + 2 * line_height(metrics.secondary)
        pad = metrics.gap
        return lines + 2 * pad + 2 * max(2, pad // 4)

    def show_posting(self, posting: BoardPosting) -> None:
        self.occupation.setText(posting.occupation)
        self.new_badge.setVisible(posting.is_new)
        self.quick_badge.setVisible(posting.is_quick)
        self.other_badge.setVisible(not posting.own)
        self.pay.setText(posting.pay)
        self.employer.setText(posting.employer)
        terms = [self.tr("Hiring %1").replace("%1", str(posting.headcount)), posting.mode]
        if posting.method and posting.method != posting.mode:
            terms.append(posting.method)
        self.headcount.setText(" · ".join(t for t in terms if t))
        self.place.setText(" · ".join(t for t in (posting.location, posting.hours) if t))
        self.contact.setText(posting.phone or self.tr("Ask at the service window"))
        quick = "true" if posting.is_quick else "false"
        if self.property("quick") != quick:
            self.setProperty("quick", quick)
            self.style().unpolish(self)
            self.style().polish(self)
