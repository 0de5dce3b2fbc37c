"""ctypes adapters for the two common Windows ID card reader SDKs.

Both DLLs are 32- or 64-bit Windows libraries with __stdcall exports, so they are loaded with
ctypes.WinDLL, only on Windows, from the folder set in 读卡器设置 (blank: the program's
folder). The DLL must match the program's bitness (64-bit here): a 32-bit Termb.dll fails
to load with WinError 193 and is reported as such.

1. 华视电子 (Chinavision) CVR-100 series, Termb.dll. Sources: the vendor's SDK "CVR100UD
   二次开发SDK开发说明 V7.1.6" examples (github.com/tomcat0506/readdll, Example/C#/
   CVR100A_U_DSDK_Demo/CVRSDK.cs and MainWnd.cs; Example/Delphi/UCVR.pas) and the SDK manual
   V3.3.0.7 (2018-08-20):

       int CVR_InitComm(int Port)      Port 1001–1016 = USB1–16, 1–16 = COM1–16
                                       1 ok, 2 port open failed, -1 unknown, -2 DLL load failed
       int CVR_Authenticate(void)      1 card found, 2 no card (find failed), 3 select failed,
                                       4 reader not connected, 0 not initialised
       int CVR_Read_Content(int Active) 1 ok, 0 read failed, 4 no reader, 99 exception;
                                       Active 4 = basic text + decoded photo (the vendor demo)
       int GetPeopleName(unsigned char *buf, int *len)   and GetPeopleSex, GetPeopleNation,
           GetPeopleBirthday, GetPeopleAddress, GetPeopleIDCode, GetDepartment, GetStartDate,
           GetEndDate: the text in GBK (the demo decodes with GB2312; GB18030 here, its
           superset, so rare name characters survive); dates as YYYYMMDD, GetEndDate may be 长期
       int CVR_CloseComm(void)

2. 神思 (Synjones) and other readers with the 公安部 common interface, sdtapi.dll. Sources:
   the Routon/Synjones header sdtapi.h (github.com/libinqi/idr-routon, tmp/include/sdtapi.h)
   and the return-code tables in vendors' samples (the GA 467 SAM status words):

       int SDT_OpenPort(int iPortID)                               0x90 ok, 0x01 port failed
       int SDT_StartFindIDCard(int iPortID, unsigned char *pucIIN, int iIfOpen)
                                                                   0x9F found, 0x80 no card
       int SDT_SelectIDCard(int iPortID, unsigned char *pucSN, int iIfOpen)
                                                                   0x90 ok, 0x81 failed
       int SDT_ReadBaseMsg(int iPortID, unsigned char *pucCHMsg, unsigned int *puiCHMsgLen,
                           unsigned char *pucPHMsg, unsigned int *puiPHMsgLen, int iIfOpen)
                                                                   0x90 ok, 0x41 read failed
       int SDT_ClosePort(int iPortID)

   iIfOpen 0: the port was opened with SDT_OpenPort and stays open. pucCHMsg is 256 bytes of
   UCS-2 little-endian text, fixed-width and space-padded: name 30 bytes, sex code 2, nation
   code 4, birth date 16, address 70, ID number 36, issuing authority 30, valid from 16,
   valid to 16 (or 长期), reserved 36 (parse_sdt_text). pucPHMsg is the 1024-byte WLT photo,
   which only the vendor's WltRS.dll can decode; it is not used.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from station_desk.devices.idcard_reader import (
    KIND_CVR,
    KIND_LABELS,
    KIND_SDT,
    SETUP,
    CardData,
    CardReader,
    CardReaderError,
    bad_read_error,
    candidate_ports,
    clean_text,
    no_reader_error,
    parse_card_date,
    port_label,
    removed_error,
)
from station_desk.devices.nations import nation_name

log = logging.getLogger(__name__)

CVR_DLL = "Termb.dll"
SDT_DLL = "sdtapi.dll"

# -- return codes ----------------------------------------------------------------------------

SDT_OK = 0x90
SDT_FOUND = 0x9F
SDT_NO_CARD = 0x80
SDT_SELECT_FAILED = 0x81
SDT_READ_FAILED = 0x41

SDT_CODES: dict[int, str] = {
    0x01: "端口打开失败、端口未打开或端口号不对",
    0x02: "接收数据超时",
    0x03: "数据校验错误",
    0x04: "USB设备未配置",
    0x05: "该SAM串口不可用",
    0x06: "USB设备被禁用",
    0x10: "SAM判断校验和错",
    0x11: "SAM接收超时",
    0x21: "命令错误",
    0x23: "越权操作",
    0x24: "无法识别的错误",
    0x31: "卡认证机具失败",
    0x32: "机具认证卡失败",
    0x33: "信息验证错误",
    0x34: "尚未找卡",
    0x40: "无法识别的卡类型",
    0x41: "读卡操作失败",
    0x47: "取随机数失败",
    0x60: "安全模块自检失败",
    0x66: "安全模块未经授权",
    0x80: "找卡不成功",
    0x81: "选卡不成功",
    0x90: "操作成功",
    0x91: "卡中此项无内容",
    0x9F: "找卡成功",
}
_SDT_NO_READER = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x10, 0x11}
_SDT_MOVED = {0x34, 0x41, 0x81}
_SDT_NOT_A_CARD = {0x31, 0x32, 0x33, 0x40}


def sdt_message(code: int) -> str:
    """ "0x41 读卡操作失败" — the code as the vendor's tables write it, for logs and messages."""
    return f"0x{code & 0xFF:02X} {SDT_CODES.get(code & 0xFF, '未知错误')}"


