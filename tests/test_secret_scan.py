"""After the whole suite: no file the app wrote (data directories, databases and their WAL,
logs, settings) holds a secret key, restricted key, webhook secret or client secret."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import TEST_SECRET_KEY, TEST_WEBHOOK_SECRET

SECRET_SHAPES = re.compile(
    rb"(?:sk|rk)_(?:test|live)_[A-Za-z0-9]{8,}"
    rb"|whsec_[A-Za-z0-9+/=]{8,}"
    rb"|(?:pi|seti)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+"
)


def find_secrets(root: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for match in SECRET_SHAPES.finditer(data):
            shown = match.group()[:14].decode(errors="replace")
            found.append(f"{path.relative_to(root)}: {shown}…")
        for literal in (TEST_SECRET_KEY, TEST_WEBHOOK_SECRET):
            if literal.encode() in data:
                found.append(f"{path.relative_to(root)}: a test secret")
    return found


def test_scanner_finds_what_it_looks_for(tmp_path: Path) -> None:
    (tmp_path / "log.txt").write_text(f"key={TEST_SECRET_KEY} cs=pi_123_secret_abc")
    assert len(find_secrets(tmp_path)) >= 2


def test_no_secret_in_app_files(app_root: Path) -> None:
    files = [p for p in app_root.rglob("*") if p.is_file()]
    assert files, "the suite wrote no app files; the scan would prove nothing"
    assert find_secrets(app_root) == []
