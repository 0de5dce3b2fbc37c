"""即时快招, the same-day fast path (Ctrl+K on a selected quick posting): the shortlist, then
for the chosen worker refer → confirm by phone with today's interview time → interviewed →
on the job, each one key (Enter takes the next step); the posting's places left and the
minutes from publishing to hire are shown. ``QuickHireMenu`` lists today's quick postings
with how far each got (工作 → 即时快招)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QTimeEdit, QWidget

from station_desk.domain.masking import mask_phone
from station_desk.services import quick_hire, referrals
from station_desk.services.context import Desk, NotFound, ValidationFailed
from station_desk.services.postings import get_posting
from station_desk.services.workers import get_worker, reveal_worker
from station_desk.ui.work_models import ListDialog

Changed = Callable[[], None]
STEP_KEYS = {"I": "interviewed", "H": "hired", "D": "declined", "N": "no_show"}
NEXT_STEP = {"": "refer", "pending": "confirmed", "confirmed": "interviewed"}
NEXT_STEP["interviewed"] = "hired"


def _interview_default(now: datetime) -> QTime:
    """An hour from now, on the half hour; never past today."""
    later = now + timedelta(hours=1, minutes=29)
    later = later.replace(minute=30 if later.minute >= 30 else 0, second=0)
    if later.date() != now.date():
        return QTime(23, 59)
    return QTime(later.hour, later.minute)


class QuickHireDialog(ListDialog):
    """The fast path for one posting: shortlisted workers and how far each got."""

    def __init__(
        self,
        desk: Desk,
        posting_id: str,
        parent: QWidget | None,
        changed: Changed | None = None,
    ) -> None:
        headers = [
            self.tr("Worker"),
            self.tr("Score"),
            self.tr("Progress"),
            self.tr("Interview"),
            self.tr("Why"),
        ]
        super().__init__(self.tr("Same-day quick hire"), headers, parent)
        self.setObjectName("quickHireDialog")
        self.desk, self.posting_id = desk, posting_id
        self.changed = changed or (lambda: None)
        self.hint.setText(
            self.tr(
                "Enter: next step for the selected worker  ·  R: refer  ·  C: confirmed by phone "
                "(interview at the time below)  ·  I: interviewed  ·  H: on the job  ·  "
                "D: declined  ·  N: no-show  ·  T: interview time  ·  P: show the phone number  ·  "
                "Esc: close"
            )
        )
        self.summary = QLabel()
        self.summary.setObjectName("quickSummary")
        self.interview = QTimeEdit(_interview_default(desk.now()))
        self.interview.setObjectName("interviewTime")
        self.interview.setDisplayFormat("HH:mm")
        self.contact = QLabel()
        self.contact.setObjectName("quickContact")
        row = QHBoxLayout()
        label = QLabel(self.tr("Interview today at (T)"))
        label.setBuddy(self.interview)
        row.addWidget(label)
        row.addWidget(self.interview)
        row.addSpacing(24)
        row.addWidget(self.contact, 1)
        layout = self.layout()
        layout.insertWidget(1, self.summary)  # type: ignore[attr-defined]
        layout.insertLayout(3, row)  # type: ignore[attr-defined]
        for key in ("Return", "Enter"):
            self.key(key, self.advance)
        self.key("R", lambda: self.step("refer"))
        self.key("C", lambda: self.step("confirmed"))
        for letter, outcome in STEP_KEYS.items():
            self.key(letter, lambda o=outcome: self.step(o))
        self.key("T", self.interview.setFocus)
        # The phone is masked until staff call: showing it is written to the audit trail.
        self.revealed: dict[str, str] = {}
        self.key("P", self.reveal_phone)
        self.view.doubleClicked.connect(lambda _index: self.advance())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_contact())
        self.candidates: dict[str, quick_hire.Candidate] = {}
        self.reload()

    # -- what is shown -------------------------------------------------------------------

    def progress_label(self, outcome: str) -> str:
        return {
            "": self.tr("Not referred"),
            "pending": self.tr("Referred, call to confirm"),
            "confirmed": self.tr("Confirmed by phone"),
            "interviewed": self.tr("Interviewed"),
            "hired": self.tr("On the job"),
            "declined": self.tr("Declined"),
            "no_show": self.tr("No-show"),
        }.get(outcome, outcome)

    def reload(self) -> None:
        found = quick_hire.shortlist(self.desk, self.posting_id)
        self.candidates = {c.worker_id: c for c in found}
        rows = []
        for c in found:
            interview = c.progress.interview_at if c.progress else None
            score = "" if c.score is None else c.score
            when = f"{interview:%H:%M}" if interview else ""
            why = "；".join(c.reasons)
            rows.append((c.worker_id, (c.title, score, self.progress_label(c.outcome), when, why)))
        self.show_rows(rows)
        self.show_summary()
        self.show_contact()

    def show_summary(self) -> None:
        posting = get_posting(self.desk, self.posting_id)
        places = referrals.posting_places(self.desk, self.posting_id)
        taken = quick_hire.minutes_to_hire(self.desk, self.posting_id)
        text = self.tr("%1 · places left %2 of %3").replace("%1", posting.occupation_name)
        text = text.replace("%2", str(places.left)).replace("%3", str(places.headcount))
        if taken is not None:
            text += self.tr(" · from posting to hire: %1 min").replace("%1", str(taken))
        else:
            waited = quick_hire.minutes(self.desk.now() - posting.published_at) or 0
            text += self.tr(" · published %1 min ago").replace("%1", str(waited))
        self.summary.setText(text)

    def show_contact(self) -> None:
        worker_id = self.current_id()
        if worker_id is None:
            self.contact.setText("")
            return
        worker = get_worker(self.desk, worker_id)
        if worker_id in self.revealed:
            phone = self.revealed[worker_id]
        elif worker.phone:
            phone = mask_phone(worker.phone) + self.tr(" (P: show)")
        else:
            phone = ""
        self.contact.setText(
            self.tr("Call %1: %2").replace("%1", worker.name).replace("%2", phone or "—")
        )

    def reveal_phone(self) -> None:
        """P: the selected worker's full phone number, for the call; audited."""
        worker_id = self.current_id()
        if worker_id is None:
            return
        if worker_id not in self.revealed:
            try:
                self.revealed[worker_id] = reveal_worker(self.desk, worker_id, "phone").phone
            except NotFound as error:
                self.say(str(error))
                return
        self.show_contact()

    # -- steps ---------------------------------------------------------------------------

    def advance(self) -> None:
        """Enter: back to the list from the time field, else the selected worker's next step."""
        if self.interview.hasFocus():
            self.view.setFocus()
            return
        worker_id = self.current_id()
        if worker_id is None:
            return
        outcome = self.candidates[worker_id].outcome
        if outcome in ("declined", "no_show"):
            outcome = ""  # a second chance: refer again
        if outcome in NEXT_STEP:
            self.step(NEXT_STEP[outcome])
        else:
            self.say(self.tr("This worker is already on the job."))

    def step(self, what: str) -> None:
        worker_id = self.current_id()
        if worker_id is None:
            return
        progress = self.candidates[worker_id].progress
        try:
            if what == "refer":
                referrals.refer(self.desk, worker_id, self.posting_id, note="即时快招")
            elif progress is None:
                self.say(self.tr("Refer this worker first (R)."))
                return
            elif what == "confirmed":
                when = datetime.combine(self.desk.today(), self.interview.time().toPython())
                quick_hire.confirm(self.desk, progress.referral_id, when)
            else:
                referrals.record_outcome(self.desk, progress.referral_id, what)
        except (ValidationFailed, NotFound) as exc:
            self.say(str(exc))
            return
        self.changed()
        self.reload()
        self.say(self.done_text(what))

    def done_text(self, what: str) -> str:
        if what == "refer":
            return self.tr("Referred. Call the worker, then C to record the confirmation.")
        if what == "confirmed":
            return self.tr("Confirmed by phone; interview today at %1.").replace(
                "%1", self.interview.time().toString("HH:mm")
            )
        if what != "hired":
            return self.tr("Saved: %1").replace("%1", self.progress_label(what))
        places = referrals.posting_places(self.desk, self.posting_id)
        text = self.tr("On the job. Places left: %1 of %2.").replace("%1", str(places.left))
        text = text.replace("%2", str(places.headcount))
        taken = quick_hire.minutes_to_hire(self.desk, self.posting_id)
        if taken is not None:
            text += self.tr(" From posting to hire: %1 min.").replace("%1", str(taken))
        return text


