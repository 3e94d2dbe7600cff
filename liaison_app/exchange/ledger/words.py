"""Matching the words people wrote in ledgers to the app's codes: dispute categories, outcomes,
reception modes, gender, age bands, special groups, session forms and weekly availability.

Categories (``纠纷类型``/``咨询事项`` values such as 离婚, 宅基地, 借钱不还, 欠薪) are matched by
keyword to the dictionary seeded from ``db/seed/consultation_categories.csv`` (modelled on the
SPC 民事案件案由规定, 2020). Keywords are the dictionary's own names (without 纠纷, split at 、)
plus :data:`CATEGORY_KEYWORDS` below. A keyword inside a longer matching keyword does not count
(离婚后财产 is not also 离婚). Several categories under one parent → the parent (赡养抚养 → 婚姻家庭、
继承纠纷); otherwise no match. No match → the generic code :data:`GENERIC_CATEGORY` (信访与其他)
flagged 类型待核对. The original words are always kept by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from liaison_app.domain.education import SessionForm
from liaison_app.domain.enums import AgeBand, Gender, Mode, Outcome, SpecialGroup
from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.domain.records import Category
from liaison_app.domain.text import clean_line, to_halfwidth
from liaison_app.exchange.ledger.cells import CellResult, CellValue, as_number, is_blank, raw_text

GENERIC_CATEGORY = "PET"  # 信访与其他: the dictionary's catch-all level-1 entry
TO_CHECK = "类型待核对"

# Everyday words → dictionary code. Codes missing from the installed dictionary are ignored.
CATEGORY_KEYWORDS: dict[str, tuple[str, ...]] = {
    "MAR-DIV": ("离婚", "离异", "闹离婚"),
    "MAR-PDP": ("离婚后财产",),
    "MAR-BTP": ("彩礼", "婚约"),
    "MAR-CUS": ("抚养", "抚养费", "抚养权", "孩子归谁"),
    "MAR-VIS": ("探望", "探视"),
    "MAR-ELD": ("赡养", "养老", "不养老人"),
    "MAR-FPD": ("分家", "析产"),
    "MAR-INH": ("继承", "遗产", "遗嘱"),
    "MAR": ("婚姻", "家庭纠纷", "婚姻家庭", "家事", "夫妻"),
    "PRO-HST": ("宅基地", "宅院", "房基"),
    "PRO-LCM": ("土地承包", "承包地", "责任田", "承包田"),
    "PRO-NBR": ("相邻", "邻里", "排水", "通行", "采光"),
    "PRO-CFM": ("确权", "权属"),
    "PRO-OBS": ("排除妨害", "妨害"),
    "PRO-DMG": ("财产损害", "毁坏"),
    "PRO-COL": ("集体经济组织", "集体收益", "征地补偿", "分红"),
    "PRO-COO": ("共有",),
    "PRO": ("物权", "土地纠纷", "土地"),
    "CON-SAL": ("买卖", "货款"),
    "CON-RHS": ("房屋买卖", "农村房屋买卖", "买房", "卖房"),
    "CON-LOA": ("借贷", "借款", "借钱", "欠钱", "欠款", "借条", "还钱", "借钱不还", "民间借贷"),
    "CON-GUA": ("担保", "保证", "担保人"),
    "CON-LEA": ("租赁", "租房", "租金", "房租", "租地"),
    "CON-CST": ("建设工程", "工程款", "盖房"),
    "CON-PMS": ("物业",),
    "CON-PLB": ("种植", "养殖", "回收"),
    "CON-AGR": ("农业承包",),
    "CON-LCC": ("土地流转", "流转", "承包合同"),
    "CON-LSV": ("劳务", "劳务费", "劳务报酬", "雇佣"),
    "CON-UNJ": ("不当得利", "转错账", "转错钱"),
    "CON": ("合同", "违约", "欠账"),
    "LAB-REL": ("劳动关系",),
    "LAB-WAG": ("欠薪", "工资", "讨薪", "劳动报酬", "拖欠工资", "工钱", "农民工工资"),
    "LAB-INJ": ("工伤",),
    "LAB": ("劳动", "劳动争议", "社保", "辞退", "人事"),
    "TOR-MVA": ("交通事故", "车祸", "机动车", "撞车", "交通"),
    "TOR-NMV": ("非机动车",),
    "TOR-LSV": ("提供劳务者受害",),
    "TOR-HLP": ("帮工",),
    "TOR-ANM": ("狗咬", "动物", "饲养", "牲畜"),
    "TOR-PRD": ("产品质量", "产品责任", "假货"),
    "TOR-MED": ("医疗", "医患", "医疗事故"),
    "TOR": ("侵权", "损害赔偿", "赔偿"),
    "PER-LBH": ("人身损害", "打架", "伤害", "殴打", "健康权", "身体权", "生命权"),
    "PER-REP": ("名誉", "诽谤", "造谣"),
    "PER": ("人格权", "隐私", "肖像"),
    "IPC": ("知识产权", "商标", "专利", "著作权", "不正当竞争"),
    "COM": ("公司", "股权", "股东", "保险", "票据", "证券"),
    "SEA": ("海事", "海商"),
    "ADM": ("行政", "拆迁", "征收", "行政处罚", "政府"),
    "CRM": ("刑事", "犯罪", "诈骗", "盗窃", "报警", "电信诈骗"),
    "EXE": ("执行", "强制执行", "申请执行"),
    "PET": ("信访", "上访", "其他", "其它", "综合"),
}


@dataclass(frozen=True)
class _Keyword:
    word: str
    code: str


class CategoryMatcher:
    """Keyword matcher over the installed dictionary (see the module docstring)."""

    def __init__(self, categories: Iterable[Category]):
        self._categories = {c.code: c for c in categories if not c.is_tag}
        words: dict[str, str] = {}
        for cat in self._categories.values():
            base = cat.name_zh.replace("纠纷", "").replace("案件案由", "").replace("有关的民事", "")
            for part in re.split("[、，,]", base):
                part = part.strip()
                if len(part) >= 2:
                    words.setdefault(part, cat.code)
            words[cat.name_zh] = cat.code
        for code, extra in CATEGORY_KEYWORDS.items():
            if code in self._categories:
                for word in extra:
                    words[word] = code
        # Longest first, so a longer keyword claims its span before a keyword inside it.
        self._keywords = sorted((_Keyword(w, c) for w, c in words.items()), key=lambda k: -len(k.word))
        self.generic = GENERIC_CATEGORY if GENERIC_CATEGORY in self._categories else next(
            (c.code for c in self._categories.values() if c.level == 1), "")

    def name(self, code: str) -> str:
        cat = self._categories.get(code)
        return cat.name_zh if cat else code

    def codes_in(self, text: str) -> list[str]:
        """Distinct codes whose keywords occur in ``text`` (keywords inside longer hits skipped)."""
        taken = [False] * len(text)
        found: list[str] = []
        for keyword in self._keywords:
            start = text.find(keyword.word)
            while start >= 0:
                span = range(start, start + len(keyword.word))
                if not any(taken[i] for i in span):
                    for i in span:
                        taken[i] = True
                    if keyword.code not in found:
                        found.append(keyword.code)
                start = text.find(keyword.word, start + 1)
        return found

    def match(self, value: CellValue, *, fallback_text: str = "") -> CellResult:
        """Category cell → code. ``fallback_text`` (the question) is searched when the cell is
        blank. A blank cell with nothing to go on gives the generic code flagged to check."""
        raw = raw_text(value)
        text = to_halfwidth(clean_line(raw))
        source = text or clean_line(fallback_text)
        if not source:
            return CellResult(raw, self.generic, self.name(self.generic),
                              warnings=(f"台账未记载纠纷类型，记为“{self.name(self.generic)}”，{TO_CHECK}",))
        exact = next((c for c in self._categories.values() if c.name_zh == source), None)
        if exact is not None:
            return CellResult(raw, exact.code, exact.name_zh)
        codes = self.codes_in(source)
        where = f"“{source}”" if text else f"咨询问题中的“{source[:20]}”"
        if len(codes) == 1:
            return CellResult(raw, codes[0], self.name(codes[0]),
                              notes=(f"{where}对应字典类型“{self.name(codes[0])}”",))
        parents = {self._categories[c].parent_code or c for c in codes}
        if len(codes) > 1 and len(parents) == 1:
            parent = parents.pop()
            return CellResult(raw, parent, self.name(parent), notes=(
                f"{where}涉及{len(codes)}个类型（{'、'.join(self.name(c) for c in codes)}），记为上级类型“{self.name(parent)}”",))
        why = "涉及多个不同大类" if codes else "在纠纷类型字典中找不到对应"
        return CellResult(raw, self.generic, self.name(self.generic), warnings=(
            f"{where}{why}，记为“{self.name(self.generic)}”，{TO_CHECK}",))


# Outcome words, checked in this order (转法律援助中心 is legal aid, 转人民调解 is mediation).
_OUTCOME_RULES: tuple[tuple[tuple[str, ...], Outcome], ...] = (
    (("法律援助", "法援"), Outcome.LEGAL_AID),
    (("调解",), Outcome.MEDIATION),
    (("起诉", "诉讼", "立案", "仲裁"), Outcome.LITIGATION),
    (("转", "移交", "交办", "移送", "有关部门", "相关部门"), Outcome.DEPARTMENT),
    (("解答", "答复", "释明", "释法", "咨询", "已告知", "告知", "办结", "已解决", "解决"), Outcome.ANSWERED),
    (("其他", "其它"), Outcome.OTHER),
)
_FOLLOWUP_WORDS = ("待回访", "未回访", "待答复", "跟进", "待处理")


def parse_outcome(value: CellValue) -> CellResult:
    """处理结果 → ``(Outcome, referral_target, pending)``; ``pending`` is True when the cell says
    a follow-up is still open (待回访). The target is the words after 转 (转司法所 → 司法所)."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, None)
    text = clean_line(raw)
    for words in (o.label for o in Outcome):
        if text == words:
            outcome = Outcome.from_label(words)
            return CellResult(raw, (outcome, "", False), outcome.label)
    if any(w in text for w in _FOLLOWUP_WORDS):
        return CellResult(raw, (Outcome.OTHER, "", True), Outcome.OTHER.label, warnings=(
            f"“{text}”是回访状态而不是处理方式，处理方式记为“其他”，回访记为待回访",))
    for words, outcome in _OUTCOME_RULES:
        if any(w in text for w in words):
            target = ""
            match = re.search(r"(?:转至|转往|转交|转到|转|移交|移送|交办)(.+)$", text)
            if match and outcome in (Outcome.DEPARTMENT, Outcome.LEGAL_AID):
                target = match.group(1).strip(" 。，,")
            shown = outcome.label + (f"（{target}）" if target else "")
            return CellResult(raw, (outcome, target, False), shown, notes=(f"“{text}”记为“{outcome.label}”",))
    return CellResult(raw, (Outcome.OTHER, "", False), Outcome.OTHER.label, warnings=(
        f"处理结果“{text}”无法对应到处理方式，记为“其他”，请核对",))


