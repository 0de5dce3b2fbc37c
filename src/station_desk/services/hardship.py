"""The 帮扶台账: every hardship worker with what is still owed of the "131" measure (1 career
guidance, 3 job recommendations, 1 skills training), most overdue first; and the
`station-desk hardship [--json]` command that prints the same list."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, datetime

from station_desk.domain.hardship import FLAG_LABELS, GUIDANCE, TRAINING, Owed, is_older, owed
from station_desk.domain.masking import mask_name
from station_desk.domain.worker import OLDER_AGE
from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection
from station_desk.store.rows import stored_time
from station_desk.store.settings import get_setting, put_setting

OLDER_AGE_KEYS = {"男": "hardship.older_age.male", "女": "hardship.older_age.female"}


@dataclass(frozen=True)
class HardshipRow:
    worker_id: str
    name: str
    flags: list[str]  # codes of FLAG_LABELS
    owed: Owed
    registered_at: datetime

    @property
    def flag_labels(self) -> str:
        return "、".join(FLAG_LABELS[f] for f in self.flags)

    def as_json(self) -> dict[str, object]:
        return {
            "worker_id": self.worker_id,
            "name": mask_name(self.name),
            "flags": self.flags,
            "owed": self.owed.as_dict(),
            "registered_at": self.registered_at.isoformat(timespec="seconds"),
        }


def older_ages(desk: Desk) -> dict[str, int]:
    """The 大龄 line by sex: the settings when set, else OLDER_AGE (女40 / 男50)."""
    with desk.db.read() as session:
        ages = dict(OLDER_AGE)
        for sex, key in OLDER_AGE_KEYS.items():
            value = get_setting(session, key)
            if value.isdigit():
                ages[sex] = int(value)
    return ages


def set_older_ages(desk: Desk, male: int, female: int) -> None:
    """Change the 大龄 line (a local setting, like the district's own policy)."""
    if not (16 <= male <= 100 and 16 <= female <= 100):
        raise ValueError("年龄应在16到100之间")
    with desk.db.write() as session:
        put_setting(session, OLDER_AGE_KEYS["男"], str(male))
        put_setting(session, OLDER_AGE_KEYS["女"], str(female))


def _cutoff(today: date, age: int) -> str:
    """Born on or before this day: at least ``age`` years old today."""
    try:
        return today.replace(year=today.year - age).isoformat()
    except ValueError:  # 29 February
        return today.replace(year=today.year - age, day=28).isoformat()


_SQL = """
SELECT w.id, w.name, w.sex, w.birth_date, w.registered_at, w.hardship_long_wait,
       w.hardship_low_income, w.hardship_disability, w.hardship_older,
       (SELECT count(*) FROM service s WHERE s.worker_id = w.id AND s.kind = ? AND NOT s.deleted),
       (SELECT count(*) FROM referral r WHERE r.worker_id = w.id AND NOT r.deleted),
       (SELECT count(*) FROM service s WHERE s.worker_id = w.id AND s.kind = ? AND NOT s.deleted)
FROM worker w
WHERE NOT w.deleted AND w.status = 'active' AND (
    w.hardship_long_wait OR w.hardship_low_income OR w.hardship_disability OR (w.hardship_older AND w.birth_date IS NULL)
    OR (w.sex = '男' AND w.birth_date <= ?) OR (w.sex = '女' AND w.birth_date <= ?))
"""


def hardship_list(desk: Desk, worker_id: str | None = None) -> list[HardshipRow]:
    """Hardship workers: those still owed something first, the longest registered first;
    then those whose 131 is complete."""
    ages = older_ages(desk)
    today = desk.today()
    sql = _SQL + (" AND w.id = ?" if worker_id else "")
    params: list[object] = [GUIDANCE, TRAINING, _cutoff(today, ages["男"])]
    params.append(_cutoff(today, ages["女"]))
    if worker_id:
        params.append(worker_id)
    with desk.db.read() as session:
        rows = sqlite_connection(session).execute(sql, params).fetchall()
    result = []
    for wid, name, sex, birth, registered, wait, low, disab, older, g, r, t in rows:
        birth_date = date.fromisoformat(birth) if birth else None
        flags = [
            code
            for code, on in (
                ("long_wait", wait),
                ("low_income", low),
                ("disability", disab),
                # 大龄 by the configured line; the stored flag only when the birth date is unknown
                ("older", is_older(sex, birth_date, today, ages) if birth_date else older),
            )
            if on
        ]
        result.append(
            HardshipRow(wid, name, flags, owed(g, r, t), stored_time(registered) or datetime.min)
        )
    result.sort(key=lambda row: (row.owed.total == 0, row.registered_at, row.worker_id))
    return result


def hardship_command(desk: Desk, as_json: bool) -> int:
    rows = hardship_list(desk)
    if as_json:
        json.dump([row.as_json() for row in rows], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for row in rows:
        o = row.owed
        sys.stdout.write(
            f"{mask_name(row.name)}\t{row.flag_labels}\t职业指导欠{o.guidance}\t"
            f"岗位推荐欠{o.recommendations}\t技能培训欠{o.training}\t"
            f"{row.registered_at:%Y-%m-%d}\n"
        )
    return 0
