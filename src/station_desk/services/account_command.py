"""(placeholder, being written)"""

from __future__ import annotations

import argparse

from station_desk.paths import Paths


def account_command(paths: Paths, args: argparse.Namespace) -> int:
    print("账号功能正在开发中")
    return 2
