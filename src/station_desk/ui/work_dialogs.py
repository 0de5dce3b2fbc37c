"""Matches (Ctrl+M), the referral follow-up list (推荐跟进, F6) and the 帮扶台账 (F7), with the
service form that logs guidance or a training referral from it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from station_desk.domain.hardship import SERVICE_KINDS
from station_desk.reports.referral_slip import load_slip
from station_desk.services import hardship, matching, referrals, service_log
from station_desk.services.context import Desk, NotFound, ValidationFailed
from station_desk.ui.slip_dialog import SlipDialog
from station_desk.ui.work_models import ListDialog

Changed = Callable[[], None]
STEP_KEYS = {"C": "confirmed", "I": "interviewed", "H": "hired", "D": "declined", "N": "no_show"}


def _when(value: datetime | None) -> str:
    return f"{value:%m-%d %H:%M}" if value else ""


class MatchDialog(ListDialog):
    """Ranked matches for a worker (open postings) or a posting (workers); Enter refers."""

    def __init__(
        self, desk: Desk, kind: str, record_id: str, changed: Changed, parent: QWidget | None
    ) -> None:
        headers = [self.tr("Match"), self.tr("Score"), self.tr("Why")]
        super().__init__(self.tr("Matches"), headers, parent)
        self.setObjectName("matchDialog")
        self.desk, self.kind, self.record_id, self.changed = desk, kind, record_id, changed
        self.hint.setText(
            self.tr("Enter or Ctrl+R: recommend  ·  Ctrl+P: point-to-point meeting  ·  Esc: close")
        )
        self.key("Ctrl+R", self.refer)
        self.key("Return", self.refer)
        self.key("Enter", self.refer)
        self.key("Ctrl+P", lambda: self.refer("meeting"))
        self.view.activated.connect(lambda _index: self.refer())
        self.reload()

    def reload(self) -> None:
        find = (
            matching.postings_for_worker if self.kind == "worker" else matching.workers_for_posting
        )
        found = find(self.desk, self.record_id)
        self.show_rows([(m.id, (m.title, m.score, "；".join(m.reasons))) for m in found])
        if self.kind == "posting":
            places = referrals.posting_places(self.desk, self.record_id)
            self.say(
                self.tr("Places left: %1 of %2")
                .replace("%1", str(places.left))
                .replace("%2", str(places.headcount))
            )
        elif not found:
            self.say(self.tr("No open posting matches this worker."))

    def refer(self, how: str = "recommend") -> None:
        other = self.current_id()
        if other is None:
            return
        worker, posting = (
            (self.record_id, other) if self.kind == "worker" else (other, self.record_id)
        )
        try:
            referrals.refer(self.desk, worker, posting, kind=how)
        except (ValidationFailed, NotFound) as exc:
            self.say(str(exc))
            return
        self.say(self.tr("Referred. Record the outcome in the follow-up list (F6)."))
        self.changed()


class FollowUpDialog(ListDialog):
    """Referrals and their outcomes; keys record each step."""

    def __init__(self, desk: Desk, changed: Changed, parent: QWidget | None) -> None:
        headers = [
            self.tr("Worker"),
            self.tr("Posting"),
            self.tr("Kind"),
            self.tr("Outcome"),
            self.tr("Referred"),
            self.tr("Interview"),
            self.tr("Quick"),
        ]
        super().__init__(self.tr("Referral follow-up"), headers, parent)
        self.setObjectName("followUpDialog")
        self.desk, self.changed = desk, changed
        self.follow_up_only = False
        self.hint.setText(
            self.tr(
                "C: confirmed by phone (interview in an hour)  ·  I: interviewed  ·  H: hired  ·  "
                "D: declined  ·  N: no-show  ·  F: only those waiting 3 days or more"
            )
            + "  ·  "
            + QCoreApplication.translate("SlipDialog", "P: print the referral slip")
        )
        for letter, outcome in STEP_KEYS.items():
            self.key(letter, lambda o=outcome: self.record(o))
        self.key("F", self.toggle)
        self.key("P", self.print_slip)
        self.reload()

    def toggle(self) -> None:
        self.follow_up_only = not self.follow_up_only
        self.reload()

    def reload(self) -> None:
        rows = referrals.list_referrals(self.desk, follow_up_only=self.follow_up_only)
        self.show_rows(
            [
                (
                    r.id,
                    (
                        r.worker_name,
                        r.posting_title,
                        r.kind_label,
                        r.outcome_label + (" ⚠" if r.follow_up else ""),
                        _when(r.referred_at),
                        _when(r.interview_at),
                        "急" if r.is_quick else "",
                    ),
                )
                for r in rows
            ]
        )

    def print_slip(self) -> SlipDialog | None:
        """P: the selected referral's slip (推荐函), saved as a PDF or printed."""
        referral_id = self.current_id()
        if referral_id is None:
            return None
        try:
            slip = load_slip(self.desk, referral_id)
        except NotFound as exc:
            self.say(str(exc))
            return None
        form = SlipDialog(slip, self.say, self)
        self.open_child(form, lambda: None)
        return form

    def record(self, outcome: str) -> None:
        referral_id = self.current_id()
        if referral_id is None:
            return
        interview = None
        if outcome == "confirmed":
            interview = self.desk.now().replace(minute=0, second=0) + timedelta(hours=1)
        try:
            referrals.record_outcome(self.desk, referral_id, outcome, interview_at=interview)
        except (ValidationFailed, NotFound) as exc:
            self.say(str(exc))
            return
        row = next(r for r in referrals.list_referrals(self.desk) if r.id == referral_id)
        if outcome == "hired":
            places = referrals.posting_places(self.desk, row.posting_id)
            text = self.tr("Hired. Places left: %1 of %2").replace("%1", str(places.left))
            text = text.replace("%2", str(places.headcount))
            if places.left == 0:
                text += self.tr(" — the posting is full and has been closed.")
            taken = referrals.time_to_hire(self.desk, row.posting_id) if row.is_quick else None
            if taken is not None:
                minutes = str(int(taken.total_seconds() // 60))
                text += self.tr(" Time from posting to hire: %1 min.").replace("%1", minutes)
            self.say(text)
        else:
            self.say(self.tr("Saved: %1").replace("%1", row.outcome_label))
        self.changed()
        self.reload()


class ServiceForm(QDialog):
    """Log one service for a worker: its kind and the note (the plan, for guidance)."""

    def __init__(
        self, desk: Desk, worker_id: str, kind: str, changed: Changed, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serviceForm")
        self.setWindowTitle(self.tr("Log a service"))
        self.desk, self.worker_id, self.changed = desk, worker_id, changed
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code, label in SERVICE_KINDS:
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Plan given, course, policy explained…"))
        self.error = QLabel()
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Service"), self.kind)
        layout.addRow(self.tr("Note"), self.note)
        layout.addRow(self.error)
        layout.addRow(buttons)
        self.note.returnPressed.connect(self.save)
        self.note.setFocus()

    def save(self) -> None:
        try:
            service_log.log_service(
                self.desk, self.worker_id, self.kind.currentData(), self.note.text()
            )
        except (ValidationFailed, NotFound) as exc:
            self.error.setText(str(exc))
            return
        self.changed()
        self.accept()


class HardshipDialog(ListDialog):
    """帮扶台账: hardship workers with what is still owed of 131, most overdue first."""

    def __init__(
        self,
        desk: Desk,
        changed: Changed,
        open_matches: Callable[[str], object],
        parent: QWidget | None,
    ) -> None:
        headers = [
            self.tr("Worker"),
            self.tr("Hardship"),
            self.tr("Guidance owed"),
            self.tr("Recommendations owed"),
            self.tr("Training owed"),
            self.tr("Registered"),
        ]
        super().__init__(self.tr("Hardship ledger (131)"), headers, parent)
        self.setObjectName("hardshipDialog")
        self.desk, self.changed, self.open_matches = desk, changed, open_matches
        self.hint.setText(
            self.tr(
                "G: log career guidance  ·  M: find matches to recommend  ·  "
                "T: log a skills-training referral  ·  S: log another service"
            )
        )
        self.key("G", lambda: self.log("guidance"))
        self.key("T", lambda: self.log("training_referral"))
        self.key("S", lambda: self.log("policy"))
        self.key("M", self.matches)
        self.reload()

    def reload(self) -> None:
        rows = hardship.hardship_list(self.desk)
        self.show_rows(
            [
                (
                    r.worker_id,
                    (
                        r.name,
                        r.flag_labels,
                        r.owed.guidance or "✓",
                        r.owed.recommendations or "✓",
                        r.owed.training or "✓",
                        f"{r.registered_at:%Y-%m-%d}",
                    ),
                )
                for r in rows
            ]
        )

    def log(self, kind: str) -> ServiceForm | None:
        worker_id = self.current_id()
        if worker_id is None:
            return None
        form = ServiceForm(self.desk, worker_id, kind, self.changed, self)
        self.open_child(form, self.reload)
        return form

    def matches(self) -> None:
        worker_id = self.current_id()
        if worker_id is not None:
            dialog = self.open_matches(worker_id)
            if isinstance(dialog, QDialog):
                dialog.finished.connect(lambda _result: (self.reload(), self.view.setFocus()))
