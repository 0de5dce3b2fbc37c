"""A list page: the search box above a table of one kind of record."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_desk.ui.background import TaskManager
from station_desk.ui.table_models import RecordTableModel, fetch_ids_apart
from station_desk.ui.theme import ROW_HEIGHT

SEARCH_DELAY_MS = 150


class ListPage(QWidget):
    """Search box, table and the page's main buttons. Emits what the user asked for."""

    new_requested = Signal()
    edit_requested = Signal(str)
    selection_changed = Signal()

    def __init__(self, model: RecordTableModel, new_text: str, placeholder: str) -> None:
        super().__init__()
        self.model = model
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(placeholder)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.new_button = QPushButton(new_text)
        self.new_button.setProperty("primary", True)
        self.new_button.clicked.connect(self.new_requested)
        self.found_label = QLabel()
        self.found_label.setProperty("role", "hint")

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.found_label)
        top.addSpacing(12)
        top.addWidget(self.new_button)

        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        vertical = self.view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.setVisible(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, spec in enumerate(model.columns):
            self.view.setColumnWidth(column, spec.width)
        header.setStretchLastSection(True)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(self.selection_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(self._timer.start)
        self.setFocusProxy(self.search_box)

    # -- behaviour --------------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        """Reload the list (keeping the search) and select select_id or the previous row."""
        keep = select_id or self.current_id()
        query = self.search_box.text()
        self.model.reload(query)
        if query.strip():
            self.found_label.setText(self.tr("%n found", "", self.model.rowCount()))
        else:
            self.found_label.setText("")
        if keep:
            self.select(keep)

    def refresh_in_background(self, tasks: TaskManager) -> None:
        """Like refresh, but the ids are read off the UI thread; a newer search wins."""
        keep = self.current_id()
        query = self.search_box.text()
        path, kind = self.model.database_path, self.model.kind

        def apply(ids: list[str]) -> None:
            if self.search_box.text() != query:
                return  # the user typed meanwhile; their search is already running
            self.model.set_ids(ids)
            if keep:
                self.select(keep)

        tasks.run(lambda: fetch_ids_apart(path, kind, query), apply)

    def select(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().hasSelection():
            return None
        return self.model.record_id(index.row())

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _activated(self, index) -> None:
        record_id = self.model.record_id(index.row())
        if record_id:
            self.edit_requested.emit(record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                self._timer.stop()
                self.refresh()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self._timer.stop()
                    self.refresh()
                if self.model.rowCount() > 0:
                    if self.current_id() is None:
                        self.select(self.model.record_id(0) or "")
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
