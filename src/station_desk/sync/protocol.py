"""The sync protocol between a station desk and the district server (both sides import it).

Push: the desk sends its outbox in batches of Change; each op_id is applied at most once, so
a batch whose reply was lost can be sent again. The server answers which ops it accepted
(now or before) and which it rejected with a reason, and gives each accepted change the
next number of one district-wide sequence.

Pull: the desk asks for changes after its cursor (the last sequence number it has applied)
in pages; it stores the rows and the new cursor in one transaction. The stream carries record
changes and worker merges (two stations registered the same ID number: "from_id became
into_id"), in sequence order, and never the asking station's own changes.

Queued push (POST /batches): the server stores the batch durably and answers at once with a
receipt (202); one applier applies stored batches in the order received, exactly as a direct
push would; the desk asks for the verdict (GET /batches/{receipt}, a PushResponse, waiting up
to `wait` seconds). A station's upload is thus never held up by other stations' batches being
applied. A desk keeps its outbox unmarked until the verdict, so a lost receipt or verdict
means the batch is sent again, and the server applies each op id once as always.

Every reply carries the server's HLC stamp so the desk's clock moves past it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
MAX_PUSH_CHANGES = 1000
PULL_PAGE_SIZE = 500
MAX_PULL_PAGE = 2000
MAX_VERDICT_WAIT = 30  # seconds GET /batches/{receipt} may hold a request open

# The district snapshot (GET /snapshot, district_server/snapshot.py): a gzip desk database
# holding every change up to a sequence number, for a new station's first sync. These
# settings inside it say up to which sequence (and the newest HLC stamp it holds); the reply
# headers repeat them with the file's SHA-256.
SNAPSHOT_SEQ_KEY = "snapshot.seq"
SNAPSHOT_HLC_KEY = "snapshot.max_hlc"
SNAPSHOT_SEQ_HEADER = "X-Snapshot-Seq"
SNAPSHOT_SCHEMA_HEADER = "X-Snapshot-Schema"
SNAPSHOT_SHA256_HEADER = "X-Snapshot-Sha256"

# Records that are edited in place and merged field by field (last writer wins by HLC).
# The value lists the fields a change may carry; "deleted" (tombstone) and "origin_station"
# (on creation) may come with any of them.
RECORD_FIELDS: dict[str, frozenset[str]] = {
    "station": frozenset(
        {
            "name",
            "kind",
            "address",
            "opening_hours",
            "trades",
            "phone",
            "hotline",
            "complaint_channel",
        }
    ),
    "worker": frozenset(
        {
            "name",
            "id_number",
            "birth_date",
            "sex",
            "region_code",
            "phone",
            "skill_codes",
            "skills_text",
            "intention_codes",
            "intentions_text",
            "expected_pay_min",
            "expected_pay_max",
            "expected_pay_unit",
            "hardship_long_wait",
            "hardship_low_income",
            "hardship_disability",
            "hardship_older",
            "consent_at",
            "consent_text",
            "status",
            "note",
            "registered_at",
        }
    ),
    "employer": frozenset(
        {
            "name",
            "kind",
            "contact_person",
            "phone",
            "address",
            "credit_code",
            "note",
            "registered_at",
        }
    ),
    "posting": frozenset(
        {
            "employer_id",
            "contact_person",
            "contact_phone",
            "occupation_code",
            "occupation_name",
            "headcount",
            "employment_mode",
            "skill_requirements",
            "work_location",
            "work_hours",
            "pay_min",
            "pay_max",
            "pay_unit",
            "pay_method",
            "start_date",
            "expiry_date",
            "description",
            "status",
            "is_quick",
            "screening",
            "published_at",
        }
    ),
    # Append-only events: written once, never edited, so they cannot conflict. A referral's
    # progress is its outcome rows, a case's history its event rows (each with its own id).
    "referral": frozenset({"worker_id", "posting_id", "kind", "note", "staff", "referred_at"}),
    "referral_outcome": frozenset(
        {"referral_id", "outcome", "at", "interview_at", "note", "staff"}
    ),
    "service": frozenset({"worker_id", "kind", "note", "staff", "served_at"}),
    "rights_case": frozenset(
        {
            "worker_id",
            "employer_id",
            "kind",
            "summary",
            "amount_owed",
            "due_date",
            "staff",
            "opened_at",
        }
    ),
    "rights_case_event": frozenset(
        {"case_id", "status", "at", "amount_recovered", "note", "staff"}
    ),
    # Editable: the inventory (field-level last writer wins) and loans, whose only later
    # change is returned_at moving from empty to a time.
    "tool": frozenset({"name", "count", "note"}),
    "tool_loan": frozenset(
        {"tool_id", "worker_id", "count", "lent_at", "due_date", "returned_at", "note", "staff"}
    ),
}
# Kinds whose rows are never changed after creation (besides a tombstone).
EVENT_KINDS = frozenset({"referral", "referral_outcome", "service", "rights_case_event"})
BOOKKEEPING_FIELDS = frozenset({"deleted", "origin_station"})
# Fields that point at another record: (kind, field) -> kind pointed at. When two workers
# merge, references to the merged-away id follow to the surviving one.
REFERENCES: dict[tuple[str, str], str] = {
    ("posting", "employer_id"): "employer",
    ("referral", "worker_id"): "worker",
    ("service", "worker_id"): "worker",
    ("rights_case", "worker_id"): "worker",
    ("tool_loan", "worker_id"): "worker",
}
MERGE_KIND = "worker_merge"


class Change(BaseModel):
    """One outbox entry: the changed fields of one record, stamped by the author's HLC."""

    op_id: str = Field(min_length=1, max_length=64)
    kind: str = Field(min_length=1, max_length=32)
    record_id: str = Field(min_length=1, max_length=64)
    fields: dict[str, Any]
    hlc: str = Field(min_length=20, max_length=120)
    # For an edit: the stamp each changed field had when the author changed it. The server
    # relays it; a receiver whose own stamp differs knows the two edits were concurrent.
    base: dict[str, str] = Field(default_factory=dict)


