"""The checkout server's certificate: made once per install, key private to the user,
replaced when broken, and pinned by fingerprint."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID

from posdesk.card_page.certificate import (
    CERT_FILE,
    KEY_FILE,
    ensure_certificate,
    fingerprint_matches,
)

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def test_first_call_writes_a_loopback_server_certificate(data_dir: Path) -> None:
    files = ensure_certificate(data_dir / "tls")

    assert files.cert_path == data_dir / "tls" / CERT_FILE
    assert files.key_path == data_dir / "tls" / KEY_FILE
    cert = x509.load_pem_x509_certificate(files.cert_path.read_bytes())
    assert cert.public_bytes(Encoding.DER) == files.der
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.IPAddress) == [ipaddress.IPv4Address("127.0.0.1")]
    assert san.get_values_for_type(x509.DNSName) == ["localhost"]
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    lifetime = cert.not_valid_after_utc - dt.datetime.now(dt.UTC)
    assert dt.timedelta(days=3600) < lifetime < dt.timedelta(days=3660)
    assert files.sha256_fingerprint == hashlib.sha256(files.der).hexdigest()


@posix_only
def test_private_key_is_readable_by_the_user_only(data_dir: Path) -> None:
    files = ensure_certificate(data_dir / "tls")
    assert stat.S_IMODE(files.key_path.stat().st_mode) == 0o600


@posix_only
def test_loosened_key_permissions_are_restricted_again(data_dir: Path) -> None:
    files = ensure_certificate(data_dir / "tls")
    os.chmod(files.key_path, 0o644)
    again = ensure_certificate(data_dir / "tls")
    assert again.sha256_fingerprint == files.sha256_fingerprint
    assert stat.S_IMODE(files.key_path.stat().st_mode) == 0o600


def test_later_calls_reuse_the_same_certificate(data_dir: Path) -> None:
    first = ensure_certificate(data_dir / "tls")
    key_bytes = first.key_path.read_bytes()
    second = ensure_certificate(data_dir / "tls")
    assert second == first
    assert second.key_path.read_bytes() == key_bytes


@pytest.mark.parametrize("broken", [CERT_FILE, KEY_FILE])
def test_corrupt_files_are_regenerated(data_dir: Path, broken: str) -> None:
    first = ensure_certificate(data_dir / "tls")
    (data_dir / "tls" / broken).write_bytes(b"-----BEGIN garbage-----\nnot base64\n")
    second = ensure_certificate(data_dir / "tls")
    assert second.sha256_fingerprint != first.sha256_fingerprint
    x509.load_pem_x509_certificate(second.cert_path.read_bytes())


def test_a_missing_file_is_regenerated(data_dir: Path) -> None:
    first = ensure_certificate(data_dir / "tls")
    first.cert_path.unlink()
    assert ensure_certificate(data_dir / "tls").sha256_fingerprint != first.sha256_fingerprint


def test_a_key_that_does_not_match_the_certificate_is_replaced(data_dir: Path) -> None:
    first = ensure_certificate(data_dir / "a")
    other = ensure_certificate(data_dir / "b")
    first.key_path.write_bytes(other.key_path.read_bytes())
    again = ensure_certificate(data_dir / "a")
    assert again.sha256_fingerprint not in (first.sha256_fingerprint, other.sha256_fingerprint)


def test_fingerprint_matches_only_the_pinned_certificate(data_dir: Path) -> None:
    mine = ensure_certificate(data_dir / "a")
    other = ensure_certificate(data_dir / "b")
    colons = ":".join(
        mine.sha256_fingerprint[i:i + 2] for i in range(0, 64, 2)
    ).upper()
    assert fingerprint_matches(mine.der, mine.sha256_fingerprint)
    assert fingerprint_matches(mine.der, colons)
    assert not fingerprint_matches(other.der, mine.sha256_fingerprint)
    assert not fingerprint_matches(mine.der, "")
