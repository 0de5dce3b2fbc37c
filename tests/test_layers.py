"""Nothing outside ui/ needs Qt: every other module imports with PySide6 made unavailable."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import station_desk

PROBE = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
                raise ImportError("Qt is not available here")
            return None

    sys.meta_path.insert(0, NoQt())
    import station_desk
    imported = []
    for info in pkgutil.walk_packages(station_desk.__path__, "station_desk."):
        if info.name.startswith("station_desk.ui") or info.name == "station_desk.__main__":
            continue
        importlib.import_module(info.name)
        imported.append(info.name)
    print(len(imported))
    """
)


def test_everything_outside_ui_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    # domain, store, services, cli, paths ... at least a dozen modules were really imported
    assert int(result.stdout.strip()) >= 12


def test_the_probe_does_block_qt() -> None:
    blocked = PROBE.replace("import station_desk\n", "import PySide6.QtCore\n", 1)
    result = subprocess.run(
        [sys.executable, "-c", blocked], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode != 0
    assert "Qt is not available" in result.stderr
    assert station_desk.__version__
