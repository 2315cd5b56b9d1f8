"""A next-year report with a 同比 figure: the .docx, ``hxdesk check``, the generate dialog's count and
placeholders_left agree on its value (the checks once computed values without last year's)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from docx import Document
from support import run_cli

from hxdesk import services
from hxdesk.model import Figure, Paragraph

YOY = "(petitions_received - prev(petitions_received)) / prev(petitions_received) * 100"


def next_year_with_comparison(db) -> int:
    """The sample rolled over through the CLI; 受理来信来访 typed as 5 (last year 12) and a 同比 figure in the text."""
    run_cli("--db", str(db), "new", "--sample", check=True)
    new_id = int(run_cli("--db", str(db), "new", "--from-report", "1", check=True).stdout.split()[-1])
    with services.open_workspace(db) as ws:
        report = ws.reports.load(new_id)
        services.set_value(report, "petitions_received", Decimal(5))
        report.figures["petitions_yoy"] = Figure(
            "petitions_yoy", "受理来信来访同比", formula=YOY, style="yoy_percent", decimals=1
        )
        report.sections[0].blocks.append(Paragraph("全年受理来信来访{{petitions_received}}，{{petitions_yoy}}。"))
        ws.reports.save(new_id, report)
    return new_id


def test_the_document_the_checks_and_the_counts_agree_on_a_comparison(tmp_path):
    db = tmp_path / "h.db"
    new_id = next_year_with_comparison(db)

    out = tmp_path / "r.docx"
    run_cli("--db", str(db), "render", str(new_id), "-o", str(out), check=True)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    # 5 against last year's 12: down 58.3% (written by hand, not by the code under test).
    assert "全年受理来信来访5件，同比下降58.3%。" in text
    in_document = text.count("【待填：")

    findings = json.loads(run_cli("--db", str(db), "check", str(new_id), "--json").stdout)
    about_comparison = [f for f in findings if "同比" in f["message"] or "上年" in f["message"]]
    assert not [f for f in about_comparison if f["severity"] == "error"], about_comparison

    with services.open_workspace(db, write=False) as ws:
        report = ws.reports.load(new_id)
    assert services.placeholders_left(report) == in_document
    # The generate dialog counts the errors of check_report: none is about the comparison.
    errors = [f for f in services.check_report(report) if f.severity == "error"]
    assert not [f for f in errors if f.excerpt and "同比" in f.excerpt], errors


def test_render_and_the_generate_dialog_tell_the_same_open_items(tmp_path):
    """`hxdesk render` says what the dialog says: the checks' errors and the 【待填】 left, counted alike."""
    db = tmp_path / "h.db"
    new_id = next_year_with_comparison(db)
    out = tmp_path / "r.docx"
    proc = run_cli("--db", str(db), "render", str(new_id), "-o", str(out), check=True)
    in_document = "\n".join(p.text for p in Document(str(out)).paragraphs).count("【待填：")
    findings = json.loads(run_cli("--db", str(db), "check", str(new_id), "--json").stdout)
    errors = [f for f in findings if f["severity"] == "error"]
    assert in_document and errors
    summary = f"文档中还有 {in_document} 处【待填：……】，校对发现的 {len(errors)} 处错误、{len(findings) - len(errors)} 处提示"
    assert summary in proc.stderr
    for f in errors:  # each error named with its place, as the dialog lists it
        assert f"{f['where']}　{f['message']}" in proc.stderr


def test_the_values_of_a_report_state_are_computed_once_and_shared():
    """Every consumer of one state gets the same values object; a changed figure (or last year's
    value) makes new ones; 12 and 12.0 are not the same state (they are written differently)."""
    from hxdesk.figures import report_values
    from hxdesk.services import roll_over, sample_report

    report = roll_over(sample_report())
    services.set_value(report, "petitions_received", Decimal(5))
    first = report_values(report)
    assert report_values(report) is first
    with pytest.raises(TypeError):
        first[0]["petitions_received"] = Decimal(6)  # shared: read-only
    services.set_value(report, "petitions_received", Decimal("5.0"))
    assert report_values(report) is not first
    services.set_value(report, "petitions_received", Decimal(6))
    assert report_values(report)[0]["petitions_received"] == 6
    report.predecessor.values["petitions_received"] = Decimal(3)
    assert report_values(report)[0] is not first[0]
