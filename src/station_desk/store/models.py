"""SQLModel tables of the local database.

Synced records share the columns sync needs: a client-generated UUID that never changes,
hybrid-logical-clock stamps of creation and last change (and per field, for field-level
last-writer-wins), the station that created the row, and a tombstone flag.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def json_value(value: Any) -> Any:
    """A field value as it travels in JSON (outbox changes, exports): dates as ISO text."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def local_time(**kwargs: object) -> Any:
    """A naive local wall-clock time column (the station's time, as staff read it)."""
    return Field(sa_type=DateTime, **kwargs)  # type: ignore[arg-type]


class SyncColumns(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True)
    created_hlc: str = ""
    updated_hlc: str = ""
    # Stamps of the fields changed since creation (JSON); a field not listed was last
    # written at created_hlc. Field-level last-writer-wins compares these.
    field_hlc: str = "{}"
    origin_station: str = ""
    deleted: bool = False


class Station(SyncColumns, table=True):
    name: str
    kind: str = "station"  # station | market
    address: str = ""
    opening_hours: str = ""
    trades: str = ""
    phone: str = ""
    hotline: str = ""
    complaint_channel: str = ""


class Worker(SyncColumns, table=True):
    name: str
    id_number: str = Field(index=True)
    birth_date: date | None = None
    sex: str = ""
    region_code: str = ""
    phone: str = ""
    skill_codes: str = "[]"
    skills_text: str = ""
    intention_codes: str = "[]"
    intentions_text: str = ""
    expected_pay_min: float | None = None
    expected_pay_max: float | None = None
    expected_pay_unit: str | None = None
    hardship_long_wait: bool = False
    hardship_low_income: bool = False
    hardship_disability: bool = False
    hardship_older: bool = False
    consent_at: datetime | None = local_time(default=None)
    consent_text: str = ""  # the 告知同意 text shown when the person agreed
    status: str = "active"  # active | inactive
    note: str = ""
    registered_at: datetime = local_time(default_factory=datetime.now)


class Employer(SyncColumns, table=True):
    name: str = Field(index=True)
    kind: str = "company"  # company | individual
    contact_person: str = ""
    phone: str = ""
    address: str = ""
    credit_code: str = ""
    note: str = ""
    registered_at: datetime = local_time(default_factory=datetime.now)


class Posting(SyncColumns, table=True):
    employer_id: str = Field(foreign_key="employer.id", index=True)
    contact_person: str = ""
    contact_phone: str = ""
    occupation_code: str | None = None
    occupation_name: str
    headcount: int = 1
    employment_mode: str = "temporary"
    skill_requirements: str = ""
    work_location: str = ""
    work_hours: str = ""
    pay_min: float | None = None
    pay_max: float | None = None
    pay_unit: str | None = None
    pay_method: str | None = None
    start_date: date | None = None
    expiry_date: date | None = None
    description: str = ""
    status: str = "open"  # open | closed | filled
    is_quick: bool = False
    screening: str = ""
    published_at: datetime = local_time(default_factory=datetime.now)


class Referral(SyncColumns, table=True):
    """A posting recommended to a worker (or a point-to-point meeting). Written once; its
    outcomes are separate ReferralOutcome events, so two stations never edit the same row."""

    worker_id: str = Field(index=True)
    posting_id: str = Field(index=True)
    kind: str = "recommend"  # recommend | meeting
    note: str = ""
    staff: str = ""
    referred_at: datetime = local_time(default_factory=datetime.now)


class ReferralOutcome(SyncColumns, table=True):
    """One step of a referral (append-only): confirmed, interviewed, hired, declined, no_show."""

    __tablename__ = "referral_outcome"

    referral_id: str = Field(index=True)
    outcome: str
    at: datetime = local_time(default_factory=datetime.now)
    interview_at: datetime | None = local_time(default=None)
    note: str = ""
    staff: str = ""


class Service(SyncColumns, table=True):
    """A service given to a worker (append-only): guidance, training referral, …"""

    worker_id: str = Field(index=True)
    kind: str
    note: str = ""
    staff: str = ""
    served_at: datetime = local_time(default_factory=datetime.now)


