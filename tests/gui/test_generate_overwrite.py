"""生成报告 and 导出 ask before writing onto an existing file (替换 / 另存为… / 取消),
and the default file name carries the issuing body."""

from __future__ import annotations

import os
from pathlib import Path

import docx
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from hxdesk import interchange
from hxdesk.gui.dialogs import GenerateDialog

HAND_EDITED = b"edited in Word afterwards"
OLD = 1_600_000_000  # an mtime long ago (seconds)


def answer_modals(*steps) -> list[str]:
    """Answer the next modal windows in turn: a button text answers a QMessageBox,
    a Path answers a QFileDialog (that file is chosen).  Returns the questions asked.

    A message box without the expected button is answered yes (as a hurried user
    would) and counted as asked; polling stops after the steps or a few seconds,
    so a question never asked cannot click one of a later test."""
    asked: list[str] = []
    pending = list(steps)
    handled: list[object] = []
    tries = [0]

    def poll() -> None:
        tries[0] += 1
        if not pending or tries[0] > 250:
            return
        box = QApplication.activeModalWidget()
        step = pending[0]
        if isinstance(box, QMessageBox) and box not in handled:
            handled.append(box)
            asked.append(box.text())
            button = next((b for b in box.buttons() if isinstance(step, str) and b.text() == step), None)
            if button is None:
                button = box.button(QMessageBox.StandardButton.Yes) or box.defaultButton() or box.buttons()[0]
            else:
                pending.pop(0)
            button.click()
        elif isinstance(box, QFileDialog) and box not in handled:
            if isinstance(step, Path):
                # Typed as a user would: selectFile() of a file not yet there can be
                # undone by the start file once the dialog's model has read the folder.
                box.setDirectory(str(step.parent))
                box.findChild(QLineEdit, "fileNameEdit").setText(step.name)
                if [Path(f) for f in box.selectedFiles()] == [step]:
                    handled.append(box)
                    pending.pop(0)
                    box.accept()
            else:
                handled.append(box)
                box.reject()
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return asked


def existing_file(path: Path) -> tuple[bytes, int]:
    path.write_bytes(HAND_EDITED)
    os.utime(path, (OLD, OLD))
    return path.read_bytes(), path.stat().st_mtime_ns


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def open_generate(open_window, store):
    main = open_window(store)
    main.open_report(store.reports.summaries()[0].id)
    return main, GenerateDialog(main.workspace, main.report, main.window)


def test_default_file_name_has_the_issuing_body(open_window, sample_store):
    _, gen = open_generate(open_window, sample_store)
    assert Path(gen.ui.pathEdit.text()).name == "黔江区黄溪镇人民政府2024年度法治政府建设报告.docx"


def test_generate_onto_an_existing_file_asks_and_cancel_leaves_it(open_window, sample_store, tmp_path):
    _, gen = open_generate(open_window, sample_store)
    target = tmp_path / "报告.docx"
    content, mtime = existing_file(target)
    gen.ui.pathEdit.setText(str(target))
    asked = answer_modals("取消")
    gen.ui.generateButton.click()
    assert len(asked) == 1 and "报告.docx" in asked[0] and "已存在" in asked[0]
    assert target.read_bytes() == content and target.stat().st_mtime_ns == mtime  # byte for byte
    assert gen.written is None and gen.ui.stack.currentIndex() == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".docx") == ["报告.docx"]


def test_generate_replace_writes_the_report(open_window, sample_store, tmp_path):
    _, gen = open_generate(open_window, sample_store)
    target = tmp_path / "报告.docx"
    existing_file(target)
    gen.ui.pathEdit.setText(str(target))
    asked = answer_modals("替换")
    gen.ui.generateButton.click()
    assert len(asked) == 1
    assert gen.written == target and gen.ui.stack.currentIndex() == 1
    assert target.read_bytes() != HAND_EDITED and "枫桥经验" in docx_text(target)


def test_generate_save_as_writes_elsewhere(open_window, sample_store, tmp_path):
    _, gen = open_generate(open_window, sample_store)
    target = tmp_path / "报告.docx"
    content, mtime = existing_file(target)
    other = tmp_path / "报告（修改后）.docx"
    gen.ui.pathEdit.setText(str(target))
    asked = answer_modals("另存为…", other)
    gen.ui.generateButton.click()
    assert len(asked) == 1
    assert gen.written == other and "枫桥经验" in docx_text(other)
    assert gen.ui.pathEdit.text() == str(other)
    assert target.read_bytes() == content and target.stat().st_mtime_ns == mtime


def test_generate_to_a_new_file_does_not_ask(open_window, sample_store, tmp_path):
    _, gen = open_generate(open_window, sample_store)
    target = tmp_path / "新报告"  # .docx is added
    gen.ui.pathEdit.setText(str(target))
    gen.ui.generateButton.click()
    assert gen.written == tmp_path / "新报告.docx" and gen.ui.stack.currentIndex() == 1


def test_export_json_onto_an_existing_file_asks(open_window, sample_store, tmp_path):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    target = tmp_path / "交换.json"
    content, mtime = existing_file(target)

    asked = answer_modals(target, "取消")
    main.export_json()
    assert len(asked) == 1 and "交换.json" in asked[0]
    assert target.read_bytes() == content and target.stat().st_mtime_ns == mtime

    asked = answer_modals(target, "替换")
    main.export_json()
    assert len(asked) == 1
    assert interchange.read_file(target).issuers == ["黔江区黄溪镇人民政府"]
