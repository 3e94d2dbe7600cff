"""Words for showing audit entries (审计记录): actions, tables and field names in Chinese."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTION_LABELS = {
    "create": "新建", "update": "修改", "delete": "删除", "restore": "恢复", "reveal": "查看完整号码",
    "export": "导出", "login": "登录", "login_failed": "登录失败", "unlock": "解锁",
    "restore_db": "从备份恢复数据库",
}

TABLE_LABELS = {
    "consultation": "法律咨询", "education_session": "普法宣讲", "volunteer_visit": "志愿服务",
    "person": "人员", "liaison_point": "联系点", "duty_shift": "值班", "duty_swap_request": "换班请求",
    "duty_pattern": "值班规则", "duty_calendar_day": "节假日表", "setting": "设置", "user_account": "账户",
    "batch_export": "报送批次", "audit_log": "审计记录", "database": "数据库",
}

FIELD_LABELS = {
    "point_id": "联系点", "received_at": "接待时间", "mode": "接待方式", "receiver_name": "接待人",
    "visitor_name": "姓名", "gender": "性别", "age_band": "年龄段", "phone": "联系电话", "id_status": "身份证",
    "id_number": "身份证号", "village": "村/社区", "special_groups": "特殊群体", "category_code": "纠纷类型",
    "question": "咨询问题", "advice": "解答意见", "outcome": "处理方式", "referral_target": "转介去向",
    "followup_due": "回访期限", "followup_done": "回访日期", "followup_note": "答复情况",
    "paper_form_no": "纸质登记表编号", "deleted": "已删除", "held_on": "日期", "start_time": "开始",
    "end_time": "结束", "place": "地点", "form": "形式", "topic": "主题", "audience": "受众人数",
    "views": "观看人次", "materials": "资料份数", "materials_note": "资料说明", "cases": "典型案例",
    "notes": "备注", "speaker_ids": "宣讲人", "person_id": "人员", "visited_on": "日期", "arrival": "到达",
    "departure": "离开", "minutes": "服务时长（分钟）", "activities": "服务内容", "consultation_ids": "接待的咨询",
    "session_ids": "参与的宣讲", "shift_id": "值班", "name": "姓名", "role": "角色", "former_court": "原工作法院",
    "post": "原职务", "point_ids": "服务的联系点", "availability": "可值班时段", "monthly_cap": "每月上限",
    "note": "备注", "active": "在用", "code": "编码", "court": "所属法院", "township": "乡镇/街道",
    "judge_name": "负责法官", "day": "日期", "half": "半天", "state": "状态", "source": "来源",
    "last_change": "最近变动", "changed_by": "变动人", "seen_by_judge": "法官已看", "login": "登录名",
    "display_name": "姓名", "password": "密码",
}


def describe_changes(changes: dict[str, Any]) -> str:
    """``联系电话：138****1234 → 139****5678；处理方式：answered → mediation`` (one line per
    field joined by "；"); an empty dict gives ""."""
    parts = []
    for name, values in changes.items():
        label = FIELD_LABELS.get(name, name)
        if isinstance(values, list) and len(values) == 2:
            old, new = values
            parts.append(f"{label}：{_text(old)} → {_text(new)}")
        elif isinstance(values, list) and len(values) == 1:
            parts.append(f"{label}：{_text(values[0])}")
        else:
            parts.append(f"{label}：{_text(values)}")
    return "；".join(parts)


def _text(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_text(v) for v in value) or "（空）"
    return str(value)


@dataclass(frozen=True)
class AuditEntry:
    """One audit row. ``changes`` maps a field to ``[old, new]`` (personal fields masked);
    ``at`` is ISO 8601 text with +08:00; ``id`` is 0 until stored."""

    at: str
    user_id: str
    user_name: str
    user_role: str
    action: str
    table_name: str = ""
    record_id: str = ""
    changes: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    id: int = 0
