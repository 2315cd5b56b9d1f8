"""Between the model and the rows: each table's columns named once, and the conversions both ways.

Rows come as ``sqlite3.Row`` (the store's connection sets it), read by column name.  A report read
from its rows goes through the interchange reader (``report_body_from_dict``), the one validator of
every input: a database is a file too, and another program may have written it.  No Qt here.
"""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .. import history
from ..history import FigureValue, SectionVersion
from ..interchange import block_to_dict, official_to_dict, report_body_from_dict
from ..model import Figure, Report, Section

Row = sqlite3.Row

#: The columns of a report's own fields that a save writes (besides updated_at).
REPORT_FIELDS = (
    "name",
    "template",
    "year",
    "title",
    "issuers",
    "addressee",
    "intro",
    "signatures",
    "date",
    "predecessor_uid",
    "official",
)
#: A figure row's columns after its key, as a save compares and writes them.
FIGURE_FIELDS = (
    "position",
    "label",
    "value",
    "unit",
    "qualifier",
    "formula",
    "decimals",
    "at_most",
    "kind",
    "review",
    "style",
)
#: What a section version records of a figure (history.FigureValue): a change of these is a change
#: of every section that uses the figure.
FIGURE_VALUE_FIELDS = ("label", "value", "unit", "qualifier", "formula")
#: A section row's content: what a version keeps and a save compares.
SECTION_CONTENT = ("heading", "run_in", "numbered", "blocks")
SECTION_COLUMNS = ("id", "uid", "parent_uid", "position", *SECTION_CONTENT, "updated_at", "public")
VERSION_COLUMNS = (
    "id",
    "report_id",
    "section_uid",
    "heading",
    "run_in",
    "numbered",
    "blocks",
    "parent_uid",
    "position",
    "sibling_index",
    "after_uid",
    "saved_at",
    "replaced_at",
    "deleted",
    "figures",
)

#: json.dumps(value, ensure_ascii=False) without making an encoder per call (a save makes one per section).
to_json = json.JSONEncoder(ensure_ascii=False).encode


def columns(names: tuple[str, ...]) -> str:
    return ", ".join(names)


def report_fields(report: Report) -> tuple[object, ...]:
    """The values of REPORT_FIELDS for ``report``."""
    return (
        report.name,
        report.template,
        report.year,
        report.title,
        to_json(report.issuers),
        report.addressee,
        to_json([block_to_dict(b) for b in report.intro]),
        to_json(report.signatures),
        report.date.isoformat() if report.date else None,
        report.predecessor_uid,
        None if report.official.is_empty() else to_json(official_to_dict(report.official)),
    )


def figure_fields(f: Figure, position: int) -> tuple[object, ...]:
    """The values of FIGURE_FIELDS for ``f``."""
    return (
        position,
        f.label,
        None if f.value is None else format(f.value, "f"),
        f.unit,
        f.qualifier,
        f.formula,
        f.decimals,
        f.at_most,
        f.kind,
        f.review,
        f.style,
    )


#: A stored figure row's FIGURE_FIELDS, and a section row's SECTION_CONTENT, as tuples (itemgetter: an
#: autosave compares every section of the report, and a getter per column would be its slowest part).
stored_figure_fields: Callable[[Row], tuple[object, ...]] = operator.itemgetter(*FIGURE_FIELDS)
stored_section_content: Callable[[Row], tuple[object, ...]] = operator.itemgetter(*SECTION_CONTENT)


def figure_values_of(rows: list[Row]) -> dict[str, Figure]:
    """The stored figures as a section version records them (FIGURE_VALUE_FIELDS)."""
    return {
        r["key"]: Figure(
            r["key"],
            r["label"],
            None if r["value"] is None else Decimal(r["value"]),
            r["unit"],
            r["qualifier"],
            r["formula"],
        )
        for r in rows
    }


def section_content(section: Section, blocks_json: str) -> tuple[object, ...]:
    """The values of SECTION_CONTENT for ``section`` whose blocks are ``blocks_json``."""
    return (section.heading, int(section.run_in), int(section.numbered), blocks_json)


def section_figures(row: Row, figures: dict[str, Figure]) -> list[FigureValue]:
    """The figures a stored section row uses, with the values in ``figures``."""
    heading, blocks = row["heading"], row["blocks"]
    if "{{" not in heading and "{{" not in blocks:
        return []
    section = Section(heading, history.blocks_from_stored(json.loads(blocks)))
    return history.section_figures(section, figures)


def version_of(row: Row) -> SectionVersion:
    return SectionVersion(
        id=row["id"],
        report_id=row["report_id"],
        section_uid=row["section_uid"],
        heading=row["heading"],
        run_in=bool(row["run_in"]),
        numbered=bool(row["numbered"]),
        blocks=history.blocks_from_stored(json.loads(row["blocks"])),
        parent_uid=row["parent_uid"],
        position=row["position"],
        sibling_index=row["sibling_index"],
        after_uid=row["after_uid"],
        saved_at=row["saved_at"],
        replaced_at=row["replaced_at"],
        deleted=bool(row["deleted"]),
        figures=history.figures_from_stored(row["figures"]),
    )


def report_of(report_row: Row, section_rows: list[Row], figure_rows: list[Row]) -> Report:
    """The report its rows hold, read (and validated) as the interchange format reads a file."""
    children: dict[str | None, list[dict[str, Any]]] = {}
    for r in section_rows:
        children.setdefault(r["parent_uid"], []).append(
            {
                "uid": r["uid"],
                "heading": r["heading"],
                "run_in": bool(r["run_in"]),
                "numbered": bool(r["numbered"]),
                "blocks": json.loads(r["blocks"]),
                "public": bool(r["public"]),
            }
        )

    def tree(parent: str | None) -> list[dict[str, Any]]:
        out = children.get(parent, [])
        for node in out:
            node["children"] = tree(node["uid"])
        return out

    body = {
        "uid": report_row["uid"],
        "predecessor_uid": report_row["predecessor_uid"],
        "name": report_row["name"],
        "template": report_row["template"],
        "year": report_row["year"],
        "title": report_row["title"],
        "issuers": json.loads(report_row["issuers"]),
        "addressee": report_row["addressee"],
        "intro": json.loads(report_row["intro"]),
        "signatures": json.loads(report_row["signatures"]),
        "date": report_row["date"],
        "sections": tree(None),
        "official": None if report_row["official"] is None else json.loads(report_row["official"]),
        "figures": [
            {"key": r["key"], **{name: r[name] for name in FIGURE_FIELDS if name != "position"}} for r in figure_rows
        ],
    }
    return report_body_from_dict(body, stored=True)
