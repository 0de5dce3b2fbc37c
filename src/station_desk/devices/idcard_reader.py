"""The second-generation ID card (二代证) reader: what a card gives, the reader interface,
the settings that choose a reader, and the check that a read is sound.

    settings = ReaderSettings(kind="cvr", port=1001, dll_dir=r"C:\\Program Files\\CVR100")
    with make_reader(settings) as reader:
        card = reader.read_card()        # CardData, or None when no card is on the reader

Every reader checks what the card gave against GB 11643 (the ID number's check digit, and
that the birth date and sex on the card are the ones the number encodes): a bad read raises
CardReaderError, it never hands over a silently wrong number. No Qt here; the DLL adapters
are in windows_sdk.py, the demo reader in fake_reader.py.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Any

from station_desk.domain.idcard import IdNumberError, normalize_id_number, parse_id_number
from station_desk.domain.masking import mask_id_number, mask_name

# -- what a card gives -----------------------------------------------------------------------


@dataclass(frozen=True)
class CardData:
    """The text printed on (and stored in) a resident ID card. ``valid_to`` None = 长期."""

    name: str
    sex: str  # 男 / 女 (or 未知 when the card says so)
    nation: str  # 汉, 蒙古, … (民族 without the trailing 族)
    birth_date: date
    address: str
    id_number: str
    authority: str  # 签发机关
    valid_from: date | None
    valid_to: date | None
    photo: bytes | None = field(default=None, repr=False)  # a decoded image, when the SDK gives one

    def is_expired(self, today: date) -> bool:
        return self.valid_to is not None and self.valid_to < today

    def masked(self) -> dict[str, Any]:
        """What may be printed or logged: the name and number masked, no address."""
        return {
            "name": mask_name(self.name),
            "id_number": mask_id_number(self.id_number),
            "sex": self.sex,
            "valid_to": self.valid_to.isoformat() if self.valid_to else "长期",
        }


# -- errors ----------------------------------------------------------------------------------

NO_READER = "no_reader"  # not plugged in / not found on the port
SETUP = "setup"  # no reader chosen, wrong system, DLL missing or unusable
BAD_READ = "bad_read"  # the card gave something that is not a sound ID card
REMOVED = "removed"  # the card was taken away in the middle of the read


class CardReaderError(Exception):
    """A reader problem; ``message`` (Chinese) says what happened and what to do."""

    def __init__(self, message: str, kind: str = NO_READER) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


def no_reader_error(detail: str = "") -> CardReaderError:
    text = "找不到身份证读卡器"
    if detail:
        text += f"（{detail}）"
    return CardReaderError(
        text + "：请检查读卡器的USB线是否插好、指示灯是否亮着，再试一次；"
        "换了USB口时请在“读卡器设置”里把端口改为“自动”。",
        NO_READER,
    )


def removed_error() -> CardReaderError:
    return CardReaderError(
        "读卡时身份证被移开了：请把身份证平放在读卡器上不要动，再读一次。", REMOVED
    )


def bad_read_error(detail: str) -> CardReaderError:
    return CardReaderError(
        f"读到的身份证信息不对（{detail}）：请把身份证拿起来重新放好再读一次；"
        "仍然不行请手工录入，并核对证件。",
        BAD_READ,
    )


# -- checking a read -------------------------------------------------------------------------

_DATE_DIGITS = re.compile(r"\D")


def parse_card_date(text: str) -> date | None:
    """ "20150601", "2015-06-01" or "2015.06.01" → date; "长期" and blanks → None.

    Raises ValueError for anything else (a bad read)."""
    s = (text or "").strip().replace("\x00", "")
    if not s or s == "长期":
        return None
    digits = _DATE_DIGITS.sub("", s)
    if len(digits) != 8:
        raise ValueError(s)
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def clean_text(text: str) -> str:
    """Strip the padding the SDKs leave (spaces, NULs, full-width spaces)."""
    return (text or "").replace("\x00", "").strip().strip("\u3000").strip()


def validate_card(card: CardData, today: date | None = None) -> CardData:
    """The card as read, with a normalised ID number; CardReaderError(BAD_READ) when any
    part is missing or does not agree with the number (GB 11643)."""
    today = today or date.today()
    name = clean_text(card.name)
    if not name or "\ufffd" in name or any(ord(ch) < 32 for ch in name):
        raise bad_read_error("姓名读不出来")
    number = normalize_id_number(card.id_number)
    try:
        info = parse_id_number(number, today=today)
    except IdNumberError as error:
        raise bad_read_error(f"身份证号：{error.message}") from None
    if card.birth_date != info.birth_date:
        raise bad_read_error("出生日期和身份证号对不上")
    if card.sex in ("男", "女") and card.sex != info.sex:
        raise bad_read_error("性别和身份证号对不上")
    if card.valid_from and card.valid_to and card.valid_to < card.valid_from:
        raise bad_read_error("有效期限读错了")
    return CardData(
        name=name,
        sex=card.sex if card.sex in ("男", "女") else info.sex,
        nation=clean_text(card.nation),
        birth_date=card.birth_date,
        address=clean_text(card.address),
        id_number=number,
        authority=clean_text(card.authority),
        valid_from=card.valid_from,
        valid_to=card.valid_to,
        photo=card.photo,
    )


# -- the reader interface ------------------------------------------------------------------


class CardReader(ABC):
    """One reader on one port. open() → read_card() … → close(); also a context manager.

    read_card() returns None when no card is on the reader; every other problem raises
    CardReaderError. Subclasses implement _read_raw(); the check is done here."""

    kind: str = ""
    label: str = ""

    def __init__(self, port: int = 0) -> None:
        self.port = port

    @abstractmethod
    def open(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _read_raw(self) -> CardData | None: ...

    def read_card(self, today: date | None = None) -> CardData | None:
        card = self._read_raw()
        return None if card is None else validate_card(card, today)

    def __enter__(self) -> CardReader:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# -- settings and the factory ----------------------------------------------------------------

KIND_NONE = "none"
KIND_FAKE = "fake"
KIND_CVR = "cvr"  # 华视电子 CVR-100 series, Termb.dll
KIND_SDT = "sdt"  # 神思 / 公安部 common interface, sdtapi.dll
KINDS = (KIND_NONE, KIND_CVR, KIND_SDT, KIND_FAKE)
KIND_LABELS = {
    KIND_NONE: "不用读卡器",
    KIND_CVR: "华视电子 CVR-100 系列（Termb.dll）",
    KIND_SDT: "神思等公安部通用接口（sdtapi.dll）",
    KIND_FAKE: "演示读卡器（不接设备，练习用）",
}

AUTO_PORT = 0
USB_PORTS = range(1001, 1017)  # the SDKs' numbering: USB1 … USB16
COM_PORTS = range(1, 17)  # COM1 … COM16


def port_label(port: int) -> str:
    if port == AUTO_PORT:
        return "自动"
    if port in USB_PORTS:
        return f"USB{port - 1000}"
    if port in COM_PORTS:
        return f"COM{port}"
    return str(port)


def parse_port(text: str | int) -> int:
    """ "自动"/"auto"/"" → 0, "USB1" → 1001, "COM3" → 3, "1002" → 1002; ValueError otherwise."""
    s = str(text).strip().upper()
    if s in ("", "0", "AUTO", "自动"):
        return AUTO_PORT
    match = re.fullmatch(r"(USB|COM)?\s*(\d{1,4})", s)
    if not match:
        raise ValueError(f"端口“{text}”不对：应为 自动、USB1–USB16 或 COM1–COM16")
    number = int(match.group(2))
    if match.group(1) == "USB" and 1 <= number <= 16:
        return 1000 + number
    if match.group(1) == "COM" and number in COM_PORTS:
        return number
    if match.group(1) is None and (number in USB_PORTS or number in COM_PORTS):
        return number
    raise ValueError(f"端口“{text}”不对：应为 自动、USB1–USB16 或 COM1–COM16")


def candidate_ports(port: int) -> list[int]:
    """The ports to try: the one set, or with 自动 the USB ports then the COM ports, as the
    vendors' own demo programs do."""
    return [port] if port != AUTO_PORT else [*USB_PORTS, *COM_PORTS]


@dataclass(frozen=True)
class ReaderSettings:
    kind: str = KIND_NONE
    port: int = AUTO_PORT
    dll_dir: str = ""  # the folder with Termb.dll / sdtapi.dll; blank = the program's folder
    poll: bool = False  # read by itself while the registration form is open

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def make_reader(settings: ReaderSettings) -> CardReader:
    """The reader the settings choose; CardReaderError(SETUP) when none is chosen."""
    if settings.kind == KIND_FAKE:
        from station_desk.devices.fake_reader import FakeCardReader

        return FakeCardReader(port=settings.port or USB_PORTS[0])
    if settings.kind == KIND_CVR:
        from station_desk.devices.windows_sdk import CvrReader

        return CvrReader(settings.port, settings.dll_dir)
    if settings.kind == KIND_SDT:
        from station_desk.devices.windows_sdk import SdtReader

        return SdtReader(settings.port, settings.dll_dir)
    raise CardReaderError(
        "还没有设置身份证读卡器：请在“文件 → 身份证读卡器设置”里选择读卡器型号；"
        "没有读卡器时请手工录入身份证号。",
        SETUP,
    )
