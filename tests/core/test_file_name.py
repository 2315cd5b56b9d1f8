"""The default file name of a report: issuing body, year and title, valid on Windows."""

from __future__ import annotations

import re

from hxdesk.model import Report
from hxdesk.services import default_file_name

WINDOWS_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def test_issuer_year_and_title(sample):
    assert default_file_name(sample) == "黔江区黄溪镇人民政府2024年度法治政府建设报告.docx"
    sample.year = 2025
    sample.issuers = ["黄溪镇人民政府"]
    assert default_file_name(sample) == "黄溪镇人民政府2025年度法治政府建设报告.docx"


def test_two_towns_do_not_share_a_name():
    a = Report(year=2025, issuers=["黄溪镇人民政府"])
    b = Report(year=2025, issuers=["濯水镇人民政府"])
    assert default_file_name(a) != default_file_name(b)


def test_joint_issuers_use_the_first():
    report = Report(year=2025, issuers=["中共黄溪镇委员会", "黄溪镇人民政府"])
    assert default_file_name(report) == "中共黄溪镇委员会2025年度法治政府建设报告.docx"


def test_no_issuer_uses_the_report_name_or_only_the_title():
    report = Report(year=2025)
    assert default_file_name(report) == "2025年度法治政府建设报告.docx"
    report.name = "黄溪镇（草稿）"
    assert default_file_name(report) == "黄溪镇（草稿）2025年度法治政府建设报告.docx"
    report.issuers = ["  "]
    assert default_file_name(report) == "黄溪镇（草稿）2025年度法治政府建设报告.docx"


def test_issuer_already_in_the_title_is_not_repeated():
    report = Report(year=2025, issuers=["黄溪镇人民政府"], title="黄溪镇人民政府{{year}}年度法治政府建设情况报告")
    assert default_file_name(report) == "黄溪镇人民政府2025年度法治政府建设情况报告.docx"


def test_characters_windows_does_not_allow_are_removed():
    report = Report(
        year=2025,
        issuers=['黄溪镇/濯水镇:"联合"<办>|?*\\'],
        title="{{year}}年度\n法治政府建设报告\t（{{prev_year}}—{{next_year}}）{{petitions}}. ",
    )
    name = default_file_name(report)
    assert name == "黄溪镇濯水镇联合办2025年度法治政府建设报告（2024—2026）.docx"
    assert not WINDOWS_FORBIDDEN.search(name)


def test_nothing_usable_falls_back_to_the_year():
    report = Report(year=2025, issuers=["???"], title="<>")
    assert default_file_name(report) == "2025年度法治政府建设报告.docx"


def test_reserved_device_names_and_length():
    report = Report(year=2025, title="CON")
    assert default_file_name(report).lower() != "con.docx"
    long = Report(year=2025, issuers=["很长的机关名称" * 40])
    name = default_file_name(long)
    assert name.endswith("2025年度法治政府建设报告.docx") and len(name) <= 120
