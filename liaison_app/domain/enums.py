"""Coded values of the records. Codes (English, stable) are stored; labels (the court's words) are shown.

Words follow ../shared/GUIDE.md §2 (glossary).
"""

from __future__ import annotations

from enum import Enum


class LabeledEnum(str, Enum):
    """A string enum whose members carry a Chinese label: ``Mode.PHONE.label == "电话"``."""

    label: str

    def __new__(cls, code: str, label: str) -> "LabeledEnum":
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    def __str__(self) -> str:
        return self.value

    @classmethod
    def from_label(cls, label: str):  # type: ignore[no-untyped-def]
        """The member whose label is ``label``; raises ValueError."""
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(f"未知的取值“{label}”")


class Mode(LabeledEnum):
    """接待方式."""

    ONSITE = ("onsite", "现场")
    PHONE = ("phone", "电话")
    ONLINE = ("online", "线上")
    HOME_VISIT = ("home", "上门")


class Gender(LabeledEnum):
    """性别."""

    MALE = ("male", "男")
    FEMALE = ("female", "女")
    UNKNOWN = ("unknown", "未说明")


class AgeBand(LabeledEnum):
    """年龄段; bounds in whole years of age at the visit."""

    MINOR = ("under18", "18岁以下")
    YOUNG = ("18_35", "18–35岁")
    MIDDLE = ("36_59", "36–59岁")
    SENIOR = ("60plus", "60岁及以上")
    UNKNOWN = ("unknown", "未说明")

    @classmethod
    def for_age(cls, years: int) -> "AgeBand":
        """Band of a person ``years`` old."""
        if years < 18:
            return cls.MINOR
        if years <= 35:
            return cls.YOUNG
        if years <= 59:
            return cls.MIDDLE
        return cls.SENIOR


class IdStatus(LabeledEnum):
    """Whether the ID-card number was given. A refusal is recorded as such, not as missing."""

    GIVEN = ("given", "已提供")
    DECLINED = ("declined", "拒绝提供")
    NOT_ASKED = ("not_asked", "未登记")


class SpecialGroup(LabeledEnum):
    """特殊群体 (several may apply to one visitor)."""

    ELDERLY = ("elderly", "老年人")
    WOMEN = ("women", "妇女")
    MINORS = ("minors", "未成年人")
    DISABLED = ("disabled", "残疾人")
    MIGRANT_WORKERS = ("migrant", "农民工")
    VETERANS = ("veterans", "退役军人")
    SME_OWNERS = ("sme", "中小企业经营者")


class Outcome(LabeledEnum):
    """处理方式."""

    ANSWERED = ("answered", "当场解答")
    MEDIATION = ("mediation", "引导调解")
    LITIGATION = ("litigation", "引导诉讼")
    LEGAL_AID = ("legal_aid", "转法律援助")
    DEPARTMENT = ("department", "转有关部门")
    OTHER = ("other", "其他")

    @property
    def needs_referral_target(self) -> bool:
        """Referrals must name where the visitor was sent (legal-aid centre, department…)."""
        return self in (Outcome.LEGAL_AID, Outcome.DEPARTMENT)

    @property
    def needs_follow_up(self) -> bool:
        """Everything not settled on the spot gets a follow-up (件件有回复)."""
        return self is not Outcome.ANSWERED


class FollowUpState(LabeledEnum):
    """回访状态, derived from due/done dates and today."""

    NONE = ("none", "无需回访")
    PENDING = ("pending", "待回访")
    OVERDUE = ("overdue", "已逾期")
    DONE = ("done", "已回访")
