"""(placeholder, being written)"""

from __future__ import annotations

from typing import Any


def install_privacy_actions(window: Any) -> None:
    return None