def sdt_error(code: int) -> CardReaderError:
    """The CardReaderError for a failed sdtapi call."""
    code &= 0xFF
    detail = sdt_message(code)
    if code in _SDT_MOVED:
        return removed_error()
    if code in _SDT_NOT_A_CARD:
        return bad_read_error(f"{detail}；可能不是居民身份证，或证件芯片已损坏")
    if code in _SDT_NO_READER:
        return no_reader_error(detail)
    return CardReaderError(
        f"读卡器出错（{detail}）：请拔下读卡器的USB线再插上，等指示灯亮后再试；"
        "仍不行请联系区里的IT人员。"
    )


CVR_INIT_CODES = {1: "成功", 2: "端口打开失败", -1: "未知错误", -2: "动态库加载失败"}
CVR_AUTH_CODES = {1: "成功", 2: "寻卡失败", 3: "选卡失败", 4: "未连接读卡器", 0: "未初始化"}
CVR_READ_CODES = {1: "成功", 0: "读卡失败", 4: "未连接读卡器", 99: "异常"}


def cvr_message(table: dict[int, str], code: int) -> str:
    return f"{code} {table.get(code, '未知错误')}"


# -- decoding --------------------------------------------------------------------------------

# (field, width in UCS-2 characters) of SDT_ReadBaseMsg's text block, in order.
SDT_TEXT_LAYOUT: tuple[tuple[str, int], ...] = (
    ("name", 15),
    ("sex", 1),
    ("nation", 2),
    ("birth", 8),
    ("address", 35),
    ("id_number", 18),
    ("authority", 15),
    ("valid_from", 8),
    ("valid_to", 8),
)
SDT_TEXT_BYTES = 2 * sum(width for _, width in SDT_TEXT_LAYOUT)  # 220 of the 256

SEX_CODES = {"1": "男", "2": "女", "0": "未知", "9": "未说明"}


def split_sdt_text(buf: bytes) -> dict[str, str]:
    """The fields of the UCS-2 block, padding stripped; bad_read_error when it is short."""
    if len(buf) < SDT_TEXT_BYTES:
        raise bad_read_error(f"文字信息只有{len(buf)}字节")
    text = buf[:SDT_TEXT_BYTES].decode("utf-16-le", errors="replace")
    fields: dict[str, str] = {}
    at = 0
    for name, width in SDT_TEXT_LAYOUT:
        fields[name] = clean_text(text[at : at + width])
        at += width
    return fields


def _dates(birth: str, valid_from: str, valid_to: str) -> tuple[date, date | None, date | None]:
    try:
        born = parse_card_date(birth)
        start = parse_card_date(valid_from)
        end = parse_card_date(valid_to)
    except ValueError as error:
        raise bad_read_error(f"日期“{error}”读不懂") from None
    if born is None:
        raise bad_read_error("没有出生日期")
    return born, start, end


def parse_sdt_text(buf: bytes) -> CardData:
    """SDT_ReadBaseMsg's text block → CardData (not yet checked: see validate_card)."""
    f = split_sdt_text(buf)
    born, start, end = _dates(f["birth"], f["valid_from"], f["valid_to"])
    return CardData(
        name=f["name"],
        sex=SEX_CODES.get(f["sex"], "未知"),
        nation=nation_name(f["nation"]),
        birth_date=born,
        address=f["address"],
        id_number=f["id_number"],
        authority=f["authority"],
        valid_from=start,
        valid_to=end,
    )


def decode_gbk(buf: bytes) -> str:
    """A NUL-terminated GBK string from Termb.dll's Get… functions."""
    return clean_text(buf.split(b"\x00", 1)[0].decode("gb18030", errors="replace"))


def _nation(text: str) -> str:
    """ "汉" / "汉族" / "01" → "汉" (older Termb.dll versions give the code)."""
    if text.isdigit():
        return nation_name(text)
    return text.removesuffix("族") if len(text) > 1 else text