class QuickHireMenu(QMenu):
    """工作 → 即时快招: today's quick postings with how far each got and the minutes since
    publishing (or to the hire); choosing one opens its fast path."""

    def __init__(
        self, desk: Callable[[], Desk], open_posting: Callable[[str], object], parent: QWidget
    ) -> None:
        super().__init__(self.tr("Same-day &quick hire"), parent)
        self.setObjectName("quickHireMenu")
        self.desk, self.open_posting = desk, open_posting
        self.aboutToShow.connect(self.refresh)

    def state_label(self, state: str) -> str:
        return {
            "waiting": self.tr("Awaiting referral"),
            "referred": self.tr("Referred"),
            "confirmed": self.tr("Confirmed"),
            "interviewed": self.tr("Interviewed"),
            "hired": self.tr("On the job"),
        }.get(state, state)

    def entry(self, row: quick_hire.QuickPosting) -> str:
        if row.minutes_to_hire is not None:
            text = self.tr("%1 — %2, %3 min to hire")
            text = text.replace("%3", str(row.minutes_to_hire))
        else:
            text = self.tr("%1 — %2, %3 min since published")
            text = text.replace("%3", str(row.minutes_open))
        return text.replace("%1", row.title).replace("%2", self.state_label(row.state))

    def refresh(self) -> None:
        self.clear()
        rows = quick_hire.quick_postings(self.desk())
        if not rows:
            self.addAction(self.tr("No quick postings today")).setEnabled(False)
        for row in rows:
            action = self.addAction(self.entry(row))
            action.setData(row.posting_id)
            action.triggered.connect(lambda _=False, p=row.posting_id: self.open_posting(p))


__all__ = ["QuickHireDialog", "QuickHireMenu"]
