"""Guards against a Qt binding that leaks references to None (PySide6 6.12.0 on Python 3.11
drops one per void call, so a desk or a board running for a day aborts with none_dealloc)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_references_to_none(qapp) -> None:
    label = QLabel("驿站")
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("招聘")
        label.setVisible(False)
    assert sys.getrefcount(None) >= before - 10
