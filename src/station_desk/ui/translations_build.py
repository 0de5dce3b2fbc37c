"""Compile resources/translations/*.ts to .qm next to them (run by ./dev setup).

    python -m station_desk.ui.translations_build [--force] [--update]

Only a .ts newer than its .qm is compiled. --update first refreshes the .ts files from the
tr() strings in ui/ with pyside6-lupdate (new strings arrive as unfinished; translate them,
the test suite fails while any is left). Uses pyside6-lrelease from the same bin folder as
this Python, or the lrelease shipped inside the PySide6 package.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from station_desk.ui.resources import translations_dir


def find_lrelease() -> list[str]:
    """The command that runs lrelease, as an argv prefix."""
    bin_dir = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        candidate = bin_dir / name
        if candidate.exists():
            return [str(candidate)]
    try:
        import PySide6

        package = Path(PySide6.__file__).parent
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
            candidate = package / name
            if candidate.exists():
                return [str(candidate)]
    except ImportError:
        pass
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    raise FileNotFoundError("pyside6-lrelease not found; install PySide6")


def find_lupdate() -> list[str]:
    found = Path(sys.executable).parent / "pyside6-lupdate"
    if found.exists():
        return [str(found)]
    which = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
    if which:
        return [which]
    raise FileNotFoundError("pyside6-lupdate not found; install PySide6")


def ui_sources() -> list[Path]:
    ui = Path(__file__).parent
    return sorted(ui.glob("*.py")) + sorted((ui / "board").glob("*.py"))


def update(folder: Path | None = None) -> None:
    """Refresh every .ts from the ui sources, keeping existing translations."""
    folder = folder or translations_dir()
    for ts in sorted(folder.glob("*.ts")):
        sources = [str(p) for p in ui_sources()]
        subprocess.run(
            [*find_lupdate(), "-silent", "-no-obsolete", *sources, "-ts", str(ts)], check=True
        )


def build(folder: Path | None = None, force: bool = False) -> list[Path]:
    """Compile the out-of-date .ts files in folder; returns the .qm files written."""
    folder = folder or translations_dir()
    written: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(
            [*find_lrelease(), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="compile even when up to date")
    parser.add_argument("--update", action="store_true", help="refresh .ts from the sources")
    args = parser.parse_args(argv)
    if args.update:
        update()
    for qm in build(force=args.force):
        print(f"compiled {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
