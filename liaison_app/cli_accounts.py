"""The account and audit commands (Qt-free):

* ``user-add --login L --name N --role admin|judge|volunteer [--person-id ID] [--password-stdin]``
  creates an account non-interactively (demo, tests, scripts); without ``--password-stdin`` the
  password is asked twice on the terminal (never on the command line, where ``ps`` shows it).
* ``users`` lists the accounts.
* ``audit --out FILE.xlsx [--record ID]`` exports the audit trail (or one record's entries).

The CLI acts as the system actor (full rights): whoever runs it has the database file anyway.
Wire into cli.py with ``cli_accounts.add_parsers(commands)`` in ``build_parser`` and
``_COMMANDS.update(cli_accounts.COMMANDS)``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liaison_app.domain.accounts import AccountRole
from liaison_app.errors import UserError


def add_parsers(commands: Any) -> None:
    """Add ``user-add``, ``users`` and ``audit`` to the sub-parsers ``commands``."""
    user = commands.add_parser("user-add", help="新建用户账户（管理员/法官/志愿者），脚本和测试用")
    user.add_argument("--login", required=True, help="登录名：2–32 个字母、数字或 _ . -")
    user.add_argument("--name", required=True, help="姓名（显示在审计记录中）")
    user.add_argument("--role", required=True, choices=[r.value for r in AccountRole],
                      help="admin=管理员，judge=法官，volunteer=志愿者；第一个账户必须是 admin")
    user.add_argument("--person-id", default=None, metavar="ID",
                      help="关联人员名单中的人（志愿者据此认定“自己的”记录）")
    user.add_argument("--password-stdin", action="store_true",
                      help="从标准输入读取密码（第一行），不在终端提问")

    commands.add_parser("users", help="列出用户账户")

    audit = commands.add_parser("audit", help="把审计记录（谁在何时改了哪条记录的哪些字段）导出为 .xlsx")
    audit.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出的工作簿")
    audit.add_argument("--record", default=None, metavar="ID",
                       help="只导出这条记录的审计记录（完整编号；法律咨询也可只写前8位）")


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UserError("没有终端可以输入密码；请用 --password-stdin 从标准输入提供密码")
    first = getpass.getpass("密码：")
    second = getpass.getpass("再输入一次：")
    if first != second:
        raise UserError("两次输入的密码不一致")
    return first


def _user_add(core: Any, args: argparse.Namespace) -> int:
    password = _read_password(args)
    account, _ = core.accounts.create(args.login, args.name, args.role, password, person_id=args.person_id)
    print(f"已新建账户 {account.login}（{account.display_name}，{account.role.label}）")
    return 0


def _users(core: Any, args: argparse.Namespace) -> int:
    accounts = core.accounts.all()
    if not accounts:
        print("（尚无账户：软件不要求登录）")
    for account in accounts:
        state = "在用" if account.active else "已停用"
        print(f"{account.login}\t{account.display_name}\t{account.role.label}\t{state}")
    return 0


def _audit(core: Any, args: argparse.Namespace) -> int:
    record = args.record
    if record and len(record.strip()) < 36:
        record = core.consultations.resolve_id(record)
    out = core.audit.export_xlsx(Path(args.out), record_id=record.strip() if record else None)
    print(out)
    return 0


COMMANDS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "user-add": _user_add,
    "users": _users,
    "audit": _audit,
}
