"""Command line: ``hxdesk render|new|list|export|import|…``; no command starts the GUI.

This module never imports Qt (the GUI is imported only when it is started).
Every failure prints one Chinese line to stderr and exits non-zero.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .errors import HxError

if TYPE_CHECKING:
    from .model import Report
    from .services import Readiness

EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese errors and no traceback."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"hxdesk：参数错误：{message}\n")
        raise SystemExit(EXIT_USAGE)


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据文件夹中）")


def build_parser() -> argparse.ArgumentParser:
    # long: every subcommand's arguments in one place, as `hxdesk --help` lists them
    parser = _Parser(prog="hxdesk", description="hxdesk：乡镇（街道）法治政府建设年度报告编写工具")
    parser.add_argument("--db", dest="global_db", metavar="PATH", help="数据库文件（默认在用户数据文件夹中）")
    parser.add_argument("--screenshot", metavar="PNG", help="打开主窗口，截图保存为 PNG 后退出")
    parser.add_argument("--version", action="store_true", help="显示版本号")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("render", help="生成 .docx 或 PDF 报告（按输出文件的扩展名）")
    p.add_argument("report_id", nargs="?", type=int, help="报告编号（见 hxdesk list）")
    p.add_argument("--sample", action="store_true", help="生成内置示例报告（不读写数据库）")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.pdf", help="输出文件（.docx 或 .pdf）")
    p.add_argument("--fonts", choices=["gb2312", "standard"], help="字体方案（默认使用设置）")
    p.add_argument(
        "--edition",
        choices=["submit", "plain", "public"],
        default="plain",
        help="文稿版本：submit 报送版（版头、版记），plain 普通版（默认），public 公开版（去掉发文字号、版记和不公开部分）",
    )
    p.add_argument(
        "--engine",
        choices=["auto", "rdocx", "libreoffice"],
        default="auto",
        help="PDF 排版引擎：auto 有 LibreOffice 时用 LibreOffice，否则用内置引擎（默认）；rdocx 内置引擎；libreoffice",
    )
    _add_db(p)

    p = sub.add_parser("fonts", help="公文字体在本机是否安装，缺少的以哪种字体代替（预览和 PDF 用）")
    p.add_argument("--fonts", choices=["gb2312", "standard"], help="字体方案（默认使用设置）")
    p.add_argument("--folder", metavar="DIR", help="查看这个文件夹中的字体文件，而不是本机已安装的字体")
    _add_db(p)

    p = sub.add_parser("new", help="新建报告，最后一行输出报告编号")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--sample", action="store_true", help="从内置示例新建")
    g.add_argument("--template", metavar="NAME", help="从模板新建（standard、sample）")
    g.add_argument("--from-report", type=int, metavar="ID", help="从上一年度的报告新建")
    p.add_argument("--year", type=int, help="报告年度")
    p.add_argument("--org", default="", help="发文机关，例如：××镇人民政府")
    _add_db(p)

    p = sub.add_parser("list", help="列出报告")
    p.add_argument("--trash", action="store_true", help="列出回收站中的报告")
    _add_db(p)

    p = sub.add_parser("export", help="导出为 JSON 交换文件")
    p.add_argument("report_id", type=int)
    p.add_argument("-o", "--output", required=True, metavar="OUT.json")
    _add_db(p)

    p = sub.add_parser("import", help="导入报告文件（.json、.docx、.txt），最后一行输出新报告编号")
    p.add_argument("file", metavar="FILE")
    _add_db(p)

    p = sub.add_parser("templates", help="列出可用模板")

    p = sub.add_parser("check", help="校对报告（给出报告编号），或检查数据库完整性（不给编号）")
    p.add_argument("report_id", nargs="?", type=int, help="报告编号（见 hxdesk list）；有错误时退出状态为 1")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出校对结果")
    _add_db(p)

    p = sub.add_parser("backup", help="立即备份数据库（保存在数据库旁的 backups 文件夹中）")
    p.add_argument("--list", action="store_true", help="只列出已有的备份")
    _add_db(p)

    p = sub.add_parser("stats", help="把所有报告的数据导出为统计表（.xlsx 或 .csv）")
    p.add_argument("--org", metavar="NAME", help="只导出发文机关名称包含 NAME 的报告")
    p.add_argument("--year", type=int, metavar="Y", help="只导出 Y 年度的报告")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx|FILE.csv", help="输出文件")
    _add_db(p)

    p = sub.add_parser("restore", help="用备份恢复数据库（原文件会被移到一旁保留，不会删除）")
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="备份文件（默认：最新的完好备份）")
    _add_db(p)
    return parser


def _db_arg(args: argparse.Namespace) -> str | None:
    """The database the command opens; the command names itself to the writer lock on the way."""
    from . import services

    services.name_this_command(args.command)
    return getattr(args, "db", None) or getattr(args, "global_db", None)


def cmd_render(args: argparse.Namespace) -> int:
    from . import services
    from .render.profile import FONT_PRESETS

    if args.sample == (args.report_id is not None):
        raise HxError("请指定报告编号，或使用 --sample 生成内置示例（二者选一）。")
    if args.sample:
        report = services.sample_report()
        fonts = FONT_PRESETS[args.fonts] if args.fonts else None
    else:
        with services.open_workspace(_db_arg(args), write=False) as workspace:
            report = workspace.reports.load(args.report_id)
            fonts = FONT_PRESETS[args.fonts] if args.fonts else workspace.settings.fonts()
    if not args.output.lower().endswith((".docx", ".pdf")):
        raise HxError("输出文件应以 .docx 或 .pdf 结尾。")
    if args.output.lower().endswith(".pdf"):
        from .services.pages import PDF_ENGINES, export_pdf

        path, engine, substitutions = export_pdf(report, args.output, fonts, edition=args.edition, engine=args.engine)
        print(f"排版引擎：{PDF_ENGINES[engine]}", file=sys.stderr)
        for substitution in substitutions:
            print(f"提示：{substitution.describe()}。", file=sys.stderr)
    else:
        path = services.render_to_file(report, args.output, fonts, edition=args.edition)
    if args.report_id is not None:  # the built-in sample has nothing for the user to fix
        _say_what_is_open(services.readiness(report, args.edition), args.report_id)
    print(path)
    return 0


def _say_what_is_open(ready: Readiness, report_id: int) -> None:
    """What 生成报告 would say before generating: the checks' errors, and the counts."""
    for f in ready.findings:
        if f.severity == "error":
            print(f"提示：{f.where}　{f.message}", file=sys.stderr)
    if ready.errors or ready.placeholders_left:  # suggestions alone are for `hxdesk check`
        print(f"提示：{'，'.join(ready.open_items())}尚待处理（hxdesk check {report_id} 查看全部）。", file=sys.stderr)


