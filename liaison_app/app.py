"""Composition root: parse the command line, then run a CLI command or the GUI.

Only this module (and gui/) may import the GUI; the CLI commands stay Qt-free. Opening the
window reads only the GUI's own options (:func:`gui_options`); anything else — a command,
``--help``, ``--version``, a mistake — goes to the full parser of liaison_app/cli.py, which
imports every command's module (docs/performance.md, start-up).
"""

from __future__ import annotations

import time

STARTED_AT = time.perf_counter()  # taken first, so `--smoke` can report start-up time

import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from liaison_app import paths  # noqa: E402

NO_SCREEN_MESSAGE = """\
未找到可用的显示屏幕（没有 DISPLAY / WAYLAND_DISPLAY），无法打开图形窗口。
No screen was found, so the window cannot open.

在无屏幕的机器上可以这样使用 / To work headless:
  liaison-app --db PATH --smoke            打开主窗口（离屏）并报告启动耗时后退出
  liaison-app --db PATH --screenshot DIR   把每个主要页面渲染成 DIR/<页面>.png
  liaison-app --db PATH demo               填入示例数据
  liaison-app --db PATH export --month YYYY-MM --out DIR   导出月度报送表
  liaison-app --help                       列出全部命令
"""


def has_screen() -> bool:
    """True when Qt can reach a display (always on Windows/macOS; on Linux a DISPLAY/WAYLAND
    socket, or an explicit QT_QPA_PLATFORM such as ``offscreen``)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


@dataclass(frozen=True)
class GuiOptions:
    """The options of a GUI start: ``--db PATH``, ``--smoke``, ``--screenshot DIR``."""

    db: str | None = None
    smoke: bool = False
    screenshot: str | None = None


def gui_options(argv: Sequence[str]) -> GuiOptions | None:
    """The GUI options when ``argv`` holds nothing but ``--db PATH``/``--db=PATH``, ``--smoke``
    and ``--screenshot DIR``/``--screenshot=DIR`` (read as the full parser reads them: the last
    one wins); None for anything else — a command, ``--help``, ``--version``, an abbreviated
    or misspelt option, a missing value — which the full parser then handles as it always did.
    """
    values: dict[str, str | None] = {"--db": None, "--screenshot": None}
    smoke = False
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        name, equals, value = token.partition("=")
        if token == "--smoke":
            smoke = True
        elif name in values:
            if not equals:
                if not tokens or tokens[0].startswith("-"):
                    return None
                value = tokens.pop(0)
            values[name] = value
        else:
            return None
    return GuiOptions(db=values["--db"], smoke=smoke, screenshot=values["--screenshot"])


def _empty_db_option(value: str | None) -> bool:
    """True (and says so on stderr) when ``--db`` was given an empty path: it must not quietly
    open the default database instead (a script with an unset variable, ``--db "$DB"``)."""
    if value is not None and not value.strip():
        sys.stderr.write("--db 后面需要数据库文件的路径（给出的是空的）。\n--db needs a database file path (it was empty).\n")
        return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``liaison-app`` console script; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = gui_options(argv)
    if args is None:   # a command, --help, --version or a mistake: the full parser (imports every command)
        from liaison_app import cli

        parsed = cli.build_parser().parse_args(argv)
        if parsed.command:
            if _empty_db_option(parsed.db):
                return 2
            return cli.run_command(parsed, paths.default_db_path(parsed.db))
        args = GuiOptions(db=parsed.db, smoke=parsed.smoke, screenshot=parsed.screenshot)
    if _empty_db_option(args.db):
        return 2
    db_path = paths.default_db_path(args.db)

    headless_mode = args.smoke or args.screenshot is not None
    if not has_screen():
        if not headless_mode:
            sys.stderr.write(NO_SCREEN_MESSAGE)
            return 3
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from liaison_app.gui.application import run_gui  # deferred: Qt is heavy and CLI needs none
    except ImportError as exc:
        sys.stderr.write(f"无法加载图形界面组件（Qt）：{exc}\n可用 liaison-app --help 查看命令行功能。\n")
        return 4
    return run_gui(
        db_path,
        smoke=args.smoke,
        screenshot_dir=Path(args.screenshot) if args.screenshot is not None else None,
        started_at=STARTED_AT,
    )


if __name__ == "__main__":
    sys.exit(main())
