"""`station-desk account …` as IT runs it: a subprocess against a temporary data folder,
including the recovery of a forgotten administrator password."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from station_desk.services import accounts
from station_desk.services.accounts import SignInFailed
from station_desk.services.context import Desk
from station_desk.store.db import Database


def _run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "station_desk", "--data-dir", str(data_dir), "account", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _sign_in(data_dir: Path, username: str, password: str) -> accounts.AccountInfo:
    database = Database(data_dir / "station.db")
    try:
        return accounts.sign_in(Desk(database), username, password)
    finally:
        database.close()


def _one_time_password(output: str) -> str:
    found = re.search(r"一次性密码：(\S+)", output)
    assert found, output
    return found.group(1)


def test_add_list_disable(tmp_data_dir: Path) -> None:
    made = _run(
        tmp_data_dir,
        "add",
        "admin",
        "--role",
        "admin",
        "--name",
        "李娟",
        "--password-stdin",
        stdin="qingshan2024\n",
    )
    assert made.returncode == 0, made.stderr
    assert "已新建账号 admin（李娟，管理员）" in made.stdout
    assert "qingshan2024" not in made.stdout

    staff = _run(tmp_data_dir, "add", "wang", "--name", "王芳")
    assert staff.returncode == 0, staff.stderr
    temporary = _one_time_password(staff.stdout)
    assert _sign_in(tmp_data_dir, "wang", temporary).must_change_password

    listed = _run(tmp_data_dir, "list", "--json")
    assert listed.returncode == 0
    rows = {row["username"]: row for row in json.loads(listed.stdout)}
    assert (rows["admin"]["role"], rows["wang"]["role"]) == ("admin", "staff")
    assert "password_hash" not in rows["admin"] and "qingshan2024" not in listed.stdout
    assert rows["wang"]["last_login_at"] is not None  # signed in above
    text = _run(tmp_data_dir, "list").stdout
    assert "王芳" in text and "柜台人员" in text

    assert _run(tmp_data_dir, "disable", "wang").returncode == 0
    try:
        _sign_in(tmp_data_dir, "wang", temporary)
        raise AssertionError("a disabled account signed in")
    except SignInFailed as refused:
        assert "已停用" in str(refused)


def test_exit_codes_for_refusals_and_bad_input(tmp_data_dir: Path) -> None:
    assert _run(tmp_data_dir, "add", "admin", "--role", "admin").returncode == 0
    last = _run(tmp_data_dir, "disable", "admin")
    assert last.returncode == 1 and "唯一在用的管理员" in last.stderr
    taken = _run(tmp_data_dir, "add", "ADMIN")
    assert taken.returncode == 1 and "已经有人用了" in taken.stderr
    assert _run(tmp_data_dir, "disable", "nobody").returncode == 1
    weak = _run(tmp_data_dir, "add", "li", "--password-stdin", stdin="12345678\n")
    assert weak.returncode == 2 and "连着的一串" in weak.stderr
    empty = _run(tmp_data_dir, "add", "li", "--password-stdin", stdin="")
    assert empty.returncode == 2 and "标准输入" in empty.stderr
    bad_name = _run(tmp_data_dir, "add", "李四")
    assert bad_name.returncode == 2 and "用户名" in bad_name.stderr


def test_recovering_a_forgotten_admin_password(tmp_data_dir: Path) -> None:
    _run(
        tmp_data_dir,
        "add",
        "admin",
        "--role",
        "admin",
        "--name",
        "李娟",
        "--password-stdin",
        stdin="forgotten-long-ago1\n",
    )
    reset = _run(tmp_data_dir, "reset-password", "admin")
    assert reset.returncode == 0, reset.stderr
    temporary = _one_time_password(reset.stdout)
    # It prints the account's name and nothing about any worker.
    assert "李娟" in reset.stdout and "零工" not in reset.stdout
    account = _sign_in(tmp_data_dir, "admin", temporary)
    assert account.must_change_password and account.is_admin
    try:
        _sign_in(tmp_data_dir, "admin", "forgotten-long-ago1")
        raise AssertionError("the old password still works")
    except SignInFailed:
        pass

    chosen = _run(
        tmp_data_dir, "reset-password", "admin", "--password-stdin", stdin="chosen-by-it-7\n"
    )
    assert chosen.returncode == 0 and "chosen-by-it-7" not in chosen.stdout
    assert _sign_in(tmp_data_dir, "admin", "chosen-by-it-7").must_change_password

    unknown = _run(tmp_data_dir, "reset-password", "boss")
    assert unknown.returncode == 1 and "本机的管理员账号：admin" in unknown.stderr

    database = Database(tmp_data_dir / "station.db")
    try:
        with database.read() as session:
            from sqlmodel import select

            from station_desk.store.models import AuditLog

            rows = session.exec(select(AuditLog).where(AuditLog.action == "reset_password")).all()
    finally:
        database.close()
    assert len(rows) == 2 and all(r.staff.startswith("命令行") for r in rows)