_MODE_WORDS: tuple[tuple[tuple[str, ...], Mode], ...] = (
    (("电话", "来电", "热线"), Mode.PHONE),
    (("线上", "网上", "微信", "视频", "网络", "在线", "12368"), Mode.ONLINE),
    (("上门", "入户", "走访", "巡回"), Mode.HOME_VISIT),
    (("现场", "来访", "当面", "到访", "窗口", "面谈"), Mode.ONSITE),
)


def parse_mode(value: CellValue) -> CellResult:
    """接待方式 → :class:`Mode`; blank → None (the caller applies the default 现场, noted)."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, None)
    text = clean_line(raw)
    for words, mode in _MODE_WORDS:
        if any(w in text for w in words):
            return CellResult(raw, mode, mode.label, () if text == mode.label else (f"“{text}”记为“{mode.label}”",))
    return CellResult(raw, Mode.ONSITE, Mode.ONSITE.label, warnings=(f"接待方式“{text}”无法识别，记为“现场”",))


def parse_gender(value: CellValue) -> CellResult:
    """性别: 男/女 (also 男性, M, F); anything else → 未说明 with a warning."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, None)
    text = to_halfwidth(clean_line(raw)).upper()
    if text in ("男", "男性", "M", "MALE"):
        return CellResult(raw, Gender.MALE, "男")
    if text in ("女", "女性", "F", "FEMALE"):
        return CellResult(raw, Gender.FEMALE, "女")
    return CellResult(raw, Gender.UNKNOWN, "未说明", warnings=(f"性别“{raw}”无法识别，记为“未说明”",))


