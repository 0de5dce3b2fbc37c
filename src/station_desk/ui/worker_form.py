"""The worker (零工) registration form: ID number first, what it tells shown at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_desk.domain.idcard import IdNumberError, normalize_id_number, parse_id_number
from station_desk.domain.masking import mask_id_number, mask_phone
from station_desk.domain.worker import WorkerDraft, is_older_worker, validate_worker
from station_desk.services import workers
from station_desk.services.context import Desk, ValidationFailed
from station_desk.ui.forms import RecordForm

HARDSHIPS = ("hardship_long_wait", "hardship_low_income", "hardship_disability")


class WorkerForm(RecordForm):
    """New registration (worker_id None) or editing a registered worker."""

    def __init__(
        self, desk: Desk, worker_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, parent)
        self.worker_id = worker_id
        self.open_existing_id: str | None = None
        self._found_id: str | None = None
        self.setWindowTitle(self.tr("Edit worker") if worker_id else self.tr("Register a worker"))
        self.setMinimumWidth(760)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(2)
        self.id_info = QLabel()
        self.id_info.setObjectName("idInfo")
        self.id_info.setWordWrap(True)
        self.id_info.setProperty("role", "hint")
        self.id_info.setText(self.tr("Birth date, sex, age and home region appear here"))
        self.found_row = QWidget()
        found_layout = QHBoxLayout(self.found_row)
        found_layout.setContentsMargins(0, 0, 0, 0)
        self.found_label = QLabel()
        self.found_label.setObjectName("foundLabel")
        self.found_label.setProperty("role", "info")
        self.found_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open record"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open_found)
        found_layout.addWidget(self.found_label, 1)
        found_layout.addWidget(self.open_button)
        self.found_row.hide()
        # Editing shows the ID number and phone masked; this shows them (and audits it).
        self.reveal_button = QPushButton(self.tr("Show full numbers"))
        self.reveal_button.setObjectName("revealNumbers")
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.clicked.connect(self.reveal_numbers)
        self.reveal_button.hide()
        self._masked_id = ""
        side_layout.addWidget(self.id_info)
        side_layout.addWidget(self.found_row)
        side_layout.addWidget(self.reveal_button)

        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18 characters"))
        self.id_number.setMaxLength(24)
        self.add_field("id_number", self.tr("ID number"), self.id_number, side)
        self.name = self.line("name", self.tr("Name"))
        self.phone = self.line(
            "phone", self.tr("Phone"), self.tr("mobile or landline with area code")
        )
        self.skills = self.occupation_line(
            "skills", self.tr("Skills"), self.tr("e.g. 电工、焊工 (pinyin initials work)"), True
        )
        self.intentions = self.occupation_line(
            "intentions", self.tr("Job wanted"), self.tr("trades and places wanted"), True
        )
        self.expected_pay = self.line(
            "expected_pay", self.tr("Expected pay"), self.tr("e.g. 200元/天, 4000-5000元/月")
        )
        hardship_box = QWidget()
        hardship_layout = QHBoxLayout(hardship_box)
        hardship_layout.setContentsMargins(0, 0, 0, 0)
        self.hardship: dict[str, QCheckBox] = {
            "hardship_long_wait": QCheckBox(self.tr("Long wait for work")),
            "hardship_low_income": QCheckBox(self.tr("Low-income family")),
            "hardship_disability": QCheckBox(self.tr("Disability")),
        }
        for name, box in self.hardship.items():
            box.setObjectName(name)
            hardship_layout.addWidget(box)
            self.tab_chain.append(box)
        self.older_label = QLabel()
        self.older_label.setProperty("role", "hint")
        hardship_layout.addWidget(self.older_label)
        hardship_layout.addStretch(1)
        self.form.addRow(self.tr("Hardship"), hardship_box)
        self.note = QPlainTextEdit()
        self.add_field("note", self.tr("Note"), self.note)
        # 告知同意: the configured text, read to the person before they agree.
        self.consent_shown = workers.consent_text(desk)
        self.consent_notice = QPlainTextEdit(self.consent_shown)
        self.consent_notice.setObjectName("consentNotice")
        self.consent_notice.setReadOnly(True)
        self.consent_notice.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes note → consent
        self.consent_notice.setFixedHeight(84)
        self.form.addRow(self.tr("Consent notice"), self.consent_notice)
        self.consent = QCheckBox(self.tr("The person was told and agrees to registration"))
        self.consent.setObjectName("consent")
        self.add_field("consent", "", self.consent)

        self.apply_tab_order()
        self.id_number.textChanged.connect(self._id_changed)
        if worker_id:
            self._load(worker_id)
            self.consent.setChecked(True)
            self.consent.setEnabled(False)
        from station_desk.ui.card_reader import attach_card_reader

        attach_card_reader(self)
        self.id_number.setFocus()

    def _load(self, worker_id: str) -> None:
        worker = workers.get_worker(self.desk, worker_id)
        draft = workers.draft_from_worker(worker)
        # Masked until staff ask to see them: opening a record is not a view of the numbers.
        self._masked_id = mask_id_number(draft.id_number)
        draft.id_number, draft.phone = self._masked_id, mask_phone(draft.phone)
        for name in ("id_number", "name", "phone", "skills", "intentions", "expected_pay", "note"):
            self.set_value(name, getattr(draft, name))
        for name, box in self.hardship.items():
            box.setChecked(bool(getattr(draft, name)))
        self.reveal_button.setVisible(bool(worker.id_number or worker.phone))
        if worker.consent_at is not None:
            agreed = self.tr("Agreed on %1 to:").replace(
                "%1", worker.consent_at.strftime("%Y-%m-%d %H:%M")
            )
            self.consent_notice.setPlainText(
                f"{agreed}\n{worker.consent_text or self.consent_shown}"
            )
        else:
            self.consent_notice.setPlainText(
                self.tr("No consent recorded (e.g. imported from a ledger).")
            )
        self._id_changed(self.id_number.text())

    def reveal_numbers(self) -> None:
        """Show the full ID number and phone; the view is written to the audit trail."""
        if not self.worker_id:
            return
        worker = workers.reveal_worker(self.desk, self.worker_id)
        self._masked_id = ""
        self.set_value("id_number", worker.id_number)
        self.set_value("phone", worker.phone)
        self.reveal_button.hide()

    # -- the ID number as it is typed -----------------------------------------------------

    def _id_changed(self, text: str) -> None:
        self._found_id = None
        self.found_row.hide()
        self.older_label.clear()
        number = normalize_id_number(text)
        if self._masked_id and text.strip() == self._masked_id:
            self._hint(self.tr("Hidden. Click Show full numbers to see it."), "hint")
            return
        if not number:
            self._hint(self.tr("Birth date, sex, age and home region appear here"), "hint")
            return
        try:
            info = parse_id_number(number, today=self.desk.today())
        except IdNumberError as error:
            self._hint(error.message, "hint" if len(number) < 18 else "error")
            return
        age = info.age(self.desk.today())
        parts = [
            self.tr("Born %1").replace("%1", info.birth_date.isoformat()),
            info.sex,
            self.tr("%1 years old").replace("%1", str(age)),
            info.region_label or self.tr("region unknown"),
        ]
        self._hint(" · ".join(parts), "info")
        if is_older_worker(info.sex, age):
            self.older_label.setText(self.tr("(older worker, counted automatically)"))
        found = workers.find_registered(self.desk, number)
        if found is not None and found.id != self.worker_id:
            self._found_id = found.id
            self.found_label.setText(
                self.tr("Already registered: %1 (registered %2)")
                .replace("%1", found.name)
                .replace("%2", found.registered_at.date().isoformat())
            )
            self.found_row.show()

    def _hint(self, text: str, role: str) -> None:
        self.id_info.setText(text)
        self.id_info.setProperty("role", role)
        self.id_info.style().unpolish(self.id_info)
        self.id_info.style().polish(self.id_info)

    def show_errors(self, errors: dict[str, str]) -> None:
        """As the base form, but an ID number error already shown beside the field is not
        repeated under it."""
        errors = dict(errors)
        if errors.get("id_number") == self.id_info.text():
            del errors["id_number"]
            super().show_errors(errors)
            self._hint(self.id_info.text(), "error")
            if not any(label.isVisible() for label in self.error_labels.values()):
                self.id_number.setFocus()
            return
        super().show_errors(errors)

    def _open_found(self) -> None:
        if self._found_id:
            self.open_existing_id = self._found_id
            self.accept()

    # -- saving ---------------------------------------------------------------------------

    def draft(self) -> WorkerDraft:
        return WorkerDraft(
            name=self.value("name"),
            id_number=self.value("id_number"),
            phone=self.value("phone"),
            skills=self.value("skills"),
            intentions=self.value("intentions"),
            expected_pay=self.value("expected_pay"),
            note=self.value("note"),
            **{name: box.isChecked() for name, box in self.hardship.items()},
        )

    def submit(self) -> None:
        if self.worker_id:
            result = workers.edit_worker(self.desk, self.worker_id, self.draft())
            self.saved_id, self.warnings = result.worker.id, result.warnings
            return
        if not self.consent.isChecked():
            _, errors = validate_worker(self.draft(), today=self.desk.today())
            errors["consent"] = self.tr(
                "Tell the person how their data is used and get consent first"
            )
            raise ValidationFailed(errors)
        result = workers.register_worker(
            self.desk, self.draft(), consent=True, consent_text_shown=self.consent_shown
        )
        self.saved_id, self.warnings = result.worker.id, result.warnings
        if not result.created:
            self.open_existing_id = result.worker.id
