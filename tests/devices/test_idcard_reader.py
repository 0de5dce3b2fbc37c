"""The ID card reader without hardware: the card check (GB 11643), the fake reader, the
factory and settings, and the two vendor adapters driven through byte layouts built here.

The vendor DLLs cannot exist on this machine; FakeSdtApi / FakeTermb stand in for them and
write into the very ctypes buffers the adapters pass, as the DLLs do."""

from __future__ import annotations

import ctypes
import sys
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlmodel import select

from station_desk.devices import windows_sdk
from station_desk.devices.fake_reader import DEMO_CARD, DEMO_CARDS, ENV_FAKE_CARD, FakeCardReader
from station_desk.devices.idcard_reader import (
    BAD_READ,
    KIND_CVR,
    KIND_FAKE,
    KIND_NONE,
    KIND_SDT,
    NO_READER,
    REMOVED,
    SETUP,
    CardReaderError,
    ReaderSettings,
    candidate_ports,
    make_reader,
    parse_card_date,
    parse_port,
    port_label,
    validate_card,
)
from station_desk.devices.settings import KIND_KEY, load_reader_settings, save_reader_settings
from station_desk.devices.windows_sdk import (
    SDT_TEXT_BYTES,
    CvrReader,
    SdtReader,
    decode_gbk,
    parse_sdt_text,
    sdt_error,
    sdt_message,
)
from station_desk.domain.idcard import is_valid_id_number, make_id_number
from station_desk.services.context import Desk
from station_desk.store.models import AuditLog
from station_desk.store.settings import put_setting

TODAY = date(2026, 11, 26)
ID = make_id_number("330106", date(1980, 5, 6), 123)  # 男, 杭州市西湖区


def ucs2(text: str, chars: int) -> bytes:
    """A fixed-width, space-padded UCS-2LE field as in SDT_ReadBaseMsg's text block."""
    assert len(text) <= chars
    return text.ljust(chars).encode("utf-16-le")


def sdt_block(
    name: str = "张三丰",
    sex: str = "1",
    nation: str = "01",
    birth: str = "19800506",
    address: str = "浙江省杭州市西湖区文三路90号",
    number: str = ID,
    authority: str = "杭州市公安局西湖分局",
    valid_from: str = "20160301",
    valid_to: str = "20360301",
) -> bytes:
    block = (
        ucs2(name, 15)
        + ucs2(sex, 1)
        + ucs2(nation, 2)
        + ucs2(birth, 8)
        + ucs2(address, 35)
        + ucs2(number, 18)
        + ucs2(authority, 15)
        + ucs2(valid_from, 8)
        + ucs2(valid_to, 8)
    )
    assert len(block) == 220
    return block + b"\x20\x00" * 18  # the 36 reserved bytes: 256 in all


# -- the SDT_ReadBaseMsg text block -----------------------------------------------------------


def test_the_ucs2_text_block_is_split_at_the_published_widths() -> None:
    card = parse_sdt_text(sdt_block())
    assert card.name == "张三丰"
    assert card.sex == "男"
    assert card.nation == "汉"
    assert card.birth_date == date(1980, 5, 6)
    assert card.address == "浙江省杭州市西湖区文三路90号"
    assert card.id_number == ID
    assert card.authority == "杭州市公安局西湖分局"
    assert (card.valid_from, card.valid_to) == (date(2016, 3, 1), date(2036, 3, 1))
    assert SDT_TEXT_BYTES == 220


def test_a_long_term_card_a_woman_and_a_minority_nation() -> None:
    number = make_id_number("152502", date(1960, 1, 9), 244)
    block = sdt_block(
        name="乌云其木格",
        sex="2",
        nation="02",
        birth="19600109",
        number=number,
        valid_to="长期",
    )
    card = validate_card(parse_sdt_text(block), TODAY)
    assert (card.name, card.sex, card.nation, card.valid_to) == ("乌云其木格", "女", "蒙古", None)
    assert card.masked()["valid_to"] == "长期"


