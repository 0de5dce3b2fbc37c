"""The referral slip (推荐函) as a neutral document: what the worker carries to the employer.

It names the worker with the ID number masked (never the full number, never the worker's
phone), the employer and the post, the recommending station with its hotline, a stamp area
(盖章处) and the QR code to the city platform that the lobby board shows (board.qr_url and
its caption). ui/pdf_render.py draws it on an A5 or A4 page; no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any

from station_desk.domain.masking import mask_id_number, mask_name
from station_desk.domain.pay import format_pay
from station_desk.domain.posting import EMPLOYMENT_MODES, label_of
from station_desk.services.board import load_board_settings
from station_desk.services.context import Desk, NotFound
from station_desk.services.station import DEFAULT_STATION_NAME, station_profile
from station_desk.store.models import Employer, Posting, Referral, Worker

SLIP_TITLE = "零工推荐函"
STAMP_LABEL = "（盖章处）"
NOTE = "本推荐函仅用于本次岗位推荐；身份证号已作脱敏处理，请用工单位当面核验证件原件。"


@dataclass(frozen=True)
class SlipDoc:
    """Everything printed on one slip, as text (and the QR code's modules)."""

    number: str  # 推荐编号, traceable to the referral record
    referral_id: str
    referred_on: date
    worker_name: str
    worker_id_masked: str
    employer: str
    employer_address: str
    contact_person: str
    trade: str
    pay: str
    work_location: str
    work_hours: str
    employment_mode: str
    station_name: str
    station_address: str
    station_hotline: str
    qr_url: str = ""
    qr_caption: str = ""
    qr_modules: tuple[tuple[bool, ...], ...] = field(default=(), repr=False)

    @property
    def title(self) -> str:
        return SLIP_TITLE

    @property
    def date_label(self) -> str:
        return f"{self.referred_on:%Y年%m月%d日}"

    def post_fields(self) -> list[tuple[str, str]]:
        """The 岗位信息 rows, label → value (empty values left out)."""
        rows = [
            ("用工单位", self.employer),
            ("单位地址", self.employer_address),
            ("联系人", self.contact_person),
            ("岗位（工种）", self.trade),
            ("薪酬待遇", self.pay),
            ("用工形式", self.employment_mode),
            ("工作地点", self.work_location),
            ("工作时间", self.work_hours),
        ]
        return [(label, value) for label, value in rows if value]

    def station_lines(self) -> list[str]:
        lines = [f"推荐单位：{self.station_name}"]
        if self.station_address:
            lines.append(f"地址：{self.station_address}")
        if self.station_hotline:
            lines.append(f"服务热线：{self.station_hotline}")
        lines.append(f"推荐日期：{self.date_label}")
        return lines

    def body_text(self) -> str:
        return (
            f"兹推荐 {self.worker_name}（身份证号：{self.worker_id_masked}）"
            f"前往贵单位应聘“{self.trade}”岗位，请予接洽为盼。"
        )

    def file_name(self) -> str:
        """推荐函-王＊＊-电工-20261126.pdf: the worker's name masked, with a full-width ＊
        (Windows refuses * in a file name)."""
        worker = mask_name(self.worker_name).replace("*", "＊")
        parts = ["推荐函", worker, self.trade, f"{self.referred_on:%Y%m%d}"]
        name = "-".join(p for p in parts if p)
        return "".join("_" if c in '\\/:*?"<>|' else c for c in name) + ".pdf"

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "referral_id": self.referral_id,
            "date": self.referred_on.isoformat(),
            "worker": {"name": self.worker_name, "id_number": self.worker_id_masked},
            "post": dict(self.post_fields()),
            "station": {
                "name": self.station_name,
                "address": self.station_address,
                "hotline": self.station_hotline,
            },
            "qr": {"url": self.qr_url, "caption": self.qr_caption},
        }


def slip_number(referral: Referral) -> str:
    """20261126-048213: the referral's day and six digits from its record id. Digits only:
    Qt's PDF writer loses the text of digits drawn right after Latin letters."""
    digits = int(referral.id.replace("-", "")[:8], 16) % 1_000_000
    return f"{referral.referred_at:%Y%m%d}-{digits:06d}"


