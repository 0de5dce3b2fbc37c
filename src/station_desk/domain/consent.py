"""告知同意: what a person is told before their personal information is recorded."""

from __future__ import annotations

DEFAULT_CONSENT_TEXT = (
    "本站将记录您的姓名、身份证号码、联系电话、技能和求职意向，仅用于为您推荐岗位、"
    "提供就业服务和向区人社部门报送统计。您的信息在本区零工驿站之间共享，不会提供给"
    "其他单位或个人。您可以随时要求查看、更正或删除您的信息，或停止求职登记。"
)