def test_a_full_width_35_character_address_is_kept_whole() -> None:
    address = "新疆维吾尔自治区伊犁哈萨克自治州霍城县清水河镇江阴村三组一百二十三号院内东侧"[:35]
    assert len(address) == 35
    card = parse_sdt_text(sdt_block(address=address))
    assert card.address == address and len(card.address) == 35


def test_a_short_or_garbled_block_is_a_bad_read_not_a_card() -> None:
    with pytest.raises(CardReaderError) as short:
        parse_sdt_text(sdt_block()[:200])
    assert short.value.kind == BAD_READ and "200字节" in short.value.message
    with pytest.raises(CardReaderError) as dates:
        parse_sdt_text(sdt_block(birth="1980 5 6"))
    assert dates.value.kind == BAD_READ


def test_return_codes_read_as_the_vendor_tables_say_and_map_to_what_to_do() -> None:
    assert sdt_message(0x41) == "0x41 读卡操作失败"
    assert sdt_message(0x9F) == "0x9F 找卡成功"
    assert sdt_message(0x77) == "0x77 未知错误"
    assert sdt_error(0x41).kind == REMOVED
    assert sdt_error(0x81).kind == REMOVED
    assert sdt_error(0x01).kind == NO_READER and "USB" in sdt_error(0x01).message
    assert sdt_error(0x40).kind == BAD_READ and "0x40" in sdt_error(0x40).message


def test_gbk_text_from_termb_stops_at_the_nul() -> None:
    raw = "王建国".encode("gbk") + b"\x00" + b"\xff" * 20
    assert decode_gbk(raw.ljust(256, b"\x00")) == "王建国"
    # a rare name character outside GB2312 survives (GB18030 is the superset)
    assert decode_gbk("李䶮".encode("gb18030") + b"\x00") == "李䶮"


def test_card_dates() -> None:
    assert parse_card_date("20150601") == date(2015, 6, 1)
    assert parse_card_date("2015.06.01") == date(2015, 6, 1)
    assert parse_card_date("长期") is None
    with pytest.raises(ValueError):
        parse_card_date("2015061")


# -- the check of what a card gives ---------------------------------------------------------


def test_a_misread_digit_is_refused_never_handed_over() -> None:
    card = parse_sdt_text(sdt_block())
    wrong = ID[:15] + str((int(ID[15]) + 1) % 10) + ID[16:]
    with pytest.raises(CardReaderError) as caught:
        validate_card(replace(card, id_number=wrong), TODAY)
    assert caught.value.kind == BAD_READ
    assert "校验码" in caught.value.message and "重新放好" in caught.value.message


def test_birth_date_and_sex_must_agree_with_the_number() -> None:
    card = parse_sdt_text(sdt_block())
    with pytest.raises(CardReaderError, match="出生日期"):
        validate_card(replace(card, birth_date=date(1980, 5, 7)), TODAY)
    with pytest.raises(CardReaderError, match="性别"):
        validate_card(replace(card, sex="女"), TODAY)
    with pytest.raises(CardReaderError, match="姓名"):
        validate_card(replace(card, name="  "), TODAY)


def test_a_sound_card_comes_back_with_the_number_normalised() -> None:
    number = make_id_number("110105", date(1949, 12, 31), 2)  # ends in X
    assert number.endswith("X")
    card = parse_sdt_text(sdt_block(number=number.lower(), birth="19491231", sex="2"))
    checked = validate_card(card, TODAY)
    assert checked.id_number == number
    assert checked.is_expired(date(2036, 3, 2)) and not checked.is_expired(TODAY)


# -- the fake reader -----------------------------------------------------------------------


def test_the_fake_readers_demo_cards_are_valid_id_numbers() -> None:
    for card in DEMO_CARDS:
        assert is_valid_id_number(card.id_number)
        assert validate_card(card, TODAY) == card


