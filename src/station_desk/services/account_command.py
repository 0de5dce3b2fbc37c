"""`station-desk account add|list|disable|reset-password`: staff accounts from the command line.

Whoever can run this holds the Windows account that owns the data folder, so it runs as an
administrator (that is also the recovery for a forgotten administrator password: see
docs/accounts.md). It shows accounts only, never a worker's data. Passwords come from the
first line of standard input with --password-stdin; otherwise a one-time password is made
and printed once, and its holder must choose their own at the next sign-in.

Exit codes: 0 done; 1 refused (no such account, name taken, the last administrator);
2 the input cannot be used (bad username or password, nothing on standard input);
3 the database cannot be opened (handled in cli.py).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from station_desk.domain.accounts import role_name
from station_desk.paths import Paths
from station_desk.services.accounts import (
    AccountInfo,
    AccountRefused,
    UsernameTaken,
    admin_usernames,
    create_account,
    get_account,
    list_accounts,
    reset_password,
    set_disabled,
    temporary_password,
)
from station_desk.services.context import Desk, NotFound, ValidationFailed
from station_desk.store.db import Database

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT = 0, 1, 2


def _operator() -> str:
    """Who ran the command, for the audit log: the Windows (or Unix) account name."""
    try:
        return f"命令行:{getpass.getuser()}"
    except (KeyError, OSError):
        return "命令行"


def _password_from_stdin() -> str | None:
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    return password or None


def _error(text: str) -> None:
    print(text, file=sys.stderr)


def _when(value: object) -> str:
    return str(value)[:16] if value else "从未登录"


def _print_table(accounts: list[AccountInfo]) -> None:
    if not accounts:
        print("还没有账号。新建第一个管理员：station-desk account add admin --role admin")
        return
    for account in accounts:
        state = "已停用" if account.disabled else "在用"
        extra = "，下次登录须改密码" if account.must_change_password else ""
        print(
            f"{account.username}\t{account.display_name}\t{account.role_name}\t{state}{extra}\t"
            f"上次登录 {_when(account.last_login_at)}"
        )


def _add(desk: Desk, args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = _password_from_stdin()
        if password is None:
            _error("标准输入里没有密码（应为一行）。")
            return EXIT_BAD_INPUT
    else:
        password = temporary_password()
    name = args.name or args.username
    account = create_account(desk, args.username, name, args.role, password)
    print(f"已新建账号 {account.username}（{account.display_name}，{account.role_name}）。")
    if not args.password_stdin:
        print(f"一次性密码：{password}")
        print("请把它交给本人；这个密码只显示这一次，第一次登录时要改成自己的密码。")
    else:
        print("第一次登录时要改成自己的密码。")
    return EXIT_OK


def _reset(desk: Desk, args: argparse.Namespace) -> int:
    if get_account(desk, args.username) is None:
        admins = admin_usernames(desk)
        hint = f"本机的管理员账号：{'、'.join(admins)}。" if admins else "本机还没有管理员账号。"
        _error(f"没有用户名为 {args.username} 的账号。{hint}")
        return EXIT_REFUSED
    given = None
    if args.password_stdin:
        given = _password_from_stdin()
        if given is None:
            _error("标准输入里没有密码（应为一行）。")
            return EXIT_BAD_INPUT
    password = reset_password(desk, args.username, given)
    account = get_account(desk, args.username)
    assert account is not None
    print(f"已重设 {account.username}（{account.display_name}）的密码。")
    if given is None:
        print(f"一次性密码：{password}")
        print("这个密码只显示这一次；用它登录后，工作台会要求马上改成新密码。")
    else:
        print("用这个密码登录后，工作台会要求马上改成新密码。")
    if account.disabled:
        print("注意：这个账号已停用，要先由管理员在“账号 → 管理账号”里启用。")
    return EXIT_OK


def account_command(paths: Paths, args: argparse.Namespace) -> int:
    database = Database(paths.database)
    desk = Desk(database, staff=_operator())
    try:
        action = args.account_command
        if action == "list":
            accounts = list_accounts(desk)
            if args.json:
                print(
                    json.dumps([a.as_dict() for a in accounts], ensure_ascii=False, sort_keys=True)
                )
            else:
                _print_table(accounts)
            return EXIT_OK
        if action == "add":
            return _add(desk, args)
        if action == "reset-password":
            return _reset(desk, args)
        if action == "disable":
            account = set_disabled(desk, args.username, True)
            print(
                f"已停用账号 {account.username}（{account.display_name}，{role_name(account.role)}）。"
            )
            return EXIT_OK
        _error(f"不认识的操作：{action}")
        return EXIT_BAD_INPUT
    except (NotFound, AccountRefused, UsernameTaken) as refused:
        _error(str(refused))
        return EXIT_REFUSED
    except ValidationFailed as failed:
        for message in failed.errors.values():
            _error(message)
        return EXIT_BAD_INPUT
    finally:
        database.close()
