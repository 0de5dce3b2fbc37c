"""A station's public profile (驿站信息): what the board and reports show about it."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import code_of, make_enum
from .phone import PhoneError, parse_phone
from .text import clean_text

STATION_KINDS = make_enum(
    (("station", "零工驿站"), ("market", "零工市场")),
    {"station": ("驿站",), "market": ("市场", "区级零工市场")},
)
MAX_FIELD = 200


@dataclass
class StationDraft:
    name: str = ""
    kind: str = "station"
    address: str = ""
    opening_hours: str = ""
    trades: str = ""
    phone: str = ""
    hotline: str = ""
    complaint_channel: str = ""


@dataclass
class StationFields:
    name: str
    kind: str
    address: str
    opening_hours: str
    trades: str
    phone: str
    hotline: str
    complaint_channel: str


def validate_station(draft: StationDraft) -> tuple[StationFields | None, dict[str, str]]:
    errors: dict[str, str] = {}
    name = clean_text(draft.name)
    if not name:
        errors["name"] = "请填写驿站名称"
    kind = code_of(STATION_KINDS, draft.kind)
    if kind is None:
        errors["kind"] = "类型应为零工驿站或零工市场"
    phone = clean_text(draft.phone)
    if phone:
        try:
            phone = parse_phone(phone)
        except PhoneError as error:
            errors["phone"] = error.message
    values = {
        "address": clean_text(draft.address),
        "opening_hours": clean_text(draft.opening_hours),
        "trades": clean_text(draft.trades),
        # Hotlines such as 12333 are short service numbers, so they are kept as typed.
        "hotline": clean_text(draft.hotline),
        "complaint_channel": clean_text(draft.complaint_channel),
    }
    for field_name, value in values.items():
        if len(value) > MAX_FIELD:
            errors[field_name] = f"内容过长（最多{MAX_FIELD}字）"
    if errors or kind is None:
        return None, errors
    return StationFields(name=name, kind=kind, phone=phone, **values), {}