def test_fake_reader_modes() -> None:
    with FakeCardReader() as reader:
        assert reader.read_card(TODAY) == DEMO_CARD
    assert not reader.is_open
    with FakeCardReader(mode="no_card") as reader:
        assert reader.read_card(TODAY) is None
    with FakeCardReader(mode="removed") as reader, pytest.raises(CardReaderError) as removed:
        reader.read_card(TODAY)
    assert removed.value.kind == REMOVED
    with pytest.raises(CardReaderError) as unplugged:
        FakeCardReader(mode="unplugged").open()
    assert unplugged.value.kind == NO_READER and "USB线" in unplugged.value.message
    with FakeCardReader(mode="bad") as reader, pytest.raises(CardReaderError) as bad:
        reader.read_card(TODAY)
    assert bad.value.kind == BAD_READ


def test_fake_reader_script_gives_one_outcome_per_read() -> None:
    reader = FakeCardReader(script=["no_card", "removed", "card"])
    with reader:
        assert reader.read_card(TODAY) is None
        with pytest.raises(CardReaderError):
            reader.read_card(TODAY)
        assert reader.read_card(TODAY) == DEMO_CARD
        assert reader.read_card(TODAY) == DEMO_CARD  # the last outcome repeats
    with pytest.raises(ValueError):
        FakeCardReader(mode="melted")


def test_fake_reader_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_FAKE_CARD, "no_card")
    assert FakeCardReader.from_env().mode == "no_card"
    monkeypatch.setenv(ENV_FAKE_CARD, "toast")
    with pytest.raises(CardReaderError) as caught:
        FakeCardReader.from_env()
    assert caught.value.kind == SETUP


# -- ports, factory, settings -------------------------------------------------------------------


def test_port_conventions_of_the_sdks() -> None:
    assert parse_port("USB1") == 1001 and parse_port("usb16") == 1016
    assert parse_port("COM3") == 3 and parse_port("1002") == 1002
    assert parse_port("自动") == 0 and parse_port("") == 0
    for bad in ("USB17", "COM0", "LPT1", "2000"):
        with pytest.raises(ValueError, match="USB1–USB16"):
            parse_port(bad)
    assert [port_label(p) for p in (0, 1001, 1016, 4)] == ["自动", "USB1", "USB16", "COM4"]
    auto = candidate_ports(0)
    assert auto[:2] == [1001, 1002] and auto[16:18] == [1, 2] and len(auto) == 32
    assert candidate_ports(3) == [3]


def test_factory_chooses_by_setting() -> None:
    with pytest.raises(CardReaderError) as caught:
        make_reader(ReaderSettings(kind=KIND_NONE))
    assert caught.value.kind == SETUP and "读卡器设置" in caught.value.message
    assert isinstance(make_reader(ReaderSettings(kind=KIND_FAKE)), FakeCardReader)
    cvr = make_reader(ReaderSettings(kind=KIND_CVR, port=1003, dll_dir=r"C:\CVR"))
    assert isinstance(cvr, CvrReader) and (cvr.port, cvr.dll_dir) == (1003, r"C:\CVR")
    assert isinstance(make_reader(ReaderSettings(kind=KIND_SDT, port=2)), SdtReader)


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the DLL would be looked for")
def test_off_windows_the_adapters_say_they_need_windows_and_the_driver() -> None:
    for reader in (CvrReader(1001), SdtReader(0)):
        with pytest.raises(CardReaderError) as caught:
            reader.open()
        assert caught.value.kind == SETUP
        assert "Windows" in caught.value.message and "驱动" in caught.value.message


def test_settings_are_kept_in_the_desks_settings_table(desk: Desk) -> None:
    assert load_reader_settings(desk) == ReaderSettings()
    saved = save_reader_settings(
        desk, ReaderSettings(kind=KIND_SDT, port=1002, dll_dir=r" C:\SDT ", poll=True)
    )
    assert saved.dll_dir == r"C:\SDT"
    assert load_reader_settings(desk) == ReaderSettings(KIND_SDT, 1002, r"C:\SDT", True)
    save_reader_settings(desk, saved)  # unchanged: no second audit row
    with desk.db.read() as session:
        audits = session.exec(
            select(AuditLog).where(AuditLog.action == "edit_card_reader_settings")
        ).all()
    assert len(audits) == 1
    with pytest.raises(ValueError):
        save_reader_settings(desk, ReaderSettings(kind="laser"))
    with desk.db.write() as session:  # a damaged value falls back instead of failing
        put_setting(session, KIND_KEY, "laser")
    assert load_reader_settings(desk).kind == KIND_NONE


