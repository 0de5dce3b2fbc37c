"""Where the desk keeps its files. One place decides every path; --data-dir overrides all."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "StationDesk"
APP_AUTHOR = "StationDesk"
ENV_DATA_DIR = "STATION_DESK_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "station.db"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    def ensure(self) -> Paths:
        from station_desk.store.permissions import restrict_folder

        new_root = not self.root.exists()
        for folder in (self.root, self.logs, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
        if new_root or os.name != "nt":
            # Windows: the ACL set on the new folder is inherited by all made inside it.
            for folder in (self.root, self.logs, self.backups):
                restrict_folder(folder)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """--data-dir first, then $STATION_DESK_DATA_DIR, then the platform's user data folder."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Paths(Path(chosen).expanduser().resolve())
    return Paths(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))
