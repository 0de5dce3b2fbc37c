"""Staff accounts: argon2 hashes, sign-in, password rules, the last administrator, and what a
counter-staff account is refused (station profile, restore, account management)."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlmodel import select

from station_desk.domain.accounts import password_problem, sign_in_delay, username_problem
from station_desk.domain.station import StationDraft
from station_desk.paths import Paths
from station_desk.services import accounts
from station_desk.services.accounts import AccountRefused, SignInFailed, UsernameTaken
from station_desk.services.backup import backup_now, restore_at_desk
from station_desk.services.context import Desk, PermissionDenied, ValidationFailed
from station_desk.services.station import save_station_profile, station_profile
from station_desk.store.db import Database
from station_desk.store.models import AuditLog, Outbox, StaffAccount

ADMIN_PASSWORD = "qingshan2024"
STAFF_PASSWORD = "wangfang88"


def _rows(desk: Desk) -> list[StaffAccount]:
    with desk.db.read() as session:
        return list(session.exec(select(StaffAccount)).all())


def _audit(desk: Desk) -> list[tuple[str, str, str]]:
    with desk.db.read() as session:
        rows = session.exec(select(AuditLog).order_by(AuditLog.id)).all()  # type: ignore[arg-type]
        return [(r.action, r.record_id, r.staff) for r in rows]


@pytest.fixture
def admin(desk: Desk) -> accounts.AccountInfo:
    return accounts.create_first_admin(desk, "admin", "李娟", ADMIN_PASSWORD)


@pytest.fixture
def staff_desk(desk: Desk, admin: accounts.AccountInfo) -> Desk:
    """The same database, worked by a signed-in counter-staff account."""
    accounts.create_account(desk, "wang", "王芳", "staff", STAFF_PASSWORD)
    other = Desk(desk.db)
    accounts.sign_in(other, "wang", STAFF_PASSWORD)
    assert (other.staff, other.role) == ("王芳", "staff")
    return other


def test_passwords_are_stored_only_as_argon2_hashes(desk: Desk, admin) -> None:
    (row,) = _rows(desk)
    assert row.password_hash.startswith("$argon2id$")
    assert ADMIN_PASSWORD not in row.password_hash
    assert PasswordHasher().verify(row.password_hash, ADMIN_PASSWORD)
    with desk.db.read() as session:  # accounts are local: nothing goes to the district
        assert not session.exec(select(Outbox).where(Outbox.record_kind == "staff_account")).all()


def test_sign_in_sets_who_works_the_desk_and_records_the_time(desk: Desk, admin) -> None:
    other = Desk(desk.db)
    account = accounts.sign_in(other, " ADMIN ", ADMIN_PASSWORD)  # case and spaces do not matter
    assert (account.username, account.role_name) == ("admin", "管理员")
    assert (other.staff, other.role) == ("李娟", "admin")
    assert account.last_login_at is not None
    assert ("sign_in", "admin", "李娟") in _audit(desk)


def test_wrong_password_and_unknown_name_get_the_same_answer_and_an_audit_row(
    desk: Desk, admin
) -> None:
    other = Desk(desk.db)
    with pytest.raises(SignInFailed) as wrong:
        accounts.sign_in(other, "admin", "qingshan2025")
    with pytest.raises(SignInFailed) as unknown:
        accounts.sign_in(other, "nobody", ADMIN_PASSWORD)
    assert str(wrong.value) == str(unknown.value) == "用户名或密码不对，请再试一次。"
    failed = [a for a in _audit(desk) if a[0] == "sign_in_failed"]
    assert [a[1] for a in failed] == ["admin", "nobody"]
    assert other.role == "admin" and other.staff == "柜台"  # nothing changed by a failure


def test_a_disabled_account_cannot_sign_in(desk: Desk, staff_desk: Desk) -> None:
    accounts.set_disabled(desk, "wang")
    with pytest.raises(SignInFailed, match="已停用"):
        accounts.sign_in(Desk(desk.db), "wang", STAFF_PASSWORD)
    accounts.set_disabled(desk, "wang", False)
    assert accounts.sign_in(Desk(desk.db), "wang", STAFF_PASSWORD).username == "wang"


def test_the_first_admin_only_on_a_desk_without_accounts(desk: Desk, admin) -> None:
    assert accounts.has_accounts(desk)
    with pytest.raises(AccountRefused):
        accounts.create_first_admin(desk, "boss", "张三", "another-pass1")
    assert [r.username for r in _rows(desk)] == ["admin"]


def test_new_accounts_must_choose_their_own_password(desk: Desk, admin) -> None:
    made = accounts.create_account(desk, "Wang", "王芳", "staff", STAFF_PASSWORD)
    assert made.username == "wang" and made.must_change_password
    with pytest.raises(UsernameTaken):
        accounts.create_account(desk, "WANG", "王芳二", "staff", STAFF_PASSWORD)
    with pytest.raises(ValidationFailed) as bad:
        accounts.create_account(desk, "王芳", "", "boss", "1234")
    assert set(bad.value.errors) == {"username", "display_name", "role", "password"}
    changed = accounts.change_own_password(desk, "wang", STAFF_PASSWORD, "my-own-pass9")
    assert not changed.must_change_password
    assert accounts.sign_in(Desk(desk.db), "wang", "my-own-pass9").username == "wang"
    with pytest.raises(SignInFailed):
        accounts.sign_in(Desk(desk.db), "wang", STAFF_PASSWORD)


def test_changing_a_password_needs_the_old_one(desk: Desk, admin) -> None:
    with pytest.raises(ValidationFailed) as wrong:
        accounts.change_own_password(desk, "admin", "not-it-at-all", "brand-new-pass7")
    assert "old_password" in wrong.value.errors
    with pytest.raises(ValidationFailed) as same:
        accounts.change_own_password(desk, "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    assert "new_password" in same.value.errors
    assert accounts.sign_in(Desk(desk.db), "admin", ADMIN_PASSWORD)


def test_reset_gives_a_one_time_password_that_must_be_changed(desk: Desk, admin) -> None:
    temporary = accounts.reset_password(desk, "admin")
    assert len(temporary) == accounts.TEMP_PASSWORD_LENGTH and password_problem(temporary) is None
    with pytest.raises(SignInFailed):
        accounts.sign_in(Desk(desk.db), "admin", ADMIN_PASSWORD)
    account = accounts.sign_in(Desk(desk.db), "admin", temporary)
    assert account.must_change_password
    assert ("reset_password", "admin", "测试") in _audit(desk)
    assert temporary not in repr(_audit(desk))  # never written anywhere


def test_the_last_enabled_admin_cannot_be_disabled_or_demoted(desk: Desk, admin) -> None:
    with pytest.raises(AccountRefused, match="唯一在用的管理员"):
        accounts.set_disabled(desk, "admin")
    with pytest.raises(AccountRefused, match="唯一在用的管理员"):
        accounts.set_role(desk, "admin", "staff")
    accounts.create_account(desk, "zhang", "张主任", "admin", "zhang-pass-1")
    accounts.set_role(desk, "admin", "staff")  # another admin exists now
    with pytest.raises(AccountRefused):
        accounts.set_disabled(desk, "zhang")
    assert [(r.username, r.role, r.disabled) for r in _rows(desk)] == [
        ("admin", "staff", False),
        ("zhang", "admin", False),
    ]


def test_a_staff_account_cannot_do_admin_things(
    desk: Desk, staff_desk: Desk, tmp_data_dir: Path
) -> None:
    """Done when: a staff account cannot do admin things (refused by the services)."""
    save_station_profile(desk, StationDraft(name="青山镇零工驿站"))
    backup = backup_now(Paths(tmp_data_dir), "manual")
    refused = {
        "station profile": lambda: save_station_profile(staff_desk, StationDraft(name="改掉")),
        "restore": lambda: restore_at_desk(staff_desk, backup, force=True),
        "list accounts": lambda: accounts.list_accounts(staff_desk),
        "create account": lambda: accounts.create_account(
            staff_desk, "li", "李四", "admin", "lisi-pass-1"
        ),
        "reset password": lambda: accounts.reset_password(staff_desk, "admin"),
        "disable": lambda: accounts.set_disabled(staff_desk, "admin"),
        "role": lambda: accounts.set_role(staff_desk, "wang", "admin"),
        "idle lock": lambda: accounts.set_idle_lock_minutes(staff_desk, 60),
    }
    for _what, action in refused.items():  # _what names the failing one in a traceback
        with pytest.raises(PermissionDenied, match="只有管理员可以"):
            action()
    station = station_profile(desk)
    assert station is not None and station.name == "青山镇零工驿站"
    assert [(r.username, r.role, r.disabled) for r in _rows(desk)] == [
        ("admin", "admin", False),
        ("wang", "staff", False),
    ]
    assert accounts.idle_lock_minutes(desk) == 10
    assert not list(tmp_data_dir.glob("station.db.before-restore-*"))  # nothing was restored
    # The staff account can still change its own password.
    accounts.change_own_password(staff_desk, "wang", STAFF_PASSWORD, "wang-own-pass2")


def test_an_admin_restores_at_the_desk(desk: Desk, admin, tmp_data_dir: Path) -> None:
    backup = backup_now(Paths(tmp_data_dir), "manual")
    desk.db.close()
    result = restore_at_desk(desk, backup, force=True)
    assert result.kept_aside is not None and result.kept_aside.exists()
    reopened = Desk(Database(tmp_data_dir / "station.db"))
    assert accounts.get_account(reopened, "admin") is not None
    reopened.db.close()


def test_idle_lock_minutes_default_and_range(desk: Desk, admin) -> None:
    assert accounts.idle_lock_minutes(desk) == 10
    accounts.set_idle_lock_minutes(desk, 3)
    assert accounts.idle_lock_minutes(desk) == 3
    with pytest.raises(ValidationFailed):
        accounts.set_idle_lock_minutes(desk, 0)
    assert accounts.idle_lock_minutes(desk) == 3


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("qingshan2024", True),
        ("我家门前有小河", False),  # 7 characters
        ("我家门前有条小河8", True),
        ("11111111", False),
        ("12345678", False),
        ("87654321", False),
        ("abcdefgh", False),
        ("12121212", False),
        ("password", False),
        ("admin123", False),
        (" leading-space", False),
    ],
)
def test_password_rules_are_humane(password: str, ok: bool) -> None:
    problem = password_problem(password, "admin")
    assert (problem is None) is ok, problem
    if problem:
        assert "密码" in problem


def test_username_shape_and_sign_in_slow_down() -> None:
    assert username_problem("lijuan") is None and username_problem("wang.2") is None
    for bad in ("", "李娟", "a", "-abc", "li juan", "x" * 33):
        assert username_problem(bad)
    assert [sign_in_delay(n) for n in range(1, 9)] == [0, 0, 2, 4, 8, 16, 30, 30]
