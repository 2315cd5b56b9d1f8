"""The Designer files: the compiled modules are current, and both loading paths
(compiled and QUiLoader) give the same named widgets."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtWidgets import QWidget

from hxdesk.gui import uiload
from hxdesk.gui.build_ui import UI_FILES, module_name
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
        names = {w.objectName() for w in compiled.findChildren(QWidget) if w.objectName()
                 and not w.objectName().startswith("qt_")}
        other = {w.objectName() for w in loaded.findChildren(QWidget) if w.objectName()
                 and not w.objectName().startswith("qt_")}
        assert names == other and len(names) > 5
        assert type(compiled).__name__ == type(loaded).__name__
    finally:
        compiled.deleteLater()
        loaded.deleteLater()
