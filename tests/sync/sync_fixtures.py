"""Running the district-server command as IT does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def district_server(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("district-server")
    return subprocess.run([str(script), *args], capture_output=True, text=True, timeout=60)
