"""station-desk card {status,read} [--json] [--fake]: check the ID card reader from a prompt.

Exit codes: 0 done; 1 no card on the reader, the reader was not found, or the read was bad
(try again); 2 the reader is not set up (none chosen, not Windows, driver DLL missing).
The full ID number is never printed: ``read`` shows the masked name and number only.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from station_desk.devices.idcard_reader import (
    SETUP,
    CardReader,
    CardReaderError,
    ReaderSettings,
    make_reader,
    port_label,
)

EXIT_OK, EXIT_NOT_READ, EXIT_SETUP = 0, 1, 2


def _settings(args: argparse.Namespace) -> ReaderSettings:
    from station_desk.devices.settings import load_reader_settings
    from station_desk.paths import resolve_paths
    from station_desk.services.context import Desk
    from station_desk.store.db import Database

    paths = resolve_paths(getattr(args, "data_dir", None))
    database = Database(paths.database)
    try:
        return load_reader_settings(Desk(database))
    finally:
        database.close()


def _reader(args: argparse.Namespace) -> CardReader:
    if getattr(args, "fake", False):
        from station_desk.devices.fake_reader import FakeCardReader

        return FakeCardReader.from_env()
    return make_reader(_settings(args))


def _print(data: dict[str, Any], as_json: bool, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, sort_keys=True) if as_json else text)


def _failed(error: CardReaderError, as_json: bool, base: dict[str, Any]) -> int:
    _print(
        {**base, "ok": False, "error": error.kind, "message": error.message}, as_json, error.message
    )
    return EXIT_SETUP if error.kind == SETUP else EXIT_NOT_READ


def card_command(args: argparse.Namespace) -> int:
    as_json = bool(getattr(args, "json", False))
    base: dict[str, Any] = {"kind": "fake" if getattr(args, "fake", False) else ""}
    try:
        reader = _reader(args)
    except CardReaderError as error:
        return _failed(error, as_json, base)
    base = {"kind": reader.kind, "reader": reader.label}
    try:
        with reader:
            base["port"] = port_label(reader.port)
            if args.action == "status":
                text = f"读卡器已连接：{reader.label}，端口 {base['port']}。"
                _print({**base, "ok": True}, as_json, text)
                return EXIT_OK
            card = reader.read_card()
    except CardReaderError as error:
        base.setdefault("port", port_label(reader.port))
        return _failed(error, as_json, base)
    if card is None:
        message = "读卡器上没有身份证：请把身份证平放在读卡器上再试（刚读过的卡请拿起来再放上）。"
        _print({**base, "ok": False, "error": "no_card", "message": message}, as_json, message)
        return EXIT_NOT_READ
    shown = card.masked()
    text = f"读到身份证：{shown['name']}，{shown['id_number']}，{shown['sex']}，有效期至{shown['valid_to']}。"
    _print({**base, "ok": True, "card": shown}, as_json, text)
    return EXIT_OK
