"""The posting (用工信息 / 招聘登记) form with the service standard's fields."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_desk.domain.posting import EMPLOYMENT_MODES, PAY_METHODS, PostingDraft
from station_desk.domain.screening import CATEGORY_LABELS, Finding, LawfulException
from station_desk.services import postings
from station_desk.services.context import Desk, ValidationFailed
from station_desk.store import queries
from station_desk.store.db import sqlite_connection
from station_desk.ui.forms import RecordForm

TEXT_FIELDS = (
    "occupation",
    "headcount",
    "pay",
    "work_location",
    "work_hours",
    "skill_requirements",
    "start_date",
    "expiry_date",
    "contact_person",
    "contact_phone",
    "description",
)
_PAY_KEYS = {"pay_min": "pay", "pay_max": "pay", "pay_unit": "pay"}


class ExceptionDialog(QDialog):
    """Record a lawful exception to a screening rule: which rule and why; staff from the desk."""

    def __init__(self, staff: str, rules: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record lawful exception"))
        self.rule = QComboBox()
        self.rule.setObjectName("exception_rule")
        for code in rules:
            self.rule.addItem(CATEGORY_LABELS.get(code, code), code)
        self.why = QPlainTextEdit()
        self.why.setObjectName("exception_why")
        self.why.setTabChangesFocus(True)
        self.why.setFixedHeight(80)
        self.why.setPlaceholderText(
            self.tr("e.g. underground mine work, which the law closes to women")
        )
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Rule"), self.rule)
        form.addRow(self.tr("Why it is lawful"), self.why)
        form.addRow(self.tr("Recorded by"), QLabel(staff))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.staff = staff
        self.why.setFocus()

    def exception(self) -> LawfulException:
        return LawfulException(
            by=self.staff, rule=str(self.rule.currentData()), why=self.why.toPlainText().strip()
        )

    def _accept(self) -> None:
        problem = self.exception().problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()


class PostingForm(RecordForm):
    """New posting (posting_id None) or editing one; the employer picked or typed new."""

    def __init__(
        self, desk: Desk, posting_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, parent)
        self.posting_id = posting_id
        self.setWindowTitle(self.tr("Edit posting") if posting_id else self.tr("New posting"))

        self.employer = QComboBox()
        self.employer.setEditable(True)
        self.employer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        with desk.db.read() as session:
            choices = queries.employer_choices(sqlite_connection(session))
        self.employer.addItem("", "")
        for employer_id, name in choices:
            self.employer.addItem(name, employer_id)
        self.employer.setCurrentIndex(0)
        self.employer.lineEdit().setPlaceholderText(
            self.tr("pick a registered employer or type a new one")
        )
        completer = self.employer.completer()
        completer.setFilterMode(completer.filterMode().MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_field("employer_name", self.tr("Employer"), self.employer)
        self.occupation_line(
            "occupation", self.tr("Occupation"), self.tr("e.g. 采茶工, 电工"), False
        )
        self.add_pair(
            ("headcount", self.tr("Headcount"), self.line_widget(self.tr("people"))),
            (
                "employment_mode",
                self.tr("Employment"),
                self.combo_widget(EMPLOYMENT_MODES, blank=True),
            ),
        )
        self.add_pair(
            (
                "pay",
                self.tr("Pay"),
                self.line_widget(self.tr("e.g. 180-220元/天; empty: negotiable")),
            ),
            ("pay_method", self.tr("Paid"), self.combo_widget(PAY_METHODS, blank=True)),
        )
        self.line("work_location", self.tr("Work location"))
        self.line("work_hours", self.tr("Hours / duration"), self.tr("e.g. 7:00-17:00, 10 days"))
        self.line("skill_requirements", self.tr("Skill requirements"))
        self.add_pair(
            (
                "start_date",
                self.tr("Start date"),
                self.line_widget(self.tr("YYYY-MM-DD, optional")),
            ),
            (
                "expiry_date",
                self.tr("Closing date"),
                self.line_widget(self.tr("YYYY-MM-DD, optional")),
            ),
        )
        self.add_pair(
            ("contact_person", self.tr("Contact person"), self.line_widget()),
            ("contact_phone", self.tr("Contact phone"), self.line_widget()),
        )
        self.add_field("description", self.tr("Description"), QPlainTextEdit())
        self.exceptions: list[LawfulException] = []
        self.findings: list[Finding] = []
        self.screening_box = QLabel()
        self.screening_box.setObjectName("screening_findings")
        self.screening_box.setWordWrap(True)
        self.screening_box.hide()
        self.exception_button = QPushButton(self.tr("Record lawful exception…"))
        self.exception_button.setObjectName("record_exception")
        self.exception_button.setAutoDefault(False)
        self.exception_button.clicked.connect(self.record_exception)
        self.exception_button.hide()
        self.recorded = QLabel()
        self.recorded.setObjectName("screening_exceptions")
        self.recorded.setWordWrap(True)
        self.recorded.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        for offset, widget in enumerate((self.screening_box, self.exception_button, self.recorded)):
            layout.insertWidget(2 + offset, widget)
        self.tab_chain.append(self.exception_button)
        self.apply_tab_order()
        if posting_id:
            self._load(posting_id)
        self.employer.setFocus()

    def _load(self, posting_id: str) -> None:
        posting = postings.get_posting(self.desk, posting_id)
        with self.desk.db.read() as session:
            name = queries.employer_name(sqlite_connection(session), posting.employer_id)
        draft = postings.draft_from_posting(posting, name)
        index = self.employer.findData(posting.employer_id)
        if index >= 0:
            self.employer.setCurrentIndex(index)
        else:
            self.employer.setEditText(name)
        self.set_value("employment_mode", draft.employment_mode)
        self.set_value("pay_method", draft.pay_method)
        for field_name in TEXT_FIELDS:
            self.set_value(field_name, getattr(draft, field_name))
        screening = postings.posting_screening(posting)
        if screening is not None and screening.exceptions:
            lines = [
                self.tr("Lawful exception recorded: %1 — %2 (by %3)")
                .replace("%1", CATEGORY_LABELS.get(e.rule, e.rule))
                .replace("%2", e.why)
                .replace("%3", e.by)
                for e in screening.exceptions
            ]
            self.recorded.setText("\n".join(lines))
            self.recorded.show()

    # -- screening ------------------------------------------------------------------------

    def show_findings(self, findings: list[Finding]) -> None:
        """Each discriminatory phrase with its reason and a neutral wording, and the button
        that records a lawful exception."""
        self.findings = findings
        if not findings:
            self.screening_box.hide()
            self.exception_button.hide()
            return
        items = "".join(
            "<li><b>{}</b>（{}）：{}<br>{}{}</li>".format(
                escape(f.phrase),
                escape(f.label),
                escape(f.reason),
                escape(self.tr("Suggestion: ")),
                escape(f.suggestion),
            )
            for f in findings
        )
        title = escape(
            self.tr("This posting may discriminate; reword it or record a lawful exception:")
        )
        self.screening_box.setText(f"<p>{title}</p><ul>{items}</ul>")
        self.screening_box.show()
        self.exception_button.show()

    def record_exception(self) -> None:
        rules = list(dict.fromkeys(f.category for f in self.findings))
        if not rules:
            return
        dialog = ExceptionDialog(self.desk.staff, rules, self)
        if dialog.exec():
            exception = dialog.exception()
            self.exceptions = [e for e in self.exceptions if e.rule != exception.rule]
            self.exceptions.append(exception)
            self.save()

    def save(self) -> None:
        try:
            self.submit()
        except postings.ScreeningFailed as failed:
            self.show_errors(failed.errors)
            self.show_findings(failed.findings)
            return
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            return
        self.accept()

    def error_field(self, name: str) -> str:
        return _PAY_KEYS.get(name, name)

    def employer_choice(self) -> tuple[str, str | None]:
        """(typed or picked employer name, its id when it is a registered one)."""
        name = self.employer.currentText().strip()
        index = self.employer.findText(name)
        employer_id = self.employer.itemData(index) if index > 0 else None
        return name, employer_id or None

    def draft(self) -> PostingDraft:
        name, _ = self.employer_choice()
        values = {field_name: self.value(field_name) for field_name in TEXT_FIELDS}
        return PostingDraft(
            employer_name=name,
            employment_mode=self.value("employment_mode"),
            pay_method=self.value("pay_method"),
            **values,
        )

    def submit(self) -> None:
        exceptions = list(self.exceptions)
        if self.posting_id:
            self.saved_id = postings.edit_posting(
                self.desk, self.posting_id, self.draft(), exception=exceptions
            ).id
            return
        _, employer_id = self.employer_choice()
        self.saved_id = postings.publish_posting(
            self.desk, self.draft(), employer_id, exception=exceptions
        ).id
