"""Rights cases (权益维护, F8) and tool lending (工具借用, F9): lists with key actions and
the small forms they open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from station_desk.domain.cases import CASE_KINDS, parse_amount
from station_desk.services import rights_cases, tools
from station_desk.services.context import Desk, NotFound, ValidationFailed
from station_desk.ui.work_models import ListDialog

Changed = Callable[[], None]


def _money(value: float | None) -> str:
    return "" if value is None else f"{value:,.2f}"


class SmallForm(QDialog):
    """A form of a few rows; Enter in the last line edit saves, Esc cancels."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QFormLayout(self)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addRow(self.error)
        self.layout_.addRow(self.buttons)

    def line(self, name: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.returnPressed.connect(self.save)
        self.layout_.addRow(label, edit)
        return edit

    def save(self) -> None:
        raise NotImplementedError


class CaseForm(SmallForm):
    """Intake of a case with the party chosen at the desk (a worker or an employer)."""

    def __init__(
        self,
        desk: Desk,
        party: tuple[str | None, str | None],
        party_name: str,
        changed: Changed,
        parent: QWidget | None,
    ) -> None:
        super().__init__(self.tr("New rights case"), parent)
        self.setObjectName("caseForm")
        self.desk, self.party, self.changed = desk, party, changed
        self.layout_.addRow(self.tr("Party"), QLabel(party_name))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code, label in CASE_KINDS:
            self.kind.addItem(label, code)
        self.layout_.addRow(self.tr("Kind"), self.kind)
        self.due_days = QSpinBox()
        self.due_days.setObjectName("due_days")
        self.due_days.setRange(1, 365)
        self.due_days.setValue(15)
        self.layout_.addRow(self.tr("Due in days"), self.due_days)
        self.summary = self.line("summary", self.tr("What happened"))
        self.amount = self.line("amount_owed", self.tr("Amount owed (yuan)"))
        self.finish_layout()
        self.kind.setFocus()

    def save(self) -> None:
        try:
            amount = parse_amount(self.amount.text())
            rights_cases.open_case(
                self.desk,
                self.kind.currentData(),
                self.summary.text(),
                worker_id=self.party[0],
                employer_id=self.party[1],
                amount_owed=amount,
                due_date=self.desk.today() + timedelta(days=self.due_days.value()),
            )
        except (ValueError, ValidationFailed, NotFound) as exc:
            self.error.setText(str(exc))
            return
        self.changed()
        self.accept()


class StatusForm(SmallForm):
    """A case's next status, with the money recovered at this step."""

    def __init__(
        self, desk: Desk, case_id: str, status: str, changed: Changed, parent: QWidget | None
    ) -> None:
        super().__init__(self.tr("Case status"), parent)
        self.setObjectName("statusForm")
        self.desk, self.case_id, self.status, self.changed = desk, case_id, status, changed
        self.note = self.line("note", self.tr("Note"))
        self.recovered = self.line("amount_recovered", self.tr("Recovered now (yuan)"))
        self.finish_layout()
        self.note.setFocus()

    def save(self) -> None:
        try:
            amount = parse_amount(self.recovered.text())
            rights_cases.change_status(
                self.desk, self.case_id, self.status, self.note.text(), amount
            )
        except (ValueError, ValidationFailed, NotFound) as exc:
            self.error.setText(str(exc))
            return
        self.changed()
        self.accept()


class CasesDialog(ListDialog):
    def __init__(
        self,
        desk: Desk,
        party: tuple[str | None, str | None],
        party_name: str,
        changed: Changed,
        parent: QWidget | None,
    ) -> None:
        headers = [
            self.tr("Kind"),
            self.tr("Worker"),
            self.tr("Employer"),
            self.tr("Status"),
            self.tr("Owed"),
            self.tr("Recovered"),
            self.tr("Due"),
            self.tr("What happened"),
        ]
        super().__init__(self.tr("Rights cases"), headers, parent)
        self.setObjectName("casesDialog")
        self.desk, self.party, self.party_name, self.changed = desk, party, party_name, changed
        self.overdue_only = False
        self.hint.setText(
            self.tr(
                "Ctrl+N: new case for the worker or employer selected in the desk  ·  "
                "M: mediating  ·  R: resolved  ·  J: referred to labour inspection  ·  "
                "O: only overdue"
            )
        )
        self.key("Ctrl+N", self.new_case)
        self.key("M", lambda: self.move("mediating"))
        self.key("R", lambda: self.move("resolved"))
        self.key("J", lambda: self.move("referred"))
        self.key("O", self.toggle)
        self.reload()

    def toggle(self) -> None:
        self.overdue_only = not self.overdue_only
        self.reload()

    def reload(self) -> None:
        rows = rights_cases.list_cases(self.desk, overdue_only=self.overdue_only)
        self.show_rows(
            [
                (
                    r.id,
                    (
                        r.kind_label,
                        r.worker_name,
                        r.employer_name,
                        r.status_label,
                        _money(r.amount_owed),
                        _money(r.amount_recovered),
                        (r.due_date.isoformat() if r.due_date else "")
                        + (" ⚠" if r.overdue else ""),
                        r.summary,
                    ),
                )
                for r in rows
            ]
        )

    def _open(self, form: QDialog) -> QDialog:
        return self.open_child(form, self.reload)

    def new_case(self) -> QDialog | None:
        if self.party == (None, None):
            self.say(self.tr("Select a worker or an employer in the desk first."))
            return None
        return self._open(CaseForm(self.desk, self.party, self.party_name, self.changed, self))

    def move(self, status: str) -> QDialog | None:
        case_id = self.current_id()
        if case_id is None:
            return None
        return self._open(StatusForm(self.desk, case_id, status, self.changed, self))


class LendForm(SmallForm):
    def __init__(
        self, desk: Desk, worker_id: str, worker_name: str, changed: Changed, parent: QWidget | None
    ) -> None:
        super().__init__(self.tr("Lend a tool"), parent)
        self.setObjectName("lendForm")
        self.desk, self.worker_id, self.changed = desk, worker_id, changed
        self.layout_.addRow(self.tr("Worker"), QLabel(worker_name))
        self.tool = QComboBox()
        self.tool.setObjectName("tool")
        for row in tools.list_tools(desk):
            self.tool.addItem(f"{row.name}（{row.available}）", row.id)
        self.layout_.addRow(self.tr("Tool"), self.tool)
        self.days = QSpinBox()
        self.days.setObjectName("days")
        self.days.setRange(0, 90)
        self.days.setValue(7)
        self.layout_.addRow(self.tr("Return in days"), self.days)
        self.note = self.line("note", self.tr("Note"))
        self.finish_layout()
        self.tool.setFocus()

    def save(self) -> None:
        if self.tool.currentData() is None:
            self.error.setText(self.tr("Add a tool to the inventory first (Ctrl+N)."))
            return
        due = self.desk.today() + timedelta(days=self.days.value())
        try:
            tools.lend_tool(
                self.desk, self.tool.currentData(), self.worker_id, due, note=self.note.text()
            )
        except (ValidationFailed, NotFound) as exc:
            self.error.setText(str(exc))
            return
        self.changed()
        self.accept()


class ToolForm(SmallForm):
    def __init__(self, desk: Desk, changed: Changed, parent: QWidget | None) -> None:
        super().__init__(self.tr("Add tools"), parent)
        self.setObjectName("toolForm")
        self.desk, self.changed = desk, changed
        self.count = QSpinBox()
        self.count.setObjectName("count")
        self.count.setRange(1, 999)
        self.layout_.addRow(self.tr("How many"), self.count)
        self.name = self.line("name", self.tr("Tool"))
        self.finish_layout()
        self.name.setFocus()

    def save(self) -> None:
        try:
            tools.add_tool(self.desk, self.name.text(), self.count.value())
        except ValidationFailed as exc:
            self.error.setText(str(exc))
            return
        self.changed()
        self.accept()


class ToolsDialog(ListDialog):
    """Loans not yet returned (overdue first); the inventory in the hint line."""

    def __init__(
        self,
        desk: Desk,
        worker: tuple[str, str] | None,
        changed: Changed,
        parent: QWidget | None,
    ) -> None:
        headers = [
            self.tr("Tool"),
            self.tr("Worker"),
            self.tr("Count"),
            self.tr("Lent"),
            self.tr("Due"),
        ]
        super().__init__(self.tr("Tool lending"), headers, parent)
        self.setObjectName("toolsDialog")
        self.desk, self.worker, self.changed = desk, worker, changed
        self.key("Ctrl+N", self.add_tools)
        self.key("L", self.lend)
        self.key("R", self.give_back)
        self.reload()

    def reload(self) -> None:
        stock = "、".join(f"{t.name} {t.available}/{t.count}" for t in tools.list_tools(self.desk))
        self.hint.setText(
            self.tr(
                "L: lend to the worker selected in the desk  ·  R: returned  ·  Ctrl+N: add tools"
            )
            + "\n"
            + self.tr("In stock: %1").replace("%1", stock or "—")
        )
        self.show_rows(
            [
                (
                    r.id,
                    (
                        r.tool_name,
                        r.worker_name,
                        r.count,
                        f"{r.lent_at:%Y-%m-%d}",
                        (r.due_date.isoformat() if r.due_date else "")
                        + (" ⚠" if r.overdue else ""),
                    ),
                )
                for r in tools.list_loans(self.desk)
            ]
        )

    def _open(self, form: QDialog) -> QDialog:
        return self.open_child(form, self.reload)

    def add_tools(self) -> QDialog:
        return self._open(ToolForm(self.desk, self.changed, self))

    def lend(self) -> QDialog | None:
        if self.worker is None:
            self.say(self.tr("Select a worker in the desk first."))
            return None
        return self._open(LendForm(self.desk, *self.worker, self.changed, self))

    def give_back(self) -> None:
        loan_id = self.current_id()
        if loan_id is None:
            return
        try:
            tools.return_tool(self.desk, loan_id)
        except (ValidationFailed, NotFound) as exc:
            self.say(str(exc))
            return
        self.say(self.tr("Returned."))
        self.changed()
        self.reload()
