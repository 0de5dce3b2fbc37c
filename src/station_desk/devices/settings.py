"""The reader settings, kept in the desk's local settings table (never synced).

settings = load_reader_settings(desk)
save_reader_settings(desk, ReaderSettings(kind="cvr", port=1001, dll_dir="C:\\\\CVR"))
"""

from __future__ import annotations

from station_desk.devices.idcard_reader import KIND_NONE, KINDS, ReaderSettings, parse_port
from station_desk.services.context import Desk
from station_desk.store.settings import get_setting, put_setting

KIND_KEY = "card_reader.kind"
PORT_KEY = "card_reader.port"
DLL_DIR_KEY = "card_reader.dll_dir"
POLL_KEY = "card_reader.poll"


def load_reader_settings(desk: Desk) -> ReaderSettings:
    """The stored settings; anything unreadable falls back to its default."""
    with desk.db.read() as session:
        kind = get_setting(session, KIND_KEY, KIND_NONE)
        port_text = get_setting(session, PORT_KEY, "0")
        dll_dir = get_setting(session, DLL_DIR_KEY)
        poll = get_setting(session, POLL_KEY, "0") == "1"
    try:
        port = parse_port(port_text)
    except ValueError:
        port = 0
    return ReaderSettings(
        kind=kind if kind in KINDS else KIND_NONE, port=port, dll_dir=dll_dir.strip(), poll=poll
    )


def save_reader_settings(desk: Desk, settings: ReaderSettings) -> ReaderSettings:
    """Store the settings in one transaction (audited when something changed)."""
    if settings.kind not in KINDS:
        raise ValueError(f"读卡器型号“{settings.kind}”不认识")
    port = parse_port(settings.port)
    cleaned = ReaderSettings(
        kind=settings.kind, port=port, dll_dir=settings.dll_dir.strip(), poll=settings.poll
    )
    values = {
        KIND_KEY: cleaned.kind,
        PORT_KEY: str(cleaned.port),
        DLL_DIR_KEY: cleaned.dll_dir,
        POLL_KEY: "1" if cleaned.poll else "0",
    }
    with desk.transaction() as tx:
        changed = [k for k, v in values.items() if get_setting(tx.session, k, "\x00") != v]
        for key in changed:
            put_setting(tx.session, key, values[key])
        if changed:
            tx.audit("edit_card_reader_settings", detail=",".join(changed))
    return cleaned
