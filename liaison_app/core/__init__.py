"""The application API the GUI and the CLI call. Qt-free; orchestrates storage, exchange, reports."""

from liaison_app.core.context import Core, open_core

__all__ = ["Core", "open_core"]
