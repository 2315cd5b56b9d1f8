"""Which year a new report is for."""

from __future__ import annotations


def test_a_new_report_is_for_the_year_ending_in_december_and_the_year_ended_before_march():
    import datetime as dt

    from hxdesk.services import default_report_year

    assert default_report_year(dt.date(2026, 12, 2)) == 2026  # written in December: the year ending
    assert default_report_year(dt.date(2026, 12, 31)) == 2026
    assert default_report_year(dt.date(2027, 1, 5)) == 2026  # January–February: the year just ended
    assert default_report_year(dt.date(2027, 2, 28)) == 2026
    assert default_report_year(dt.date(2027, 3, 1)) == 2027  # after the due date: this year's report
    assert default_report_year(dt.date(2027, 6, 15)) == 2027
