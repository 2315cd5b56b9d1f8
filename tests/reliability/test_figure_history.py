"""Section history keeps the figures a section uses, in a real SQLite file."""

from __future__ import annotations

from decimal import Decimal

from hxdesk.figures import section_figure_keys


def petitions_section(report):
    return next(s for s, _ in report.walk() if "枫桥经验" in s.heading)


def recorded(version) -> dict:
    assert version.figures is not None
    return {f.key: (f.value, f.unit, f.qualifier) for f in version.figures}


def test_section_figure_keys_lists_what_the_text_uses_and_what_feeds_it(sample):
    keys = section_figure_keys(petitions_section(sample), sample.figures)
    assert keys[:4] == ["petitions_received", "petitions_closed", "petition_close_rate", "disputes_checked"]
    assert "year" not in keys and "enforcement_staff" not in keys
    assert keys.count("petitions_received") == 1


def test_changing_a_figure_keeps_a_version_and_restoring_brings_the_value_back(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = petitions_section(report)
    text_before = (sec.heading, sec.blocks)
    clock.tick(120)
    report.figures["petitions_received"].value = Decimal(15)
    store.reports.save(rid, report)

    versions = store.versions.history(rid, sec.uid)
    assert len(versions) == 1
    old = versions[0]
    assert recorded(old)["petitions_received"] == (Decimal(12), "件", "")
    assert (old.heading, old.blocks) == text_before
    assert "受理来信来访：12件" in old.figure_lines()
    # a derived figure has no value of its own: not recorded
    assert "petition_close_rate" not in recorded(old)
    # sections that do not use the figure keep no version
    others = [s.uid for s, _ in report.walk() if s.uid != sec.uid]
    assert all(store.versions.history(rid, uid) == [] for uid in others)

    clock.tick(5)  # within the coalescing minute: a restore still keeps what it replaces
    store.reports.restore_version(rid, old.id)
    assert store.reports.load(rid).figures["petitions_received"].value == Decimal(12)
    newest = store.versions.history(rid, sec.uid)[0]
    assert recorded(newest)["petitions_received"][0] == Decimal(15)  # the restore can be undone
    store.reports.restore_version(rid, newest.id)
    assert store.reports.load(rid).figures["petitions_received"].value == Decimal(15)


def test_unit_and_qualifier_changes_keep_versions_too(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = petitions_section(report)
    clock.tick(120)
    report.figures["disputes_checked"].unit = "件"
    store.reports.save(rid, report)
    clock.tick(120)
    report.figures["disputes_checked"].qualifier = "余"
    store.reports.save(rid, report)
    versions = store.versions.history(rid, sec.uid)
    assert [recorded(v)["disputes_checked"] for v in versions] == [
        (Decimal(180), "件", ""),
        (Decimal(180), "起", ""),
    ]
    store.reports.restore_version(rid, versions[-1].id)
    fig = store.reports.load(rid).figures["disputes_checked"]
    assert (fig.value, fig.unit, fig.qualifier) == (Decimal(180), "起", "")


def test_figure_edits_within_a_minute_make_one_version(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = petitions_section(report)
    clock.tick(3600)
    for typed in ("1", "15", "150", "15"):  # autosave while typing
        report.figures["petitions_received"].value = Decimal(typed)
        clock.tick(1)
        store.reports.save(rid, report)
    versions = store.versions.history(rid, sec.uid)
    assert len(versions) == 1 and recorded(versions[0])["petitions_received"][0] == Decimal(12)


def test_a_text_change_records_the_figures_as_they_were(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = petitions_section(report)
    clock.tick(120)
    sec.heading += "（改）"
    store.reports.save(rid, report)
    assert recorded(store.versions.history(rid, sec.uid)[0])["petitions_closed"][0] == Decimal(12)


def test_restore_skips_figures_no_longer_in_the_report_and_derived_ones(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = petitions_section(report)
    clock.tick(120)
    report.figures["petitions_received"].value = Decimal(15)
    report.figures["disputes_checked"].value = Decimal(200)
    store.reports.save(rid, report)
    old = store.versions.history(rid, sec.uid)[0]
    clock.tick(120)
    del report.figures["disputes_checked"]
    report.figures["petitions_received"].formula = "petitions_closed + 1"  # now derived
    store.reports.save(rid, report)
    store.reports.restore_version(rid, old.id)
    after = store.reports.load(rid)
    assert "disputes_checked" not in after.figures
    assert after.figures["petitions_received"].formula == "petitions_closed + 1"


def test_a_deleted_section_keeps_its_figure_values(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = petitions_section(report)
    clock.tick(120)
    report.sections[0].children.remove(sec)
    store.reports.save(rid, report)
    (deleted,) = [d for d in store.versions.deleted(rid) if d.entry.section_uid == sec.uid]
    assert recorded(deleted.entry)["petitions_received"] == (Decimal(12), "件", "")