class PushRequest(BaseModel):
    changes: list[Change] = Field(max_length=MAX_PUSH_CHANGES)


class Rejection(BaseModel):
    op_id: str
    reason: str  # Chinese, for staff and logs


class PushResponse(BaseModel):
    accepted: list[str]
    rejected: list[Rejection]
    server_hlc: str


class BatchReceipt(BaseModel):
    """A stored batch not yet applied (POST /batches, or GET /batches/{receipt} while it waits)."""

    receipt: str
    ahead: int  # batches received before it and not yet applied
    server_hlc: str


class PulledChange(BaseModel):
    """A change from the district stream. For kind MERGE_KIND, fields are
    {"from_id": …, "into_id": …} and record_id is into_id."""

    seq: int
    kind: str
    record_id: str
    fields: dict[str, Any]
    hlc: str
    station_id: str  # the author
    base: dict[str, str] = Field(default_factory=dict)  # as in Change


class PullResponse(BaseModel):
    changes: list[PulledChange]
    next_after: int  # the cursor to store with these rows
    has_more: bool
    server_hlc: str


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    protocol: int = PROTOCOL_VERSION
    server_hlc: str
    queued_batches: int = 0  # pushes stored and not yet applied (the server keeping up?)


class StationInfo(BaseModel):
    """GET /api/v1/station: who the token belongs to (used by `connect` to check it)."""

    station_id: str
    name: str
    kind: str


class ErrorBody(BaseModel):
    detail: str  # Chinese reason
    code: str  # machine-readable: bad_token, revoked, bad_request, too_large, ...


def validate_change(change: Change, author_station: str) -> str | None:
    """Why this change cannot be accepted from this station, or None when it can.

    The rules both sides share: a known kind, known fields, stamped by the author's own clock.
    The server adds the domain checks on values (e.g. ID numbers).
    """
    from station_desk.domain.hlc import Hlc

    allowed = RECORD_FIELDS.get(change.kind)
    if allowed is None:
        return f"未知的记录类型：{change.kind}"
    unknown = set(change.fields) - allowed - BOOKKEEPING_FIELDS
    if unknown:
        return f"未知的字段：{'、'.join(sorted(unknown))}"
    if not change.fields:
        return "没有任何字段变化"
    try:
        stamp = Hlc.decode(change.hlc)
    except ValueError:
        return f"时间戳格式不对：{change.hlc}"
    if stamp.station != author_station:
        return "只能上传本驿站自己产生的修改"
    origin = change.fields.get("origin_station")
    if origin is not None and origin != author_station:
        return "只能上传本驿站自己登记的新记录"
    return None
