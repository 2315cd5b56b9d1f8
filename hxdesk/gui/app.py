# ruff: noqa: I001  (pure modules are imported before PySide6 on purpose, see below)
"""GUI entry point: the Qt application (Chinese dialogs, CJK font, error
handling) and the main window; screenshots, benchmark marks and the test
hook are in devtools, loaded only when asked for."""

from __future__ import annotations

import os
import sys

# Only what paints the window is imported here; the report model, services,
# the store and the dialogs load after the window is painted (run_gui).
from .. import errors  # noqa: F401,I001
from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

#: Preferred UI fonts, first installed wins.
UI_FONTS_WINDOWS = ["Microsoft YaHei UI", "Microsoft YaHei", "SimSun"]
UI_FONTS_OTHER = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
]

_translators: list[QTranslator] = []


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Chinese standard dialogs and an explicit CJK font."""
    # High-DPI: Qt 6 scales by the exact factor of the screen (rounding policy
    # PassThrough) by default, so a 125 % or 150 % Windows display is sharp.
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("hxdesk")
    app.setApplicationDisplayName("hxdesk")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_translations(app)
    app.setFont(ui_font())
    return app  # type: ignore[return-value]


#: What Qt's own zh_CN catalogue leaves in English (or words oddly) in the file dialog that
#: Linux shows (Windows shows its native, already Chinese, dialog): (context, source) -> text.
QT_MISSING_ZH = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    ("QFileSystemModel", "%1 File"): "%1 文件",
    ("QFileSystemModel", "Size"): "大小",
    ("QFileSystemModel", "%1 bytes"): "%1 字节",
}


class _MissingChinese(QTranslator):
    """Installed after qtbase_zh_CN, so asked first."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None is a null QString: Qt asks the next translator; "" would be taken as the answer
        return QT_MISSING_ZH.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def install_translations(app: QApplication) -> bool:
    """Qt's own buttons and dialogs (确定/取消, file dialogs) in Chinese."""
    if _translators:
        return True
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", folder):
        app.installTranslator(translator)
        _translators.append(translator)
        missing = _MissingChinese(app)
        app.installTranslator(missing)
        _translators.append(missing)
        return True
    return False


def ui_font() -> QFont:
    """The UI font: the preferred CJK families in order, then the system default.

    Qt's font matching takes the first installed family of the list, so the
    font database need not be listed first (QFontDatabase.families() reads
    every family on the system before the window is painted).
    """
    wanted = UI_FONTS_WINDOWS if sys.platform == "win32" else UI_FONTS_OTHER
    font = QFont(QApplication.font())
    font.setFamilies([*wanted, *font.families()])
    font.setPointSizeF(10 if sys.platform == "win32" else 10.5)
    return font


def install_excepthook(window_getter=lambda: None) -> None:
    """Unexpected errors become a Chinese message box; the traceback goes to the log."""
    from ..errors import HxError

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            return
        # logging loads only when first needed (not before the window is painted)
        from ..logutil import log_detail, log_exception

        window = window_getter()
        if isinstance(exc, HxError):
            if exc.detail:
                log_detail(exc.message, exc.detail)
            text = exc.message
        else:
            exc.__traceback__ = tb
            where = log_exception(exc)
            text = f"发生了意外错误：{exc}\n\n详细信息已记录在：{where}\n已输入的内容会自动保存，可以继续使用。"
        if window is not None:
            try:
                window.save_now()
            except Exception:  # noqa: BLE001 - saving is best effort here
                pass
        if os.environ.get("HXDESK_NO_ERROR_DIALOG"):  # tests and screenshots: log only
            sys.stderr.write(f"hxdesk: {text}\n")
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(window.window if window is not None else None, "hxdesk 出错", text)

    sys.excepthook = hook


WINDOW_SIZE = (1280, 800)


def window_size(available_width: int, available_height: int) -> tuple[int, int] | None:
    """The window's first size on a screen with this much room (logical pixels); None: maximised.

    1366×768 laptops are common in town offices, and 150 % scaling makes a
    1600×1000 screen 1066×666: there the window fills the screen.
    """
    margin_w, margin_h = 20, 40  # window frame and title bar
    if available_width < WINDOW_SIZE[0] + margin_w or available_height < WINDOW_SIZE[1] + margin_h:
        return None
    return WINDOW_SIZE


def _fail_start(title: str, message: str, quiet: bool) -> None:
    if quiet or os.environ.get("HXDESK_NO_ERROR_DIALOG"):
        sys.stderr.write(f"hxdesk：{message}\n")
    else:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, title, message)


