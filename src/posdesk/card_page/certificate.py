"""The self-signed certificate of the loopback checkout server, generated once per install.

Stripe.js in live mode only runs on HTTPS pages, so the page is served over TLS even on
127.0.0.1. Nobody else trusts this certificate: the web view pins its SHA-256 fingerprint and
treats every other certificate as fatal."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

# `cryptography` is imported by the two functions that make or read a certificate: the
# first card page needs it, the start of the app does not (several MB of memory).

CERT_FILE = "checkout-cert.pem"
KEY_FILE = "checkout-key.pem"
LOOPBACK_IP = ipaddress.IPv4Address("127.0.0.1")
VALIDITY = dt.timedelta(days=3650)
# Renew a little before expiry so a long-running terminal never serves an expired page.
RENEW_BEFORE = dt.timedelta(days=30)


@dataclass(frozen=True)
class CertificateFiles:
    cert_path: Path
    key_path: Path
    sha256_fingerprint: str  # lower-case hex of SHA-256 over the DER certificate
    der: bytes


def fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def fingerprint_matches(der: bytes, expected_hex: str) -> bool:
    """Whether a presented certificate (DER) is the pinned one; accepts `AB:CD:…` or `abcd…`."""
    expected = expected_hex.replace(":", "").strip().lower()
    return hmac.compare_digest(fingerprint(der), expected)


def ensure_certificate(directory: Path) -> CertificateFiles:
    """The install's certificate and key in `directory`, created on first use; files that are
    missing, unreadable, mismatched, expiring or not for 127.0.0.1 are replaced."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    cert_path, key_path = directory / CERT_FILE, directory / KEY_FILE
    existing = _load_valid(cert_path, key_path)
    if existing is not None:
        _restrict(key_path)
        return existing
    cert_pem, key_pem = _generate()
    # Key first: a crash between the two writes leaves a mismatched pair, which the next
    # call detects and regenerates.
    _write_atomic(key_path, key_pem, private=True)
    _write_atomic(cert_path, cert_pem, private=False)
    loaded = _load_valid(cert_path, key_path)
    if loaded is None:  # pragma: no cover - would mean the generator itself is broken
        raise RuntimeError("the generated checkout certificate does not load back")
    return loaded


def _generate() -> tuple[bytes, bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, str(LOOPBACK_IP)),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "PosDesk checkout (this computer only)"),
    ])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(int.from_bytes(secrets.token_bytes(16), "big") >> 1)
        .not_valid_before(now - dt.timedelta(days=1))  # tolerate a clock a little behind
        .not_valid_after(now + VALIDITY)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(LOOPBACK_IP), x509.DNSName("localhost")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def _load_valid(cert_path: Path, key_path: Path) -> CertificateFiles | None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (OSError, ValueError, TypeError, x509.ExtensionNotFound):
        return None
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(serialization.Encoding.DER, public) != (
        cert.public_key().public_bytes(serialization.Encoding.DER, public)
    ):
        return None
    if LOOPBACK_IP not in san.get_values_for_type(x509.IPAddress):
        return None
    if cert.not_valid_after_utc - RENEW_BEFORE < dt.datetime.now(dt.UTC):
        return None
    der = cert.public_bytes(serialization.Encoding.DER)
    return CertificateFiles(cert_path, key_path, fingerprint(der), der)


def _write_atomic(path: Path, data: bytes, *, private: bool) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # The mode applies at creation, so the key is never readable by others, not even briefly.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if private:
            _restrict(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _restrict(path: Path) -> None:
    # POSIX permissions only; on Windows the per-user data folder's ACL is what protects it.
    if os.name == "nt":
        return
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass
