"""`posdesk relay` refuses to start without what it needs, and says what to do."""

from __future__ import annotations

import os
import socket
import subprocess

from tests.conftest import TEST_WEBHOOK_SECRET
from tests.sync.env_keyring import variable
from tests.sync.relay_process import REPO_ROOT, relay_command


def run_relay(data_dir, args: list[str], **secrets: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POSDESK_DATA_DIR": str(data_dir),
           "PYTHON_KEYRING_BACKEND": "tests.sync.env_keyring.EnvKeyring",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                       os.environ.get("PYTHONPATH")]))}
    for name in ("stripe-secret-key", "stripe-webhook-secret"):
        env.pop(variable(name), None)
    for name, value in secrets.items():
        env[variable(name.replace("_", "-"))] = value
    return subprocess.run([*relay_command(), *args], env=env,
                          capture_output=True, text=True, timeout=60)


def test_missing_secrets_and_a_taken_port_are_explained(data_dir, secret_key) -> None:
    done = run_relay(data_dir, ["--poll"])
    assert done.returncode == 2 and "posdesk secrets set stripe-secret-key" in done.stderr
    done = run_relay(data_dir, ["--webhooks"], stripe_secret_key=secret_key)
    assert done.returncode == 2 and "posdesk secrets set stripe-webhook-secret" in done.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_relay(data_dir, ["--webhooks", "--port", str(port)],
                         stripe_webhook_secret=TEST_WEBHOOK_SECRET)
    assert done.returncode == 2 and f"Cannot listen on 127.0.0.1:{port}" in done.stderr
    assert TEST_WEBHOOK_SECRET not in done.stdout + done.stderr
    assert secret_key not in done.stdout + done.stderr