def parse_age(value: CellValue) -> CellResult:
    """年龄 (a number, ``65岁``) or 年龄段 (``60岁以上``, ``老年``) → :class:`AgeBand`."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, None)
    number = as_number(value)
    text = to_halfwidth(clean_line(raw))
    if number is None:
        for band in AgeBand:
            if text == band.label:
                return CellResult(raw, band, band.label)
        if "老" in text or "60岁以上" in text or "60岁及以上" in text:
            return CellResult(raw, AgeBand.SENIOR, AgeBand.SENIOR.label, (f"“{text}”记为“60岁及以上”",))
        if "未成年" in text or "18岁以下" in text:
            return CellResult(raw, AgeBand.MINOR, AgeBand.MINOR.label, (f"“{text}”记为“18岁以下”",))
        match = re.fullmatch(r"(\d{1,3})\s*(岁|周岁)?", text)
        number = int(match.group(1)) if match else None
    if number is None or not float(number).is_integer() or not 0 <= number <= 120:
        return CellResult(raw, AgeBand.UNKNOWN, "未说明", warnings=(f"年龄“{raw}”无法识别，记为“未说明”",))
    band = AgeBand.for_age(int(number))
    return CellResult(raw, band, band.label, (f"年龄{int(number)}岁记为年龄段“{band.label}”",))


_GROUP_WORDS = {
    SpecialGroup.ELDERLY: ("老年", "老人"),
    SpecialGroup.WOMEN: ("妇女", "女性"),
    SpecialGroup.MINORS: ("未成年", "儿童", "学生"),
    SpecialGroup.DISABLED: ("残疾",),
    SpecialGroup.MIGRANT_WORKERS: ("农民工", "务工"),
    SpecialGroup.VETERANS: ("退役军人", "军人", "退伍"),
    SpecialGroup.SME_OWNERS: ("中小企业", "个体", "企业主", "经营者", "商户"),
}


def parse_groups(value: CellValue) -> CellResult:
    """特殊群体 → ``frozenset[SpecialGroup]``; words not recognised are warned about."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, frozenset())
    text = clean_line(raw)
    if text in ("无", "否", "/", "-"):
        return CellResult(raw, frozenset(), "")
    found = frozenset(g for g, words in _GROUP_WORDS.items() if any(w in text for w in words))
    shown = "、".join(g.label for g in SpecialGroup if g in found)
    if not found:
        return CellResult(raw, frozenset(), "", warnings=(f"特殊群体“{text}”无法识别，未导入",))
    return CellResult(raw, found, shown)


