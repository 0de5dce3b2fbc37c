"""A read-only table model over rows a service returned, and the list dialog the counter's
work pages (matches, follow-up, 帮扶台账, rights cases, tools) are built from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of display text, each with the id of the record it shows."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.ids: list[str] = []
        self.rows: list[list[str]] = []

    def set_rows(self, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
        self.beginResetModel()
        self.ids = [record_id for record_id, _ in rows]
        self.rows = [["" if v is None else str(v) for v in values] for _, values in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def row_of(self, record_id: str) -> int:
        return self.ids.index(record_id) if record_id in self.ids else -1


class ListDialog(QDialog):
    """A hint line, a keyboard-first table and a status line; subclasses add key actions."""

    def __init__(self, title: str, headers: Sequence[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1000, 560)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.model = RowsModel(headers, self)
        self.view = QTableView()
        self.view.setObjectName("workList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setObjectName("workMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.child: QDialog | None = None

    def open_child(self, form: QDialog, reload: Callable[[], object]) -> QDialog:
        """A form on top of this list; back in the list, reloaded, when it closes."""

        def back(_result: int) -> None:
            reload()
            self.activateWindow()
            self.view.setFocus()
            form.deleteLater()

        form.finished.connect(back)
        self.child = form
        form.open()
        return form

    def key(self, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def show_rows(self, rows: Sequence[tuple[str, Sequence[Any]]], keep: str | None = None) -> None:
        keep = keep or self.current_id()
        self.model.set_rows(rows)
        row = self.model.row_of(keep) if keep else -1
        if self.model.rowCount():
            self.view.selectRow(max(row, 0))
        self.view.setFocus()

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.ids):
            return None
        return self.model.ids[index.row()]

    def say(self, text: str) -> None:
        self.message.setText(text)
