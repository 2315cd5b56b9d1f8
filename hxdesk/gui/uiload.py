"""Load the Designer files of ui/ (checkout, wheel and PyInstaller bundle alike).

The compiled form (hxdesk/gui/compiled, made by ``python -m hxdesk.gui.build_ui``)
is used when it matches the .ui file; otherwise the .ui is read with QUiLoader.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from ..errors import HxError
from ..resources import ui_path


def _sha256():
    # CPython's own SHA-256 (no OpenSSL: hashlib would load libcrypto before the
    # window is painted); hashlib where that module is not there.
    try:
        from _sha2 import sha256  # Python ≥ 3.12
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:
            from hashlib import sha256
    return sha256


def ui_digest(path: Path) -> str:
    return _sha256()(path.read_bytes()).hexdigest()


def _compiled(name: str):
    """(module, root widget class) of a compiled .ui, or None.  Static imports: PyInstaller sees them."""
    if name == "main_window.ui":
        from .compiled import ui_main_window as module

        return module, QMainWindow
    if name == "editor_page.ui":
        from .compiled import ui_editor_page as module

        return module, QWidget
    if name == "new_report_dialog.ui":
        from .compiled import ui_new_report_dialog as module
    elif name == "settings_dialog.ui":
        from .compiled import ui_settings_dialog as module
    elif name == "generate_dialog.ui":
        from .compiled import ui_generate_dialog as module
    elif name == "find_dialog.ui":
        from .compiled import ui_find_dialog as module
    else:
        return None
    return module, QDialog


def _ui_class(module):
    return next(getattr(module, n) for n in dir(module) if n.startswith("Ui_"))


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """The widget described by ``ui/<name>``; child widgets are found with findChild."""
    path = ui_path(name)
    try:
        compiled = _compiled(name)
    except ImportError:
        compiled = None
    if compiled is not None:
        module, root_class = compiled
        if not path.is_file() or module.UI_SHA256 == ui_digest(path):
            root = root_class(parent)
            holder = _ui_class(module)()
            holder.setupUi(root)
            root._ui_holder = holder  # keep the Python side alive with the widget
            return root
    return _load_with_quiloader(name, parent)


_loader = None


def _load_with_quiloader(name: str, parent: QWidget | None) -> QWidget:
    from PySide6.QtCore import QFile, QIODevice
    from PySide6.QtUiTools import QUiLoader

    global _loader
    if _loader is None:
        _loader = QUiLoader()
    path = ui_path(name)
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise HxError(f"程序文件缺失：{path.name}。请重新安装 hxdesk。")
    try:
        widget = _loader.load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise HxError(f"程序文件已损坏：{path.name}。请重新安装 hxdesk。", detail=_loader.errorString())
    return widget


class UiHolder:
    """Attribute access to the named children of a loaded .ui widget."""

    def __init__(self, root: QWidget):
        self._root = root

    def __getattr__(self, name: str):
        child = self._root.findChild(QWidget, name) if name != "root" else self._root
        if child is None:
            from PySide6.QtGui import QAction

            child = self._root.findChild(QAction, name)
        if child is None:
            from PySide6.QtWidgets import QLayout

            child = self._root.findChild(QLayout, name)
        if child is None:
            raise AttributeError(name)
        setattr(self, name, child)  # cache
        return child
