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
    from station_desk.reports.ledger_export import export_ledger

    desk = _open_desk(paths)
    counts = export_ledger(desk.db, args.format, Path(args.out))
    print(f"已导出到 {args.out}：" + "，".join(f"{k} {v}" for k, v in counts.items()))
    return EXIT_OK


def cmd_run(paths: Paths, args: argparse.Namespace) -> int:
    from station_desk.ui.app import run_desk

    return run_desk(paths, screenshot=args.screenshot, page=args.page)


COMMANDS = {
    "run": cmd_run,
    "demo": cmd_demo,
    "template": cmd_template,
    "import": cmd_import,
    "export": cmd_export,
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
