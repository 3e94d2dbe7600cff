"""Command-line interface (Qt-free). ``liaison-app --help`` lists it.

Errors a user can fix go to stderr as one Chinese sentence with exit status 1; usage mistakes
exit 2 (argparse). Never a traceback for a user mistake.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from liaison_app import __version__
from liaison_app import cli_accounts, cli_court, cli_ledger
from liaison_app.cli_roster import add_roster_parser, run_roster
from liaison_app.domain import clock
from liaison_app.errors import UserError, ValidationError


def _period(text: str) -> str:
    try:
        clock.parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return text


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("必须是正整数")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command; global options come before the command name."""
    parser = argparse.ArgumentParser(
        prog="liaison-app",
        description="联系点工作台：法律咨询登记、普法宣讲、退休法官志愿者值班与月度报送。"
        "不带命令时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help="数据库文件（默认：环境变量 LIAISON_DB，或用户数据目录下的 liaison.db）")
    parser.add_argument("--smoke", action="store_true",
                        help="打开主窗口（无屏幕时离屏），显示后打印 'ready <毫秒>' 并退出")
    parser.add_argument("--screenshot", metavar="DIR",
                        help="把每个主要页面渲染为 DIR/<页面>.png 后退出")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="命令")

    demo = commands.add_parser("demo", help="填入逼真的示例数据（人名地名均为虚构）")
    demo.add_argument("--points", type=_positive, default=3, help="联系点个数（默认 3）")
    demo.add_argument("--months", type=_positive, default=6, help="覆盖最近几个月（默认 6）")
    demo.add_argument("--consultations", type=_positive, default=None,
                      help="咨询记录总数（默认每个联系点每月约 40 条）")
    demo.add_argument("--seed", type=int, default=1, help="随机种子，同一种子得到同样的数据（默认 1）")

    export = commands.add_parser("export", help="导出某月的报送工作簿（每个联系点一个 .xlsx），并打印路径")
    export.add_argument("--month", type=_period, required=True, metavar="YYYY-MM", help="统计月份")
    export.add_argument("--out", required=True, metavar="DIR", help="输出文件夹")
    export.add_argument("--point", metavar="CODE", help="只导出这个联系点（编码）")
    export.add_argument("--full-personal-data", action="store_true",
                        help="导出完整姓名、电话和身份证号（默认脱敏），会记录在批次信息中")

    point = commands.add_parser("point-add", help="不经对话框新建一个联系点（脚本和测试用）")
    point.add_argument("--code", required=True, help="编码，如 ZN-NA（用于报送文件名）")
    point.add_argument("--name", required=True, help="名称，如 宁安镇法官联系点")
    point.add_argument("--court", required=True, help="所属法院，如 中宁县人民法院")
    point.add_argument("--township", default="", help="乡镇/街道")
    point.add_argument("--village", default="", help="村/社区")
    point.add_argument("--judge", default="", help="负责法官")

    commands.add_parser("points", help="列出联系点")

    backup = commands.add_parser("backup", help="把数据库备份到一个文件夹（如U盘），并打印备份文件路径")
    backup.add_argument("--out", required=True, metavar="DIR", help="备份存放的文件夹")

    restore = commands.add_parser("restore", help="用备份文件恢复数据库（当前文件先另存到 backups/）")
    restore.add_argument("file", metavar="FILE", help="备份文件 (.db)")

    report = commands.add_parser("report", help="生成月度工作报告 PDF（联系点或全部联系点）")
    report.add_argument("--month", type=_period, required=True, metavar="YYYY-MM", help="统计月份")
    report.add_argument("--point", metavar="CODE", help="只统计这个联系点（默认全部）")
    report.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    report.add_argument("--court-db", metavar="PATH", help=cli_court.COURT_DB_REPORT_HELP)

    form = commands.add_parser("print-form", help="把一条法律咨询打印成来访接待登记表 PDF")
    form.add_argument("record_id", metavar="ID", help="咨询记录编号（UUID，可只写前8位）")
    form.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    form.add_argument("--masked", action="store_true", help="姓名、电话脱敏，不印身份证号")

    commands.add_parser("check", help="检查数据库：完整性、外键和版本；有问题时以非零状态退出")
    add_roster_parser(commands)
    cli_ledger.add_parser(commands)
    cli_court.add_parsers(commands)
    cli_accounts.add_parsers(commands)
    return parser