def _ask(title: str, question: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(None, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def open_data(db_path: str | None, quiet: bool = False, checked: bool = True):
    """The workspace with the sample on first start, or None after a Chinese message.

    ``checked``: the GUI start-up of the reliability layer (writer lock, file
    check, start-up backup); a damaged file is never replaced silently — the
    user is offered the newest good backup, and the damaged file is kept.
    """
    from .. import services
    from ..errors import DamagedDatabase, HxError

    def log_detail(message: str, detail: str) -> None:  # logging loads only on a failure
        from ..logutil import log_detail as log

        log(message, detail)

    def log_exception(exc: BaseException):
        from ..logutil import log_exception as log

        return log(exc)

    try:
        try:
            workspace = (
                services.open_for_editing(db_path, defer_backup=True) if checked else services.open_workspace(db_path)
            )
        except DamagedDatabase as exc:
            if exc.detail:
                log_detail(exc.message, exc.detail)
            if exc.backup is None or quiet:
                _fail_start(exc.title, exc.message + ("" if exc.backup else "\n\n没有可用的备份。"), quiet)
                return None
            kept = "这个文件" if exc.reason in ("empty", "foreign") else "损坏的文件"
            if not _ask(
                exc.title,
                f"{exc.message}\n\n是否恢复到最近一次完好的备份：{exc.backup.label}？\n{kept}会另外保留，不会删除。",
            ):
                return None
            services.restore_backup(exc.backup, db_path)
            workspace = services.open_for_editing(db_path, defer_backup=True)
        workspace.reports.ensure_sample()
        return workspace
    except HxError as exc:
        if exc.detail:
            log_detail(exc.message, exc.detail)
        _fail_start("无法打开数据库", exc.message, quiet)
    except Exception as exc:  # noqa: BLE001 - never a traceback
        where = log_exception(exc)
        _fail_start("无法启动", f"程序无法启动：{exc}\n\n详细信息已记录在：{where}", quiet)
    return None


def _startup_backup(main) -> None:
    """The start-up backup, made once the list is shown (it is off the path to the list)."""
    made = main.workspace.backups.make_startup_if_pending()
    if made is None and main.workspace.notices:
        main.status("；".join(main.workspace.notices))


def _peek_list(main, db_path: str | None) -> bool:
    """Paint the list at once from a read-only look at the file, disabled until the database is open
    (lock, file check, schema) a moment later; False when there is nothing to show that way (first
    start, an older or damaged file: opening it says all)."""
    from .. import services

    rows = services.peek_reports(db_path)
    if not rows:
        return False
    main.reports_page.fill(rows)
    main.ui.listHint.setText("正在打开数据……")
    return True


def _schedule_backups(main) -> None:
    """The start-up backup once the list is shown, then the daily one checked every hour."""
    QTimer.singleShot(0, lambda: _startup_backup(main))
    backup_timer = QTimer(main)
    backup_timer.setInterval(60 * 60 * 1000)
    backup_timer.timeout.connect(lambda: _daily_backup(main))
    backup_timer.start()


def _daily_backup(main) -> None:
    """The daily backup (made only when the newest is a day old)."""
    from ..errors import HxError

    try:
        made = main.workspace.backups.make_if_due()
    except HxError as exc:
        main.status(f"自动备份失败：{exc.message}")
        return
    if made is not None:
        main.status(f"已自动备份数据库：{made.label}")


def run_gui(db_path: str | None = None, screenshot: str | None = None) -> int:
    """Paint the window first, then open the database and fill in the list
    (the list is read with plain SQL; sqlite-utils and python-docx load when a
    report is first opened, saved or generated)."""
    from .main_window import MainWindow

    app = create_application()
    main = MainWindow()
    install_excepthook(lambda: main)
    bench = bool(os.environ.get("HXDESK_BENCH_EXIT"))  # bench/: print marks, quit once the list is filled
    test_hook = os.environ.get("HXDESK_TEST_HOOK")  # end-to-end tests: a script run with the window
    if screenshot or bench or test_hook:
        from . import devtools
    if screenshot:
        return devtools.run_screenshot(main, lambda: open_data(db_path, quiet=True, checked=False), screenshot)

    state: dict = {}

    def load() -> None:
        workspace = open_data(db_path)
        if workspace is None:
            app.exit(1)
            return
        state["workspace"] = workspace
        main.attach(workspace)
        if workspace.notices:
            main.status("；".join(workspace.notices))
        _schedule_backups(main)
        if bench:
            devtools.bench_mark("ready")
            app.quit()
            return
        if test_hook:
            devtools.run_test_hook(main, test_hook)

    def painted() -> None:
        if bench:
            devtools.bench_mark("painted")
        if _peek_list(main, db_path):
            QTimer.singleShot(0, lambda: (devtools.bench_mark("listed") if bench else None, load()))
        else:
            QTimer.singleShot(10, load)

    screen = app.primaryScreen().availableGeometry() if app.primaryScreen() else None
    size = window_size(screen.width(), screen.height()) if screen is not None else WINDOW_SIZE
    if size is None:
        if screen is not None:  # the size it keeps where nothing maximises it (no window manager)
            main.window.setGeometry(screen.adjusted(0, 0, -20, -40))
        main.window.showMaximized()
    else:
        main.window.resize(*size)
        main.show()
    QTimer.singleShot(0, painted)
    rc = app.exec()
    main.save_now()
    if "workspace" in state:
        main.workspace.close()
    return rc
