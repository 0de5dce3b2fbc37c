"""隐私 → 审计记录 (admin only): who saw, exported, printed or erased whose personal data.
Newest first; filtered by date, staff and record; rows load a page at a time as the list
scrolls, so a long trail opens at once."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_desk.services.audit_trail import (
    AuditEntry,
    AuditFilter,
    action_label,
    audit_entries,
    audit_staff_names,
    describe,
    worker_labels,
)
from station_desk.services.context import Desk

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("AuditModel", "Time"),
    QT_TRANSLATE_NOOP("AuditModel", "Staff"),
    QT_TRANSLATE_NOOP("AuditModel", "Action"),
    QT_TRANSLATE_NOOP("AuditModel", "Record"),
    QT_TRANSLATE_NOOP("AuditModel", "Details"),
)


class AuditModel(QAbstractTableModel):
    """The audit rows matching a filter, fetched PAGE at a time."""

    def __init__(self, desk: Desk, parent: Any = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.where = AuditFilter()
        self.rows: list[AuditEntry] = []
        self.names: dict[str, str] = {}
        self._more = True

    def set_filter(self, where: AuditFilter) -> None:
        self.beginResetModel()
        self.where, self.rows, self._more = where, [], True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        page = audit_entries(self.desk, self.where, limit=PAGE, offset=len(self.rows))
        self._more = len(page) == PAGE
        if page:
            ids = [e.record_id for e in page if e.record_kind == "worker"]
            self.names.update(worker_labels(self.desk, ids))
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return {3: entry.record_id, 4: entry.detail}.get(column)
        if column == 0:
            return f"{entry.at:%Y-%m-%d %H:%M:%S}"
        if column == 1:
            return entry.staff
        if column == 2:
            return action_label(entry.action)
        if column == 3:
            if entry.record_kind == "worker" and not entry.record_id:
                return QCoreApplication.translate("AuditModel", "many (see details)")
            name = self.names.get(entry.record_id)
            return f"{name}（{entry.record_id[:8]}…）" if name else entry.record_id
        return describe(entry)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("AuditModel", COLUMNS[section])
        return None


class AuditPage(QDialog):
    """The audit trail with its filters (the services refuse it to counter staff)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None, record: str = "") -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("auditPage")
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1100, 640)
        today = desk.today()
        self.use_since = QCheckBox(self.tr("From"))
        self.since = QDateEdit(_qdate(today.replace(day=1)))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.until = QDateEdit(_qdate(today))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.use_until = QCheckBox(self.tr("To"))
        self.until.setEnabled(False)
        self.use_until.toggled.connect(self.until.setEnabled)
        self.staff = QComboBox()
        self.staff.setObjectName("staff")
        self.staff.addItem(self.tr("Everyone"), "")
        for name in audit_staff_names(desk):
            self.staff.addItem(name, name)
        self.record = QLineEdit(record)
        self.record.setObjectName("record")
        self.record.setPlaceholderText(self.tr("record id"))
        self.record.setClearButtonEnabled(True)
        apply = QPushButton(self.tr("Show"))
        apply.setDefault(True)
        apply.clicked.connect(self.apply)
        self.record.returnPressed.connect(self.apply)
        filters = QHBoxLayout()
        for widget in (self.use_since, self.since, self.use_until, self.until):
            filters.addWidget(widget)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Staff")))
        filters.addWidget(self.staff)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Record")))
        filters.addWidget(self.record, 1)
        filters.addWidget(apply)

        self.model = AuditModel(desk, self)
        self.model.rowsInserted.connect(lambda *_: self.show_summary())
        self.view = QTableView()
        self.view.setObjectName("auditView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        for column, width in enumerate((160, 100, 130, 290)):
            self.view.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.apply()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            since=_pydate(self.since.date()) if self.use_since.isChecked() else None,
            until=_pydate(self.until.date()) if self.use_until.isChecked() else None,
            staff=str(self.staff.currentData() or ""),
            record=self.record.text().strip(),
        )

    def apply(self) -> None:
        self.model.set_filter(self.current_filter())
        self.show_summary()

    def show_summary(self) -> None:
        shown = str(self.model.rowCount())
        if self.model.canFetchMore(QModelIndex()):
            text = self.tr("%1 entries shown, newest first; scroll down for older ones")
        else:
            text = self.tr("%1 entries, newest first")
        self.summary.setText(text.replace("%1", shown))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
