"""Smoke-test the built program in dist/StationDesk with a clean data folder.

    python installer/smoke_test.py [dist/StationDesk]

Runs the frozen program (never the source tree) the way IT and the desk use it: --version,
demo, export, doctor, backup, restore, and offscreen screenshots of the desk and the lobby
board. Any failure prints what went wrong and exits 1. Uses only the standard library, so
it runs with any Python 3.11+ (Linux here, Windows in CI).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"
STEP_TIMEOUT_S = 180


class SmokeFailure(Exception):
    pass


def expected_version() -> str:
    text = (ROOT / "src" / "station_desk" / "__init__.py").read_text("utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match
    return match.group(1)


def programs(folder: Path) -> tuple[Path, Path]:
    """(the desk program, the program for commands): one and the same on Linux."""
    if WINDOWS:
        return folder / "StationDesk.exe", folder / "station-desk.exe"
    return folder / "StationDesk", folder / "StationDesk"


def run(program: Path, *args: str, data: Path, expect: int = 0) -> str:
    command = [str(program), "--data-dir", str(data), *args]
    env = {k: v for k, v in os.environ.items() if k != "STATION_DESK_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    started = time.monotonic()
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=STEP_TIMEOUT_S, env=env, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise SmokeFailure(f"{' '.join(args)}: no answer within {STEP_TIMEOUT_S}s") from error
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    seconds = time.monotonic() - started
    if done.returncode != expect:
        raise SmokeFailure(
            f"{' '.join(args)}: exit {done.returncode} (wanted {expect})\n"
            f"--- stdout\n{out}\n--- stderr\n{err}"
        )
    print(f"  ok  {program.name} {' '.join(args)}  ({seconds:.1f}s)")
    return out


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24] if path.exists() else b""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SmokeFailure(f"{path} is not a PNG picture")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def smoke(folder: Path, work: Path) -> None:
    desk, command = programs(folder)
    for program in {desk, command}:
        if not program.is_file():
            raise SmokeFailure(f"missing program {program}")
    data = work / "data"

    out = run(command, "--version", data=data).strip()
    if out != f"station-desk {expected_version()}":
        raise SmokeFailure(f"--version printed {out!r}")

    demo = json.loads(run(command, "demo", "--workers", "50", "--postings", "10", data=data))
    if demo.get("workers") != 50 or demo.get("postings") != 10:
        raise SmokeFailure(f"demo made {demo}")

    export = work / "export.json"
    run(command, "export", "--format", "json", "--out", str(export), data=data)
    exported = json.loads(export.read_text("utf-8"))
    if len(exported.get("workers", [])) != 50 or len(exported.get("postings", [])) != 10:
        raise SmokeFailure("the export does not hold the 50 workers and 10 postings")
    run(command, "export", "--format", "xlsx", "--out", str(work / "export.xlsx"), data=data)

    report = json.loads(run(command, "doctor", "--json", data=data))
    errors = [c for c in report["checks"] if c["level"] == "error"]
    if errors:
        raise SmokeFailure(f"doctor found errors: {errors}")

    run(command, "backup", data=data)
    backups = sorted((data / "backups").glob("station-*.db"))
    if not backups:
        raise SmokeFailure("backup wrote no file")
    run(command, "restore", str(backups[-1]), "--force", data=data)

    board = work / "board.png"
    run(desk, "board", "--screenshot", str(board), "--size", "1280x720", data=data)
    if png_size(board) != (1280, 720):
        raise SmokeFailure(f"board screenshot is {png_size(board)}, wanted 1280x720")
    shot = work / "desk.png"
    run(desk, "--screenshot", str(shot), data=data)
    width, height = png_size(shot)
    if width < 800 or height < 500 or shot.stat().st_size < 20_000:
        raise SmokeFailure(f"desk screenshot looks empty ({width}x{height})")


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else ROOT / "dist" / "StationDesk").resolve()
    keep = os.environ.get("SMOKE_KEEP")  # set to a folder to keep the screenshots
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="station-desk-smoke-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"smoke test of {folder} (data in {work / 'data'})")
    try:
        smoke(folder, work)
    except SmokeFailure as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
