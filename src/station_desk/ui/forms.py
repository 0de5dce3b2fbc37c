"""The shared shape of the desk's record forms: labelled fields, red errors under each
field, a primary Save button. Enter saves (Ctrl+Enter in multi-line fields), Esc cancels."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_desk.services.context import Desk, ValidationFailed
from station_desk.ui.completers import OccupationCompleter


def plain_text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return str(data) if data is not None else widget.currentText()
    raise TypeError(widget)


class RecordForm(QDialog):
    """Base of the worker, employer and posting forms."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.fields: dict[str, QWidget] = {}
        self.tab_chain: list[QWidget] = []
        self.error_labels: dict[str, QLabel] = {}
        self.saved_id: str | None = None
        self.warnings: list[str] = []

        self.general_error = QLabel()
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(6)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(QCoreApplication.translate("RecordForm", "Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("RecordForm", "Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(self.general_error)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

    # -- building -------------------------------------------------------------------------

    def _column(self, name: str, widget: QWidget, side: QWidget | None = None) -> QWidget:
        """The widget (and something beside it) with its red error line under it."""
        error = QLabel()
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.setObjectName(f"error_{name}")
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if side is not None:
            row = QHBoxLayout()
            row.setSpacing(10)
            row.addWidget(widget, 3)
            row.addWidget(side, 2)
            column.addLayout(row)
        else:
            column.addWidget(widget)
        column.addWidget(error)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(72)
        widget.setObjectName(name)
        self.fields[name] = widget
        self.error_labels[name] = error
        self.tab_chain.append(widget)
        if side is not None:
            self.tab_chain.extend(side.findChildren(QPushButton))
        return box

    def add_field(
        self, name: str, label: str, widget: QWidget, side: QWidget | None = None
    ) -> QWidget:
        """A labelled row of the form."""
        self.form.addRow(label, self._column(name, widget, side))
        return widget

    def add_pair(self, first: tuple[str, str, QWidget], second: tuple[str, str, QWidget]) -> None:
        """Two short fields on one row: (name, label, widget) each."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        top = Qt.AlignmentFlag.AlignTop
        row.addWidget(self._column(first[0], first[2]), 1, top)
        label = QLabel(second[1])
        label.setMinimumHeight(first[2].sizeHint().height())
        row.addWidget(label, 0, top)
        row.addWidget(self._column(second[0], second[2]), 1, top)
        self.form.addRow(first[1], box)

    @staticmethod
    def line_widget(placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        return edit

    def combo_widget(self, items: tuple[tuple[str, str], ...], blank: bool) -> QComboBox:
        box = QComboBox()
        if blank:
            box.addItem(QCoreApplication.translate("RecordForm", "(not set)"), "")
        for code, text in items:
            box.addItem(text, code)
        return box

    def line(self, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.add_field(name, label, edit)
        return edit

    def occupation_line(self, name: str, label: str, placeholder: str, multi: bool) -> QLineEdit:
        edit = self.line(name, label, placeholder)
        OccupationCompleter(edit, multi=multi)
        return edit

    def combo(
        self, name: str, label: str, items: tuple[tuple[str, str], ...], blank: bool
    ) -> QComboBox:
        box = self.combo_widget(items, blank)
        self.add_field(name, label, box)
        return box

    def apply_tab_order(self) -> None:
        """Tab goes down the form in reading order, then Save, then Cancel."""
        chain = [*self.tab_chain, self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- values and errors ----------------------------------------------------------------

    def value(self, name: str) -> str:
        return plain_text(self.fields[name])

    def set_value(self, name: str, value: object) -> None:
        widget = self.fields[name]
        text = "" if value is None else str(value)
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        elif isinstance(widget, QComboBox):
            index = widget.findData(text)
            if index < 0:
                index = widget.findText(text)
            if index >= 0:
                widget.setCurrentIndex(index)
            elif widget.isEditable():
                widget.setEditText(text)

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.clear()
            label.hide()
        self.general_error.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field (what was typed stays); the first bad field focused."""
        self.clear_errors()
        general: list[str] = []
        first: QWidget | None = None
        for name, message in errors.items():
            label = self.error_labels.get(self.error_field(name))
            if label is None:
                general.append(message)
                continue
            label.setText(message)
            label.show()
            first = first or self.fields[self.error_field(name)]
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_field(self, name: str) -> str:
        """The form field that shows a service error key (override for aliases)."""
        return name

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        try:
            self.submit()
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            return
        self.accept()

    def submit(self) -> None:
        """Call the service; set saved_id; raise ValidationFailed to keep the form open."""
        raise NotImplementedError
