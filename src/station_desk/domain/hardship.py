"""Hardship workers and the "131" measure; the kinds of service the station logs.

131: every hardship worker (long wait, low-income family, disability, older age) gets at
least 1 career guidance, 3 job recommendations and 1 skills training (referral).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import make_enum
from .worker import OLDER_AGE

SERVICE_KINDS = make_enum(
    (
        ("guidance", "职业指导"),
        ("training_referral", "技能培训推荐"),
        ("entrepreneurship", "创业培训"),
        ("policy", "政策咨询"),
        ("unemployment_registration", "失业登记协助"),
    ),
    {
        "guidance": ("就业指导",),
        "training_referral": ("技能培训", "培训推荐"),
        "policy": ("创业担保贷款", "政策"),
        "unemployment_registration": ("失业登记",),
    },
)
GUIDANCE, TRAINING = "guidance", "training_referral"
NEEDED = {"guidance": 1, "recommendations": 3, "training": 1}
FLAG_LABELS = {
    "long_wait": "待工时间长",
    "low_income": "低收入家庭",
    "disability": "残疾",
    "older": "大龄",
}


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def is_older(sex: str, birth: date | None, today: date, ages: dict[str, int] | None = None) -> bool:
    """大龄 by the configured line (default OLDER_AGE: 女40 / 男50)."""
    if birth is None:
        return False
    line = (ages or OLDER_AGE).get(sex, (ages or OLDER_AGE).get("男", 50))
    return age_on(birth, today) >= line


@dataclass(frozen=True)
class Owed:
    guidance: int
    recommendations: int
    training: int

    @property
    def total(self) -> int:
        return self.guidance + self.recommendations + self.training

    def as_dict(self) -> dict[str, int]:
        return {
            "guidance": self.guidance,
            "recommendations": self.recommendations,
            "training": self.training,
        }


def owed(guidance: int, recommendations: int, training: int) -> Owed:
    """What is still owed of 1 guidance, 3 recommendations and 1 training."""
    return Owed(
        max(0, NEEDED["guidance"] - guidance),
        max(0, NEEDED["recommendations"] - recommendations),
        max(0, NEEDED["training"] - training),
    )
