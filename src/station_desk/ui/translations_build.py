"""Compile resources/translations/*.ts to .qm next to them (run by ./dev setup).

    python -m station_desk.ui.translations_build [--force] [--update] [--fill FILE.tsv]

Only a .ts newer than its .qm is compiled. --update first refreshes the .ts files from the
tr() strings in ui/ with pyside6-lupdate (new strings arrive as unfinished; translate them,
the test suite fails while any is left). --fill takes a UTF-8 file of tab-separated lines
"Context<TAB>source<TAB>translation" (or "source<TAB>translation" for any context; write
a newline in a source or translation as \\n) and finishes the matching unfinished entries.
Uses pyside6-lrelease from the same bin folder as
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


def read_fill_file(path: Path) -> dict[tuple[str, str], str]:
    """(context or "", source) -> translation, from a tab-separated file."""
    wanted: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [part.replace("\\n", "\n") for part in line.split("\t")]
        if len(parts) == 2:
            wanted[("", parts[0])] = parts[1]
        elif len(parts) == 3:
            wanted[(parts[0], parts[1])] = parts[2]
        else:
            raise ValueError(f"{path}:{number}: expected 2 or 3 tab-separated columns")
    return wanted


def fill(ts: Path, wanted: dict[tuple[str, str], str]) -> int:
    """Finish the unfinished entries of ts found in wanted; returns how many were filled."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = wanted.get((name, source), wanted.get(("", source)))
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            if translation.get("type") == "unfinished" or not translation.text:
                translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


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
    parser.add_argument("--fill", type=Path, help="translations to fill in (tab-separated)")
    args = parser.parse_args(argv)
    if args.update:
        update()
    if args.fill:
        wanted = read_fill_file(args.fill)
        for ts in sorted(translations_dir().glob("*.ts")):
            print(f"filled {fill(ts, wanted)} entries in {ts.name}")
    for qm in build(force=args.force):
        print(f"compiled {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
