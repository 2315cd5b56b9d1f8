"""``hxdesk check`` as a real process on a real SQLite file."""

from __future__ import annotations

import json
import os

import pytest
from support import run_cli

KEYS = {"rule", "severity", "where", "excerpt", "message", "suggestion"}


def new(db_path, *args: str) -> str:
    return run_cli("new", *args, "--db", str(db_path), check=True).stdout.split()[-1]


def test_the_sample_has_warnings_only_and_exits_0(db_path):
    rid = new(db_path, "--sample")
    proc = run_cli("check", rid, "--db", str(db_path))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 5
    assert all(line.startswith("提示\t") for line in lines)
    severity, where, excerpt, message = lines[2].split("\t")
    assert (where, "群体性时间" in excerpt) == ("一、（四）", True)
    assert message.startswith("“群体性时间”应为“群体性事件”")
    assert "错误 0 处，提示 5 处" in proc.stderr


def test_next_years_report_has_errors_exits_1_and_json_lists_them_in_document_order(db_path):
    sample = new(db_path, "--sample")
    rid = new(db_path, "--from-report", sample)
    proc = run_cli("check", rid, "--json", "--db", str(db_path))
    assert proc.returncode == 1
    rows = json.loads(proc.stdout)
    assert all(set(row) == KEYS for row in rows)
    assert {row["severity"] for row in rows} == {"error", "warning"}
    missing = [row for row in rows if row["rule"] == "figures.missing"]
    assert len(missing) == 27  # the yearly figures; the three standing ones are carried over
    assert missing[0]["where"] == "一、（一）" and "接收上级规范性文件征求意见稿" in missing[0]["message"]
    assert len([row for row in rows if row["rule"] == "figures.unconfirmed"]) == 3
    assert not any(row["rule"] == "years.pufa" for row in rows)  # the 普法 year moved with the roll-over
    sections = [row["where"] for row in rows if row["where"].startswith("一、")]
    assert sections == sorted(sections, key=lambda w: "一二三四五六七".index(w[3]))
    plain = run_cli("check", rid, "--db", str(db_path))
    assert plain.returncode == 1
    assert len(plain.stdout.strip().splitlines()) == len(rows)


def test_a_new_standard_report_says_what_is_empty(db_path):
    rid = new(db_path, "--template", "standard", "--year", "2025", "--org", "青山镇人民政府")
    proc = run_cli("check", rid, "--json", "--db", str(db_path))
    rows = json.loads(proc.stdout)
    assert proc.returncode == 1  # no 成文日期
    assert [r["where"] for r in rows if r["rule"] == "structure.empty"] == [
        "一、（一）", "一、（二）", "一、（三）", "一、（四）", "一、（五）", "一、（六）", "一、（七）",
        "二、", "三、", "四、", "五、",
    ]  # fmt: skip
    assert [r["where"] for r in rows if r["severity"] == "error"] == ["落款"]


def test_without_a_report_id_it_is_the_integrity_check(db_path):
    new(db_path, "--sample")
    proc = run_cli("check", "--db", str(db_path), check=True)
    assert proc.stdout.startswith("完整性检查：ok")
    bad = run_cli("check", "--json", "--db", str(db_path))
    assert bad.returncode == 1 and "报告编号" in bad.stderr


def test_an_unknown_report_is_one_chinese_line(db_path):
    new(db_path, "--sample")
    proc = run_cli("check", "42", "--db", str(db_path))
    assert proc.returncode == 1
    assert "找不到编号为 42 的报告" in proc.stderr and "Traceback" not in proc.stderr


def test_the_users_word_list_extends_the_built_in_one(db_path, tmp_path):
    rid = new(db_path, "--sample")
    data = tmp_path / "userdata"
    data.mkdir()
    words = {"words": [{"wrong": "黄溪大地", "right": "黄溪镇", "note": "本镇的写法。"}]}
    (data / "check_words.json").write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    env = {"HXDESK_DATA_DIR": str(data)}
    rows = json.loads(run_cli("check", rid, "--json", "--db", str(db_path), env=env).stdout)
    assert [r["where"] for r in rows if r["message"].startswith("“黄溪大地”")] == ["开头段落"]
    assert any("群体性时间" in r["message"] for r in rows)  # the built-in list still applies


@pytest.mark.parametrize(
    "content",
    ['{"words": [', '{"words": [{"wrong": "甲"}]}', '{"words": [{"wrong": "甲", "right": "乙", "pattern": "("}]}'],
)
def test_a_broken_user_word_list_is_reported_and_ignored(db_path, tmp_path, content):
    rid = new(db_path, "--sample")
    data = tmp_path / "userdata"
    data.mkdir()
    (data / "check_words.json").write_text(content, encoding="utf-8")
    proc = run_cli("check", rid, "--json", "--db", str(db_path), env={"HXDESK_DATA_DIR": str(data)})
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows[-1]["where"] == "词表" and "check_words.json" in rows[-1]["message"]
    assert len(rows) == 6
    assert os.path.exists(data / "check_words.json")  # left as it was


def test_the_users_document_list_extends_the_built_in_one(db_path, tmp_path):
    rid = new(db_path, "--sample")
    data = tmp_path / "userdata"
    data.mkdir()
    before = json.loads(
        run_cli("check", rid, "--json", "--db", str(db_path), env={"HXDESK_DATA_DIR": str(data)}).stdout
    )
    assert not any(r["rule"] == "documents.title" for r in before)
    documents = {"documents": [{"title": "基层群众自治组织法", "note": "本测试自拟的名称。"}]}
    (data / "check_documents.json").write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    rows = json.loads(run_cli("check", rid, "--json", "--db", str(db_path), env={"HXDESK_DATA_DIR": str(data)}).stdout)
    found = [r for r in rows if r["rule"] == "documents.title"]
    assert [(r["severity"], r["suggestion"]) for r in found] == [("warning", "改为《基层群众自治组织法》")]
    assert "《基层群众自治法》" in found[0]["message"]


@pytest.mark.parametrize("content", ['{"documents": [', '{"documents": [{"note": "甲"}]}', '{"documents": "甲"}'])
def test_a_broken_user_document_list_is_reported_and_ignored(db_path, tmp_path, content):
    rid = new(db_path, "--sample")
    data = tmp_path / "userdata"
    data.mkdir()
    (data / "check_documents.json").write_text(content, encoding="utf-8")
    proc = run_cli("check", rid, "--json", "--db", str(db_path), env={"HXDESK_DATA_DIR": str(data)})
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows[-1]["where"] == "文件名称表" and "check_documents.json" in rows[-1]["message"]
    assert rows[-1]["rule"] == "documents.file"
    assert len(rows) == 6
    assert os.path.exists(data / "check_documents.json")