def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The URL's QR code, row by row, True for a dark module (quiet zone not included)."""
    if not url:
        return ()
    import segno

    code = segno.make(url, error="m", micro=False)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix)


def load_slip(desk: Desk, referral_id: str) -> SlipDoc:
    """The slip for one referral; NotFound when the referral or its worker/posting is gone."""
    with desk.db.read() as session:
        referral = session.get(Referral, referral_id)
        if referral is None or referral.deleted:
            raise NotFound(f"找不到该推荐记录（{referral_id}）")
        worker = session.get(Worker, referral.worker_id)
        posting = session.get(Posting, referral.posting_id)
        if worker is None or worker.deleted or posting is None or posting.deleted:
            raise NotFound("该推荐的零工或岗位记录已删除，无法打印推荐函")
        employer = session.get(Employer, posting.employer_id)
        pay = format_pay(posting.pay_min, posting.pay_max, posting.pay_unit)  # type: ignore[arg-type]
        slip = {
            "number": slip_number(referral),
            "referral_id": referral.id,
            "referred_on": referral.referred_at.date(),
            "worker_name": worker.name,
            "worker_id_masked": mask_id_number(worker.id_number),
            "employer": employer.name if employer else "",
            "employer_address": (employer.address if employer else "") or posting.work_location,
            "contact_person": posting.contact_person
            or (employer.contact_person if employer else ""),
            "trade": posting.occupation_name,
            "pay": pay,
            "work_location": posting.work_location,
            "work_hours": posting.work_hours,
            "employment_mode": label_of(EMPLOYMENT_MODES, posting.employment_mode),
        }
    station = station_profile(desk)
    settings = load_board_settings(desk)
    return SlipDoc(
        **slip,
        station_name=station.name if station else DEFAULT_STATION_NAME,
        station_address=station.address if station else "",
        station_hotline=(station.hotline or station.phone) if station else "",
        qr_url=settings.qr_url,
        qr_caption=settings.qr_caption if settings.qr_url else "",
        qr_modules=qr_modules(settings.qr_url),
    )


def slip_html(slip: SlipDoc) -> str:
    """The slip's body (title to the station's lines) for QTextDocument; the renderer draws the
    stamp area and the QR code under it."""
    rows = "".join(
        f'<tr><td width="26%" bgcolor="#f2f2f2">{escape(label)}</td><td>{escape(value)}</td></tr>'
        for label, value in slip.post_fields()
    )
    station = "".join(f"<p class='sign'>{escape(line)}</p>" for line in slip.station_lines())
    style = (
        "body { font-size: 10pt; }"
        " h1 { font-size: 17pt; text-align: center; margin-bottom: 2px; }"
        " p.no { font-size: 8pt; text-align: right; margin: 0; }"
        " p.body { margin-top: 6px; margin-bottom: 6px; line-height: 150%; }"
        " p.sign { text-align: right; margin: 0; } p.note { font-size: 7.5pt; color: #555; }"
        " td { font-size: 9.5pt; }"
    )
    return (
        f"<html><head><style>{style}</style></head><body>"
        f"<h1>{escape(slip.title)}</h1>"
        f"<p class='no'>编号：{escape(slip.number)}</p>"
        f"<p>{escape(slip.employer or '用工单位')}：</p>"
        f"<p class='body'>　　{escape(slip.body_text())}</p>"
        '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        f"{rows}</table><p></p>{station}"
        f"<p class='note'>{escape(NOTE)}</p></body></html>"
    )


def slip_plain_text(slip: SlipDoc) -> str:
    """Every text the slip draws, for the PDF text-map fix."""
    parts = [
        slip.title,
        slip.number,
        slip.employer,
        slip.body_text(),
        *(f"{a}{b}" for a, b in slip.post_fields()),
        *slip.station_lines(),
        NOTE,
        STAMP_LABEL,
        slip.qr_caption,
    ]
    return "".join(parts)
