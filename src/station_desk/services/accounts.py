"""Staff accounts: create, list, sign in, change and reset passwords, disable, change role.

Passwords are stored only as argon2id hashes (argon2-cffi's PasswordHasher; an old hash is
re-hashed at the next sign-in when the parameters change). Accounts are local to this desk and
never synced. Everything an administrator does here calls desk.require_admin first, and the
last enabled administrator can never be disabled or made counter staff, so the desk always
has someone who can manage it. Every change writes an audit row; no password ever does.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import Session, select

from station_desk.domain.accounts import (
    ADMIN,
    IDLE_LOCK_DEFAULT_MINUTES,
    ROLES,
    display_name_problem,
    idle_minutes_problem,
    normalize_username,
    parse_idle_minutes,
    password_problem,
    role_name,
    username_problem,
)
from station_desk.domain.text import clean_text
from station_desk.services.context import Desk, NotFound, Tx, ValidationFailed
from station_desk.store.models import StaffAccount
from station_desk.store.settings import get_setting, put_setting

IDLE_LOCK_KEY = "desk.idle_lock_minutes"
# Letters and digits that cannot be misread on paper or over the phone (no 0/o, 1/l/i).
_TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TEMP_PASSWORD_LENGTH = 10

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the username is unknown, so a wrong name costs as long as a
    wrong password and the time taken does not tell which names exist."""
    return _hasher.hash("station-desk: no such account")


class SignInFailed(Exception):
    """Wrong username or password, or a disabled account; message in Chinese."""


class AccountRefused(Exception):
    """The change would leave the desk without an administrator, or similar; message in Chinese."""


class UsernameTaken(ValidationFailed):
    """The username belongs to another account (a form error on the username field)."""


@dataclass(frozen=True)
class AccountInfo:
    """An account as the desk shows it: never the password hash."""

    id: int
    username: str
    display_name: str
    role: str
    must_change_password: bool
    disabled: bool
    created_at: datetime
    last_login_at: datetime | None

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def role_name(self) -> str:
        return role_name(self.role)

    def as_dict(self) -> dict[str, object]:
        return {
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "disabled": self.disabled,
            "must_change_password": self.must_change_password,
            "created_at": self.created_at.isoformat(sep=" "),
            "last_login_at": self.last_login_at.isoformat(sep=" ") if self.last_login_at else None,
        }


def _info(row: StaffAccount) -> AccountInfo:
    assert row.id is not None
    return AccountInfo(
        id=row.id,
        username=row.username,
        display_name=row.display_name or row.username,
        role=row.role,
        must_change_password=row.must_change_password,
        disabled=row.disabled,
        created_at=row.created_at,
        last_login_at=row.last_login_at,
    )


def _find(session: Session, username: str) -> StaffAccount | None:
    name = normalize_username(username)
    return session.exec(select(StaffAccount).where(StaffAccount.username == name)).first()


def _get(tx: Tx, username: str) -> StaffAccount:
    row = _find(tx.session, username)
    if row is None:
        raise NotFound(f"没有用户名为 {normalize_username(username)} 的账号。")
    return row


def _enabled_admins(session: Session) -> int:
    statement = (
        select(func.count())
        .select_from(StaffAccount)
        .where(StaffAccount.role == ADMIN, StaffAccount.disabled == False)  # noqa: E712
    )
    return int(session.exec(statement).one())


def _check_new_password(password: str, username: str, field: str = "password") -> None:
    if problem := password_problem(password, username):
        raise ValidationFailed({field: problem})


def _hash(password: str) -> str:
    return _hasher.hash(password)


def _matches(row: StaffAccount | None, password: str) -> bool:
    try:
        return _hasher.verify(row.password_hash if row else _dummy_hash(), password) and bool(row)
    except (VerificationError, InvalidHashError):
        return False


def temporary_password() -> str:
    """A one-time password to read out or write down: 10 unambiguous letters and digits."""
    while True:
        candidate = "".join(secrets.choice(_TEMP_ALPHABET) for _ in range(TEMP_PASSWORD_LENGTH))
        if password_problem(candidate) is None and not candidate.isalpha():
            return candidate


# -- reading ------------------------------------------------------------------------------


def account_count(desk: Desk) -> int:
    """How many accounts exist (enabled or not); 0 on a new or upgraded desk."""
    with desk.db.read() as session:
        return int(session.exec(select(func.count()).select_from(StaffAccount)).one())


