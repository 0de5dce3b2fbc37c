"""The board's colours: dark navy bands with white text, dark text on white cards, strong
contrast throughout (every text/background pair here is at least 4.5:1)."""

from __future__ import annotations

NAVY = "#0b2545"
PAPER = "#e8edf4"
RED = "#b3261e"
ORANGE = "#b53a00"


def board_style(unit: int = 54) -> str:
    radius = max(4, unit // 6)
    edge = max(4, unit // 7)
    return f"""
#board {{ background: {PAPER}; }}
#header, #footer {{ background: {NAVY}; }}
#header QLabel, #footer QLabel {{ color: #ffffff; }}
#header #summary {{ color: #d5e1f2; }}
#header #date {{ color: #e6edf7; }}
#noticeBar {{ background: #ffe28a; }}
#noticeBar QLabel {{ color: #231a00; }}
#noticeBar #noticeTag {{ background: {RED}; color: #ffffff; border-radius: {radius // 2}px; }}
#body, #gridPage, #emptyPage {{ background: {PAPER}; }}
#card {{ background: #ffffff; border-left: {edge}px solid #1f4e9a; border-radius: {radius}px; }}
#card[quick="true"] {{ background: #fff1d2; border-left: {edge}px solid {ORANGE}; }}
#card QLabel {{ color: #111827; background: transparent; }}
#card #pay {{ color: {RED}; }}
#card #place {{ color: #303846; }}
#card #contact {{ color: {NAVY}; }}
#card #newBadge {{ background: {RED}; color: #ffffff; border-radius: {radius // 2}px; }}
#card #quickBadge {{ background: {ORANGE}; color: #ffffff; border-radius: {radius // 2}px; }}
#card #otherBadge {{ background: #4a5a72; color: #ffffff; border-radius: {radius // 2}px; }}
#emptyTitle {{ color: {NAVY}; }}
#emptyText {{ color: #1f2937; }}
#footer #qrCaption {{ color: #ffe28a; }}
#footer #qr {{ background: #ffffff; padding: {edge}px; }}
"""
