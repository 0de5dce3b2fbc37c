"""Where the program's resources folder is: the checkout's resources/, or the frozen bundle's."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """resources/ at the repository root in a checkout; under sys._MEIPASS when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def style_dir() -> Path:
    return resources_dir() / "style"
