"""Posting screening: find discriminatory requirements in a posting's text.

One rule for the posting form, the services (publish, edit, ledger import), the district
server and the ``screen`` command. The rules are data (``screening_rules.py``, with the
decisions on what is lawful); this module runs them: every rule match that does not overlap
a lawful phrase and is not excused by the posting's context is a finding.

A flagged posting can still be published when staff record a lawful exception (who, which
rule, why); ``Screening`` is what is stored in ``posting.screening`` as JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache

from . import screening_rules as data
from .text import to_halfwidth

CATEGORY_LABELS: dict[str, str] = {code: value[0] for code, value in data.CATEGORIES.items()}


@dataclass(frozen=True)
class Finding:
    field: str
    phrase: str
    start: int
    end: int
    category: str
    reason: str
    suggestion: str

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self.category]

    def message(self) -> str:
        """One line for a form or an import report, in Chinese."""
        return f"“{self.phrase}”涉嫌{self.label}歧视：{self.reason}。建议：{self.suggestion}"


@dataclass(frozen=True)
class ScreeningResult:
    ok: bool
    findings: list[Finding]

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(f.category for f in self.findings))

    def errors(self) -> dict[str, str]:
        """Findings as form errors: {field: messages joined}."""
        errors: dict[str, list[str]] = {}
        for finding in self.findings:
            errors.setdefault(finding.field, []).append(finding.message())
        return {name: "；".join(messages) for name, messages in errors.items()}


@dataclass(frozen=True)
class LawfulException:
    """Staff's record that a flagged requirement is lawful for this posting."""

    by: str
    rule: str  # a category code
    why: str
    at: str = ""
    phrases: tuple[str, ...] = ()

    @classmethod
    def of(cls, value: LawfulException | Mapping[str, object]) -> LawfulException:
        if isinstance(value, LawfulException):
            return value
        phrases = value.get("phrases") or ()
        return cls(
            by=str(value.get("by") or "").strip(),
            rule=str(value.get("rule") or "").strip(),
            why=str(value.get("why") or "").strip(),
            at=str(value.get("at") or ""),
            phrases=tuple(str(p) for p in phrases) if isinstance(phrases, list | tuple) else (),
        )

    def problem(self) -> str:
        """Why this exception cannot be recorded, or "" when it can."""
        if self.rule not in data.CATEGORIES:
            return f"无法识别的例外规则：{self.rule}"
        if not self.by:
            return "请填写记录例外的工作人员"
        if len(self.why) < 4:
            return "请写明合法例外的理由（至少4个字）"
        return ""


