"""校对 as a service: the word lists loaded (built-in and the user's), the check engine called."""

from __future__ import annotations

import datetime as _dt
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks import WARNING, Finding, WordRule, merge_words, parse_words
from ..checks import check_report as run_checks
from ..errors import HxError
from ..fsutil import read_input_file
from ..model import Report
from ..resources import resource_path
from .paths import data_dir

if TYPE_CHECKING:
    from .workspace import Settings

#: The user's own word list in the data folder (same format as resources/checks/words.json).
USER_WORDS_FILE = "check_words.json"
MAX_WORDS_BYTES = 1024 * 1024


@lru_cache(maxsize=1)
def builtin_words() -> tuple[WordRule, ...]:
    path = resource_path("checks") / "words.json"
    return tuple(parse_words(json.loads(path.read_text(encoding="utf-8")), "内置词表"))


def user_words_path() -> Path:
    return data_dir() / USER_WORDS_FILE


_user_cache: dict[tuple[str, int, int], tuple[WordRule, ...]] = {}


def user_words() -> tuple[WordRule, ...]:
    """The user's additions; none when the file does not exist.  Raises HxError for a bad file."""
    path = user_words_path()
    try:
        st = path.stat()
    except OSError:
        return ()
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key not in _user_cache:
        raw = read_input_file(path, MAX_WORDS_BYTES)
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HxError(f"不是有效的 JSON（{exc}）") from exc
        _user_cache.clear()
        _user_cache[key] = tuple(parse_words(data, "用户词表"))
    return _user_cache[key]


def check_words() -> tuple[tuple[WordRule, ...], str]:
    """(the word list to check with, a Chinese note when the user's file had to be ignored)."""
    try:
        extra = user_words()
    except HxError as exc:
        why = exc.message.rstrip("。")
        return builtin_words(), f"数据文件夹中的词表 {user_words_path()} 无法使用：{why}。已忽略，只用内置词表。"
    return merge_words(builtin_words(), extra), ""


def check_report(report: Report, *, today: _dt.date | None = None) -> list[Finding]:
    """Every finding of the report in document order (see hxdesk.checks)."""
    words, problem = check_words()
    findings = run_checks(report, today=today, words=words)
    if problem:
        findings.append(Finding("writing.words_file", WARNING, problem, "词表", None, "report", USER_WORDS_FILE))
    return findings


def placeholders_left(report: Report) -> int:
    """How many 【待填：…】 the rendered document shows (a figure used twice counts twice)."""
    from ..figures import compute_values, expand_text

    values, _ = compute_values(report.figures)
    return sum(expand_text(t, report, values).count("【待填：") for t in report.all_texts() if "{{" in t)


#: Settings key prefix: the findings a clerk dismissed for one report (by report uid).
DISMISSED_PREFIX = "dismissed_findings:"
MAX_DISMISSED = 500


def finding_key(finding: Finding) -> str:
    """What identifies a finding across edits elsewhere: its rule, place and the text it points at."""
    return "|".join(
        str(part)
        for part in (finding.rule, finding.section_uid or finding.where, finding.field, finding.item, finding.excerpt)
    )


def dismissed_findings(settings: Settings, report_uid: str) -> set[str]:
    value = settings.get(DISMISSED_PREFIX + report_uid, [])
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def dismiss_finding(settings: Settings, report_uid: str, finding: Finding) -> None:
    """Remember that ``finding`` is not to be shown again for this report."""
    keys = sorted(dismissed_findings(settings, report_uid) | {finding_key(finding)})
    settings.set(DISMISSED_PREFIX + report_uid, keys[-MAX_DISMISSED:])


def restore_dismissed(settings: Settings, report_uid: str) -> None:
    settings.set(DISMISSED_PREFIX + report_uid, [])


def open_findings(report: Report, settings: Settings) -> tuple[list[Finding], int]:
    """The findings still to look at, and how many were dismissed."""
    findings = check_report(report)
    dismissed = dismissed_findings(settings, report.uid)
    shown = [f for f in findings if finding_key(f) not in dismissed]
    return shown, len(findings) - len(shown)
