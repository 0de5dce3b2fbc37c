"""Posting screening: discriminatory requirements are found with a reason and a suggestion,
lawful ones are not, and the labelled corpus of village ads is screened with precision and
recall of at least 0.95."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_desk.domain.screening import (
    LawfulException,
    Screening,
    screen_posting,
    screen_text,
)

CORPUS = Path(__file__).parents[1] / "data" / "screening"


def _corpus() -> list[tuple[str, set[str], str]]:
    ads = []
    for path in sorted(CORPUS.glob("*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            label, categories, text = line.split("\t")
            expected = set() if categories == "-" else set(categories.split(","))
            assert (label == "flag") == bool(expected), line
            ads.append((label, expected, text))
    return ads


def test_the_corpus_is_large_and_has_both_kinds() -> None:
    ads = _corpus()
    assert len(ads) >= 300
    assert sum(label == "ok" for label, _, _ in ads) >= 120
    assert sum(label == "flag" for label, _, _ in ads) >= 120


def test_precision_and_recall_over_the_corpus() -> None:
    true_pos = false_pos = false_neg = 0
    wrong_ads = 0
    for _, expected, text in _corpus():
        found = set(screen_text(text).categories)
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        wrong_ads += found != expected
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    print(f"screening: precision {precision:.3f}, recall {recall:.3f}, ads wrong {wrong_ads}")
    assert precision >= 0.95
    assert recall >= 0.95


@pytest.mark.parametrize(
    ("text", "phrase", "category"),
    [
        ("招搬运工，限男性，日结", "限男性", "gender"),
        ("工厂普工18-45岁，长白班", "18-45岁", "age"),
        ("年龄四十五岁以下", "四十五岁以下", "age"),
        ("外地人勿扰，招门卫", "外地人勿扰", "hukou"),
        ("河南籍优先", "河南籍优先", "hukou"),
        ("已婚已育，工作稳定", "已婚已育", "marital"),
        ("入职后三年内不生育", "三年内不生育", "marital"),
        ("乙肝携带者勿扰", "乙肝携带者勿扰", "carrier"),
        ("身体残疾者勿扰", "身体残疾者勿扰", "disability"),
        ("身高160cm以上", "身高160cm以上", "looks"),
        ("汉族优先", "汉族优先", "ethnicity"),
        ("无宗教信仰", "无宗教信仰", "religion"),
    ],
)
def test_each_category_is_found_with_phrase_reason_and_suggestion(
    text: str, phrase: str, category: str
) -> None:
    result = screen_text(text)
    assert not result.ok
    finding = next(f for f in result.findings if f.category == category)
    assert finding.phrase == phrase
    assert text[finding.start : finding.end] == phrase
    assert "《" in finding.reason and "条" in finding.reason
    assert finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "男女不限，年龄16周岁以上",
        "年满18周岁，持电工证",
        "身体健康能适应户外工作，会开叉车，能吃苦耐劳",
        "煤矿井下作业，限男性",  # 女职工禁忌从事的劳动范围
        "码头扛包，每包100斤，限男性",  # single loads over 25 kg
        "高空作业，年龄18-60周岁，持登高证",  # high-risk work, documented exception
        "提供单身宿舍，本地外地均可",
        "孕期女职工不安排高处作业",
        "入职体检不查乙肝，有健康证",
        "50岁以上也可以，欢迎残疾人",
        "车展礼仪，身高165以上，形象气质佳",  # looks are the work
    ],
)
def test_lawful_requirements_are_not_findings(text: str) -> None:
    assert screen_text(text).findings == []


def test_upper_age_limit_is_a_finding_outside_high_risk_work_or_below_the_cap() -> None:
    assert not screen_text("保洁员，年龄60岁以下").ok
    assert screen_text("电工，持证，年龄60岁以下").ok
    assert not screen_text("电工，持证，年龄40岁以下").ok


def test_findings_name_their_field_and_context_spans_fields() -> None:
    result = screen_posting(
        {"occupation": "搬运工", "skill_requirements": "限男性", "description": "每袋100斤"}
    )
    assert result.ok  # the load in the description makes the requirement for men lawful
    result = screen_posting({"occupation": "普工", "description": "限男性，35岁以下"})
    assert {f.field for f in result.findings} == {"description"}
    assert set(result.errors()) == {"description"}
    assert "性别" in result.errors()["description"]


def test_an_exception_covers_only_its_rule_and_phrases_and_round_trips_as_json() -> None:
    result = screen_text("限男性，35岁以下")
    gender = LawfulException(by="王芳", rule="gender", why="矿山井下作业", phrases=("限男性",))
    screening = Screening(result, [gender])
    assert [f.category for f in screening.uncovered()] == ["age"]
    again = Screening.from_json(screening.to_json())
    assert again is not None and again.exceptions == [gender]
    assert again.result.findings == result.findings
    assert LawfulException(by="王芳", rule="nope", why="理由很充分").problem()
    assert LawfulException(by="王芳", rule="age", why="").problem()
    assert LawfulException(by="王芳", rule="age", why="高处作业规定").problem() == ""
