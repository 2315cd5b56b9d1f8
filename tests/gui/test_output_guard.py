"""生成报告 and 导出 refuse the database's own files and its backups folder, before asking
替换 (issue 26, item 1)."""

from __future__ import annotations

from hxdesk.gui.dialogs import GenerateDialog

from .test_generate_overwrite import answer_modals


def test_generate_refuses_a_link_to_the_database(open_window, sample_store, db_path, tmp_path):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    gen = GenerateDialog(main.workspace, main.report, main.window)
    target = tmp_path / "报告.docx"
    target.symlink_to(db_path)
    gen.ui.pathEdit.setText(str(target))
    asked = answer_modals("替换")
    gen.ui.generateButton.click()
    assert asked == []  # not asked whether to replace: refused outright
    assert "不能写到数据库文件本身" in gen.ui.errorLabel.text()
    assert gen.written is None and target.is_symlink() and target.resolve() == db_path.resolve()
    assert sample_store.integrity_check() == "ok" and sample_store.reports.summaries()


def test_export_refuses_the_backups_folder(open_window, sample_store, db_path):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    main.workspace.backups.make()
    folder = db_path.parent / "backups"
    before = sorted(p.name for p in folder.iterdir())
    asked = answer_modals(folder / "导出.json", "OK")
    main.export_json()
    assert len(asked) == 1 and "备份文件夹" in asked[0]
    assert sorted(p.name for p in folder.iterdir()) == before
