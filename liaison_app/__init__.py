"""联系点工作台 — desktop workbench for judges' liaison points (法官基层服务联系点)."""

__version__ = "0.1.0"
