"""Where PosDesk keeps its data and settings (platformdirs; overridable by environment)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "PosDesk"
APP_AUTHOR = "PosDesk"

ENV_DATA_DIR = "POSDESK_DATA_DIR"
ENV_DATABASE_URL = "POSDESK_DATABASE_URL"
ENV_API_BASE = "POSDESK_STRIPE_API_BASE"


def data_dir() -> Path:
    """The data directory: POSDESK_DATA_DIR, else the platform's per-user data folder."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)  # the user's alone
    return path


def settings_file(base: Path) -> Path:
    return base / "settings.json"


def log_dir(base: Path) -> Path:
    path = base / "logs"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