# -- the adapters, with stand-ins for the DLLs ------------------------------------------------


def _write(array: Any, data: bytes) -> None:
    ctypes.memmove(array, data, len(data))


def _set(ref: Any, value: int) -> None:
    ref._obj.value = value  # what a DLL writing through an int* does


class FakeSdtApi:
    """Stands in for sdtapi.dll: the same entry points, answering with the given codes."""

    def __init__(self, block: bytes, find: int = 0x9F, select: int = 0x90, read: int = 0x90):
        self.block, self.codes = block, {"find": find, "select": select, "read": read}
        self.open_ports: list[int] = []
        self.reader_on = 1002
        self.closed: list[int] = []

    def SDT_OpenPort(self, port: int) -> int:
        self.open_ports.append(port)
        return 0x90 if port == self.reader_on else 0x01

    def SDT_ClosePort(self, port: int) -> int:
        self.closed.append(port)
        return 0x90

    def SDT_StartFindIDCard(self, port: int, iin: Any, if_open: int) -> int:
        assert if_open == 0  # the port stays open between calls
        return self.codes["find"]

    def SDT_SelectIDCard(self, port: int, sn: Any, if_open: int) -> int:
        return self.codes["select"]

    def SDT_ReadBaseMsg(self, port, text, text_len, photo, photo_len, if_open) -> int:
        if self.codes["read"] == 0x90:
            _write(text, self.block)
            _set(text_len, len(self.block))
            _write(photo, b"WLT" + b"\x00" * 1021)
            _set(photo_len, 1024)
        return self.codes["read"]


def _with_dll(monkeypatch: pytest.MonkeyPatch, fake: object) -> None:
    monkeypatch.setattr(windows_sdk, "load_library", lambda *args: FakeDll(fake))


class FakeDll:
    """Entry points as ctypes gives them: plain callables that take restype/argtypes."""

    def __init__(self, api: object) -> None:
        self._api = api

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._api, name)

        def entry(*args: Any) -> Any:
            return method(*args)

        return entry


