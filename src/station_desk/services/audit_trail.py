"""(placeholder, being written)"""

from __future__ import annotations

import argparse

from station_desk.services.context import Desk


def audit_command(desk: Desk, args: argparse.Namespace) -> int:
    print("审计功能正在开发中")
    return 2
