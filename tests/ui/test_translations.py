"""Every string the desk shows through tr() has a finished Simplified Chinese translation."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from station_desk.ui.resources import translations_dir
from station_desk.ui.translations_build import find_lupdate, ui_sources

TS = "station_desk_zh_CN.ts"


def _untranslated(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished")
            or not (translation.text or translation.findall("numerusform"))
        ):
            missing.append(message.findtext("source") or "")
    return missing


def test_the_committed_translation_is_finished() -> None:
    assert _untranslated(translations_dir() / TS) == []


def test_no_string_in_the_ui_sources_lacks_a_translation(tmp_path: Path) -> None:
    copy = tmp_path / TS
    shutil.copy(translations_dir() / TS, copy)
    sources = [str(p) for p in ui_sources()]
    subprocess.run([*find_lupdate(), "-silent", *sources, "-ts", str(copy)], check=True)
    assert _untranslated(copy) == [], "run: python -m station_desk.ui.translations_build --update"
