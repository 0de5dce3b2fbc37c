"""Export: deterministic JSON, and xlsx/csv in the template layout that import again."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from station_desk.reports.ledger_export import export_ledger, posting_csv_path
from station_desk.services.context import Desk
from station_desk.services.ledger_import import import_ledger
from station_desk.services.workers import deactivate_worker
from station_desk.store.db import Database
from station_desk.store.models import Worker

LEDGERS = Path(__file__).resolve().parents[1] / "data" / "ledgers"
SAMPLES = [
    LEDGERS / "清河镇台账.xlsx",
    LEDGERS / "清河镇求职登记台账.csv",
    LEDGERS / "柳塘村零工台账_utf8.csv",
]
# Differ between two databases holding the same people and jobs: generated ids and the
# moment of the import.
VOLATILE = {"id", "employer_id", "registered_at", "published_at", "consent_at"}


def _desk(path: Path) -> Desk:
    return Desk(Database(path), clock=lambda: datetime(2026, 3, 1, 9).timestamp())


@pytest.fixture
def filled(tmp_path: Path) -> Desk:
    desk = _desk(tmp_path / "a.sqlite")
    for sample in SAMPLES:
        import_ledger(desk, sample)
    return desk


def _stable(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Records without generated ids and timestamps, in a content order."""
    return {
        kind: sorted(
            ({k: v for k, v in record.items() if k not in VOLATILE} for record in records),
            key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False),
        )
        for kind, records in data.items()
    }


def test_json_is_deterministic_sorted_and_without_sync_columns(
    filled: Desk, tmp_path: Path
) -> None:
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    counts = export_ledger(filled.db, "json", first)
    export_ledger(filled.db, "json", second)

    raw = first.read_bytes()
    assert raw == second.read_bytes()
    assert raw.endswith(b"}\n") and b"\r\n" not in raw
    data = json.loads(raw)
    new_kinds = ("referrals", "referral_outcomes", "services", "rights_cases")
    new_kinds += ("rights_case_events", "tools", "tool_loans")
    assert counts == {
        "employers": 3,
        "postings": 3,
        "stations": 0,
        "workers": 6,
        **dict.fromkeys(new_kinds, 0),
    }
    assert list(data) == sorted(["employers", "postings", "stations", "workers", *new_kinds])
    for records in data.values():
        ids = [r["id"] for r in records]
        assert ids == sorted(ids)
    worker = next(w for w in data["workers"] if w["id_number"] == "330102197503080118")
    assert worker["name"] == "张建国" and worker["birth_date"] == "1975-03-08"
    assert not {"created_hlc", "updated_hlc", "field_hlc", "origin_station", "deleted"} & set(
        worker
    )
    text = raw.decode("utf-8")
    assert "张建国" in text  # not \\u escapes
    assert text == json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def test_deleted_records_are_left_out(filled: Desk, tmp_path: Path) -> None:
    with filled.transaction() as tx:
        record = tx.session.get(Worker, _ids(filled)[0])
        assert record is not None
        record.deleted = True
        tx.save(record, ["name"])
    counts = export_ledger(filled.db, "json", tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert counts["workers"] == 5
    assert record.id not in {w["id"] for w in data["workers"]}


def test_xlsx_export_imports_into_a_fresh_database_with_the_same_records(
    filled: Desk, tmp_path: Path
) -> None:
    export_ledger(filled.db, "json", tmp_path / "a.json")
    counts = export_ledger(filled.db, "xlsx", tmp_path / "a.xlsx")
    assert counts == {"workers": 6, "postings": 3}
    wb = load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames == ["零工登记", "用工信息"]
    assert [c.value for c in wb["零工登记"][1]][:6] == [
        "姓名",
        "身份证号",
        "联系电话",
        "专业特长",
        "求职意向",
        "备注",
    ]
    assert wb["零工登记"]["B2"].data_type == "s" and wb["零工登记"]["B2"].number_format == "@"

    fresh = _desk(tmp_path / "b.sqlite")
    report = import_ledger(fresh, tmp_path / "a.xlsx")
    assert report.added == {"worker": 6, "posting": 3}
    assert report.rejected == [] and report.notes == []  # export-only columns are not "unknown"
    export_ledger(fresh.db, "json", tmp_path / "b.json")

    original = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    copy = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert _stable(copy) == _stable(original)
    assert import_ledger(fresh, tmp_path / "a.xlsx").added == {"worker": 0, "posting": 0}


def test_xlsx_export_keeps_worker_status_for_people(filled: Desk, tmp_path: Path) -> None:
    deactivate_worker(filled, _ids(filled)[0])
    export_ledger(filled.db, "xlsx", tmp_path / "a.xlsx")
    ws = load_workbook(tmp_path / "a.xlsx")["零工登记"]
    headers = [c.value for c in ws[1]]
    statuses = [row[headers.index("状态")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(statuses) == ["已停用"] + ["求职中"] * 5


def _ids(desk: Desk) -> list[str]:
    with desk.db.read() as session:
        return list(session.exec(select(Worker.id)).all())


def test_csv_export_is_two_excel_friendly_files_that_import_again(
    filled: Desk, tmp_path: Path
) -> None:
    out = tmp_path / "台账.csv"
    counts = export_ledger(filled.db, "csv", out)
    postings = posting_csv_path(out)
    assert postings.name == "台账_用工信息.csv"
    assert counts == {"workers": 6, "postings": 3}
    for path in (out, postings):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("姓名,身份证号,联系电话,专业特长,求职意向,备注")
    assert "\t330102197503080118" in text  # kept as text when Excel opens it

    fresh = _desk(tmp_path / "b.sqlite")
    assert import_ledger(fresh, out).added == {"worker": 6, "posting": 0}
    assert import_ledger(fresh, postings).added == {"worker": 0, "posting": 3}


def test_unknown_format(filled: Desk, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pdf"):
        export_ledger(filled.db, "pdf", tmp_path / "x.pdf")
