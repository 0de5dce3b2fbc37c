"""The lobby board window: header with the station and a big clock, a notice line, pages of
postings that turn at a calm pace, and a footer with the station's address, hours, hotline,
complaint channel and a QR code.

Three timers drive it: the clock (1 s; a much longer gap means the PC slept, so the page
cycle starts again cleanly), the refresh (3 s; reloads only when another connection wrote to
the database, the day changed or a minute passed, and a busy database is simply tried again
next time) and the page turn (the configured seconds). Cards are made once per window size
and refilled on every page, so weeks of paging allocate nothing new.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QDate,
    QEasingCurve,
    QEvent,
    QLocale,
    QObject,
    QPropertyAnimation,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from station_desk.services.board import (
    BoardContent,
    BoardPosting,
    data_version,
    load_board,
    open_board_connection,
)
from station_desk.services.context import Desk
from station_desk.store.driver import sqlite3
from station_desk.ui.board.extras import Announcer, qr_pixmap
from station_desk.ui.board.style import board_style
from station_desk.ui.board.widgets import (
    FitLabel,
    Metrics,
    PostingCard,
    board_font,
    set_line_font,
)

log = logging.getLogger(__name__)

CLOCK_MS = 1000
REFRESH_MS = 3000
RELOAD_AT_LEAST_S = 60  # the 新 mark fades after 24 h even when nothing is written
SLEEP_GAP_S = 30  # a clock tick this late means the PC was asleep
FADE_MS = 450


class BoardWindow(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.clock: Callable[[], float] = desk.clock
        self.setWindowTitle(self.tr("Job board"))
        self.setObjectName("board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.content = BoardContent()
        self.pages: list[tuple[BoardPosting, ...]] = []
        self.page_index = 0
        self.notice_index = 0
        self.loaded = False
        self.announcer = Announcer()
        self._conn: sqlite3.Connection | None = None
        self._version: tuple[int, str] | None = None
        self._loaded_at = 0.0
        self._failing = False
        self._last_tick = (self.clock(), time.monotonic())
        self._metrics: Metrics | None = None
        self._grid_shape: tuple[int, int, int] | None = None
        self.cards: list[PostingCard] = []
        self._qr_url: str | None = None
        self._qr_source = QPixmap()

        self._build()
        self.body.installEventFilter(self)
        self.clock_timer = QTimer(self, interval=CLOCK_MS, timeout=self._tick)
        self.refresh_timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self.page_timer = QTimer(self, timeout=self.next_page)
        self.page_timer.setInterval(self.content.settings.page_seconds * 1000)
        self._effect = QGraphicsOpacityEffect(self.body)
        self._effect.setEnabled(False)
        self.body.setGraphicsEffect(self._effect)
        self._fade = QPropertyAnimation(self._effect, b"opacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(0.2)
        self._fade.setEndValue(1.0)
        self._fade.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._fade.finished.connect(lambda: self._effect.setEnabled(False))
        self._apply_metrics()
        self._update_clock()
        self._show_station()
        self._show_notice()
        self.refresh(force=True)
        for timer in (self.clock_timer, self.refresh_timer, self.page_timer):
            timer.start()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.station_name = FitLabel("stationName")
        self.summary = FitLabel("summary")
        self.date_label = QLabel(objectName="date")
        self.time_label = QLabel(objectName="clock")
        self.header = QWidget(objectName="header")
        self.header_grid = QGridLayout(self.header)
        self.header_grid.setVerticalSpacing(0)
        self.station_name.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.notice_tag = QLabel(self.tr("Notice"), objectName="noticeTag")
        self.notice = FitLabel("notice")
        self.page_label = QLabel(objectName="pageIndicator")
        self.notice_bar = QWidget(objectName="noticeBar")
        notice = QHBoxLayout(self.notice_bar)
        notice.addWidget(self.notice_tag)
        notice.addWidget(self.notice, 1)
        notice.addWidget(self.page_label)

        self.body = QWidget(objectName="body")
        self.stack = QStackedLayout(self.body)
        self.grid_page = QWidget(objectName="gridPage")
        self.grid = QGridLayout(self.grid_page)
        self.empty_page = QWidget(objectName="emptyPage")
        empty = QVBoxLayout(self.empty_page)
        self.empty_title = QLabel(self.tr("No job postings right now"), objectName="emptyTitle")
        self.empty_text = QLabel(
            self.tr(
                "New jobs appear here as soon as employers bring them in.\n"
                "Register at the service window and we will help you find work."
            ),
            objectName="emptyText",
        )
        for label in (self.empty_title, self.empty_text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        empty.addStretch(1)
        empty.addWidget(self.empty_title)
        empty.addWidget(self.empty_text)
        empty.addStretch(1)
        for page in (self.grid_page, self.empty_page):
            # the body takes what is left; cards are fitted to it, never the other way round
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.stack.addWidget(page)

        self.footer = QWidget(objectName="footer")
        footer = QHBoxLayout(self.footer)
        info = QGridLayout()
        info.setSpacing(0)
        self.address = QLabel(objectName="footerLine")
        self.hours = QLabel(objectName="footerLine")
        self.hotline = QLabel(objectName="footerLine")
        self.complaint = QLabel(objectName="footerLine")
        self.footer_lines = (self.address, self.hours, self.hotline, self.complaint)
        for label in self.footer_lines:
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.info_grid = info
        footer.addLayout(info, 1)
        self.qr_caption = QLabel(objectName="qrCaption")
        self.qr_caption.setWordWrap(True)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.qr_image = QLabel(objectName="qr")
        footer.addWidget(self.qr_caption)
        footer.addWidget(self.qr_image)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        outer.addWidget(self.notice_bar)
        outer.addWidget(self.body, 1)
        outer.addWidget(self.footer)

    def _apply_metrics(self) -> None:
        """Fonts and margins from the window size; cards are remade on the next layout."""
        metrics = Metrics(max(1, self.width()), max(1, self.height()))
        if metrics == self._metrics:
            return
        self._metrics = metrics
        m, gap = metrics, metrics.gap
        self.setStyleSheet(board_style(m.unit))
        set_line_font(self.station_name, m.main, bold=True)
        set_line_font(self.summary, m.small)
        set_line_font(self.date_label, m.secondary)
        set_line_font(self.time_label, m.clock, bold=True)
        set_line_font(self.notice_tag, m.small, bold=True)
        set_line_font(self.notice, m.secondary)
        set_line_font(self.page_label, m.secondary, bold=True)
        self.empty_title.setFont(board_font(m.px(1.3), bold=True))
        self.empty_text.setFont(board_font(m.main))
        for label in (*self.footer_lines, self.qr_caption):
            label.setFont(board_font(m.small))
        for widget in (self.header, self.notice_bar, self.footer):
            widget.layout().setContentsMargins(gap * 2, gap // 2, gap * 2, gap // 2)
            widget.layout().setSpacing(gap * 2)
        self.notice_tag.setContentsMargins(gap // 2, 0, gap // 2, 0)
        self.grid.setContentsMargins(gap * 2, gap, gap * 2, gap)
        self.grid.setSpacing(gap)
        self.info_grid.setHorizontalSpacing(gap * 2)
        self._arrange(landscape=m.columns > 1)
        self.qr_caption.setFixedWidth(round(m.small * 7.4))
        self._set_qr()
        self._grid_shape = None
        self._layout_cards()

    def _arrange(self, landscape: bool) -> None:
        """Header and footer in one band each on a wide screen; stacked on a tall one."""
        header, info = self.header_grid, self.info_grid
        for widget in (self.station_name, self.summary, self.date_label, self.time_label):
            header.removeWidget(widget)
        for label in self.footer_lines:
            info.removeWidget(label)
        for grid in (header, info):
            for column in range(grid.columnCount()):
                grid.setColumnStretch(column, 0)
        middle = Qt.AlignmentFlag.AlignVCenter
        if landscape:
            header.addWidget(self.station_name, 0, 0, middle)
            header.addWidget(self.summary, 0, 1, middle)
            header.addWidget(self.date_label, 0, 2)
            header.addWidget(self.time_label, 0, 3)
            header.setColumnStretch(1, 1)
            for i, label in enumerate(self.footer_lines):
                info.addWidget(label, i // 2, i % 2)
            info.setColumnStretch(0, 2)
            info.setColumnStretch(1, 3)
        else:
            header.addWidget(self.station_name, 0, 0, middle)
            header.addWidget(self.time_label, 0, 1, 2, 1)
            header.addWidget(self.summary, 1, 0, middle)
            header.addWidget(self.date_label, 2, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
            header.setColumnStretch(0, 1)
            for i, label in enumerate(self.footer_lines):
                info.addWidget(label, i, 0)
            info.setColumnStretch(0, 1)

    def _layout_cards(self) -> None:
        """Make as many cards as fit the body: rows x columns, each of a fixed height."""
        metrics = self._metrics
        if metrics is None:
            return
        card_height = PostingCard.height_for(metrics)
        margins = self.grid.contentsMargins()
        free = self.body.height() - margins.top() - margins.bottom()
        rows = max(1, (free + self.grid.spacing()) // (card_height + self.grid.spacing()))
        shape = (rows, metrics.columns, metrics.unit)
        if shape == self._grid_shape:
            return
        self._grid_shape = shape
        first = self.page_index * max(1, len(self.cards))
        for card in self.cards:
            self.grid.removeWidget(card)
            card.hide()
            card.setParent(None)
            card.deleteLater()
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        self.cards = []
        for row in range(rows):
            for column in range(metrics.columns):
                card = PostingCard(metrics, self.grid_page)
                self.grid.addWidget(card, row, column)
                self.cards.append(card)
        for column in range(metrics.columns):
            self.grid.setColumnStretch(column, 1)
        for row in range(rows):
            self.grid.setRowStretch(row, 1)
        self._paginate(self.content.postings, keep_first=first)
        self._show_page(fade=False)

    # -- content ---------------------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock()).replace(microsecond=0)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = open_board_connection(self.desk.db.path)
        return self._conn

    def refresh(self, force: bool = False) -> bool:
        """Reload from the database if anything may have changed; True when the board changed.
        A busy or locked database is logged once and tried again at the next tick."""
        now = self.now()
        try:
            conn = self._connection()
            version = (data_version(conn), now.date().isoformat())
            stale = self.clock() - self._loaded_at >= RELOAD_AT_LEAST_S
            if not force and version == self._version and not stale:
                return False
            content = load_board(self.desk, conn, now)
        except (sqlite3.Error, SQLAlchemyError) as error:
            if not self._failing:
                log.warning("board could not read the database, will retry: %s", error)
            self._failing = True
            self._drop_connection()
            return False
        if self._failing:
            log.info("board reads the database again")
        self._failing = False
        self._version = version
        self._loaded_at = self.clock()
        self.loaded = True
        if content == self.content:
            return False
        self._apply(content)
        return True

    def _drop_connection(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
            self._version = None

    def _apply(self, content: BoardContent) -> None:
        old = self.content
        self.content = content
        settings = content.settings
        self.page_timer.setInterval(settings.page_seconds * 1000)
        self.announcer.enabled = settings.speech
        if old.station != content.station:
            self._show_station()
        if (old.settings.qr_url, old.settings.qr_caption) != (settings.qr_url, settings.qr_caption):
            self._set_qr()
        if old.settings.notices != settings.notices:
            self.notice_index = 0
        self._show_notice()
        if old.postings != content.postings:
            first = self.page_index * max(1, len(self.cards))
            self._paginate(content.postings, keep_first=first)
            self._show_page(fade=False)
            self._announce_new(old.postings, content.postings)

    def _announce_new(self, old: tuple[BoardPosting, ...], new: tuple[BoardPosting, ...]) -> None:
        if not self.announcer.enabled or not old:
            return
        seen = {p.id for p in old}
        for posting in new:
            if posting.id not in seen:
                self.announcer.say(
                    self.tr("New job: %1, %2 people, %3")
                    .replace("%1", posting.occupation)
                    .replace("%2", str(posting.headcount))
                    .replace("%3", posting.pay)
                )

    def _show_station(self) -> None:
        station = self.content.station
        self.station_name.setText(station.name or self.tr("Gig-work station"))
        self.setWindowTitle(
            self.tr("Job board") + " · " + (station.name or self.tr("Gig-work station"))
        )
        if station.empty:
            self.address.setText(
                self.tr("Station details are being filled in; please ask at the counter.")
            )
            for label in self.footer_lines[1:]:
                label.setText("")
                label.hide()
            return
        lines = (
            (self.address, self.tr("Address: %1"), station.address),
            (self.hours, self.tr("Opening hours: %1"), station.opening_hours),
            (self.hotline, self.tr("Service hotline: %1"), station.hotline),
            (self.complaint, self.tr("Complaints: %1"), station.complaint_channel),
        )
        for label, template, value in lines:
            label.setText(template.replace("%1", value) if value else "")
            label.setVisible(bool(value))

    def _set_qr(self) -> None:
        settings = self.content.settings
        url = settings.qr_url
        if url != self._qr_url:
            self._qr_url = url
            self._qr_source = qr_pixmap(url) if url else QPixmap()
        if self._qr_source.isNull() or self._metrics is None:
            self.qr_image.clear()
            self.qr_image.hide()
            self.qr_caption.setText("")
            self.qr_caption.hide()
            return
        side = self._metrics.px(2.2)
        self.qr_image.setPixmap(
            self._qr_source.scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )
        self.qr_image.show()
        self.qr_caption.setText(settings.qr_caption)
        self.qr_caption.setVisible(bool(settings.qr_caption))

    def _show_notice(self) -> None:
        notices = self.content.settings.notices
        if notices:
            self.notice.setText(notices[self.notice_index % len(notices)])
        else:
            self.notice.setText(
                self.tr("Registering and finding work at the station is free of charge.")
            )

    # -- paging ----------------------------------------------------------------------------

    def _paginate(self, postings: tuple[BoardPosting, ...], keep_first: int = 0) -> None:
        size = max(1, len(self.cards))
        self.pages = [postings[i : i + size] for i in range(0, len(postings), size)]
        self.page_index = min(keep_first // size, max(0, len(self.pages) - 1))

    def _show_page(self, fade: bool = True) -> None:
        postings = self.content.postings
        total = len(postings)
        self.summary.setText(
            self.tr("%1 jobs, %2 people wanted")
            .replace("%1", str(total))
            .replace("%2", str(sum(p.headcount for p in postings)))
        )
        if not self.pages:
            self.stack.setCurrentWidget(self.empty_page)
            self.page_label.setText("")
            return
        self.stack.setCurrentWidget(self.grid_page)
        page = self.pages[self.page_index]
        for i, card in enumerate(self.cards):
            if i < len(page):
                card.show_posting(page[i])
                card.setVisible(True)
            else:
                card.setVisible(False)
        self.page_label.setText(
            self.tr("Page %1/%2")
            .replace("%1", str(self.page_index + 1))
            .replace("%2", str(len(self.pages)))
        )
        if fade and self.isVisible():
            self._fade.stop()
            self._effect.setEnabled(True)
            self._fade.start()

    def next_page(self) -> None:
        """Turn to the next page (and the next notice); after the last page comes the first."""
        if self.pages:
            self.page_index = (self.page_index + 1) % len(self.pages)
        notices = self.content.settings.notices
        if notices:
            self.notice_index = (self.notice_index + 1) % len(notices)
        self._show_notice()
        self._show_page(fade=len(self.pages) > 1)

    def restart_cycle(self) -> None:
        """Back to the first page with fresh data and a full page time (after sleep)."""
        self.refresh(force=True)
        self.page_index = 0
        self.notice_index = 0
        self._show_notice()
        self._show_page(fade=False)
        self.page_timer.start()

    # -- clock -----------------------------------------------------------------------------

    def _tick(self) -> None:
        wall, mono = self.clock(), time.monotonic()
        last_wall, last_mono = self._last_tick
        self._last_tick = (wall, mono)
        if max(wall - last_wall, mono - last_mono) > SLEEP_GAP_S:
            log.info("board woke up after %.0f s; starting the pages again", wall - last_wall)
            self.restart_cycle()
        self._update_clock()

    def _update_clock(self) -> None:
        now = self.now()
        clock = QTime(now.hour, now.minute).toString("HH:mm")
        if self.time_label.text() != clock:
            self.time_label.setText(clock)
            day = QDate(now.year, now.month, now.day)
            self.date_label.setText(QLocale().toString(day, self.tr("dddd, MMMM d, yyyy")))

    # -- Qt events -------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_metrics()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() == QEvent.Type.Resize:
            self._layout_cards()
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._layout_cards()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.next_page()
            self.page_timer.start()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        for timer in (self.clock_timer, self.refresh_timer, self.page_timer):
            timer.stop()
        self._fade.stop()
        self._drop_connection()
        super().closeEvent(event)

    # -- for tests and the screenshot --------------------------------------------------------

    def visible_texts(self) -> list[str]:
        """Every text on the board as it is now (labels hold their whole text)."""
        texts = [self.windowTitle()]
        for label in self.findChildren(QLabel):
            if label.isVisibleTo(self) and label.text():
                texts.append(label.text())
        return texts
