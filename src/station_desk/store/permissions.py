"""Data folders readable only by the station's own account.

The data folder holds the database, its backups and logs: ID numbers and phones of thousands of
people. On Windows the folder's ACL is replaced by one that lets only the current user (and
SYSTEM, which Windows itself needs for backups and indexing) in, inherited by every file made
inside it later; on other systems the folder is mode 0700 and the files 0600.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def windows_acl_command(folder: Path, user: str) -> list[str]:
    """icacls (shipped with Windows): drop inherited entries, grant full control to the user
    and SYSTEM, inherited by sub-folders (CI) and files (OI)."""
    return [
        "icacls",
        str(folder),
        "/inheritance:r",
        "/grant:r",
        f"{user}:(OI)(CI)F",
        "/grant:r",
        "*S-1-5-18:(OI)(CI)F",  # SYSTEM, by its well-known SID (the name is localized)
        "/Q",
    ]


def restrict_folder(folder: Path) -> bool:
    """Make folder private to this account; returns whether that succeeded. A failure is
    logged, never fatal: the desk must still start on an odd file system."""
    try:
        if os.name == "nt":
            user = os.environ.get("USERDOMAIN", "") + "\\" + os.environ.get("USERNAME", "")
            if not os.environ.get("USERNAME"):
                return False
            result = subprocess.run(
                windows_acl_command(folder, user),
                capture_output=True,
                check=False,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
            if result.returncode != 0:
                log.warning("icacls on %s failed: %s", folder, result.stderr)
            return result.returncode == 0
        folder.chmod(PRIVATE_DIR)
        for child in folder.iterdir():
            if child.is_file() and not child.is_symlink():
                child.chmod(PRIVATE_FILE)
        return True
    except OSError:
        log.warning("could not restrict %s to this account", folder, exc_info=True)
        return False


def restrict_file(path: Path) -> None:
    """A new database or backup file: 0600 where POSIX modes apply (Windows inherits the
    folder's ACL)."""
    if os.name != "nt":
        try:
            path.chmod(PRIVATE_FILE)
        except OSError:
            log.warning("could not restrict %s", path, exc_info=True)


def is_private(path: Path) -> bool:
    """On POSIX: no group or other permission bits (used by doctor and tests)."""
    if os.name == "nt":
        return True
    mode = stat.S_IMODE(path.stat().st_mode)
    return mode & 0o077 == 0
