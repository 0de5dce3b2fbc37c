"""`station-desk screen` and `station-desk match` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from station_desk.cli import main


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_screen_text(tmp_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--data-dir", str(tmp_data_dir), "screen", "--text"]
    assert main([*args, "招搬运工，限男性，18-45岁"]) == 1
    (line,) = _lines(capsys.readouterr().out)
    assert line["ok"] is False and line["text"] == "招搬运工，限男性，18-45岁"
    assert [f["category"] for f in line["findings"]] == ["gender", "age"]
    assert set(line["findings"][0]) == {"phrase", "category", "reason"}
    assert main([*args, "男女不限，16周岁以上"]) == 0
    assert _lines(capsys.readouterr().out)[0] == {
        "text": "男女不限，16周岁以上",
        "ok": True,
        "findings": [],
    }


def test_screen_file_one_posting_per_line(
    tmp_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ads = tmp_path / "ads.txt"
    ads.write_text("保洁员，身体健康\n\n外地人勿扰，招门卫\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_data_dir), "screen", str(ads)]) == 1
    out = capsys.readouterr().out
    assert "外地人勿扰" in out  # not escaped
    lines = _lines(out)
    assert [line["ok"] for line in lines] == [True, False]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("会开叉车，有叉车证\n".encode("gbk"))
    assert main(["--data-dir", str(tmp_data_dir), "screen", str(gbk)]) == 0
    missing = tmp_path / "missing.txt"
    assert main(["--data-dir", str(tmp_data_dir), "screen", str(missing)]) == 2
    assert "无法读取文件" in capsys.readouterr().err


def test_match_unknown_id_exits_1(tmp_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_data_dir), "match", "--worker", "nobody"]) == 1
    assert "找不到该零工记录" in capsys.readouterr().err


def test_match_on_demo_data(tmp_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(tmp_data_dir)]
    assert main([*base, "demo", "--workers", "300", "--postings", "80", "--seed", "3"]) == 0
    capsys.readouterr()
    from sqlmodel import select

    from station_desk.store.db import Database
    from station_desk.store.models import Posting

    database = Database(tmp_data_dir / "station.db")
    with database.read() as session:
        posting = session.exec(select(Posting).where(Posting.status == "open")).first()
        assert posting is not None
        posting_id = posting.id
    database.close()
    assert main([*base, "match", "--posting", posting_id, "--limit", "5"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["for"] == {"kind": "posting", "id": posting_id}
    assert 0 < len(payload["results"]) <= 5
    scores = [r["score"] for r in payload["results"]]
    assert scores == sorted(scores, reverse=True)
    assert all("*" in r["title"] and r["reasons"] for r in payload["results"])