def run_command(args: argparse.Namespace, db_path: Path) -> int:
    """Run the sub-command in ``args`` against the database at ``db_path``; return exit status."""
    from liaison_app.core import open_core

    try:
        if args.command in cli_court.COURT_COMMANDS:   # the court database only, no point database
            return cli_court.COURT_COMMANDS[args.command](args)
        if args.command == "report" and args.court_db:   # region-wide, from the court database only
            return cli_court.run_court_report(args)
        if args.command in _FILE_COMMANDS:
            return _FILE_COMMANDS[args.command](db_path, args)
        with open_core(db_path) as core:
            return _COMMANDS[args.command](core, args)
    except ValidationError as exc:
        for error in exc.errors:
            print(f"错误：{error.message}", file=sys.stderr)
        return 1
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


def _demo(core, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from liaison_app.core.demo import fill_demo

    summary = fill_demo(core, points=args.points, months=args.months,
                        consultations=args.consultations, seed=args.seed)
    print(f"示例数据已写入 {core.path}：{summary.points} 个联系点，{summary.consultations} 条法律咨询，"
          f"{summary.sessions} 场普法宣讲，{summary.visits} 次志愿服务，覆盖 {summary.months} 个月。")
    return 0


def _export(core, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from liaison_app.core.exports import ExportService

    out_dir = Path(args.out)
    files = ExportService(core).export_month(
        args.month, out_dir, point_code=args.point, full_personal_data=args.full_personal_data
    )
    if not files:
        print("错误：还没有任何联系点，无法导出。请先新建联系点（或运行 demo）。", file=sys.stderr)
        return 1
    for path in files:
        print(path)
    return 0


def _point_add(core, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from liaison_app.domain.records import LiaisonPoint

    point, _ = core.points.add(LiaisonPoint(code=args.code, name=args.name, court=args.court,
                                            township=args.township, village=args.village,
                                            judge_name=args.judge))
    print(f"已新建联系点 {point.code} {point.name}")
    return 0


def _points(core, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    points = core.points.all()
    if not points:
        print("（尚无联系点）")
    for point in points:
        print(f"{point.code}\t{point.name}\t{point.court}\t{point.judge_name}")
    return 0


def _backup(core, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from liaison_app.core.maintenance import backup_to

    print(backup_to(core.db.conn, core.path, Path(args.out), tag="manual"))
    return 0


def _restore(db_path: Path, args: argparse.Namespace) -> int:
    from liaison_app.core.maintenance import restore_database
    from liaison_app.storage.backup import describe_backup

    source = Path(args.file)
    if not source.is_file():
        raise UserError(f"找不到备份文件 {source}")
    info = describe_backup(source)
    counts = "，".join(f"{_TABLE_LABELS.get(k, k)} {v}" for k, v in info.counts.items())
    print(f"备份时间 {clock.format_datetime_zh(info.taken_at)}；{counts}")
    aside = restore_database(db_path, source)
    print(f"已恢复到 {db_path}；恢复前的数据库另存为 {aside}")
    return 0


def _check(db_path: Path, args: argparse.Namespace) -> int:
    from liaison_app.core.maintenance import check
    from liaison_app.storage.database import connect

    if not db_path.exists():
        raise UserError(f"数据库文件 {db_path} 不存在")
    db = connect(db_path)
    try:
        result = check(db.conn)
    except Exception as exc:  # a damaged file fails inside the PRAGMAs
        raise UserError(f"数据库 {db_path} 已损坏：{exc}") from exc
    finally:
        db.close()
    if result.ok:
        print(f"正常：完整性 ok，外键 ok，数据库版本 {result.schema_version}")
        return 0
    for problem in result.problems:
        print(f"问题：{problem}", file=sys.stderr)
    return 1


def _report(core, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from liaison_app.core.reports import write_monthly

    out = Path(args.out)
    glyphs = write_monthly(core, args.month, out, point_code=args.point)
    if glyphs.summary():
        print(f"提示：{glyphs.summary()}", file=sys.stderr)
    print(out)
    return 0


def _print_form(core, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from liaison_app.core.reports import write_registration

    record_id = core.consultations.resolve_id(args.record_id)
    out = Path(args.out)
    glyphs = write_registration(core, record_id, out, masked=args.masked)
    if glyphs.summary():
        print(f"提示：{glyphs.summary()}", file=sys.stderr)
    print(out)
    return 0


_TABLE_LABELS = {"liaison_point": "联系点", "consultation": "法律咨询", "education_session": "普法宣讲",
                 "volunteer_visit": "志愿服务", "person": "人员"}
_FILE_COMMANDS = {"restore": _restore, "check": _check}

_COMMANDS = {"demo": _demo, "export": _export, "point-add": _point_add, "points": _points, "backup": _backup,
             "report": _report, "print-form": _print_form}
_COMMANDS["roster"] = run_roster  # see liaison_app/cli_roster.py
_COMMANDS["import-ledger"] = cli_ledger.run  # see liaison_app/cli_ledger.py
_COMMANDS.update(cli_accounts.COMMANDS)  # user-add, audit: see liaison_app/cli_accounts.py