@dataclass
class Screening:
    """A posting's screening result with the exceptions staff recorded (stored as JSON)."""

    result: ScreeningResult
    exceptions: list[LawfulException] = field(default_factory=list)

    def uncovered(self) -> list[Finding]:
        """Findings no recorded exception covers."""
        return [f for f in self.result.findings if not any(_covers(e, f) for e in self.exceptions)]

    @property
    def allowed(self) -> bool:
        return not self.uncovered()

    def to_json(self) -> str:
        return json.dumps(
            {
                "ok": self.result.ok,
                "findings": [asdict(f) for f in self.result.findings],
                "exceptions": [{**asdict(e), "phrases": list(e.phrases)} for e in self.exceptions],
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str | None) -> Screening | None:
        if not text:
            return None
        try:
            raw = json.loads(text)
            findings = [Finding(**f) for f in raw.get("findings", [])]
            exceptions = [LawfulException.of(e) for e in raw.get("exceptions", [])]
        except (ValueError, TypeError, AttributeError):
            return None
        return cls(ScreeningResult(not findings, findings), exceptions)


def _covers(exception: LawfulException, finding: Finding) -> bool:
    if exception.rule != finding.category:
        return False
    return not exception.phrases or finding.phrase in exception.phrases


# -- the engine ------------------------------------------------------------------------------

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_CN_DIGITS["九"] = 9


def _number(text: str) -> int | None:
    """ "45" or "四十五" → 45."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
        return value + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text)


@cache
def _compiled() -> tuple[
    tuple[tuple[str, re.Pattern[str], str, str], ...], tuple[re.Pattern[str], ...]
]:
    rules = tuple(
        (category, re.compile(pattern, re.IGNORECASE), check, suggestion)
        for category, pattern, check, suggestion in data.RULES
    )
    lawful = tuple(re.compile(p, re.IGNORECASE) for p in data.LAWFUL)
    return rules, lawful


@dataclass(frozen=True)
class _Context:
    high_risk: bool
    women_prohibited: bool
    looks_work: bool

    @classmethod
    def of(cls, text: str) -> _Context:
        heavy = False
        for m in re.finditer(data.LOAD, text):
            kg = float(m.group("kg")) / (2 if m.group("unit") == "斤" else 1)
            heavy = heavy or kg > data.WOMEN_MAX_LOAD_KG
        return cls(
            high_risk=re.search(data.HIGH_RISK_CONTEXT, text) is not None,
            women_prohibited=heavy or re.search(data.WOMEN_PROHIBITED_CONTEXT, text) is not None,
            looks_work=re.search(data.LOOKS_CONTEXT, text) is not None,
        )


def _group_number(match: re.Match[str], name: str) -> int | None:
    value = match.groupdict().get(name)
    return _number(value) if value else None


def _age_finding(match: re.Match[str], check: str, context: _Context) -> bool:
    """Whether an age limit is a finding (see the decisions in screening_rules)."""
    first = _group_number(match, "n")
    second = _group_number(match, "m")

    def bad_upper(limit: int | None) -> bool:
        if limit is None:
            return True
        return not (context.high_risk and limit >= data.HIGH_RISK_AGE_CAP)

    if check == "range":
        return (first is not None and first > data.ADULT_AGE) or bad_upper(second)
    if check == "upper":
        return bad_upper(first if first is not None else second)
    if check == "lower":
        return first is None or first > data.ADULT_AGE
    return True


def _excused(category: str, phrase: str, context: _Context) -> bool:
    if category == "gender" and context.women_prohibited:
        return "男" in phrase and "女" not in phrase
    return category == "looks" and context.looks_work


def _scan(field_name: str, text: str, context: _Context) -> list[Finding]:
    rules, lawful = _compiled()
    scan = to_halfwidth(text)  # same length, so positions hold for the original text
    safe = [m.span() for pattern in lawful for m in pattern.finditer(scan)]
    found: list[Finding] = []
    for category, pattern, check, suggestion in rules:
        for m in pattern.finditer(scan):
            start, end = m.span()
            if start == end or any(s < end and start < e for s, e in safe):
                continue
            if check and not _age_finding(m, check, context):
                continue
            phrase = text[start:end].strip()
            if _excused(category, phrase, context):
                continue
            _, reason, default = data.CATEGORIES[category]
            found.append(
                Finding(field_name, phrase, start, end, category, reason, suggestion or default)
            )
    return _merge(found)


def _merge(found: list[Finding]) -> list[Finding]:
    """Overlapping findings of one category become the longest of them."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in found:
        if any(
            k.category == finding.category and k.start < finding.end and finding.start < k.end
            for k in kept
        ):
            continue
        kept.append(finding)
    return kept


def screen_posting(texts: Mapping[str, str]) -> ScreeningResult:
    """Screen a posting's text fields ({field name: text}); findings name their field."""
    context = _Context.of(to_halfwidth("\n".join(t or "" for t in texts.values())))
    findings: list[Finding] = []
    for name, text in texts.items():
        if text:
            findings.extend(_scan(name, text, context))
    return ScreeningResult(not findings, findings)


def screen_text(text: str, field_name: str = "text") -> ScreeningResult:
    """Screen one piece of text (a whole ad, as the ``screen`` command reads it)."""
    return screen_posting({field_name: text})


def exceptions_from(
    values: Sequence[LawfulException | Mapping[str, object]] | None,
) -> list[LawfulException]:
    return [LawfulException.of(v) for v in values or ()]


__all__ = [
    "CATEGORY_LABELS",
    "Finding",
    "LawfulException",
    "Screening",
    "ScreeningResult",
    "exceptions_from",
    "screen_posting",
    "screen_text",
]
