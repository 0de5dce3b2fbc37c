"""The protocol's field lists are the store's: a field added to a table must sync."""

from __future__ import annotations

from station_desk.domain.hlc import Hlc
from station_desk.store.models import SYNCED_MODELS, record_fields
from station_desk.sync.protocol import RECORD_FIELDS, Change, validate_change


def test_every_synced_table_field_is_in_the_protocol() -> None:
    assert set(RECORD_FIELDS) == set(SYNCED_MODELS)
    for kind, model in SYNCED_MODELS.items():
        assert set(record_fields(model)) == RECORD_FIELDS[kind], kind


def _change(**overrides: object) -> Change:
    values: dict[str, object] = {
        "op_id": "op-1",
        "kind": "worker",
        "record_id": "w-1",
        "fields": {"name": "张三"},
        "hlc": Hlc(1_700_000_000_000, 0, "station-a").encode(),
    }
    values.update(overrides)
    return Change.model_validate(values)


def test_a_station_may_only_push_its_own_changes() -> None:
    assert validate_change(_change(), "station-a") is None
    assert "本驿站" in (validate_change(_change(), "station-b") or "")
    foreign = _change(fields={"name": "张三", "origin_station": "station-b"})
    assert "本驿站" in (validate_change(foreign, "station-a") or "")


def test_unknown_kinds_fields_and_stamps_are_refused_with_a_reason() -> None:
    assert "记录类型" in (validate_change(_change(kind="salary"), "station-a") or "")
    assert "字段" in (validate_change(_change(fields={"password": "x"}), "station-a") or "")
    assert "时间戳" in (
        validate_change(_change(hlc="not-a-stamp-at-all-really"), "station-a") or ""
    )
