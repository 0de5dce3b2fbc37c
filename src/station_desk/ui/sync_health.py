"""(placeholder, being written)"""

from __future__ import annotations

from typing import Any


def install_sync_health(window: Any) -> None:
    return None
