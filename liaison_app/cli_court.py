"""The court's commands: ``merge`` and ``court-summary``. They work on ``--court-db`` only, never
on a point's database. Kept beside cli.py; wire them in with::

    from liaison_app.cli_court import COURT_COMMANDS, add_parsers
    add_parsers(commands)                       # in build_parser()
    if args.command in COURT_COMMANDS:          # in run_command(), before opening the point DB
        return COURT_COMMANDS[args.command](args)

``python -m liaison_app.cli_court merge …`` runs them standalone too.

``report --court-db PATH --month YYYY-MM --out FILE.pdf`` (the region-wide monthly work report)
is the point-side ``report`` command with ``--court-db``; cli.py hands it to
:func:`run_court_report` before it opens the point database::

    report.add_argument("--court-db", metavar="PATH", help=COURT_DB_REPORT_HELP)   # build_parser()
    if args.command == "report" and args.court_db:                                # run_command()
        return cli_court.run_court_report(args)

Exit status: 0 when every file was merged or skipped as a duplicate; 1 when any was refused
(or failed, or the run was cancelled) and for errors a user can fix; 2 for usage mistakes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from liaison_app.domain import clock
from liaison_app.errors import UserError


def _period(text: str) -> str:
    try:
        clock.parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return text


def add_parsers(commands: Any) -> None:
    """Add ``merge`` and ``court-summary`` to an ``add_subparsers()`` object."""
    merge = commands.add_parser(
        "merge", help="法院端：把各联系点的月度报送工作簿汇总进汇总库（每个批次只汇总一次）",
        description="检查并汇总报送工作簿。每个文件要么整体汇总，要么整体拒收；重复的批次跳过，"
                    "同一联系点同月的更高序号替换旧批次。全部汇总或重复跳过时退出状态为0，有拒收时非0。",
    )
    merge.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR", help="报送文件（.xlsx）或文件夹（含子文件夹）")
    merge.add_argument("--court-db", required=True, metavar="PATH", help="法院汇总数据库文件（不存在时新建）")
    merge.add_argument("--report", metavar="FILE.xlsx", help="另把汇总结果写成一个工作簿")
    merge.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入汇总库")
    merge.add_argument("--accept-edited", action="store_true",
                       help="接收导出后被修改过（数据校验不符）的工作簿，并在汇总库中记录")

    summary = commands.add_parser("court-summary", help="法院端：从汇总库生成全辖区汇总工作簿（含报送情况表）")
    summary.add_argument("--court-db", required=True, metavar="PATH", help="法院汇总数据库文件")
    summary.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出的汇总工作簿")
    summary.add_argument("--from", dest="start", type=_period, metavar="YYYY-MM", help="起始统计月份（默认最早）")
    summary.add_argument("--to", dest="end", type=_period, metavar="YYYY-MM", help="结束统计月份（默认上月）")


COURT_DB_REPORT_HELP = "法院端：从这个汇总数据库生成全辖区月度工作报告（含各联系点情况和报送情况），不打开联系点数据库"


def run_court_report(args: argparse.Namespace) -> int:
    """``report --court-db PATH --month YYYY-MM --out FILE.pdf``: the region-wide monthly report
    from the court database; prints the PDF's path (missing glyphs as a note on stderr).

    Raises:
        UserError: no such court database, ``--point`` given (the court report covers the
            region), or the file cannot be written.
    """
    from liaison_app.core.court import CourtService
    from liaison_app.core.court_report import write_court_report

    court_db = Path(args.court_db)
    if getattr(args, "point", None):
        raise UserError("--point 不能与 --court-db 同时使用：汇总库生成的是全辖区报告（其中有各联系点的情况）")
    if not court_db.is_file():
        raise UserError(f"找不到汇总数据库 {court_db}：请先用 merge 汇总报送文件")
    out = Path(args.out)
    with CourtService(court_db) as service:
        try:
            glyphs = write_court_report(service, args.month, out)
        except OSError as exc:
            raise UserError(f"无法写入 {out}：{exc.strerror or exc}") from exc
    if glyphs.summary():
        print(f"提示：{glyphs.summary()}", file=sys.stderr)
    print(out)
    return 0


def run_merge(args: argparse.Namespace) -> int:
    """``merge``: print one line per file with its outcome and row counts, then totals."""
    from liaison_app.core.court import CourtService

    court_db = Path(args.court_db)
    if not args.dry_run and court_db.is_dir():
        raise UserError(f"{court_db} 是文件夹，请给出汇总数据库文件的路径")
    with CourtService(court_db) as service:
        report = service.merge([Path(p) for p in args.inputs], dry_run=args.dry_run,
                               accept_edited=args.accept_edited)
        for line in report.lines():
            print(line)
        if args.report:
            print(f"汇总结果表：{service.write_merge_report(report, Path(args.report))}")
    return report.exit_status


def run_court_summary(args: argparse.Namespace) -> int:
    """``court-summary``: write the workbook and print its path."""
    from liaison_app.core.court import CourtService

    court_db = Path(args.court_db)
    if not court_db.is_file():
        raise UserError(f"找不到汇总数据库 {court_db}：请先用 merge 汇总报送文件")
    with CourtService(court_db) as service:
        print(service.write_summary(Path(args.out), args.start, args.end))
    return 0


COURT_COMMANDS = {"merge": run_merge, "court-summary": run_court_summary}


def run(args: argparse.Namespace) -> int:
    """Run a court command, turning user errors into a message on stderr and status 1."""
    try:
        return COURT_COMMANDS[args.command](args)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    """Standalone entry: ``python -m liaison_app.cli_court merge|court-summary …``."""
    parser = argparse.ArgumentParser(prog="liaison-app", description="联系点工作台（法院端命令）")
    add_parsers(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
