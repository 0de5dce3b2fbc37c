"""The posting (用工信息 / 招聘登记) form with the service standard's fields."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QCompleter, QPlainTextEdit, QWidget

from station_desk.domain.posting import EMPLOYMENT_MODES, PAY_METHODS, PostingDraft
from station_desk.services import postings
from station_desk.services.context import Desk
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
        if self.posting_id:
            self.saved_id = postings.edit_posting(self.desk, self.posting_id, self.draft()).id
            return
        _, employer_id = self.employer_choice()
        self.saved_id = postings.publish_posting(self.desk, self.draft(), employer_id).id
