"""The Qt (PySide6) user interface. The only package that imports PySide6.

Entry point: :func:`liaison_app.gui.application.run_gui`.
"""
