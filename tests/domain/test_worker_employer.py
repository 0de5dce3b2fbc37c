from datetime import date
from decimal import Decimal

from station_desk.domain.employer import (
    EmployerDraft,
    credit_code_check_char,
    validate_employer,
)
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft, is_older_worker, validate_worker

TODAY = date(2026, 6, 1)


def _worker(**changes: object) -> WorkerDraft:
    values: dict[str, object] = {
        "name": " 张 三 ",
        "id_number": make_id_number("330106", date(1990, 7, 1), 11),
        "phone": "138-1234-5678",
        "skills": "电工、焊工，会开叉车, 会唱歌",
        "intentions": "保安",
        "expected_pay": "200元/天",
    }
    values.update(changes)
    return WorkerDraft(**values)  # type: ignore[arg-type]


def test_valid_worker() -> None:
    fields, errors = validate_worker(_worker(hardship_low_income=True), TODAY)
    assert errors == {}
    assert fields is not None
    assert fields.name == "张三"
    assert fields.sex == "男"
    assert fields.birth_date == date(1990, 7, 1)
    assert fields.region_code == "330106"
    assert fields.phone == "13812345678"
    assert fields.skill_codes == ["6-31-01-03", "6-18-02-04", "L-06-06"]
    assert fields.skills_text == "电工、焊工,会开叉车, 会唱歌"  # kept as typed
    assert fields.intention_codes == ["4-07-05-01"]
    assert (fields.expected_pay_min, fields.expected_pay_unit) == (Decimal(200), "day")
    assert fields.hardship_low_income and not fields.hardship_older
    assert fields.is_hardship


def test_older_worker_is_derived_from_id() -> None:
    woman_41 = make_id_number("330106", date(1985, 1, 1), 22)
    fields, _ = validate_worker(_worker(id_number=woman_41), TODAY)
    assert fields is not None and fields.sex == "女" and fields.hardship_older
    man_49 = make_id_number("330106", date(1977, 1, 1), 21)
    fields, _ = validate_worker(_worker(id_number=man_49), TODAY)
    assert fields is not None and not fields.hardship_older and not fields.is_hardship
    assert is_older_worker("男", 50) and not is_older_worker("男", 49)
    assert is_older_worker("女", 40) and not is_older_worker("女", 39)


def test_names() -> None:
    fields, _ = validate_worker(_worker(name="阿卜杜·热合曼"), TODAY)
    assert fields is not None and fields.name == "阿卜杜·热合曼"
    fields, _ = validate_worker(_worker(name="买买提.艾力"), TODAY)
    assert fields is not None and fields.name == "买买提·艾力"
    assert validate_worker(_worker(name=""), TODAY)[1] == {"name": "请填写姓名"}
    assert validate_worker(_worker(name="张3"), TODAY)[1] == {"name": "姓名只能包含汉字、字母和·"}
    assert validate_worker(_worker(name="张"), TODAY)[1] == {"name": "姓名应为2–20个字"}


def test_worker_errors() -> None:
    fields, errors = validate_worker(
        _worker(id_number="11010519491231002", phone="12345", expected_pay="一些钱"), TODAY
    )
    assert fields is None
    assert errors["id_number"] == "身份证号应为18位，现在是17位"
    assert errors["phone"] == "手机号应为11位，现在是5位"
    assert "expected_pay" in errors


def test_credit_code_check_char() -> None:
    assert credit_code_check_char("91350100M000100Y4") == "3"


def test_valid_employer() -> None:
    draft = EmployerDraft(
        name=" 某某建筑劳务有限公司 ",
        kind="公司",
        contact_person="王五",
        phone="0571 87654321",
        address="某镇工业园",
        credit_code="91350100m000100y43",
    )
    fields, errors = validate_employer(draft)
    assert errors == {}
    assert fields is not None
    assert fields.name == "某某建筑劳务有限公司"
    assert fields.kind == "company"
    assert fields.phone == "0571-87654321"
    assert fields.credit_code == "91350100M000100Y43"
    fields, errors = validate_employer(EmployerDraft(name="赵六", kind="个人", phone="13812345678"))
    assert errors == {} and fields is not None
    assert (fields.kind, fields.credit_code) == ("individual", "")


def test_employer_errors() -> None:
    _, errors = validate_employer(EmployerDraft(credit_code="91350100M000100Y44"))
    assert errors == {
        "name": "请填写用工主体名称",
        "kind": "请选择用工主体类型（企业/单位或个人）",
        "phone": "请填写联系电话",
        "credit_code": "统一社会信用代码校验位应为3",
    }
    _, errors = validate_employer(
        EmployerDraft(name="x", kind="个人", phone="13812345678", credit_code="123")
    )
    assert errors == {"credit_code": "统一社会信用代码应为18位，现在是3位"}
    _, errors = validate_employer(
        EmployerDraft(name="x", kind="个人", phone="13812345678", credit_code="91350100M000100YI3")
    )
    assert errors["credit_code"].startswith("统一社会信用代码含有无效字符：I")
