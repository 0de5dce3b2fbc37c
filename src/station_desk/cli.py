"""The station-desk command: the desk itself and the sub-commands IT and scripts use.

Exit codes: 0 success, 1 done but with rejected input (e.g. import rows), 2 the input could
not be used at all (unreadable file, bad options), 3 the database could not be opened.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from station_desk import __version__
from station_desk.logs import setup_logging
from station_desk.paths import Paths, resolve_paths

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_BAD_INPUT = 2
EXIT_DATABASE = 3
PAGES = ("workers", "employers", "postings")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="station-desk", description="驿站工作台：零工驿站的登记、对接与台账程序"
    )
    parser.add_argument("--version", action="version", version=f"station-desk {__version__}")
    parser.add_argument("--data-dir", help="数据目录（默认为系统用户数据目录）")
    parser.add_argument("--screenshot", metavar="PNG", help="把主窗口画到PNG图片后退出")
    parser.add_argument(
        "--page", choices=PAGES, default="workers", help="--screenshot 时显示的页面"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("run", help="打开工作台（默认）")

    demo = sub.add_parser("demo", help="生成演示数据")
    demo.add_argument("--workers", type=int, default=2000)
    demo.add_argument("--postings", type=int, default=300)
    demo.add_argument("--employers", type=int, default=None)
    demo.add_argument("--seed", type=int, default=None)
    demo.add_argument("--if-empty", action="store_true", help="只在还没有任何登记时生成")

    template = sub.add_parser("template", help="生成台账导入模板 .xlsx")
    template.add_argument("file")

    imp = sub.add_parser("import", help="导入台账（.xlsx 或 .csv）")
    imp.add_argument("file")
    imp.add_argument("--report", metavar="OUT.json", help="把导入结果写成JSON")

    exp = sub.add_parser("export", help="导出全部记录")
    exp.add_argument("--format", choices=("json", "csv", "xlsx"), required=True)
    exp.add_argument("--out", required=True)
    exp.add_argument("--reason", default=None, help="导出原因（记入审计记录，默认“命令行导出”）")

    board = sub.add_parser("board", help="打开大厅招聘大屏")
    board.add_argument("--screen", type=int, default=None, help="显示在第几个屏幕（从0数）")
    board.add_argument("--windowed", action="store_true", help="用窗口显示，不全屏")
    board.add_argument("--size", default="1920x1080", help="窗口或截图大小，如 1920x1080")
    board.add_argument(
        "--screenshot", dest="board_screenshot", metavar="PNG", help="把大屏画到PNG图片后退出"
    )

    connect = sub.add_parser("connect", help="连接区里的服务器")
    connect.add_argument("--server", help="服务器地址，如 https://district.example:8443")
    connect.add_argument("--token", help="驿站令牌")
    connect.add_argument("--provision", metavar="FILE", help="区里发的配置文件 station.json")

    sync = sub.add_parser("sync", help="和区里的服务器同步")
    sync.add_argument("--once", action="store_true", required=True, help="同步一轮后退出")

    screen = sub.add_parser("screen", help="检查招聘信息有无就业歧视内容")
    screen.add_argument("--text", help="一条招聘信息的文字")
    screen.add_argument("file", nargs="?", help="文本文件，每行一条招聘信息")

    match = sub.add_parser("match", help="人岗匹配")
    target = match.add_mutually_exclusive_group(required=True)
    target.add_argument("--worker", metavar="ID", help="为这位零工找岗位")
    target.add_argument("--posting", metavar="ID", help="为这条招聘找人")
    match.add_argument("--limit", type=int, default=20)

    backup = sub.add_parser("backup", help="备份数据库")
    backup.add_argument("--out", metavar="PATH", help="备份文件（默认放在数据目录的 backups 里）")

    restore = sub.add_parser("restore", help="从备份恢复数据库")
    restore.add_argument("path", metavar="PATH")
    restore.add_argument(
        "--force", action="store_true", help="即使有未同步的修改也恢复（会先另存当前数据库）"
    )

    doctor = sub.add_parser("doctor", help="检查本机工作台的状况")
    doctor.add_argument("--json", action="store_true", help="以JSON输出")

    report = sub.add_parser("report", help="统计报表")
    report.add_argument(
        "--kind", required=True, choices=("daily", "monthly", "directory", "dispatch", "rating")
    )
    when = report.add_mutually_exclusive_group()
    when.add_argument("--date", help="日报的日期 YYYY-MM-DD（默认今天）")
    when.add_argument("--month", help="月报的月份 YYYY-MM（默认本月）")
    report.add_argument("--format", required=True, choices=("json", "xlsx", "pdf"))
    report.add_argument("--out", required=True)

    hardship = sub.add_parser("hardship", help="困难人员“131”帮扶台账")
    hardship.add_argument("--json", action="store_true", help="以JSON输出")

    account = sub.add_parser("account", help="工作人员账号（管理员/柜台人员）")
    account_sub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = account_sub.add_parser("add", help="新建账号")
    add.add_argument("username")
    add.add_argument("--role", choices=("admin", "staff"), default="staff")
    add.add_argument("--name", default="", help="显示的姓名")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读密码")
    account_list = account_sub.add_parser("list", help="列出账号")
    account_list.add_argument("--json", action="store_true", help="以JSON输出")
    disable = account_sub.add_parser("disable", help="停用账号")
    disable.add_argument("username")
    reset = account_sub.add_parser(
        "reset-password", help="重设密码（忘记管理员密码时由IT在本机操作）"
    )
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="从标准输入读新密码")

    audit = sub.add_parser("audit", help="查看个人信息的查看、导出、打印记录")
    audit.add_argument("--json", action="store_true", help="以JSON输出")
    audit.add_argument("--since", help="从哪天起 YYYY-MM-DD")
    audit.add_argument("--staff", help="只看这位工作人员")
    audit.add_argument("--record", help="只看这条记录（编号）")
    audit.add_argument("--limit", type=int, default=200, help="最多显示多少条（默认200）")

    encrypt = sub.add_parser("encrypt", help="加密本机数据库（密钥存在Windows凭据管理器）")
    encrypt.add_argument("--json", action="store_true", help="以JSON输出")
    key_restore = sub.add_parser("key-restore", help="输入恢复密钥（换电脑或换Windows账户后）")
    key_restore.add_argument("recovery_key", nargs="?", help="恢复密钥（不写则从标准输入读）")

    card = sub.add_parser("card", help="身份证读卡器")
    card.add_argument("action", choices=("status", "read"), help="status 检查读卡器，read 读一张卡")
    card.add_argument("--json", action="store_true", help="以JSON输出")
    card.add_argument("--fake", action="store_true", help="用演示读卡器（不接真读卡器时）")
    return parser


def _open_desk(paths: Paths):
    from station_desk.services.context import Desk
    from station_desk.store.db import Database

    return Desk(Database(paths.database))


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, sort_keys=True))


def cmd_demo(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.demo import database_is_empty, fill_demo

    desk = _open_desk(paths)
    if args.if_empty and not database_is_empty(desk):
        return EXIT_OK
    result = fill_demo(
        desk,
        workers=args.workers,
        postings=args.postings,
        employers=args.employers,
        seed=args.seed,
    )
    _print_json(result.as_dict())
    return EXIT_OK


def cmd_template(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.reports.ledger_template import write_template

    write_template(Path(args.file))
    print(f"已生成导入模板：{args.file}")
    return EXIT_OK


def cmd_import(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.ledger_import import LedgerReadError, import_ledger

    desk = _open_desk(paths)
    try:
        report = import_ledger(desk, Path(args.file))
    except LedgerReadError as error:
        print(f"无法读取文件：{error.message}", file=sys.stderr)
        if args.report:
            Path(args.report).write_text(
                json.dumps({"file": args.file, "error": error.message}, ensure_ascii=False),
                encoding="utf-8",
            )
        return EXIT_BAD_INPUT
    print(report.summary())
    for line in report.problem_lines():
        print(line)
    if args.report:
        Path(args.report).write_text(
            json.dumps(report.as_dict(), ensure_ascii=False, indent=2, sort_keys=True),
            encoding="utf-8",
        )
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_export(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.reports.ledger_export import CLI_REASON, export_ledger

    desk = _open_desk(paths)
    counts = export_ledger(desk.db, args.format, Path(args.out), reason=args.reason or CLI_REASON)
    print(f"已导出到 {args.out}：" + "，".join(f"{k} {v}" for k, v in counts.items()))
    return EXIT_OK


def cmd_run(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.ui.app import run_desk

    return run_desk(paths, screenshot=args.screenshot, page=args.page)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def cmd_board(paths: Paths, args: argparse.Namespace) -> int:
    try:
        size = _size(args.size)
    except ValueError:
        print(f"大小格式不对：{args.size}（应为 宽x高，如 1920x1080）", file=sys.stderr)
        return EXIT_BAD_INPUT
    from station_desk.ui.board.app import run_board

    return run_board(
        paths,
        screen=args.screen,
        windowed=args.windowed,
        size=size,
        screenshot=args.board_screenshot,
    )


def cmd_connect(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.sync.commands import connect_command

    return connect_command(_open_desk(paths), args.server, args.token, args.provision)


def cmd_sync(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.sync.commands import sync_once_command

    return sync_once_command(_open_desk(paths))


def cmd_screen(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.screening_command import screen_command

    return screen_command(args.text, args.file)


def cmd_match(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.matching import match_command

    return match_command(_open_desk(paths), args.worker, args.posting, args.limit)


def cmd_backup(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.backup import backup_command

    return backup_command(paths, args.out)


def cmd_restore(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.backup import restore_command

    return restore_command(paths, Path(args.path), force=args.force)


def cmd_doctor(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.doctor import doctor_command

    return doctor_command(paths, as_json=args.json)


def cmd_report(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.reports.commands import report_command

    return report_command(
        _open_desk(paths), args.kind, args.date, args.month, args.format, Path(args.out)
    )


def cmd_hardship(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.hardship import hardship_command

    return hardship_command(_open_desk(paths), as_json=args.json)


def cmd_account(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.account_command import account_command

    return account_command(paths, args)


def cmd_audit(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.audit_trail import audit_command

    return audit_command(_open_desk(paths), args)


def cmd_encrypt(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.encryption import EncryptionError, encrypt_database

    try:
        result = encrypt_database(paths)
    except EncryptionError as error:
        print(str(error), file=sys.stderr)
        return EXIT_REJECTED
    if args.json:
        _print_json(
            {"recovery_key": result.recovery_key, "backups_encrypted": result.backups_encrypted}
        )
    else:
        print("数据库已加密。密钥存在本机当前Windows账户的凭据管理器里。")
        print(f"同时加密了 {result.backups_encrypted} 个备份文件。")
        print("请把下面的恢复密钥抄在纸上，交站长锁进柜子（换电脑或重装系统时要用）：")
        print(result.recovery_key)
    return EXIT_OK


def cmd_key_restore(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.services.encryption import EncryptionError, restore_key

    text = args.recovery_key if args.recovery_key else sys.stdin.readline()
    try:
        restore_key(paths, text)
    except EncryptionError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    print("恢复密钥已存进本机当前Windows账户，工作台可以打开加密的数据库了。")
    return EXIT_OK


def cmd_card(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.devices.commands import card_command

    return card_command(args)


COMMANDS = {
    "run": cmd_run,
    "demo": cmd_demo,
    "template": cmd_template,
    "import": cmd_import,
    "export": cmd_export,
    "board": cmd_board,
    "connect": cmd_connect,
    "sync": cmd_sync,
    "screen": cmd_screen,
    "match": cmd_match,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "doctor": cmd_doctor,
    "hardship": cmd_hardship,
    "report": cmd_report,
    "account": cmd_account,
    "audit": cmd_audit,
    "card": cmd_card,
    "encrypt": cmd_encrypt,
    "key-restore": cmd_key_restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    paths = resolve_paths(args.data_dir).ensure()
    setup_logging(paths)
    command = COMMANDS[args.command or "run"]
    from station_desk.store.db import DatabaseError
    from station_desk.store.migrations import NewerSchemaError

    try:
        return command(paths, args)
    except (DatabaseError, NewerSchemaError) as error:
        print(str(error), file=sys.stderr)
        return EXIT_DATABASE
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); the work itself is done.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stops the error at exit
        return EXIT_OK
    except OSError as error:
        print(f"文件操作失败：{error}", file=sys.stderr)
        return EXIT_BAD_INPUT
