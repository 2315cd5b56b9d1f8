"""The Designer files: the compiled modules are current, and both loading paths
(compiled and QUiLoader) give the same named widgets with the same enum
properties (the compiled modules write those by key name, see build_ui)."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from hxdesk.gui import uiload
from hxdesk.gui.build_ui import UI_FILES, module_name, property_writes_for_qt_enums
from hxdesk.gui.uiload import ui_digest
from hxdesk.resources import ui_path


@pytest.mark.parametrize("name", UI_FILES)
def test_compiled_module_matches_ui_file(name):
    module = importlib.import_module(f"hxdesk.gui.compiled.{module_name(name)}")
    assert module.UI_SHA256 == ui_digest(ui_path(name)), "run: python -m hxdesk.gui.build_ui"


@pytest.mark.parametrize("name", UI_FILES)
def test_compiled_and_quiloader_agree(app, name):
    compiled = uiload.load_ui(name)
    loaded = uiload._load_with_quiloader(name, None)
    try:
        assert hasattr(compiled, "_ui_holder")  # the fast path was taken
        names = {
            w.objectName()
            for w in compiled.findChildren(QWidget)
            if w.objectName() and not w.objectName().startswith("qt_")
        }
        other = {
            w.objectName()
            for w in loaded.findChildren(QWidget)
            if w.objectName() and not w.objectName().startswith("qt_")
        }
        assert names == other and len(names) > 5
        assert type(compiled).__name__ == type(loaded).__name__
        assert enum_properties(compiled) == enum_properties(loaded)
        shortcuts = [
            {a.objectName(): a.shortcut().toString() for a in w.findChildren(QAction)} for w in (compiled, loaded)
        ]
        assert shortcuts[0] == shortcuts[1]
        if isinstance(compiled, QMainWindow):
            areas = [[w.toolBarArea(bar) for bar in w.findChildren(QToolBar)] for w in (compiled, loaded)]
            assert areas[0] == areas[1] and areas[0]
    finally:
        compiled.deleteLater()
        loaded.deleteLater()


def enum_properties(root: QWidget) -> dict[tuple[str, str], int]:
    """Every enum and flag property of the root and its named children, as numbers."""
    values = {}
    for widget in [root, *root.findChildren(QWidget)]:
        name = widget.objectName()
        if widget is not root and (not name or name.startswith("qt_")):
            continue
        meta = widget.metaObject()
        for i in range(meta.propertyCount()):
            prop = meta.property(i)
            if prop.isEnumType():
                try:
                    value = prop.read(widget)
                except RuntimeError:  # an enum PySide has no Python type for (QMainWindow.tabShape)
                    continue
                values[(name, prop.name())] = getattr(value, "value", value)
    return values


def test_enum_property_writes():
    code = (
        "        self.bar.setToolButtonStyle(Qt.ToolButtonTextOnly)\n"
        "        self.label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)\n"
        "        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)\n"
        '        self.act.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+S", None))\n'
    )
    assert property_writes_for_qt_enums(code) == (
        '        self.bar.setProperty("toolButtonStyle", "ToolButtonTextOnly")\n'
        '        self.label.setProperty("alignment", "AlignLeading|AlignVCenter")\n'
        "        MainWindow.addToolBar(self.bar)\n"
        '        self.act.setProperty("shortcut", QCoreApplication.translate("MainWindow", u"Ctrl+S", None))\n'
    )
    with pytest.raises(SystemExit):  # a form it does not know is refused, not left in
        property_writes_for_qt_enums("        self.bar.setAllowedAreas(Qt.TopToolBarArea, 1)\n")


def test_the_ui_font_is_an_installed_chinese_font(app):
    """The preferred families are matched in order (the test machines have Noto Sans CJK)."""
    import sys

    from PySide6.QtGui import QFontDatabase, QFontInfo

    from hxdesk.gui.app import UI_FONTS_OTHER, UI_FONTS_WINDOWS, ui_font

    wanted = UI_FONTS_WINDOWS if sys.platform == "win32" else UI_FONTS_OTHER
    installed = [name for name in wanted if name in QFontDatabase.families()]
    assert installed, "no Chinese UI font installed (scripts/install_system_deps.sh installs Noto CJK)"
    assert QFontInfo(ui_font()).family() == installed[0]
    assert QFontInfo(app.font()).family() == installed[0]
