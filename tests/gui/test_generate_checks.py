"""生成报告 shows the 校对 findings with honest counts, and the done page says what is still open."""

from __future__ import annotations

import docx
import pytest
from checks.test_reports import river_town

from hxdesk import services
from hxdesk.gui.dialogs import GenerateDialog


@pytest.fixture
def workspace(app, store):
    return services.Workspace(store)


def items(gen) -> list[str]:
    return [gen.ui.problemsList.item(i).text() for i in range(gen.ui.problemsList.count())]


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_an_empty_standard_report_is_not_called_complete(qtbot, workspace, tmp_path):
    report = services.new_from_template("standard", 2025, "青山镇人民政府")  # 11 empty parts, no date
    gen = GenerateDialog(workspace, report)
    qtbot.addWidget(gen.dialog)
    label = gen.ui.problemsLabel.text()
    assert "✓" not in label and "没有发现问题" not in label
    assert "校对发现 1 处错误、11 处提示" in label
    listed = items(gen)
    assert len(listed) == 12 and not gen.ui.problemsList.isHidden()
    assert listed[0].startswith("提示　一、（一）　") and "没有正文内容" in listed[0]
    assert listed[-1].startswith("错误　落款　") and "成文日期" in listed[-1]
    assert gen.ui.problemsList.item(11).foreground().color().name() == "#b00020"
    assert "例如" in gen.ui.problemsList.item(11).toolTip()
    gen.generate(tmp_path / "empty.docx")
    hint = gen.ui.doneHint.text()
    assert "1 处错误、11 处提示" in hint and "【待填" not in hint


def test_next_years_report_counts_the_placeholders_left_in_the_document(qtbot, workspace, tmp_path):
    report = services.roll_over(services.sample_report())
    gen = GenerateDialog(workspace, report)
    qtbot.addWidget(gen.dialog)
    out = gen.generate(tmp_path / "next.docx")
    shown = docx_text(out).count("【待填：")
    assert shown == 28  # 27 emptied yearly figures and the rate computed from two of them
    assert f"（{shown} 处）" in gen.ui.problemsLabel.text()
    assert f"文档中还有 {shown} 处【待填：……】" in gen.ui.doneHint.text()
    errors = [t for t in items(gen) if t.startswith("错误")]
    assert len(errors) == 28  # 27 missing, the rate (the 普法 year moved by itself: no error)
    assert len([t for t in items(gen) if "沿用上年的数值" in t]) == 3  # the standing figures to confirm
    assert f"校对发现 {len(errors)} 处错误" in gen.ui.problemsLabel.text()


def test_a_report_without_findings_says_so(qtbot, workspace, tmp_path):
    gen = GenerateDialog(workspace, river_town(seeded=False))
    qtbot.addWidget(gen.dialog)
    assert gen.ui.problemsLabel.text() == "✓ 校对没有发现问题。"
    assert gen.ui.problemsList.isHidden()
    gen.generate(tmp_path / "ok.docx")
    assert gen.ui.doneHint.text() == "可以用 Word 或 WPS 打开查看、打印。"


def test_the_dialog_lists_what_hxdesk_check_lists(qtbot, workspace):
    report = river_town(seeded=True)
    gen = GenerateDialog(workspace, report)
    qtbot.addWidget(gen.dialog)
    expected = [f"{f.severity_label}　{f.where}　{f.message}" for f in services.check_report(report)]
    assert items(gen) == expected and len(expected) == 29  # one seed per rule
