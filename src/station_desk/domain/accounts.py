"""Staff account rules: the shape of a username, humane password rules for counter staff, the
two roles and their Chinese names, the sign-in slow-down and the idle-lock range. No I/O."""

from __future__ import annotations

import re

from .text import clean_text

ADMIN = "admin"
STAFF = "staff"
ROLES = (ADMIN, STAFF)
ROLE_NAMES = {ADMIN: "管理员", STAFF: "柜台人员"}

FIRST_ADMIN_USERNAME = "admin"
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
MAX_DISPLAY_NAME = 20
MIN_PASSWORD = 8
MAX_PASSWORD = 128

# Wrong passwords in a row before each further try has to wait, and the longest wait.
FREE_TRIES = 3
MAX_DELAY_SECONDS = 30

IDLE_LOCK_DEFAULT_MINUTES = 10
IDLE_LOCK_MIN_MINUTES = 1
IDLE_LOCK_MAX_MINUTES = 120

# Runs a person might type as a "password" that anyone would guess.
_RUNS = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_COMMON = frozenset({"password", "passw0rd", "iloveyou", "admin123", "abc12345", "woaini1314"})


def role_name(role: str) -> str:
    return ROLE_NAMES.get(role, role)


def normalize_username(text: str | None) -> str:
    """Usernames are compared without case and surrounding spaces: " LiJuan " is "lijuan"."""
    return clean_text(text).lower()


def username_problem(text: str | None) -> str | None:
    """Why this cannot be a username (in Chinese), or None when it can."""
    username = normalize_username(text)
    if not username:
        return "请输入用户名，例如 lijuan。"
    if not USERNAME_PATTERN.fullmatch(username):
        return (
            "用户名用2到32个英文字母或数字（也可以有 . _ -），以字母或数字开头，"
            "例如 lijuan 或 wang2。"
        )
    return None


def display_name_problem(text: str | None) -> str | None:
    name = clean_text(text)
    if not name:
        return "请输入姓名（显示在工作台和操作记录里）。"
    if len(name) > MAX_DISPLAY_NAME:
        return f"姓名太长了（最多{MAX_DISPLAY_NAME}个字）。"
    return None


def _is_run(text: str) -> bool:
    """Every character one step up (or down) from the one before: 12345678, abcdefgh, 87654321."""
    lowered = text.lower()
    return any(lowered in run or lowered in run[::-1] for run in _RUNS)


def password_problem(password: str, username: str = "") -> str | None:
    """Why this password is refused (in Chinese), or None. Humane on purpose: no rule about
    capitals or symbols, only length and the passwords anyone would guess first."""
    if len(password) < MIN_PASSWORD:
        return f"密码至少要{MIN_PASSWORD}位。可以用一句好记的话的拼音加数字，例如 qingshan2024。"
    if len(password) > MAX_PASSWORD:
        return f"密码太长了（最多{MAX_PASSWORD}位）。"
    if password != password.strip():
        return "密码的开头和结尾不能是空格。"
    if len(set(password)) == 1:
        return "密码不能全是同一个字符（如 11111111），请换一个。"
    if _is_run(password):
        return "密码不能是连着的一串（如 12345678、abcdefgh），请换一个。"
    if password.isdigit() and len(set(password)) <= 2:
        return "密码不能只用一两个数字反复组成（如 12121212），请换一个。"
    lowered = password.lower()
    if lowered in _COMMON:
        return "这个密码太常见了，别人很容易猜到，请换一个。"
    name = normalize_username(username)
    if name and (lowered == name or (lowered.startswith(name) and lowered[len(name) :].isdigit())):
        return "密码不能和用户名一样，请换一个。"
    return None


def sign_in_delay(failures: int) -> int:
    """Seconds to wait before the next try after this many wrong passwords in a row:
    the first few are free, then 2, 4, 8 … up to MAX_DELAY_SECONDS."""
    if failures < FREE_TRIES:
        return 0
    return min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_TRIES + 1))


def idle_minutes_problem(minutes: int) -> str | None:
    if not IDLE_LOCK_MIN_MINUTES <= minutes <= IDLE_LOCK_MAX_MINUTES:
        return f"自动锁定时间应在{IDLE_LOCK_MIN_MINUTES}到{IDLE_LOCK_MAX_MINUTES}分钟之间。"
    return None


def parse_idle_minutes(text: str) -> int:
    """The stored setting, or the default when it is missing or unusable."""
    try:
        minutes = int(text)
    except (TypeError, ValueError):
        return IDLE_LOCK_DEFAULT_MINUTES
    return minutes if idle_minutes_problem(minutes) is None else IDLE_LOCK_DEFAULT_MINUTES
