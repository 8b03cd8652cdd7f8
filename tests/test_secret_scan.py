"""After the whole suite: no file the app wrote (data directories, databases and their WAL,
logs, settings) holds a secret key, restricted key, webhook secret or client secret."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import TEST_SECRET_KEY, TEST_WEBHOOK_SECRET

# Each shape beside a literal every match holds: a file is searched for a shape only when
# it holds the literal (a fast byte search), since the suite leaves hundreds of MB of stores.
SECRET_SHAPES = [
    (b"k_", re.compile(rb"(?:sk|rk)_(?:test|live)_[A-Za-z0-9]{8,}")),
    (b"whsec_", re.compile(rb"whsec_[A-Za-z0-9+/=]{8,}")),
    (b"_secret_", re.compile(rb"(?:pi|seti)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+")),
]


def find_secrets(root: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        matches = [m for literal, shape in SECRET_SHAPES if literal in data
                   for m in shape.finditer(data)]
        for match in matches:
            shown = match.group()[:14].decode(errors="replace")
            found.append(f"{path.relative_to(root)}: {shown}…")
        for literal in (TEST_SECRET_KEY, TEST_WEBHOOK_SECRET):
            if literal.encode() in data:
                found.append(f"{path.relative_to(root)}: a test secret")
    return found


def test_scanner_finds_what_it_looks_for(tmp_path: Path) -> None:
    (tmp_path / "log.txt").write_text(f"key={TEST_SECRET_KEY} cs=pi_123_secret_abc")
    assert len(find_secrets(tmp_path)) >= 2
    for shape in ("rk_live_" + "a1" * 6, "whsec_" + "Zm9v" * 3, "seti_1AbC_secret_xYz",
                  "sk_test_" + "9" * 24):
        (tmp_path / "store.db").write_bytes(b"\x00row " + shape.encode() + b" \xff")
        assert [f for f in find_secrets(tmp_path) if f.startswith("store.db")] == [
            f"store.db: {shape[:14]}…"], shape


def test_no_secret_in_app_files(app_root: Path) -> None:
    files = [p for p in app_root.rglob("*") if p.is_file()]
    assert files, "the suite wrote no app files; the scan would prove nothing"
    assert find_secrets(app_root) == []