def has_accounts(desk: Desk) -> bool:
    return account_count(desk) > 0


def list_accounts(desk: Desk) -> list[AccountInfo]:
    """Every account, administrators first (administrator only)."""
    desk.require_admin("管理账号")
    with desk.db.read() as session:
        rows = session.exec(select(StaffAccount)).all()
    return sorted((_info(r) for r in rows), key=lambda a: (a.role != ADMIN, a.username))


def get_account(desk: Desk, username: str) -> AccountInfo | None:
    with desk.db.read() as session:
        row = _find(session, username)
        return _info(row) if row is not None else None


def admin_usernames(desk: Desk) -> list[str]:
    """The enabled administrators' usernames (for the recovery command's hints)."""
    with desk.db.read() as session:
        statement = select(StaffAccount.username).where(
            StaffAccount.role == ADMIN,
            StaffAccount.disabled == False,  # noqa: E712
        )
        return sorted(session.exec(statement).all())


# -- creating -----------------------------------------------------------------------------


def _validate_new(username: str, display_name: str, role: str, password: str) -> str:
    errors: dict[str, str] = {}
    if problem := username_problem(username):
        errors["username"] = problem
    if problem := display_name_problem(display_name):
        errors["display_name"] = problem
    if role not in ROLES:
        errors["role"] = "角色只能是管理员或柜台人员。"
    if problem := password_problem(password, username):
        errors["password"] = problem
    if errors:
        raise ValidationFailed(errors)
    return normalize_username(username)


def _insert(
    tx: Tx, username: str, display_name: str, role: str, password: str, must_change: bool
) -> AccountInfo:
    if _find(tx.session, username) is not None:
        raise UsernameTaken({"username": f"用户名 {username} 已经有人用了，请换一个。"})
    row = StaffAccount(
        username=username,
        display_name=clean_text(display_name),
        role=role,
        password_hash=_hash(password),
        must_change_password=must_change,
        created_at=tx.desk.now(),
    )
    tx.session.add(row)
    tx.session.flush()
    tx.audit("create_account", "staff_account", username, f"role={role}")
    return _info(row)


def create_account(
    desk: Desk,
    username: str,
    display_name: str,
    role: str,
    password: str,
    must_change_password: bool = True,
) -> AccountInfo:
    """A new account (administrator only). By default its holder must choose their own
    password at the first sign-in, since the administrator knows this one."""
    desk.require_admin("管理账号")
    name = _validate_new(username, display_name, role, password)
    with desk.transaction() as tx:
        return _insert(tx, name, display_name, role, password, must_change_password)


def create_first_admin(desk: Desk, username: str, display_name: str, password: str) -> AccountInfo:
    """The first administrator on a desk that has no account yet (the first-run wizard, or
    the first start after an upgrade). Refused once any account exists."""
    name = _validate_new(username, display_name, ADMIN, password)
    with desk.transaction() as tx:
        if int(tx.session.exec(select(func.count()).select_from(StaffAccount)).one()):
            raise AccountRefused("已经有账号了，请用已有的管理员账号登录后再新建账号。")
        return _insert(tx, name, display_name, ADMIN, password, must_change=False)


# -- signing in ---------------------------------------------------------------------------


def check_password(desk: Desk, username: str, password: str) -> AccountInfo:
    """The account when the password is right and the account is enabled, else SignInFailed.
    Also used to unlock the desk; a wrong password leaves an audit row."""
    refusal: str | None = None
    with desk.transaction() as tx:
        row = _find(tx.session, username)
        if not _matches(row, password):
            tx.audit("sign_in_failed", "staff_account", normalize_username(username)[:40])
            refusal = "用户名或密码不对，请再试一次。"
        elif row is not None and row.disabled:
            tx.audit("sign_in_refused", "staff_account", row.username, "disabled")
            refusal = "这个账号已停用，请找管理员。"
        elif row is not None and _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hash(password)
            tx.session.add(row)
        account = _info(row) if row is not None and refusal is None else None
    # Raised after the transaction, so the audit row of a wrong try is kept.
    if account is None:
        raise SignInFailed(refusal or "用户名或密码不对，请再试一次。")
    return account