def cmd_fonts(args: argparse.Namespace) -> int:
    from . import services
    from .render.profile import FONT_PRESETS

    if args.fonts:
        profile = FONT_PRESETS[args.fonts]
    else:
        with services.open_workspace(_db_arg(args), write=False) as workspace:
            profile = workspace.settings.fonts()
    from .services.pages import font_stand_ins

    for wanted, used in font_stand_ins(profile, args.folder):
        if used == wanted:
            print(f"{wanted}：已安装")
        elif used is None:
            print(f"{wanted}：未安装，也没有可代替的字体")
        else:
            print(f"{wanted}：未安装，以 {used} 代替")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from . import services

    with services.open_workspace(_db_arg(args)) as workspace:
        if args.from_report is not None:
            report_id = workspace.reports.next_year(args.from_report)
        else:
            report_id = workspace.reports.add(_new_report(args))
        summary = workspace.reports.summary(report_id)
    print(f"已新建报告：{summary.year}年度 {summary.display_name}")
    print(report_id)
    return 0


def _new_report(args: argparse.Namespace) -> Report:
    from . import services

    if args.sample:  # the 2024 sample, unless another year is asked for
        year = 2024 if args.year is None else args.year
        return services.new_from_template(services.SAMPLE_TEMPLATE, year, args.org)
    if args.year is None:
        raise HxError("请用 --year 指定报告年度，例如 --year 2025。")
    return services.new_from_template(args.template, args.year, args.org)


