"""The board's QR code (segno, drawn once per URL) and its optional voice (Qt TextToSpeech,
which PySide6-Essentials does not ship: the board then stays quiet and says so once in the log).
"""

from __future__ import annotations

import io
import logging
from collections import deque
from typing import Any

from PySide6.QtGui import QPixmap

log = logging.getLogger(__name__)


def qr_pixmap(url: str) -> QPixmap:
    """The URL's QR code as a black-on-white pixmap (one pixel per module, scaled later)."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=1, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class Announcer:
    """Says short texts aloud when enabled and an engine exists; otherwise does nothing."""

    def __init__(self) -> None:
        self.enabled = False
        self.spoken: deque[str] = deque(maxlen=20)  # what was (or would have been) said
        self._engine: Any = None
        self._tried = False

    @property
    def available(self) -> bool:
        self._load()
        return self._engine is not None

    def _load(self) -> None:
        if self._tried:
            return
        self._tried = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # type: ignore[import-not-found]

            self._engine = QTextToSpeech()
        except Exception as error:  # ImportError in Essentials; engine errors elsewhere
            log.info("board voice unavailable, staying quiet: %s", error)
            self._engine = None

    def say(self, text: str) -> None:
        if not self.enabled or not text:
            return
        self.spoken.append(text)
        self._load()
        if self._engine is not None:
            try:
                self._engine.say(text)
            except Exception:  # a broken speech engine must not stop the board
                log.exception("board voice failed; turning it off")
                self._engine = None
