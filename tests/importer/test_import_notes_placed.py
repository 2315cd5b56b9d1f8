"""The importer's notes are kept with the imported report, each with the part it belongs to."""

from __future__ import annotations

from hxdesk import services

from .cases import cli_import

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


def test_each_note_is_kept_with_the_part_it_is_about(tmp_path):
    report, printed = cli_import(tmp_path, CASE, "txt")
    with services.open_workspace(tmp_path / "hx.db", write=False) as workspace:
        settings = workspace.settings
        first, second = report.sections[0].children
        rule = first.children[0]
        kept = {
            "title": services.import_notes(settings, report.uid, ("title",)),
            "rule": services.import_notes(settings, report.uid, ("section", rule.uid)),
            "second": services.import_notes(settings, report.uid, ("section", second.uid)),
            "two": services.import_notes(settings, report.uid, ("section", report.sections[1].uid)),
        }
        stored = [n["text"] for n in settings.get("import_notes:" + report.uid)]
    assert rule.heading == "修订议事规则" and second.heading == "规范执法"
    assert any("编号“1、”改为“1.”" in n for n in kept["rule"])  # in the part it repaired
    assert any("编号“（二)”改为“（二）”" in n for n in kept["second"])
    assert any("已拆为发文机关" in n for n in kept["title"])  # the title split, on the title form
    assert kept["two"] == []  # a part nothing was changed in has none
    assert sorted(stored) == sorted(printed) and printed  # every note the CLI printed is kept, once


def test_a_note_without_a_known_place_goes_to_the_title_form():
    report = services.sample_report()
    placed = services.note_targets(report, ["文件中的 2 张图片没有导入。", "九、标题：编号重复。"])
    assert [target for target, _ in placed] == [("title",), ("title",)]
    placed = services.note_targets(report, ["一、（四）第2段：半角标点已改为全角。", "正文开头第1段：已作为正文导入。"])
    four = report.sections[0].children[3]
    assert [target for target, _ in placed] == [("section", four.uid), ("intro",)]
