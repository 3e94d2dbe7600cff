"""High-DPI screens: Qt 6 scales the whole UI by the screen's device pixel ratio; the app
renders at that resolution (crisp text, no blurry upscaling) and lays out in logical pixels."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from liaison_app import paths


def test_screens_render_at_the_device_pixel_ratio(db_path, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5",
           paths.SETTINGS_ENV_VAR: str(tmp_path / "settings.ini")}
    out = tmp_path / "shots"
    subprocess.run([sys.executable, "-m", "liaison_app", "--db", str(db_path), "--screenshot", str(out)],
                   env=env, check=True, timeout=120, capture_output=True)
    start = QImage(str(out / "start.png"))
    assert (start.width(), start.height()) == (round(1366 * 1.5), round(768 * 1.5))
