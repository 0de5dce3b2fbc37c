"""The neutral document a report is built into (title, header lines, tables with totals,
notes, and the machine-readable data): the xlsx writer, the JSON writer and the PDF renderer
in ui/ all draw the same document, so the three formats cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

FORMATS = ("text", "int", "float", "percent", "money")


@dataclass(frozen=True)
class Num:
    """A number with its own format, in a column whose rows mix kinds of figure."""

    value: float
    fmt: str = "int"


Cell = str | int | float | Num | None


@dataclass(frozen=True)
class Column:
    title: str
    fmt: str = "text"  # one of FORMATS
    width: int = 12  # characters, for xlsx; the PDF shares the page by these too


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    totals: list[Cell] | None = None  # the 合计 row
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "columns": [c.title for c in self.columns],
            "rows": [[plain(v) for v in row] for row in self.rows],
            "totals": [plain(v) for v in self.totals] if self.totals else None,
            "note": self.note,
        }


@dataclass
class ReportDoc:
    kind: str
    title: str
    station_name: str
    period_label: str
    generated_at: datetime
    header_lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "station": self.station_name,
            "period": self.period_label,
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "header": self.header_lines,
            "tables": [t.as_json() for t in self.tables],
            "notes": self.notes,
            **self.data,
        }


def plain(value: Cell) -> object:
    """The cell as a JSON value (a percent stays a fraction, rounded for reading)."""
    if isinstance(value, Num):
        value = value.value
    if isinstance(value, float):
        return round(value, 4)
    return value


def cell_format(value: Cell, column: Column) -> str:
    return value.fmt if isinstance(value, Num) else column.fmt


def cell_value(value: Cell) -> str | int | float | None:
    return value.value if isinstance(value, Num) else value


def format_cell(value: Cell, column: Column) -> str:
    """The cell as printed text: 1,234 · 12.50 · 45.0% · 1,234.00."""
    fmt, raw = cell_format(value, column), cell_value(value)
    if raw is None or raw == "":
        return ""
    if isinstance(raw, str):
        return raw
    if fmt == "int":
        return f"{round(raw):,}"
    if fmt == "percent":
        return f"{raw * 100:.1f}%"
    if fmt == "money":
        return f"{raw:,.2f}"
    if fmt == "float":
        return f"{raw:,.2f}"
    return str(raw)
