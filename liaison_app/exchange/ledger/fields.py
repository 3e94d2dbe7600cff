"""The fields a ledger column can be mapped to, per kind of ledger, and their header synonyms.

The synonym table is the one documented in docs/ledger-import.md. Each synonym has a weight:
3 = the usual header for the field, 2 = a common variant, 1 = a word that can mean this field
or another (咨询事项 is usually the dispute type in village ledgers, sometimes the question;
时间 is usually the date). Columns are assigned greedily by weight, so when a ledger has both
纠纷类型 and 咨询事项, the first becomes the category and the second the question.
"""

from __future__ import annotations

from dataclasses import dataclass

from liaison_app.domain.enums import LabeledEnum


class LedgerKind(LabeledEnum):
    """What a ledger records."""

    CONSULTATIONS = ("consultations", "法律咨询接待台账")
    SESSIONS = ("sessions", "普法宣讲台账")
    VOLUNTEERS = ("volunteers", "志愿者名册")


@dataclass(frozen=True)
class FieldSpec:
    """A target field. ``required`` fields must be mapped to a column, or the sheet cannot be
    imported; ``placeholder`` says what is stored when the ledger has no such column (shown in
    the wizard and flagged on every row)."""

    key: str
    label: str
    required: bool = False
    placeholder: str = ""


SEQ = "seq"  # 序号: shown in messages, never stored, not part of the fingerprint
NOTES = "notes"  # the only field several columns may map to (joined with line breaks)

FIELDS: dict[LedgerKind, tuple[FieldSpec, ...]] = {
    LedgerKind.CONSULTATIONS: (
        FieldSpec(SEQ, "序号"),
        FieldSpec("received_date", "接待日期", required=True),
        FieldSpec("received_time", "接待时间（时刻）", placeholder="未记载时记为 00:00"),
        FieldSpec("visitor_name", "来访人姓名", required=True),
        FieldSpec("gender", "性别"),
        FieldSpec("age", "年龄/年龄段"),
        FieldSpec("phone", "联系电话"),
        FieldSpec("id_number", "身份证号"),
        FieldSpec("village", "村（社区）/住址"),
        FieldSpec("special_groups", "特殊群体"),
        FieldSpec("mode", "接待方式", placeholder="现场"),
        FieldSpec("category", "纠纷类型", placeholder="按咨询问题匹配，否则“信访与其他”（类型待核对）"),
        FieldSpec("question", "咨询问题", placeholder="（台账未记载咨询问题）"),
        FieldSpec("advice", "答复意见", placeholder="（台账未记载）"),
        FieldSpec("outcome", "处理方式", placeholder="其他"),
        FieldSpec("referral_target", "转介去向"),
        FieldSpec("receiver_name", "接待人", placeholder="联系点法官"),
        FieldSpec("followup_flag", "是否回访"),
        FieldSpec("followup_due", "回访期限", placeholder="接待日期 + 7 天"),
        FieldSpec("followup_done", "回访日期"),
        FieldSpec("followup_note", "回访情况/答复情况"),
        FieldSpec("paper_form_no", "纸质登记表编号"),
        FieldSpec(NOTES, "备注（并入咨询问题）"),
    ),
    LedgerKind.SESSIONS: (
        FieldSpec(SEQ, "序号"),
        FieldSpec("held_on", "宣讲日期", required=True),
        FieldSpec("time_range", "起止时间", placeholder="未记载时记为 00:00–23:59"),
        FieldSpec("place", "地点", required=True),
        FieldSpec("form", "宣讲形式", placeholder="法治讲座"),
        FieldSpec("topic", "主题", required=True),
        FieldSpec("audience", "受众人数"),
        FieldSpec("views", "观看人次（线上）"),
        FieldSpec("materials", "发放资料份数"),
        FieldSpec("speakers", "宣讲人", placeholder="联系点法官"),
        FieldSpec("cases", "典型案例"),
        FieldSpec(NOTES, "备注"),
    ),
    LedgerKind.VOLUNTEERS: (
        FieldSpec(SEQ, "序号"),
        FieldSpec("name", "姓名", required=True),
        FieldSpec("phone", "联系电话"),
        FieldSpec("former_court", "原工作单位"),
        FieldSpec("post", "原职务"),
        FieldSpec("availability", "可服务时间"),
        FieldSpec("monthly_cap", "每月值班上限"),
        FieldSpec(NOTES, "备注/特长"),
    ),
}