def test_sdt_adapter_reads_a_card_on_the_port_found_automatically(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dll = FakeSdtApi(sdt_block())
    _with_dll(monkeypatch, dll)
    with SdtReader(0) as reader:
        card = reader.read_card(TODAY)
        assert reader.port == 1002
    assert dll.open_ports == [1001, 1002]
    assert dll.closed == [1002]
    assert card is not None and (card.name, card.id_number) == ("张三丰", ID)


@pytest.mark.parametrize(
    ("codes", "expect"),
    [
        ({"find": 0x80}, None),
        ({"select": 0x81}, REMOVED),
        ({"read": 0x41}, REMOVED),
        ({"find": 0x02}, NO_READER),
        ({"read": 0x33}, BAD_READ),
    ],
)
def test_sdt_adapter_turns_codes_into_no_card_or_a_plain_error(
    monkeypatch: pytest.MonkeyPatch, codes: dict[str, int], expect: str | None
) -> None:
    dll = FakeSdtApi(sdt_block(), **codes)
    _with_dll(monkeypatch, dll)
    with SdtReader(1002) as reader:
        if expect is None:
            assert reader.read_card(TODAY) is None
        else:
            with pytest.raises(CardReaderError) as caught:
                reader.read_card(TODAY)
            assert caught.value.kind == expect


def test_sdt_adapter_with_no_reader_on_any_port(monkeypatch: pytest.MonkeyPatch) -> None:
    dll = FakeSdtApi(sdt_block())
    dll.reader_on = -1
    _with_dll(monkeypatch, dll)
    with pytest.raises(CardReaderError) as caught:
        SdtReader(0).open()
    assert caught.value.kind == NO_READER and "0x01" in caught.value.message
    assert len(dll.open_ports) == 32  # USB1–16 then COM1–16


def test_sdt_adapter_refuses_a_misread_number(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = ID[:-1] + ("0" if ID[-1] != "0" else "1")
    _with_dll(monkeypatch, FakeSdtApi(sdt_block(number=wrong)))
    with SdtReader(1002) as reader, pytest.raises(CardReaderError) as caught:
        reader.read_card(TODAY)
    assert caught.value.kind == BAD_READ


class FakeTermb:
    """Stands in for 华视 Termb.dll: CVR_… calls and the GBK Get… texts."""

    def __init__(self, auth: int = 1, read: int = 1, **texts: str) -> None:
        self.auth, self.read = auth, read
        self.texts = {
            "GetPeopleName": "王建国",
            "GetPeopleSex": "男",
            "GetPeopleNation": "汉",
            "GetPeopleBirthday": "19790315",
            "GetPeopleAddress": "河南省郸城县宁平镇王庄村123号",
            "GetPeopleIDCode": DEMO_CARD.id_number,
            "GetDepartment": "郸城县公安局",
            "GetStartDate": "20150601",
            "GetEndDate": "长期",
            **texts,
        }
        self.ports: list[int] = []
        self.content_active: list[int] = []
        self.closed = 0

    def CVR_InitComm(self, port: int) -> int:
        self.ports.append(port)
        return 1 if port == 3 else 2

    def CVR_Authenticate(self) -> int:
        return self.auth

    def CVR_Read_Content(self, active: int) -> int:
        self.content_active.append(active)
        return self.read

    def CVR_CloseComm(self) -> int:
        self.closed += 1
        return 1

    def __getattr__(self, name: str) -> Any:
        if name not in self.__dict__.get("texts", {}):
            raise AttributeError(name)
        data = self.texts[name].encode("gbk")

        def get(buf: Any, length: Any) -> int:
            _write(buf, data + b"\x00")
            _set(length, len(data))
            return 1

        return get


def test_cvr_adapter_reads_gbk_texts_and_finds_the_com_port(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    dll = FakeTermb()
    _with_dll(monkeypatch, dll)
    leftover = tmp_path / "wz.txt"
    leftover.write_bytes(b"someone's data")
    with CvrReader(0, str(tmp_path)) as reader:
        card = reader.read_card(TODAY)
        assert reader.port == 3
    assert dll.ports[:17] == [*range(1001, 1017), 1] and dll.ports[-1] == 3
    assert dll.content_active == [4] and dll.closed == 1
    assert card is not None
    assert (card.name, card.nation, card.valid_to) == ("王建国", "汉", None)
    assert card.id_number == DEMO_CARD.id_number
    assert not leftover.exists()  # the text file the SDK writes is not left behind


@pytest.mark.parametrize(
    ("auth", "read", "expect"),
    [(2, 1, None), (3, 1, REMOVED), (4, 1, NO_READER), (1, 0, REMOVED), (1, 4, NO_READER)],
)
def test_cvr_adapter_return_codes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, auth: int, read: int, expect: str | None
) -> None:
    _with_dll(monkeypatch, FakeTermb(auth=auth, read=read))
    with CvrReader(3, str(tmp_path)) as reader:
        if expect is None:
            assert reader.read_card(TODAY) is None
        else:
            with pytest.raises(CardReaderError) as caught:
                reader.read_card(TODAY)
            assert caught.value.kind == expect


def test_cvr_adapter_refuses_a_birthday_that_disagrees(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    _with_dll(monkeypatch, FakeTermb(GetPeopleBirthday="19790316"))
    with CvrReader(3, str(tmp_path)) as reader, pytest.raises(CardReaderError) as caught:
        reader.read_card(TODAY)
    assert caught.value.kind == BAD_READ and "出生日期" in caught.value.message
