"""The only package that imports PySide6: widgets, models and dialogs calling the core."""