def cvr_card(fields: dict[str, str]) -> CardData:
    """The Get… texts of Termb.dll → CardData (not yet checked)."""
    born, start, end = _dates(fields["birth"], fields["valid_from"], fields["valid_to"])
    sex = fields["sex"]
    return CardData(
        name=fields["name"],
        sex=sex if sex in ("男", "女") else SEX_CODES.get(sex, "未知"),
        nation=_nation(fields["nation"]),
        birth_date=born,
        address=fields["address"],
        id_number=fields["id_number"],
        authority=fields["authority"],
        valid_from=start,
        valid_to=end,
    )


# -- loading the DLL -------------------------------------------------------------------------


def default_dll_dir() -> Path:
    """The program's own folder (where the installer puts the vendor's DLLs)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).parent
    return Path.cwd()


_DLL_DIRS: dict[str, Any] = {}  # folders added to the DLL search path, once each


def load_library(file_name: str, folder: str, label: str) -> Any:
    """ctypes.WinDLL of the vendor DLL in ``folder``; CardReaderError(SETUP) when it cannot be."""
    if sys.platform != "win32":
        raise CardReaderError(
            f"{label}只能在Windows电脑上使用，并且要先装好厂家的读卡器驱动。"
            "在这台电脑上请手工录入身份证号，或用“演示读卡器”练习。",
            SETUP,
        )
    where = Path(folder) if folder else default_dll_dir()
    path = where / file_name
    if not path.is_file():
        raise CardReaderError(
            f"在“{where}”里找不到 {file_name}：请先安装厂家的读卡器驱动，"
            f"再在“读卡器设置”里选择放 {file_name} 的文件夹（见说明 docs/card-reader.md）。",
            SETUP,
        )
    try:
        # The SDKs load their helpers (sdtapi.dll, WltRS.dll) from their own folder; ctypes
        # searches the DLL's folder for them too, this covers SDKs that load them later.
        if str(where) not in _DLL_DIRS:
            _DLL_DIRS[str(where)] = os.add_dll_directory(str(where))  # type: ignore[attr-defined]
        return ctypes.WinDLL(str(path))  # type: ignore[attr-defined]
    except OSError as error:
        if getattr(error, "winerror", None) == 193:
            raise CardReaderError(
                f"{file_name} 是32位的，本程序是64位，用不了：请向读卡器厂家要64位的驱动包，"
                "把其中的DLL放进所选文件夹。",
                SETUP,
            ) from None
        raise CardReaderError(
            f"{file_name} 加载失败（{error}）：请重新安装厂家的读卡器驱动后再试。", SETUP
        ) from None


def _prototype(lib: Any, name: str, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    try:
        fn = getattr(lib, name)
    except AttributeError:
        raise CardReaderError(
            f"读卡器驱动里没有 {name}：这个DLL不是所选型号的，请在“读卡器设置”里换型号或换DLL。",
            SETUP,
        ) from None
    fn.restype = restype
    fn.argtypes = list(argtypes)
    return fn


# -- 华视 CVR-100 (Termb.dll) ----------------------------------------------------------------

_CVR_FIELDS = {
    "name": "GetPeopleName",
    "sex": "GetPeopleSex",
    "nation": "GetPeopleNation",
    "birth": "GetPeopleBirthday",
    "address": "GetPeopleAddress",
    "id_number": "GetPeopleIDCode",
    "authority": "GetDepartment",
    "valid_from": "GetStartDate",
    "valid_to": "GetEndDate",
}
# Files CVR_Read_Content writes (text, photo) in the working folder or %TEMP%, depending on
# the SDK version; removed after each read so no one's data is left on the counter PC.
CVR_OUTPUT_FILES = ("wz.txt", "zp.bmp", "xp.wlt", "zp.wlt", "fp.dat", "newadd.txt")


class CvrReader(CardReader):
    kind = KIND_CVR
    label = KIND_LABELS[KIND_CVR]

    def __init__(self, port: int = 0, dll_dir: str = "") -> None:
        super().__init__(port)
        self.dll_dir = dll_dir
        self._lib: Any = None
        self._open = False

    def open(self) -> None:
        lib = self._lib = load_library(CVR_DLL, self.dll_dir, "华视读卡器驱动")
        init = _prototype(lib, "CVR_InitComm", ctypes.c_int, ctypes.c_int)
        code = 0
        for port in candidate_ports(self.port):
            code = init(port)
            if code == 1:
                self.port, self._open = port, True
                return
            if code == -2:
                break
        if code == -2:
            raise CardReaderError(
                f"华视读卡器驱动加载失败（{cvr_message(CVR_INIT_CODES, code)}）：请重新安装厂家驱动。",
                SETUP,
            )
        raise no_reader_error(f"端口 {port_label(self.port)}，{cvr_message(CVR_INIT_CODES, code)}")

    def close(self) -> None:
        if self._open and self._lib is not None:
            _prototype(self._lib, "CVR_CloseComm", ctypes.c_int)()
        self._open = False

    def _read_raw(self) -> CardData | None:
        if not self._open:
            self.open()
        lib = self._lib
        code = _prototype(lib, "CVR_Authenticate", ctypes.c_int)()
        if code == 2:
            return None
        if code == 3:
            raise removed_error()
        if code != 1:
            raise no_reader_error(cvr_message(CVR_AUTH_CODES, code))
        code = _prototype(lib, "CVR_Read_Content", ctypes.c_int, ctypes.c_int)(4)
        try:
            if code == 4:
                raise no_reader_error(cvr_message(CVR_READ_CODES, code))
            if code != 1:
                raise removed_error()
            fields = {key: self._text(fn) for key, fn in _CVR_FIELDS.items()}
        finally:
            remove_sdk_files([Path(self.dll_dir) if self.dll_dir else default_dll_dir()])
        return cvr_card(fields)

    def _text(self, function: str) -> str:
        fn = _prototype(
            self._lib,
            function,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_ubyte),
            ctypes.POINTER(ctypes.c_int),
        )
        buf = (ctypes.c_ubyte * 256)()
        length = ctypes.c_int(len(buf))
        fn(buf, ctypes.byref(length))
        return decode_gbk(bytes(buf))


def remove_sdk_files(folders: list[Path]) -> int:
    """Delete the text/photo files a read left behind; returns how many were removed."""
    removed = 0
    for folder in {*folders, Path.cwd(), Path(tempfile.gettempdir())}:
        for name in CVR_OUTPUT_FILES:
            try:
                (folder / name).unlink()
                removed += 1
            except FileNotFoundError:
                continue
            except OSError as error:  # in use or read-only: leave it, say so in the log
                log.warning("could not remove %s: %s", folder / name, error)
    return removed


# -- 公安部通用接口 (sdtapi.dll) --------------------------------------------------------------


class SdtReader(CardReader):
    kind = KIND_SDT
    label = KIND_LABELS[KIND_SDT]

    def __init__(self, port: int = 0, dll_dir: str = "") -> None:
        super().__init__(port)
        self.dll_dir = dll_dir
        self._lib: Any = None
        self._open = False

    def open(self) -> None:
        lib = self._lib = load_library(SDT_DLL, self.dll_dir, "身份证读卡器驱动")
        open_port = _prototype(lib, "SDT_OpenPort", ctypes.c_int, ctypes.c_int)
        code = 0x01
        for port in candidate_ports(self.port):
            code = open_port(port)
            if code == SDT_OK:
                self.port, self._open = port, True
                return
        raise no_reader_error(f"端口 {port_label(self.port)}，{sdt_message(code)}")

    def close(self) -> None:
        if self._open and self._lib is not None:
            _prototype(self._lib, "SDT_ClosePort", ctypes.c_int, ctypes.c_int)(self.port)
        self._open = False

    def _read_raw(self) -> CardData | None:
        if not self._open:
            self.open()
        lib, port = self._lib, self.port
        bytes_p = ctypes.POINTER(ctypes.c_ubyte)
        uint_p = ctypes.POINTER(ctypes.c_uint)
        find = _prototype(
            lib, "SDT_StartFindIDCard", ctypes.c_int, ctypes.c_int, bytes_p, ctypes.c_int
        )
        select = _prototype(
            lib, "SDT_SelectIDCard", ctypes.c_int, ctypes.c_int, bytes_p, ctypes.c_int
        )
        read = _prototype(
            lib,
            "SDT_ReadBaseMsg",
            ctypes.c_int,
            ctypes.c_int,
            bytes_p,
            uint_p,
            bytes_p,
            uint_p,
            ctypes.c_int,
        )
        scratch = (ctypes.c_ubyte * 64)()  # pucIIN is 4 bytes, pucSN 8: room to spare
        code = find(port, scratch, 0)
        if code == SDT_NO_CARD:
            return None
        if code != SDT_FOUND:
            raise sdt_error(code)
        code = select(port, scratch, 0)
        if code != SDT_OK:
            raise sdt_error(code)
        text = (ctypes.c_ubyte * 512)()
        photo = (ctypes.c_ubyte * 4096)()
        text_len, photo_len = ctypes.c_uint(0), ctypes.c_uint(0)
        code = read(port, text, ctypes.byref(text_len), photo, ctypes.byref(photo_len), 0)
        if code != SDT_OK:
            raise sdt_error(code)
        size = min(text_len.value, len(text))
        return parse_sdt_text(bytes(text)[:size])
