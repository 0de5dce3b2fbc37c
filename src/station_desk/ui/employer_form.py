"""The employer (用工主体) form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from station_desk.domain.employer import EMPLOYER_KINDS, EmployerDraft
from station_desk.services import employers
from station_desk.services.context import Desk
from station_desk.ui.forms import RecordForm

FIELDS = ("name", "kind", "contact_person", "phone", "address", "credit_code")


class EmployerForm(RecordForm):
    """New employer (employer_id None) or editing one."""

    def __init__(
        self, desk: Desk, employer_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, parent)
        self.employer_id = employer_id
        self.open_existing_id: str | None = None
        self.setWindowTitle(self.tr("Edit employer") if employer_id else self.tr("New employer"))
        self.line("name", self.tr("Name"), self.tr("company, cooperative or person"))
        self.combo("kind", self.tr("Type"), EMPLOYER_KINDS, blank=False)
        self.line("contact_person", self.tr("Contact person"))
        self.line("phone", self.tr("Phone"), self.tr("mobile or landline with area code"))
        self.line("address", self.tr("Address"))
        self.line("credit_code", self.tr("Credit code"), self.tr("optional, 18 characters"))
        self.apply_tab_order()
        if employer_id:
            draft = employers.draft_from_employer(employers.get_employer(desk, employer_id))
            for name in FIELDS:
                self.set_value(name, getattr(draft, name))
        self.fields["name"].setFocus()

    def draft(self) -> EmployerDraft:
        return EmployerDraft(**{name: self.value(name) for name in FIELDS})

    def submit(self) -> None:
        if self.employer_id:
            self.saved_id = employers.edit_employer(self.desk, self.employer_id, self.draft()).id
            return
        result = employers.register_employer(self.desk, self.draft())
        self.saved_id, self.warnings = result.employer.id, result.warnings
        if not result.created:
            self.open_existing_id = result.employer.id
