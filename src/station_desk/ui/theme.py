"""Looks: a CJK-capable font at a readable size and one calm style sheet."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from station_desk.ui.resources import style_dir

FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)
BASE_POINT_SIZE = 11
ROW_HEIGHT = 34
ERROR_COLOR = "#c62828"

STYLE = """
QMainWindow, QDialog { background: #f5f6f8; }
QTabWidget::pane { border: 1px solid #d9dde3; border-radius: 6px; background: #ffffff; top: -1px; }
QTabBar::tab { padding: 8px 22px; margin-right: 2px; border: 1px solid #d9dde3;
  border-bottom: none; border-top-left-radius: 6px; border-top-right-radius: 6px;
  background: #eceff3; color: #3a4250; }
QTabBar::tab:selected { background: #ffffff; color: #12357a; font-weight: bold; }
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox { padding: 5px 8px; border: 1px solid #c4cad3;
  border-radius: 4px; background: #ffffff; selection-background-color: #2f6fde; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus { border: 2px solid #2f6fde; }
QLineEdit#searchBox { padding: 7px 10px; font-size: 12pt; }
QTableView { background: #ffffff; alternate-background-color: #f4f7fb; gridline-color: #e6e9ee;
  border: none; selection-background-color: #d6e4fb; selection-color: #111111; }
QHeaderView::section { background: #eef1f5; color: #2b3340; padding: 6px 8px; border: none;
  border-right: 1px solid #dde1e7; border-bottom: 1px solid #d3d8df; font-weight: bold; }
QPushButton { padding: 6px 16px; border: 1px solid #b9c0ca; border-radius: 4px;
  background: #ffffff; color: #1d2430; min-height: 22px; }
QPushButton:hover { background: #f0f4fa; }
QPushButton:focus { border: 2px solid #2f6fde; }
QPushButton[primary="true"] { background: #2f6fde; border: 1px solid #245cc0; color: #ffffff;
  font-weight: bold; }
QPushButton[primary="true"]:hover { background: #245cc0; }
QLabel[role="error"] { color: #c62828; }
QLabel[role="hint"] { color: #5b6472; }
QLabel[role="info"] { color: #1b5e20; }
QStatusBar { background: #eef1f5; color: #2b3340; }
QStatusBar QLabel { padding: 2px 10px; }
"""


def pick_font_family() -> str | None:
    available = set(QFontDatabase.families())
    for family in FONT_FAMILIES:
        if family in available:
            return family
    return None


def apply_theme(app: QApplication) -> None:
    font = QFont(app.font())
    family = pick_font_family()
    families = ([family] if family else []) + [f for f in FONT_FAMILIES if f != family]
    font.setFamilies(families)
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyle("Fusion")
    extra = style_dir() / "desk.qss"
    app.setStyleSheet(STYLE + (extra.read_text(encoding="utf-8") if extra.exists() else ""))
