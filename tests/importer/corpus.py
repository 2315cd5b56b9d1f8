"""A corpus of small reports of this project's own wording, generated into tmp: 1–3 title
lines, with and without an addressee, 3 and 4 heading levels, the five statutory parts,
one to three signatures (joint reports), as .txt or as a typed .docx.

Each report is a list of lines in the markup of :mod:`tests.importer.cases` (``=`` a title
line, ``>`` a closing line) and says what the importer must make of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TOWNS = ("青岚镇", "石门镇", "枫林乡", "白沙街道", "云溪镇", "梅岭乡", "竹溪镇", "桃源街道")
COUNTIES = ("梅岭县", "云溪县", "青山区", "望江县")
PARTS = (
    "主要举措和成效",
    "党政主要负责人履行推进法治建设第一责任人职责情况",
    "存在的不足和原因",
    "{next}年工作安排",
    "其他需要报告的事项",
)
SUBS = ("健全依法决策机制", "规范行政执法行为", "化解基层矛盾纠纷", "深化普法宣传教育")


@dataclass
class CorpusReport:
    name: str
    lines: list[str]
    form: str  # "txt", "typed" or "listed" (see tests/importer/cases.py)
    title_lines: int
    addressee: str = ""
    levels: int = 3
    signatures: list[str] = field(default_factory=list)

    @property
    def markup(self) -> str:
        return "\n".join(self.lines)

    @property
    def plain(self) -> list[str]:
        return [x[1:] if x[:1] in "=>" else x for x in self.lines]


def _title(i: int, town: str, county: str, year: int) -> list[str]:
    shape = i % 4
    if shape == 0:  # one line that fits
        return [f"={year}年度法治政府建设情况报告"]
    if shape == 1:  # one long line: issuer and title proper
        return [f"={county}{town}人民政府关于{year}年度法治政府建设情况的报告"]
    if shape == 2:  # two lines as the author set them
        return [f"={county}{town}人民政府", f"={year}年度法治政府建设情况报告"]
    return [f"=中共{county}{town}委员会", f"={county}{town}人民政府", f"=关于{year}年度法治政府建设情况的报告"]


def _section_body(i: int, k: int, levels: int, town: str) -> list[str]:
    n = 10 + i + k
    out = [f"（一）{SUBS[k % 4]}"]
    out.append(f"{town}全年开展普法宣传活动{n}次，发放宣传资料{n * 30}份，覆盖群众{n * 100}人次。")
    if levels == 4:
        out.append("1.完善工作制度")
        out.append("（1）修订议事规则")
        out.append(f"全年召开党委会议{n + 2}次，审议重大事项{n}项。")
        out.append("（2）落实合法性审查")
        out.append("重大行政决策全部经过合法性审查。")
        out.append("2.强化监督检查")
        out.append("一是开展专项检查；二是通报典型问题。")
    else:
        out.append("1.完善工作制度")
        out.append(f"共受理来信来访{n}件，办结{n}件，办结率100%。")
        out.append("2.强化监督检查")
        out.append("每月开展1次集中学法，执法人员6人全部持证上岗。")
    out.append(f"（二）{SUBS[(k + 1) % 4]}")
    out.append(f"排查矛盾纠纷{n * 2}起，调解成功{n * 2}起，调解成功率100%。")
    return out


def corpus(count: int = 16) -> list[CorpusReport]:
    reports = []
    for i in range(count):
        town, county = TOWNS[i % len(TOWNS)], COUNTIES[i % len(COUNTIES)]
        year = 2021 + i % 4
        levels = 4 if (i // 2) % 2 == 0 else 3
        lines = _title(i, town, county, year)
        addressee = ""
        if i % 2:
            addressee = f"{county}委、{county}人民政府" if i % 4 == 1 else f"{county}委依法治县办"
            lines.append(f"{addressee}：")
        lines.append(f"{year}年，{town}坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：")
        parts = PARTS if i % 5 != 4 else PARTS[:3] + PARTS[3:4]
        for k, part in enumerate(parts):
            lines.append(f"{'一二三四五'[k]}、{part.format(next=year + 1)}")
            if k in (0, 3):
                lines.extend(_section_body(i, k, levels, town))
            else:
                lines.append(f"{town}党委、政府主要负责人认真履行职责，全年专题研究法治工作{4 + k}次。")
        signatures = [f"{county}{town}人民政府"]
        if i % 4 == 2:
            signatures = [f"中共{county}{town}委员会", f"{county}{town}人民政府"]
        if i % 7 == 6:
            signatures = [f"中共{county}{town}委员会", f"{county}{town}人民政府", f"{county}{town}人民代表大会主席团"]
        lines.extend(">" + s for s in signatures)
        lines.append(f">{year + 1}年1月{10 + i}日")
        reports.append(
            CorpusReport(
                name=f"r{i:02d}",
                lines=lines,
                form=("typed", "txt", "listed")[i % 3],
                title_lines=len(_title(i, town, county, year)),
                addressee=addressee,
                levels=levels,
                signatures=signatures,
            )
        )
    return reports