class RightsCase(SyncColumns, table=True):
    """A rights case (权益维护); its status history is RightsCaseEvent rows."""

    __tablename__ = "rights_case"

    worker_id: str | None = Field(default=None, index=True)
    employer_id: str | None = None
    kind: str = "wage_arrears"  # wage_arrears | dispute | complaint
    summary: str = ""
    amount_owed: float | None = None
    due_date: date | None = None
    staff: str = ""
    opened_at: datetime = local_time(default_factory=datetime.now)


class RightsCaseEvent(SyncColumns, table=True):
    """A status change of a rights case (append-only); amount_recovered adds up over events."""

    __tablename__ = "rights_case_event"

    case_id: str = Field(index=True)
    status: str
    at: datetime = local_time(default_factory=datetime.now)
    amount_recovered: float | None = None
    note: str = ""
    staff: str = ""


class Tool(SyncColumns, table=True):
    """A kind of free common tool the station lends, and how many it has."""

    name: str
    count: int = 1
    note: str = ""


class ToolLoan(SyncColumns, table=True):
    """A tool lent to a worker; returned_at is set once, when it comes back."""

    __tablename__ = "tool_loan"

    tool_id: str = Field(index=True)
    worker_id: str = Field(index=True)
    count: int = 1
    lent_at: datetime = local_time(default_factory=datetime.now)
    due_date: date | None = None
    returned_at: datetime | None = local_time(default=None)
    note: str = ""
    staff: str = ""


class Setting(SQLModel, table=True):
    """Local settings; never synced."""

    key: str = Field(primary_key=True)
    value: str = ""


class Outbox(SQLModel, table=True):
    """Changes waiting to be pushed, written in the same transaction as the change itself."""

    seq: int | None = Field(default=None, primary_key=True)
    op_id: str = Field(default_factory=new_id, unique=True)
    record_kind: str
    record_id: str
    fields: str  # JSON object of the changed fields
    hlc: str
    created_at: datetime = local_time(default_factory=datetime.now)
    pushed_at: datetime | None = local_time(default=None)
    # Set when the server refused the change for good (e.g. a rule it enforces); the change
    # leaves the queue so the rest can sync, and staff see the reason.
    rejected_reason: str | None = None
    base: str = "{}"  # JSON: the stamps the changed fields had before this change


class AuditLog(SQLModel, table=True):
    """Who did what to whose record; local only."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = local_time(default_factory=datetime.now)
    staff: str = ""
    action: str
    record_kind: str = ""
    record_id: str = ""
    detail: str = ""


class StaffAccount(SQLModel, table=True):
    """Who may use the desk; local to the desk, never synced."""

    __tablename__ = "staff_account"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True)
    display_name: str = ""
    role: str = "staff"  # admin | staff
    password_hash: str
    must_change_password: bool = False
    disabled: bool = False
    created_at: datetime = local_time(default_factory=datetime.now)
    last_login_at: datetime | None = local_time(default=None)


class ConflictLog(SQLModel, table=True):
    """A field edit that lost to a newer one from elsewhere (or beat one); staff review it."""

    __tablename__ = "conflict_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = local_time(default_factory=datetime.now)
    record_kind: str
    record_id: str
    field: str
    kept_value: str  # JSON
    lost_value: str  # JSON
    kept_hlc: str
    lost_hlc: str
    lost_here: bool = False  # the losing edit was made at this desk
    note: str = ""
    reviewed: bool = False


class RecordMerge(SQLModel, table=True):
    """Two records found to be one (the same ID number registered at two stations)."""

    __tablename__ = "record_merge"

    from_id: str = Field(primary_key=True)
    into_id: str
    record_kind: str
    seq: int
    at: datetime = local_time(default_factory=datetime.now)
    reviewed: bool = False


SYNCED_MODELS: dict[str, type[SyncColumns]] = {
    "station": Station,
    "worker": Worker,
    "employer": Employer,
    "posting": Posting,
    "referral": Referral,
    "referral_outcome": ReferralOutcome,
    "service": Service,
    "rights_case": RightsCase,
    "rights_case_event": RightsCaseEvent,
    "tool": Tool,
    "tool_loan": ToolLoan,
}

SYNC_COLUMN_NAMES = frozenset(SyncColumns.model_fields)


def record_fields(model: type[SyncColumns]) -> list[str]:
    """The business fields of a synced record (everything but the sync bookkeeping)."""
    return [name for name in model.model_fields if name not in SYNC_COLUMN_NAMES]
