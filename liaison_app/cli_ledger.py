"""The ``import-ledger`` command (Qt-free), kept apart from ``cli.py`` so it can be wired in with
two lines::

    from liaison_app import cli_ledger
    cli_ledger.add_parser(commands)            # in build_parser()
    _COMMANDS["import-ledger"] = cli_ledger.run  # run(core, args) -> exit status

``liaison-app --db PATH import-ledger FILE [--sheet NAME] [--kind consultations|sessions|volunteers]
[--point CODE] [--report FILE.xlsx] [--dry-run]`` reads the ledger, uses the remembered or
proposed column mapping, imports the good rows in one transaction and prints what happened.
Exit status: 0 when the import ran (rows not imported are listed and written to the report),
1 when nothing could be imported because of the file, the mapping or the point.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

MAX_LISTED = 20  # rejected rows printed; the report workbook has them all


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``import-ledger`` sub-command to ``commands`` (argparse sub-parsers)."""
    parser = commands.add_parser(
        "import-ledger",
        help="导入以前手工记录的台账（.xlsx/.xls/.csv）：法律咨询、普法宣讲或志愿者名册",
        description="导入台账：自动找表头、识别列名，日期、身份证号、电话等逐格检查；"
        "好的行一次性导入，重复导入会自动跳过，有问题的行写入报告工作簿。",
    )
    parser.add_argument("file", metavar="FILE", help="台账文件（.xlsx、.xls、.csv，UTF-8 或 GBK 编码）")
    parser.add_argument("--sheet", metavar="NAME", help="只导入这个工作表（默认：所有可见工作表，如每月一张）")
    parser.add_argument("--kind", choices=["consultations", "sessions", "volunteers"],
                        help="台账类型：consultations 法律咨询，sessions 普法宣讲，volunteers 志愿者（默认按表头判断）")
    parser.add_argument("--point", metavar="CODE", help="导入到哪个联系点（编码）；只有一个联系点时可省略")
    parser.add_argument("--report", metavar="FILE.xlsx",
                        help="未导入行及原因的报告写到这里（默认：台账所在文件夹，仅在有问题行时）")
    parser.add_argument("--dry-run", action="store_true", help="只检查、不写入数据库（报告仅在给了 --report 时写出）")
    return parser


def _print_plan(draft: Any) -> None:
    from liaison_app.exchange.ledger.fields import field_label

    print(f"文件：{draft.file.path.name}（{draft.file.fmt}）  台账类型：{draft.kind.label}"
          + ("（按表头判断）" if draft.kind_guessed else ""))
    for notice in draft.notices:
        print(f"提示：{notice}")
    sources = {"remembered": "沿用上次的列对应", "proposed": "按列名自动对应", "user": "按指定的列对应"}
    for plan in draft.sheets:
        if plan.skipped or plan.header is None:
            continue
        first, last = plan.header.first_row + 1, plan.header.last_row + 1
        rows = f"第{first}行" if first == last else f"第{first}–{last}行"
        print(f"工作表“{plan.name}”：表头在{rows}，{plan.data_rows}行数据，{sources.get(plan.mapping_source, '')}")
        pairs = [f"{c.letter}“{c.text}”→{field_label(draft.kind, plan.mapping.get(c.index))}"
                 for c in plan.header.columns if c.text]
        print("  " + "；".join(pairs))


def _print_result(result: Any) -> None:
    verb = "可导入" if result.dry_run else "已导入"
    print(f"{'试运行（未写入数据库）：' if result.dry_run else ''}读取 {result.rows_read} 行数据，{verb} {result.imported} 行"
          f"（其中 {result.with_warnings} 行需核对），重复跳过 {result.duplicates} 行，"
          f"未导入 {result.rejected} 行，非数据行 {result.skipped} 行，空行 {result.blank_rows} 行。")
    if result.reasons:
        print("未导入原因：" + "，".join(f"{label} {count} 行" for label, count in result.reasons))
    for where, problems in result.rejected_rows[:MAX_LISTED]:
        print(f"  {where}：{'；'.join(problems[:2])}")
    if len(result.rejected_rows) > MAX_LISTED:
        print(f"  ……另有 {len(result.rejected_rows) - MAX_LISTED} 行，见报告")
    if result.report_path:
        print(f"报告：{result.report_path}")
    if result.report_error:
        print(f"警告：{result.report_error}", file=sys.stderr)


def run(core: Any, args: argparse.Namespace) -> int:
    """Run ``import-ledger`` against ``core``; print the plan and a summary; return the exit status."""
    from liaison_app.core.ledger_import import LedgerImportService
    from liaison_app.errors import UserError

    service = LedgerImportService(core)
    try:
        draft = service.open(args.file, kind=args.kind, sheet=args.sheet)
        _print_plan(draft)
        if draft.problems:
            for problem in draft.problems:
                print(f"错误：{problem}", file=sys.stderr)
            print("未导入任何数据。", file=sys.stderr)
            return 1
        preview = service.preview(draft, point_code=args.point)
        print(f"导入到联系点：{preview.point.code} {preview.point.name}")
        result = service.run_import(preview, dry_run=args.dry_run, report_path=args.report)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    _print_result(result)
    return 1 if result.cancelled else 0
