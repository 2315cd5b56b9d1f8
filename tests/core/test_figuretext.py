"""Placeholders shown by label (【受理来信来访】) and stored by key ({{petitions_received}})."""

from __future__ import annotations

from hxdesk.figuretext import FigureText
from hxdesk.model import Figure, Report


def test_round_trip_over_the_whole_sample(sample):
    codec = FigureText(sample)
    shown = [codec.to_display(t) for t in sample.all_texts()]
    assert any("【受理来信来访】" in t for t in shown) and not any("{{petitions_received}}" in t for t in shown)
    assert any("【下一年份】" in t for t in shown)
    assert [codec.to_raw(t) for t in shown] == list(sample.all_texts())


def test_duplicate_labels_and_unknown_keys_stay_as_keys():
    report = Report(year=2024, figures={"a": Figure("a", "案件"), "b": Figure("b", "案件"), "c": Figure("c", "人员")})
    codec = FigureText(report)
    raw = "{{a}}与{{b}}，{{c}}，{{missing}}，【人员】，【其他】"
    shown = codec.to_display(raw)
    assert shown == "{{a}}与{{b}}，【人员】，{{missing}}，【人员】，【其他】"
    assert codec.to_raw(shown) == "{{a}}与{{b}}，{{c}}，{{missing}}，{{c}}，【其他】"
