"""`station-desk screen`: screen job ads for discriminatory content, one JSON line each.

Exit codes: 0 every ad is fine, 1 at least one is flagged, 2 the file cannot be read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from station_desk.domain.screening import ScreeningResult, screen_text

EXIT_OK, EXIT_FLAGGED, EXIT_BAD_INPUT = 0, 1, 2


def result_line(text: str, result: ScreeningResult) -> str:
    findings = [
        {"phrase": f.phrase, "category": f.category, "reason": f.reason} for f in result.findings
    ]
    return json.dumps({"text": text, "ok": result.ok, "findings": findings}, ensure_ascii=False)


def _read_lines(file: str) -> list[str] | None:
    try:
        raw = Path(file).read_bytes()
    except OSError as error:
        print(f"无法读取文件：{file}（{error.strerror or error}）", file=sys.stderr)
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    print(f"无法读取文件：{file}（不是UTF-8或GBK文本）", file=sys.stderr)
    return None


def screen_texts(texts: Iterable[str]) -> int:
    flagged = False
    for text in texts:
        text = text.strip()
        if not text:
            continue
        result = screen_text(text)
        flagged = flagged or not result.ok
        print(result_line(text, result))
    return EXIT_FLAGGED if flagged else EXIT_OK


def screen_command(text: str | None, file: str | None) -> int:
    """Screen --text, or every non-empty line of FILE (UTF-8 or GBK)."""
    if text is None and file is None:
        print("请用 --text 给出一条招聘信息，或给出文本文件（每行一条）", file=sys.stderr)
        return EXIT_BAD_INPUT
    texts: list[str] = [text] if text is not None else []
    if file is not None:
        lines = _read_lines(file)
        if lines is None:
            return EXIT_BAD_INPUT
        texts += lines
    return screen_texts(texts)
