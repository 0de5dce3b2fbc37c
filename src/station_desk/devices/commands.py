"""(placeholder, being written)"""

from __future__ import annotations

import argparse


def card_command(args: argparse.Namespace) -> int:
    print("读卡器功能正在开发中")
    return 2
