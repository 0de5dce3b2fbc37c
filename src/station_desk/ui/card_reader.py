"""(placeholder, being written)"""

from __future__ import annotations

from typing import Any


def attach_card_reader(form: Any) -> None:
    return None


def install_card_reader_actions(window: Any) -> None:
    return None