def sign_in(desk: Desk, username: str, password: str) -> AccountInfo:
    """Check the password, record the sign-in time, and work as this account from now on:
    desk.staff is its display name (the audit log's 'who'), desk.role its role."""
    account = check_password(desk, username, password)
    act_as(desk, account)
    with desk.transaction() as tx:
        row = _get(tx, account.username)
        row.last_login_at = desk.now()
        tx.session.add(row)
        tx.audit("sign_in", "staff_account", row.username)
        return _info(row)


def act_as(desk: Desk, account: AccountInfo) -> None:
    desk.staff = account.display_name
    desk.role = account.role


# -- changing -----------------------------------------------------------------------------


def change_own_password(
    desk: Desk, username: str, old_password: str, new_password: str
) -> AccountInfo:
    """The holder changes their own password; the old one must be right."""
    _check_new_password(new_password, username, "new_password")
    if new_password == old_password:
        raise ValidationFailed({"new_password": "新密码和原来的一样，请换一个。"})
    with desk.transaction() as tx:
        row = _find(tx.session, username)
        if not _matches(row, old_password):
            raise ValidationFailed({"old_password": "原密码不对，请再输一次。"})
        assert row is not None
        row.password_hash = _hash(new_password)
        row.must_change_password = False
        tx.session.add(row)
        tx.audit("change_password", "staff_account", row.username)
        return _info(row)


def reset_password(desk: Desk, username: str, new_password: str | None = None) -> str:
    """Set a one-time password (administrator only; also the recovery command for a
    forgotten administrator password). The holder must change it at the next sign-in.
    Returns the password, which is stored nowhere: show it once."""
    desk.require_admin("重设密码")
    password = new_password if new_password is not None else temporary_password()
    _check_new_password(password, username)
    with desk.transaction() as tx:
        row = _get(tx, username)
        row.password_hash = _hash(password)
        row.must_change_password = True
        tx.session.add(row)
        tx.audit("reset_password", "staff_account", row.username)
    return password


def set_disabled(desk: Desk, username: str, disabled: bool = True) -> AccountInfo:
    """Disable (or enable again) an account (administrator only). Accounts are never deleted:
    the audit log names the people who worked the desk."""
    desk.require_admin("停用或启用账号")
    with desk.transaction() as tx:
        row = _get(tx, username)
        if row.disabled == disabled:
            return _info(row)
        if disabled and row.role == ADMIN and _enabled_admins(tx.session) <= 1:
            raise AccountRefused(
                f"{row.username} 是唯一在用的管理员，不能停用。请先把另一个账号设为管理员。"
            )
        row.disabled = disabled
        tx.session.add(row)
        tx.audit("disable_account" if disabled else "enable_account", "staff_account", row.username)
        return _info(row)


def set_role(desk: Desk, username: str, role: str) -> AccountInfo:
    """Make an account administrator or counter staff (administrator only)."""
    desk.require_admin("修改账号的角色")
    if role not in ROLES:
        raise ValidationFailed({"role": "角色只能是管理员或柜台人员。"})
    with desk.transaction() as tx:
        row = _get(tx, username)
        if row.role == role:
            return _info(row)
        if row.role == ADMIN and not row.disabled and _enabled_admins(tx.session) <= 1:
            raise AccountRefused(
                f"{row.username} 是唯一在用的管理员，不能改成柜台人员。请先把另一个账号设为管理员。"
            )
        row.role = role
        tx.session.add(row)
        tx.audit("change_role", "staff_account", row.username, f"role={role}")
        return _info(row)


# -- the idle lock ------------------------------------------------------------------------


def idle_lock_minutes(desk: Desk) -> int:
    """Minutes without a key press or mouse move before the desk locks itself (default 10)."""
    with desk.db.read() as session:
        return parse_idle_minutes(
            get_setting(session, IDLE_LOCK_KEY, str(IDLE_LOCK_DEFAULT_MINUTES))
        )


def set_idle_lock_minutes(desk: Desk, minutes: int) -> None:
    desk.require_admin("修改自动锁定时间")
    if problem := idle_minutes_problem(minutes):
        raise ValidationFailed({"minutes": problem})
    with desk.transaction() as tx:
        put_setting(tx.session, IDLE_LOCK_KEY, str(minutes))
        tx.audit("set_idle_lock", detail=f"minutes={minutes}")
