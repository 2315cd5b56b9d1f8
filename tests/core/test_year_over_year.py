"""Year over year: reports linked to last year's, figure kinds and what roll-over flags, the
普法 wording moved by the year, imported reports finding last year's report."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from support import custom_report, run_cli

from hxdesk import services
from hxdesk.errors import InvalidInput
from hxdesk.figuretext import pufa_placeholders
from hxdesk.model import Figure, Paragraph, Report, Section, pufa_cycle
from hxdesk.render import paragraph_texts

#: The sample's figures that are facts of the town rather than of the year.
STANDING = {"enforcement_teams": Decimal(1), "enforcement_staff": Decimal(6), "certified_staff": Decimal(5)}
PUFA_2024 = "今年是“八五”普法的第四年，黄溪镇落实好“八五”普法工作计划"
PUFA_2025 = "今年是“八五”普法的第五年，黄溪镇落实好“八五”普法工作计划"
PUFA_2026 = "今年是“九五”普法的第一年，黄溪镇落实好“九五”普法工作计划"


def paragraphs_with(report: Report, needle: str) -> list[str]:
    return [t for t in paragraph_texts(report) if needle in t]


def test_the_sample_reads_as_written_and_has_sensible_kinds():
    sample = services.sample_report()
    assert len(paragraphs_with(sample, PUFA_2024)) == 1
    kinds = {k: f.kind for k, f in sample.figures.items()}
    assert {k for k, v in kinds.items() if v == "standing"} == set(STANDING)
    assert kinds["petitions_received"] == kinds["enforcement_cases"] == "yearly"
    assert all(f.review == "" for f in sample.figures.values())


def test_rolling_over_the_sample_flags_what_must_change():
    this = services.sample_report()
    nxt = services.roll_over(this)
    assert (nxt.year, nxt.predecessor_uid, nxt.date) == (2025, "sample-huangxi-2024", None)
    for key, value in STANDING.items():
        fig = nxt.figures[key]
        assert (fig.value, fig.review) == (value, "confirm"), key
    yearly = [f for f in nxt.figures.values() if f.kind == "yearly" and not f.derived]
    assert len(yearly) == len(this.figures) - len(STANDING) - 1  # one derived: 信访办结率
    assert all(f.value is None and f.review == "update" for f in yearly)
    rate = nxt.figures["petition_close_rate"]
    assert rate.formula == "petitions_closed / petitions_received * 100" and rate.review == ""
    # Last year's figures travel with the new report (the GUI shows them beside the inputs).
    assert nxt.predecessor is not None and nxt.predecessor.year == 2024
    assert nxt.predecessor.values["petitions_received"] == Decimal(12)
    assert nxt.predecessor.values["petition_close_rate"] == Decimal(100)
    # The text: years and the 普法 ordinal moved, nothing else.
    texts = paragraph_texts(nxt)
    assert texts[1] == "2025年度法治政府建设报告"
    assert len(paragraphs_with(nxt, PUFA_2025)) == 1 and not paragraphs_with(nxt, "第四年")
    after = services.roll_over(nxt)
    assert after.year == 2026 and after.predecessor_uid == nxt.uid
    assert len(paragraphs_with(after, PUFA_2026)) == 1 and not paragraphs_with(after, "八五")
    assert this.year == 2024 and this.figures["petitions_received"].value == 12  # untouched


def test_a_standing_figure_without_a_value_is_to_be_filled_not_confirmed():
    report = services.sample_report()
    report.figures["enforcement_teams"].value = None
    assert services.roll_over(report).figures["enforcement_teams"].review == "update"


def test_entering_a_value_clears_the_flag_and_confirming_clears_confirm():
    nxt = services.roll_over(services.sample_report())
    services.set_value(nxt, "petitions_received", Decimal(15))
    assert (nxt.figures["petitions_received"].value, nxt.figures["petitions_received"].review) == (15, "")
    services.set_value(nxt, "petitions_closed", None)  # emptied again: still to be filled
    assert nxt.figures["petitions_closed"].review == "update"
    services.confirm(nxt, "enforcement_teams")
    assert (nxt.figures["enforcement_teams"].value, nxt.figures["enforcement_teams"].review) == (1, "")
    services.set_value(nxt, "enforcement_staff", Decimal(7))  # changed: no confirmation needed
    assert nxt.figures["enforcement_staff"].review == ""
    services.confirm(nxt, "disputes_checked")  # confirming does not fill a yearly figure
    assert nxt.figures["disputes_checked"].review == "update"


def test_roll_over_turns_typed_pufa_words_into_the_moving_ones():
    report = custom_report()
    report.year = 2024
    report.sections[0].blocks.append(
        Paragraph("今年是“八五”普法的第四年，回顾“七五”普法成效，学习《“八五”普法规划》。")
    )
    nxt = services.roll_over(report)
    assert paragraphs_with(nxt, "今年是“八五”普法的第五年，回顾“七五”普法成效，学习《“八五”普法规划》。")
    assert paragraphs_with(services.roll_over(nxt), "今年是“九五”普法的第一年，回顾“七五”普法成效")


@pytest.mark.parametrize(
    "year, plan, ordinal",
    [
        (2016, "七五", "第一年"),
        (2020, "七五", "第五年"),
        (2021, "八五", "第一年"),
        (2024, "八五", "第四年"),
        (2025, "八五", "第五年"),
        (2026, "九五", "第一年"),
        (2030, "九五", "第五年"),
        (2031, "十五", "第一年"),
        (2036, "十一五", "第一年"),
        (1990, "一五", "第五年"),
    ],
)
def test_the_pufa_cycle(year, plan, ordinal):
    assert pufa_cycle(year) == (plan, ordinal)
    report = Report(year=year, sections=[Section("一", [Paragraph("“{{pufa_plan}}”普法的{{pufa_year}}")])])
    assert paragraph_texts(report)[-1] == f"“{plan}”普法的{ordinal}"


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("今年是“八五”普法的第四年", 2024, "今年是“{{pufa_plan}}”普法的{{pufa_year}}"),
        ('"八五"普法第二年', 2022, '"{{pufa_plan}}"普法{{pufa_year}}'),
        ("落实八五普法规划", 2023, "落实{{pufa_plan}}普法规划"),
        ("今年是“八五”普法的第三年", 2024, "今年是“八五”普法的第三年"),  # does not fit 2024: left as written
        ("总结“七五”普法", 2024, "总结“七五”普法"),
        ("《“八五”普法规划》", 2024, "《“八五”普法规划》"),
        ("“九五”普法的第一年", 2026, "“{{pufa_plan}}”普法的{{pufa_year}}"),
        ("十八五普法", 2021, "十八五普法"),
    ],
)
def test_pufa_words_that_fit_the_year_become_placeholders(text, year, expected):
    assert pufa_placeholders(text, year) == expected


def test_the_importer_recognises_the_pufa_phrase(tmp_path):
    path = tmp_path / "青山镇2024.txt"
    path.write_text(
        "青山镇人民政府\n2024年度法治政府建设报告\n一、主要成效\n今年是“八五”普法的第四年，全镇落实“八五”普法规划。\n",
        encoding="utf-8",
    )
    report, _ = services.read_import(path)
    assert report.year == 2024
    raw = [b.text for s, _ in report.walk() for b in s.blocks if isinstance(b, Paragraph)]
    assert "今年是“{{pufa_plan}}”普法的{{pufa_year}}，全镇落实“{{pufa_plan}}”普法规划。" in raw
    assert paragraphs_with(report, "今年是“八五”普法的第四年，全镇落实“八五”普法规划。")
    assert paragraphs_with(services.roll_over(report), "今年是“八五”普法的第五年，全镇落实“八五”普法规划。")


# ------------------------------------------------------------------ the link in the database


def town_report(town: str, year: int, received: int) -> Report:
    report = services.new_from_template("standard", year, f"{town}人民政府")
    report.figures["received"] = services.load_template("sample").figures["petitions_received"]
    report.figures["received"].key = "received"
    report.figures["received"].value = Decimal(received)
    return report


def test_next_year_in_the_database_links_and_loads_last_years_figures(db_path):
    with services.open_workspace(db_path) as ws:
        this = ws.reports.add(services.sample_report())
        nxt = ws.reports.next_year(this)
        loaded = ws.reports.load(nxt)
        assert loaded.predecessor_uid == "sample-huangxi-2024" and ws.reports.predecessor_id(nxt) == this
        assert loaded.predecessor is not None and loaded.predecessor.values["enforcement_cases"] == 806
        assert loaded.figures["enforcement_cases"].review == "update"
        ws.reports.move_to_trash(this)  # last year's report in the trash: no figures beside this year's
        assert ws.reports.load(nxt).predecessor is None and ws.reports.predecessor_id(nxt) is None


def test_cli_new_from_report_links_to_it(db_path):
    first = run_cli("--db", str(db_path), "new", "--sample", check=True).stdout.split()[-1]
    second = run_cli("--db", str(db_path), "new", "--from-report", first, check=True).stdout.split()[-1]
    exported = {}
    for rid in (first, second):
        out = db_path.parent / f"{rid}.json"
        run_cli("--db", str(db_path), "export", rid, "-o", str(out), check=True)
        exported[rid] = json.loads(out.read_text(encoding="utf-8"))["report"]
    data = exported[second]
    assert data["year"] == 2025 and data["predecessor_uid"] == exported[first]["uid"]
    figures = {f["key"]: f for f in data["figures"]}
    assert (figures["enforcement_staff"]["value"], figures["enforcement_staff"]["review"]) == ("6", "confirm")
    assert (figures["leaflets"]["value"], figures["leaflets"]["review"]) == (None, "update")


def test_imported_reports_find_last_years_report_of_their_town_in_any_order(db_path, tmp_path):
    files = {}
    for town, year in (("青山镇", 2024), ("青山镇", 2025), ("白云镇", 2024), ("青山镇", 2023)):
        path = tmp_path / f"{town}{year}.json"
        services.export_json(town_report(town, year, 10), path)
        files[town, year] = path
    with services.open_workspace(db_path) as ws:
        ids = {}
        for key in (("青山镇", 2025), ("白云镇", 2024), ("青山镇", 2024), ("青山镇", 2023)):
            ids[key], _ = ws.reports.import_file(files[key])
        assert ws.reports.predecessor_id(ids["青山镇", 2025]) == ids["青山镇", 2024]  # linked when 2024 came
        assert ws.reports.predecessor_id(ids["青山镇", 2024]) == ids["青山镇", 2023]
        assert ws.reports.predecessor_id(ids["青山镇", 2023]) is None
        assert ws.reports.predecessor_id(ids["白云镇", 2024]) is None  # another town's 2023 is not its own
        assert ws.reports.find_predecessor(ids["青山镇", 2025]) == ids["青山镇", 2024]


def test_the_link_can_be_set_and_cleared(db_path):
    with services.open_workspace(db_path) as ws:
        a = ws.reports.add(town_report("青山镇", 2023, 8))
        b = ws.reports.add(town_report("白云镇", 2024, 9))
        assert ws.reports.predecessor_id(b) is None
        ws.reports.set_predecessor(b, a)  # a link across bodies is the clerk's choice
        assert ws.reports.predecessor_id(b) == a
        assert ws.reports.load(b).predecessor.values["received"] == 8
        ws.reports.set_predecessor(b, None)
        assert ws.reports.predecessor_id(b) is None and ws.reports.load(b).predecessor_uid is None
        with pytest.raises(InvalidInput, match="早于2023年度"):
            ws.reports.set_predecessor(a, b)
        with pytest.raises(InvalidInput, match="自己"):
            ws.reports.set_predecessor(a, a)


def test_the_rolled_over_sample_as_a_document_reads_the_next_years_pufa_wording(tmp_path):
    """Read back from the .docx: 2025 says 第五年, 2026 “九五”普法的第一年; the headings carry the years."""
    import docx

    nxt = services.roll_over(services.sample_report())
    texts = {}
    for report in (nxt, services.roll_over(nxt)):
        out = services.render_to_file(report, tmp_path / f"{report.year}.docx")
        texts[report.year] = [p.text for p in docx.Document(str(out)).paragraphs]
    assert sum(PUFA_2025 in t for t in texts[2025]) == 1
    assert sum(PUFA_2026 in t for t in texts[2026]) == 1
    assert any(t.startswith("三、2026年工作措施") for t in texts[2025])
    assert any(t.startswith("三、2027年工作措施") for t in texts[2026])
    assert not any("八五" in t for t in texts[2026])


def test_imported_reports_match_last_years_figures_by_label(db_path, tmp_path):
    """The importer numbers figures f01, f02 … per document: last year's value is found by label."""
    texts = {
        2024: "一、主要成效\n共受理来信来访12件，排查矛盾纠纷180起。\n",
        2025: "一、主要成效\n排查矛盾纠纷150起，共受理来信来访15件。\n",
    }
    with services.open_workspace(db_path) as ws:
        ids = {}
        for year, body in texts.items():
            path = tmp_path / f"{year}.txt"
            path.write_text(f"青山镇人民政府\n{year}年度法治政府建设报告\n{body}", encoding="utf-8")
            ids[year], _ = ws.reports.import_file(path)
        report = ws.reports.load(ids[2025])
    keys = {f.label: k for k, f in report.figures.items()}
    assert keys == {"排查矛盾纠纷": "f01", "受理来信来访": "f02"}
    assert services.last_year_text(report, "f02") == "上年：12件，增加3件"
    assert services.last_year_text(report, "f01") == "上年：180起，减少30起"


def test_last_year_text_states():
    nxt = services.roll_over(services.sample_report())
    assert services.last_year_text(nxt, "petitions_received") == "上年：12件"
    assert services.last_year_text(nxt, "disclosure_standard") == "上年：95%以上"
    nxt.figures["new_one"] = Figure("new_one", "新增的数据", Decimal(3), "个")
    assert services.last_year_text(nxt, "new_one") == "上年：无此项"
    nxt.predecessor.values["leaflets"] = None
    assert services.last_year_text(nxt, "leaflets") == "上年：未填写"
    assert services.last_year_text(services.sample_report(), "leaflets") == ""  # no predecessor
