"""The importer's notes are kept with the imported report as data (part, section uid, place, text),
each shown in the form of the part it belongs to; purging the report clears them."""

from __future__ import annotations

import sqlite3

from support import run_cli

from hxdesk import services
from hxdesk.checks import Finding
from hxdesk.model import NOTE_SECTION
from hxdesk.render import paragraph_texts

from .cases import cli_import, write_case

CASE = (
    "=梅岭县石门镇人民政府2024年度法治政府建设情况报告\n"
    "现将有关情况报告如下：\n"
    "一、主要工作\n"
    "（一）健全制度\n"
    "1、修订议事规则\n"
    "按期完成。\n"
    "（二)规范执法\n"
    "全年开展执法检查。\n"
    "二、存在的不足\n"
    "基层力量薄弱。\n"
    ">梅岭县石门镇人民政府\n>2025年1月12日"
)


def forms_of(report) -> list[tuple[str, ...]]:
    return [("title",), ("intro",), *((NOTE_SECTION, s.uid) for s, _ in report.walk())]


def test_each_note_is_kept_with_the_part_it_is_about(tmp_path):
    report, printed = cli_import(tmp_path, CASE, "txt")
    with services.open_workspace(tmp_path / "hx.db", write=False) as workspace:
        notes = workspace.annotations
        first, second = report.sections[0].children
        rule = first.children[0]
        kept = {
            "title": notes.import_notes(report, ("title",)),
            "rule": notes.import_notes(report, ("section", rule.uid)),
            "second": notes.import_notes(report, ("section", second.uid)),
            "two": notes.import_notes(report, ("section", report.sections[1].uid)),
        }
        every = [n for form in forms_of(report) for n in notes.import_notes(report, form)]
    assert rule.heading == "修订议事规则" and second.heading == "规范执法"
    assert any("编号“1、”改为“1.”" in n for n in kept["rule"])  # in the part it repaired
    assert any("编号“（二)”改为“（二）”" in n for n in kept["second"])
    assert any("已拆为发文机关" in n for n in kept["title"])  # the title split, on the title form
    assert kept["two"] == []  # a part nothing was changed in has none
    assert sorted(every) == sorted(printed) and printed  # every note the CLI printed is kept, once


def test_a_note_follows_its_section_by_uid_and_falls_back_to_the_title_form(tmp_path):
    report, _ = cli_import(tmp_path, CASE, "txt")
    db = tmp_path / "hx.db"
    with services.open_workspace(db) as workspace:
        report_id = workspace.reports.summaries()[0].id
        report = workspace.reports.load(report_id)
        first, second = report.sections[0].children
        # (二) moved before (一): its place reads 一、（一） now, its notes stay with it.
        report.sections[0].children = [second, first]
        workspace.reports.save(report_id, report)
        report = workspace.reports.load(report_id)
        assert any("（二)" in n for n in workspace.annotations.import_notes(report, ("section", second.uid)))
        assert not any("（二)" in n for n in workspace.annotations.import_notes(report, ("section", first.uid)))
        # The section deleted: its notes are shown on the title form, and reading them there drops them.
        report.sections[0].children = [first]
        workspace.reports.save(report_id, report)
        on_title = workspace.annotations.import_notes(report, ("title",))
        assert any("（二)" in n for n in on_title)
        workspace.annotations.dismiss_import_notes(report, ("title",))
        assert workspace.annotations.import_notes(report, ("title",)) == []
        assert any("1、" in n for n in workspace.annotations.import_notes(report, ("section", first.children[0].uid)))


def test_purging_a_report_clears_its_notes_and_dismissed_findings(tmp_path):
    report, _ = cli_import(tmp_path, CASE, "txt")
    db = tmp_path / "hx.db"
    with services.open_workspace(db) as workspace:
        report_id = workspace.reports.summaries()[0].id
        finding = Finding("writing.words", "warning", "易混词", "一、", report.sections[0].uid, 0, "……")
        workspace.annotations.dismiss_finding(report.uid, finding)
        assert workspace.annotations.dismissed_findings(report.uid) == {services.finding_key(finding)}
        workspace.reports.move_to_trash(report_id)
        workspace.reports.purge(report_id)
    conn = sqlite3.connect(db)
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("import_notes", "dismissed_findings")]
    left = conn.execute("SELECT count(*) FROM settings WHERE key LIKE '%:%'").fetchone()[0]
    conn.close()
    assert counts == [0, 0] and left == 0


def test_the_cli_and_the_gui_import_through_one_path(tmp_path):
    """Same name, same notes, same report: `hxdesk import` and the service the GUI's 导入 calls."""
    source = write_case(tmp_path, CASE, "txt", "石门镇")
    db = tmp_path / "hx.db"
    proc = run_cli("--db", str(db), "import", str(source), check=True)
    printed = [line.removeprefix("提示：") for line in proc.stderr.splitlines() if line.startswith("提示：")]
    with services.open_workspace(db) as workspace:
        gui_id, notes = workspace.reports.import_file(source)
        by_cli, by_gui = (workspace.reports.load(i) for i in (int(proc.stdout.split()[-1]), gui_id))
    assert [n.sentence for n in notes] == printed and printed
    assert by_cli.name == by_gui.name == "梅岭县石门镇人民政府（导入自 石门镇.txt）"
    assert paragraph_texts(by_cli) == paragraph_texts(by_gui)
    assert {k: (f.label, f.value) for k, f in by_cli.figures.items()} == {
        k: (f.label, f.value) for k, f in by_gui.figures.items()
    }