_PHONE = {"联系电话": 3, "电话": 3, "手机号": 3, "手机": 3, "手机号码": 3, "联系方式": 2, "电话号码": 3,
          "联系号码": 2, "联系人电话": 2}
_SEQ = {"序号": 3, "编号": 1, "序": 2, "no": 2, "no.": 2}

SYNONYMS: dict[LedgerKind, dict[str, dict[str, int]]] = {
    LedgerKind.CONSULTATIONS: {
        SEQ: _SEQ,
        "received_date": {"日期": 3, "接待日期": 3, "来访日期": 3, "咨询日期": 3, "登记日期": 3, "受理日期": 3,
                          "来访时间": 2, "接待时间": 2, "咨询时间": 2, "时间": 2, "年月日": 2, "登记时间": 2},
        "received_time": {"时间": 1, "时刻": 3, "具体时间": 2, "来访时刻": 3, "接待时刻": 3, "时段": 2},
        "visitor_name": {"来访人": 3, "当事人": 3, "姓名": 3, "来访人姓名": 3, "咨询人": 3, "来访群众": 3,
                         "群众姓名": 3, "申请人": 2, "来访者": 3, "咨询人姓名": 3, "当事人姓名": 3, "名字": 2,
                         "咨询群众": 3, "来访人员": 2},
        "gender": {"性别": 3},
        "age": {"年龄": 3, "年龄段": 3, "岁数": 2},
        "phone": _PHONE,
        "id_number": {"身份证号": 3, "身份证号码": 3, "证件号码": 3, "证件号": 3, "公民身份号码": 3, "身份证": 3,
                      "身份证件号码": 3},
        "village": {"村(社区)": 3, "村": 3, "社区": 2, "村组": 3, "所属村组": 3, "所在村": 3, "住址": 3, "地址": 3,
                    "家庭住址": 3, "村居": 3, "村社区": 3, "所属村": 3, "居住地": 2, "户籍地": 2, "村(居)": 3,
                    "所在村(社区)": 3, "现住址": 3},
        "special_groups": {"特殊群体": 3, "群体类别": 3, "人员类别": 2, "身份类别": 2, "群体": 2},
        "mode": {"接待方式": 3, "来访方式": 3, "咨询方式": 3, "方式": 2, "接访方式": 3},
        "category": {"纠纷类型": 3, "案由": 3, "类型": 2, "咨询类型": 3, "事项类别": 3, "问题类型": 3, "纠纷类别": 3,
                     "矛盾类型": 3, "咨询类别": 3, "矛盾纠纷类型": 3, "咨询事项": 2, "事项": 1, "类别": 2},
        "question": {"咨询问题": 3, "咨询内容": 3, "问题": 2, "具体问题": 3, "咨询事由": 3, "主要问题": 3, "诉求": 2,
                     "来访事由": 3, "反映问题": 3, "基本情况": 2, "简要案情": 3, "咨询事项": 1, "主要诉求": 3,
                     "来访事项": 2, "反映情况": 2},
        "advice": {"答复内容": 3, "解答意见": 3, "答复意见": 3, "处理意见": 3, "法官意见": 3, "解答内容": 3,
                   "法律意见": 3, "答复": 2, "解答情况": 3, "释法情况": 3, "解答": 2, "指导意见": 3},
        "outcome": {"处理结果": 3, "处理方式": 3, "结果": 2, "办理结果": 3, "处理情况": 2, "办理情况": 2,
                    "化解情况": 2, "办理方式": 3},
        "referral_target": {"转介单位": 3, "转交单位": 3, "转办单位": 3, "引导去向": 3, "去向": 2, "转介去向": 3},
        "receiver_name": {"接待人": 3, "接待法官": 3, "值班法官": 3, "接待人员": 3, "经办人": 3, "记录人": 2,
                          "登记人": 2, "承办人": 2, "接待": 1, "值班人": 3, "接待人签名": 3},
        "followup_flag": {"是否回访": 3, "回访": 2},
        "followup_due": {"回访期限": 3, "应回访日期": 3, "回访时限": 3},
        "followup_done": {"回访日期": 3, "回访时间": 3},
        "followup_note": {"回访情况": 3, "回访结果": 3, "答复情况": 3, "回访内容": 3, "回访记录": 3, "回访意见": 3},
        "paper_form_no": {"登记表编号": 3, "表单编号": 3, "登记编号": 3, "纸质登记表编号": 3, "表号": 2, "编号": 1},
        NOTES: {"备注": 3, "说明": 2, "其他": 1},
    },
    LedgerKind.SESSIONS: {
        SEQ: _SEQ,
        "held_on": {"日期": 3, "宣讲日期": 3, "活动日期": 3, "时间": 2, "活动时间": 2, "开展时间": 2, "宣讲时间": 2},
        "time_range": {"起止时间": 3, "时间段": 3, "时段": 3, "时间": 1, "活动时间": 1, "具体时间": 2},
        "place": {"地点": 3, "宣讲地点": 3, "活动地点": 3, "地址": 2, "场所": 2},
        "form": {"形式": 3, "宣讲形式": 3, "活动形式": 3, "方式": 2, "类型": 2, "活动类型": 3},
        "topic": {"主题": 3, "宣讲主题": 3, "活动主题": 3, "内容": 2, "宣讲内容": 2, "活动内容": 2, "题目": 3,
                  "活动名称": 3, "名称": 2},
        "audience": {"人数": 3, "受众人数": 3, "参加人数": 3, "听众人数": 3, "受众": 2, "参与人数": 3,
                     "覆盖人数": 2, "受教育人数": 3, "现场人数": 3},
        "views": {"观看人次": 3, "观看人数": 3, "在线观看": 3, "线上观看": 3},
        "materials": {"发放资料": 3, "资料份数": 3, "发放数量": 3, "发放资料(份)": 3, "宣传资料": 2},
        "speakers": {"宣讲人": 3, "主讲人": 3, "主讲法官": 3, "讲师": 3, "宣讲法官": 3, "参加人员": 1, "主讲": 2},
        "cases": {"典型案例": 3, "案例": 3},
        NOTES: {"备注": 3, "说明": 2},
    },
    LedgerKind.VOLUNTEERS: {
        SEQ: _SEQ,
        "name": {"姓名": 3, "志愿者姓名": 3, "志愿者": 2, "名字": 2},
        "phone": _PHONE,
        "former_court": {"原单位": 3, "原工作单位": 3, "退休前单位": 3, "原所在法院": 3, "退休单位": 3,
                         "工作单位": 2, "所在法院": 2, "单位": 2},
        "post": {"原职务": 3, "职务": 3, "职级": 2, "原职级": 3, "职称": 2},
        "availability": {"可服务时间": 3, "可值班时间": 3, "服务时间": 3, "值班时间": 3, "空闲时间": 3},
        "monthly_cap": {"每月上限": 3, "每月值班上限": 3, "每月次数": 3, "每月值班次数": 3},
        NOTES: {"备注": 3, "特长": 2, "擅长领域": 2, "专业特长": 2},
    },
}


def field_spec(kind: LedgerKind, key: str) -> FieldSpec:
    """The spec of ``key`` for ``kind``; raises KeyError for an unknown key."""
    for spec in FIELDS[kind]:
        if spec.key == key:
            return spec
    raise KeyError(key)


def field_label(kind: LedgerKind, key: str | None) -> str:
    """Chinese label of a field key ('不导入' for None)."""
    if key is None:
        return "不导入"
    try:
        return field_spec(kind, key).label
    except KeyError:
        return key
