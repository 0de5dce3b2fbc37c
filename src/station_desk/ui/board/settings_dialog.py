"""大屏设置: the lobby board's notices, page time, QR code, phone display, voice and screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station_desk.services.board import (
    MAX_NOTICE_CHARS,
    MAX_NOTICES,
    MAX_PAGE_SECONDS,
    MIN_PAGE_SECONDS,
    BoardSettings,
    load_board_settings,
    save_board_settings,
)
from station_desk.services.context import Desk


class BoardSettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Lobby board settings"))
        self.setMinimumWidth(560)
        current = load_board_settings(desk)

        self.notices = QPlainTextEdit()
        self.notices.setPlaceholderText(
            self.tr("One notice per line, e.g. a training session or a new policy")
        )
        self.notices.setPlainText("\n".join(current.notices))
        self.page_seconds = QSpinBox()
        self.page_seconds.setRange(MIN_PAGE_SECONDS, MAX_PAGE_SECONDS)
        self.page_seconds.setSuffix(self.tr(" s"))
        self.page_seconds.setValue(current.page_seconds)
        self.qr_url = QLineEdit(current.qr_url)
        self.qr_url.setPlaceholderText(self.tr("Address of the city platform; empty: no QR code"))
        self.qr_caption = QLineEdit(current.qr_caption)
        self.show_phone = QCheckBox(self.tr("Show employers' phone numbers on the board"))
        self.show_phone.setChecked(current.show_employer_phone)
        self.speech = QCheckBox(self.tr("Announce new postings aloud"))
        self.speech.setChecked(current.speech)
        self.screen = QComboBox()
        for number, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            self.screen.addItem(
                self.tr("Screen %1 (%2×%3)")
                .replace("%1", str(number + 1))
                .replace("%2", str(size.width()))
                .replace("%3", str(size.height())),
                number,
            )
        if current.screen >= self.screen.count():
            self.screen.addItem(
                self.tr("Screen %1").replace("%1", str(current.screen + 1)), current.screen
            )
        self.screen.setCurrentIndex(self.screen.findData(current.screen))

        form = QFormLayout()
        form.addRow(self.tr("&Notices:"), self.notices)
        hint = QLabel(
            self.tr("Up to %1 notices of %2 characters; the board shows one at a time.")
            .replace("%1", str(MAX_NOTICES))
            .replace("%2", str(MAX_NOTICE_CHARS))
        )
        hint.setProperty("role", "hint")
        form.addRow("", hint)
        form.addRow(self.tr("&Page time:"), self.page_seconds)
        form.addRow(self.tr("&QR code address:"), self.qr_url)
        form.addRow(self.tr("QR &caption:"), self.qr_caption)
        form.addRow(self.tr("&Screen:"), self.screen)
        form.addRow("", self.show_phone)
        form.addRow("", self.speech)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.saved: BoardSettings | None = None

    def settings(self) -> BoardSettings:
        return BoardSettings(
            page_seconds=self.page_seconds.value(),
            qr_url=self.qr_url.text(),
            qr_caption=self.qr_caption.text(),
            notices=tuple(self.notices.toPlainText().splitlines()),
            show_employer_phone=self.show_phone.isChecked(),
            speech=self.speech.isChecked(),
            screen=int(self.screen.currentData() or 0),
        )

    def accept(self) -> None:
        self.saved = save_board_settings(self.desk, self.settings())
        super().accept()
