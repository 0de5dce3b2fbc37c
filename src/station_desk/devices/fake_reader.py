"""FakeCardReader: a reader with no hardware, for tests, demos and staff practice.

    FakeCardReader()                          # a demo card is always on the reader
    FakeCardReader(mode="no_card")            # read_card() → None
    FakeCardReader(mode="removed")            # the card is taken away mid-read
    FakeCardReader(mode="unplugged")          # open() fails: no reader found
    FakeCardReader(script=["no_card", "card"])  # one outcome per read, then the last repeats

Its cards carry valid demo ID numbers (GB 11643 check digit right) and go through the same
validate_card check as a real read. ``STATION_DESK_FAKE_CARD`` (card | no_card | removed |
unplugged | bad) sets the mode for ``station-desk card … --fake``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from station_desk.devices.idcard_reader import (
    KIND_FAKE,
    KIND_LABELS,
    CardData,
    CardReader,
    CardReaderError,
    no_reader_error,
    removed_error,
)
from station_desk.domain.idcard import make_id_number

ENV_FAKE_CARD = "STATION_DESK_FAKE_CARD"
MODES = ("card", "no_card", "removed", "unplugged", "bad")

DEMO_CARDS: tuple[CardData, ...] = (
    CardData(
        name="王建国",
        sex="男",
        nation="汉",
        birth_date=date(1979, 3, 15),
        address="河南省郸城县宁平镇王庄村123号",
        id_number=make_id_number("411625", date(1979, 3, 15), 123),
        authority="郸城县公安局",
        valid_from=date(2015, 6, 1),
        valid_to=date(2035, 6, 1),
    ),
    CardData(
        name="李秀兰",
        sex="女",
        nation="回",
        birth_date=date(1992, 11, 2),
        address="河北省石家庄市栾城区冶河镇东营村45号",
        id_number=make_id_number("130124", date(1992, 11, 2), 246),
        authority="石家庄市公安局栾城分局",
        valid_from=date(2012, 8, 20),
        valid_to=date(2022, 8, 20),  # expired: the form says so
    ),
)
DEMO_CARD = DEMO_CARDS[0]


class FakeCardReader(CardReader):
    """Clearly not a device: every outcome is chosen by the caller."""

    kind = KIND_FAKE
    label = KIND_LABELS[KIND_FAKE]

    def __init__(
        self,
        card: CardData | None = None,
        mode: str = "card",
        script: Sequence[str] = (),
        port: int = 1001,
    ) -> None:
        super().__init__(port)
        for chosen in (mode, *script):
            if chosen not in MODES:
                raise ValueError(f"unknown FakeCardReader mode {chosen!r}; one of {MODES}")
        self.card = card or DEMO_CARD
        self.mode = mode
        self.script = list(script)
        self.is_open = False
        self.opened = 0
        self.reads = 0

    @classmethod
    def from_env(cls) -> FakeCardReader:
        mode = os.environ.get(ENV_FAKE_CARD, "card").strip() or "card"
        if mode not in MODES:
            raise CardReaderError(
                f"{ENV_FAKE_CARD}={mode} 不认识：应为 {' / '.join(MODES)} 之一。", "setup"
            )
        return cls(mode=mode)

    def _next_mode(self) -> str:
        if self.script:
            self.mode = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        return self.mode

    def open(self) -> None:
        if self.mode == "unplugged" and not self.script:
            raise no_reader_error(f"演示读卡器，端口 USB{self.port - 1000}")
        self.is_open = True
        self.opened += 1

    def close(self) -> None:
        self.is_open = False

    def _read_raw(self) -> CardData | None:
        if not self.is_open:
            self.open()
        self.reads += 1
        mode = self._next_mode()
        if mode == "no_card":
            return None
        if mode == "removed":
            raise removed_error()
        if mode == "unplugged":
            self.is_open = False
            raise no_reader_error("演示读卡器被拔下")
        if mode == "bad":  # one digit misread: the check digit no longer fits
            number = self.card.id_number
            wrong = number[:15] + str((int(number[15]) + 1) % 10) + number[16:]
            return replace(self.card, id_number=wrong)
        return self.card