def cmd_list(args: argparse.Namespace) -> int:
    from . import services

    with services.open_workspace(_db_arg(args), write=False) as workspace:
        rows = workspace.reports.summaries(trash=args.trash)
    if not rows:
        print("（回收站为空）" if args.trash else "（还没有报告）")
    for r in rows:
        print(f"{r.id}\t{r.year}\t{r.display_name}\t{r.updated_at}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from . import services

    with services.open_workspace(_db_arg(args), write=False) as workspace:
        report = workspace.reports.load(args.report_id)
    print(services.export_json(report, args.output))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from . import services

    # Read the whole file before the database is opened: a bad file changes nothing.
    report, notes = services.read_import(Path(args.file))
    for note in notes:
        print(f"提示：{note.sentence}", file=sys.stderr)
    with services.open_workspace(_db_arg(args)) as workspace:
        report_id = workspace.reports.add_imported(report, notes)
        summary = workspace.reports.summary(report_id)
    print(f"已导入：{summary.year}年度 {summary.display_name}")
    print(report_id)
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    from . import services

    for t in services.list_templates():
        print(f"{t.name}\t{t.label}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from . import services

    if args.report_id is not None:
        return _check_report(args)
    if args.json:
        raise HxError("--json 用于校对报告，请同时给出报告编号，例如 hxdesk check 1 --json。")
    with services.open_workspace(_db_arg(args), write=False) as workspace:
        result = workspace.integrity_check()
        count = len(workspace.reports.summaries())
        print(f"完整性检查：{result}；数据结构版本：{workspace.schema_version()}；报告数：{count}")
    return 0 if result == "ok" else EXIT_ERROR


def _check_report(args: argparse.Namespace) -> int:
    """校对: the findings in document order; exit status 1 when there is an error."""
    import json

    from . import services

    with services.open_workspace(_db_arg(args), write=False) as workspace:
        report = workspace.reports.load(args.report_id)
    findings = services.check_report(report)
    errors = sum(1 for f in findings if f.severity == "error")
    if args.json:
        rows = [
            {
                "rule": f.rule,
                "severity": f.severity,
                "where": f.where,
                "excerpt": f.excerpt,
                "message": f.message,
                "suggestion": f.suggestion,
            }
            for f in findings
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            excerpt = " ".join(f.excerpt.split()) or "—"
            hint = f"（建议：{f.suggestion}）" if f.suggestion else ""
            print(f"{f.severity_label}\t{f.where}\t{excerpt}\t{f.message}{hint}")
        summary = f"错误 {errors} 处，提示 {len(findings) - errors} 处。" if findings else "没有发现问题。"
        print(f"校对结果：{summary}", file=sys.stderr)
    return EXIT_ERROR if errors else 0


def cmd_backup(args: argparse.Namespace) -> int:
    from . import services

    if args.list:
        rows = services.list_backups(_db_arg(args))
        if not rows:
            print("（还没有备份）")
        for b in rows:
            print(f"{b.path}\t{b.label}")
        return 0
    info = services.make_backup(_db_arg(args))
    print(f"已备份：{info.label}")
    print(info.path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from . import services

    db = _db_arg(args)
    aside = services.restore_backup(args.backup, db)
    if aside is not None:
        print(f"原数据库已移到：{aside}")
    print(f"已从备份恢复：{services.db_file(db)}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from . import services

    if Path(args.output).suffix.lower() not in (".xlsx", ".csv"):
        raise HxError("统计表应保存为 .xlsx 或 .csv 文件，例如 -o 统计.xlsx。")
    unreadable: list[str] = []
    with services.open_workspace(_db_arg(args), write=False) as workspace:
        path, count = workspace.statistics.export(args.output, org=args.org, year=args.year, unreadable=unreadable)
    for line in unreadable:
        print(f"提示：{line}", file=sys.stderr)
    if count == 0:
        print("提示：没有符合条件的数据。", file=sys.stderr)
    print(f"已导出 {count} 条数据")
    print(path)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "render": cmd_render,
    "fonts": cmd_fonts,
    "new": cmd_new,
    "list": cmd_list,
    "export": cmd_export,
    "import": cmd_import,
    "templates": cmd_templates,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "stats": cmd_stats,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--page-worker"]:  # the preview's layout process (hxdesk/render/pages.py), not for users
        from .render.pages import serve

        return serve(sys.stdin.buffer, sys.stdout.buffer)
    if not argv:  # started without arguments (a double-click): the window, without building the parser (~10 ms)
        from .gui.app import run_gui

        # (mypy skips hxdesk.gui, so run_gui is untyped here; it returns the exit code.)
        rc: int = run_gui()
        return rc
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from . import __version__

        print(__version__)
        return 0
    if args.command is None:
        from .gui.app import run_gui  # Qt is imported only here

        rc = run_gui(db_path=args.global_db, screenshot=args.screenshot)
        return rc
    try:
        rc = COMMANDS[args.command](args)
        sys.stdout.flush()  # here, where a closed pipe can still be answered
        return rc
    except BrokenPipeError as exc:
        return _end_quietly() if _stdout_gone() else _unexpected(exc)
    except HxError as exc:
        if exc.detail:
            from .logutil import log_detail

            log_detail(exc.message, exc.detail)
        print(f"hxdesk：{_cli_message(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("hxdesk：已取消。", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        message = _os_error_message(exc)
        if message is None:
            return _unexpected(exc)
        print(f"hxdesk：{message}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # never a traceback for a user; the log keeps it
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    from .logutil import log_exception

    where = log_exception(exc)
    print(f"hxdesk：发生意外错误：{exc}（详细信息已记录在 {where}）", file=sys.stderr)
    return EXIT_ERROR


#: What a shell reports for a process ended by SIGPIPE (128 + 13), as `yes | head -1` leaves it.
EXIT_PIPE_CLOSED = 141


def _stdout_gone() -> bool:
    """Whether the reader of stdout has gone (`hxdesk list | head -1`), not some other pipe."""
    try:
        import select

        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & select.POLLERR for _, events in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no poll (Windows) or no real stdout
        return True


def _end_quietly() -> int:
    """The reader has all it wanted: no message, and no complaint when Python flushes stdout at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_PIPE_CLOSED


def _cli_message(exc: HxError) -> str:
    """The error's line; a database refused for damage points to ``hxdesk restore`` when a good backup exists."""
    from .errors import DamagedDatabase

    if isinstance(exc, DamagedDatabase) and exc.backup is not None:
        return f"{exc.message}可以用最近一次完好的备份（{exc.backup.label}）恢复：hxdesk restore"
    return exc.message


def _os_error_message(exc: OSError) -> str | None:
    """A file-system failure no layer worded (a path given on the command line), in one line."""
    import errno

    if exc.errno == errno.ENAMETOOLONG:
        return "文件名或路径过长，请换一个短一些的名称。"
    name = f"“{exc.filename}”" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"磁盘空间不足，无法写入{name}。请清理磁盘后重试。"
    if exc.errno == errno.EROFS:
        return f"{name or '目标'}位于只读的位置，无法写入。"
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
