"""The PDF renderer: A4 pages with the running header, page numbers and Chinese that reads
back as the characters drawn (checked with pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from station_desk.reports.report_model import Column, Num, ReportDoc, Table
from station_desk.ui.pdf_render import fix_text_mapping, render_pdf


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def sample(rows: int) -> ReportDoc:
    table = Table(
        "各驿站情况",
        [Column("驿站", width=20), Column("成功就业", "int"), Column("完成率", "percent")],
    )
    table.rows = [[f"第{i}号零工驿站", i, Num(0.5)] for i in range(1, rows + 1)]
    table.totals = ["合计", sum(range(1, rows + 1)), 0.5]
    return ReportDoc(
        "monthly",
        "青山区零工市场零工服务月报",
        "青山区零工市场",
        "2024年05月",
        datetime(2024, 6, 2, 10, 0),
        ["统计单位：全区"],
        [table],
        ["工作人员、页码、长期、马上"],
    )


def test_a_long_report_has_numbered_pages_and_readable_chinese(qapp, tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    pages = render_pdf(sample(120), path)
    assert pages >= 3 and path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    assert text.count("青山区零工市场 · 青山区零工市场零工服务月报") == pages  # every page
    assert f"第 1 页，共 {pages} 页" in text and f"第 {pages} 页，共 {pages} 页" in text
    assert "2024年06月02日" in text
    assert "工作人员、页码、长期、马上" in text  # not the look-alike radicals ⼯ ⻚ ⻓ ⻢
    assert "第120号零工驿站" in text
    assert "合计" in text and "7,260" in text and "50.0%" in text
    assert not (tmp_path / "r.pdf.part").exists()


def test_text_map_fix_keeps_offsets() -> None:
    cmap = b"begincmap\n<0001> <0003> [<2F2F> <2EDA> <4EBA>]\nendcmap"
    fixed = fix_text_mapping(b"%PDF " + cmap, "工页人")
    assert len(fixed) == len(cmap) + 5
    assert b"<5DE5> <9875> <4EBA>" in fixed