_FORM_WORDS: tuple[tuple[tuple[str, ...], SessionForm], ...] = (
    (("直播", "线上", "网上", "视频"), SessionForm.ONLINE),
    (("巡回", "庭审", "观摩", "开庭"), SessionForm.CIRCUIT_TRIAL),
    (("以案说法", "案例"), SessionForm.CASE_STUDY),
    (("赶集", "入户", "摆摊", "集市", "宣传"), SessionForm.OUTREACH),
    (("发放", "资料", "传单"), SessionForm.MATERIALS),
    (("讲座", "讲课", "授课", "宣讲", "培训", "报告会"), SessionForm.LECTURE),
)


def parse_session_form(value: CellValue) -> CellResult:
    """宣讲形式 → :class:`SessionForm`; blank → None (caller defaults to 法治讲座, noted)."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, None)
    text = clean_line(raw)
    for form in SessionForm:
        if text == form.label:
            return CellResult(raw, form, form.label)
    for words, form in _FORM_WORDS:
        if any(w in text for w in words):
            return CellResult(raw, form, form.label, (f"“{text}”记为“{form.label}”",))
    return CellResult(raw, SessionForm.LECTURE, SessionForm.LECTURE.label,
                      warnings=(f"宣讲形式“{text}”无法识别，记为“法治讲座”",))


_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": -1}


def parse_availability(value: CellValue) -> CellResult:
    """``周一上午、周三全天``, ``每周二下午``, ``周末`` → ``frozenset[WeeklySlot]``.

    Text that names no weekday is kept by the caller in the note, with a warning.
    """
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, frozenset())
    text = clean_line(raw)
    slots: set[WeeklySlot] = set()
    for match in re.finditer(r"(?:周|星期|礼拜)([一二三四五六日天末])(?:[至到\-~—]+(?:周|星期)?([一二三四五六日天]))?\s*(上午|下午|全天)?", text):
        first, last = _WEEKDAYS[match.group(1)], _WEEKDAYS.get(match.group(2) or "", None)
        days = [5, 6] if first == -1 else list(range(first, (last if last is not None else first) + 1))
        halves = [HalfDay.AM, HalfDay.PM] if match.group(3) in (None, "全天") else [
            HalfDay.AM if match.group(3) == "上午" else HalfDay.PM]
        slots.update(WeeklySlot(d, h) for d in days for h in halves)
    if not slots:
        return CellResult(raw, frozenset(), "", warnings=(f"可服务时间“{text}”无法对应到星期和上下午，原文记入备注",))
    shown = "、".join(s.label for s in sorted(slots))
    return CellResult(raw, frozenset(slots), shown, (f"“{text}”读作 {shown}",))
