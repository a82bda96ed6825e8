"""The kiosk's window-less rules: PIN hashing and back-off, visitor folders, idle, crash log."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.session.kiosk import (
    CRASH_LOG_NAME,
    NO_PIN_MESSAGE,
    IdlePolicy,
    PinFormatError,
    PinGate,
    create_visit_dir,
    hash_pin,
    is_pin_hash,
    log_crash,
    stale_visit_dirs,
    start_problem,
    verify_pin,
    wipe_visit_dir,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_pin_hash_has_the_documented_shape_and_never_the_pin() -> None:
    """The stored form is pbkdf2_sha256$iterations$salt$hash and does not contain the PIN."""
    encoded = hash_pin("975310", iterations=1_000)
    scheme, iterations, salt, digest = encoded.split("$")
    assert (scheme, iterations) == ("pbkdf2_sha256", "1000")
    assert salt
    assert digest
    assert "975310" not in encoded
    assert is_pin_hash(encoded)


def test_default_iterations_are_slow_on_purpose() -> None:
    """Without an explicit count the hash uses at least 600 000 PBKDF2 iterations."""
    assert int(hash_pin("1234").split("$")[1]) >= 600_000


def test_same_pin_gets_a_different_salt_each_time() -> None:
    """Two hashes of one PIN differ (salted) and both verify."""
    a, b = hash_pin("1234", iterations=500), hash_pin("1234", iterations=500)
    assert a != b
    assert verify_pin("1234", a)
    assert verify_pin("1234", b)


def test_wrong_or_damaged_never_verifies() -> None:
    """A wrong PIN, an empty hash or a damaged hash all fail without raising."""
    encoded = hash_pin("1234", iterations=500)
    assert not verify_pin("1235", encoded)
    assert not verify_pin("1234", "")
    assert not verify_pin("1234", encoded.replace("pbkdf2_sha256", "md5"))
    assert not verify_pin("1234", encoded[:-6] + "!!!!!!")
    assert not is_pin_hash("1234")


@pytest.mark.parametrize("pin", ["", "123", "12ab", "1234567890123", "١٢٣٤"])
def test_pin_must_be_four_to_twelve_ascii_digits(pin: str) -> None:
    """The keypad has ten digits: anything else is refused before hashing."""
    with pytest.raises(PinFormatError):
        hash_pin(pin, iterations=10)


def test_wrong_pins_back_off_exponentially() -> None:
    """After the first free mistake each wrong PIN doubles the wait; the right PIN is refused
    while the wait lasts and accepted after it."""
    clock = FakeClock()
    gate = PinGate(hash_pin("2468", iterations=500), clock=clock, persist=False)
    assert gate.attempt("0000").wait_s == 0
    waits = []
    for _ in range(4):
        result = gate.attempt("0000")
        assert not result.ok
        waits.append(result.wait_s)
        refused = gate.attempt("2468")
        assert not refused.ok
        assert refused.wait_s > 0
        n = round(refused.wait_s)
        assert f"Try again in {n} {'second' if n == 1 else 'seconds'}." in refused.message
        clock.now += result.wait_s
    assert waits == [1.0, 2.0, 4.0, 8.0]
    assert gate.attempt("2468").ok
    assert gate.failures == 0


def test_back_off_is_capped() -> None:
    """The wait never exceeds five minutes, however many guesses."""
    clock = FakeClock()
    gate = PinGate(hash_pin("2468", iterations=100), clock=clock, persist=False)
    for _ in range(30):
        clock.now += gate.wait_s()
        last = gate.attempt("1111")
    assert last.wait_s == 300.0


def test_kiosk_refuses_to_start_without_a_pin_unless_demo() -> None:
    """No PIN: the reason says how to set one; a damaged PIN is named; demo starts anyway."""
    assert start_problem("", demo=False) == NO_PIN_MESSAGE
    assert "frameshift kiosk set-pin" in NO_PIN_MESSAGE
    assert "--kiosk-demo" in NO_PIN_MESSAGE
    assert "damaged" in (start_problem("nonsense", demo=False) or "")
    assert start_problem("", demo=True) is None
    assert start_problem(hash_pin("1234", iterations=10), demo=False) is None


def test_visit_dir_is_private_and_wiped(tmp_path: Path) -> None:
    """The visitor folder is mode 0700 and wiping leaves nothing, however deep."""
    folder = create_visit_dir(tmp_path)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (folder / "audio" / "1").mkdir(parents=True)
    (folder / "audio" / "1" / "001-seeker.wav").write_bytes(b"RIFF")
    (folder / "frameshift.db-wal").write_bytes(b"x")
    assert wipe_visit_dir(folder) == []
    assert not folder.exists()
    assert list(tmp_path.iterdir()) == []


def test_wipe_refuses_anything_but_a_visit_dir(tmp_path: Path) -> None:
    """A bug passing the wrong path cannot delete the data dir."""
    with pytest.raises(ValueError, match="not a visitor folder"):
        wipe_visit_dir(tmp_path)
    assert tmp_path.exists()


def test_stale_visits_of_dead_processes_are_found(tmp_path: Path) -> None:
    """A folder whose kiosk process is gone is stale; one of a live process (ours) is not."""
    ours = create_visit_dir(tmp_path)
    code = (
        "import sys; from pathlib import Path; from app.session.kiosk import create_visit_dir; "
        "print(create_visit_dir(Path(sys.argv[1])))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    dead = Path(proc.stdout.strip())
    assert stale_visit_dirs(tmp_path) == [dead]
    assert ours.exists()


def test_a_crashed_visit_is_stale_even_when_its_recorded_pid_is_alive_again(
    tmp_path: Path,
) -> None:
    """Issue 13 item 7: PIDs are reused after a reboot; ownership is the lock, not the PID.
    Generated: the recorded PID is every live process we can name (ours, our parent, init)."""
    for pid in {os.getpid(), os.getppid(), 1}:
        code = (
            "import sys; from pathlib import Path; from app.session.kiosk import create_visit_dir; "
            "print(create_visit_dir(Path(sys.argv[1])))"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
        )
        crashed = Path(proc.stdout.strip())
        (crashed / ".owner").write_text(str(pid))  # a live process has that PID now
        assert crashed in stale_visit_dirs(tmp_path), pid
        wipe_visit_dir(crashed)
    live = create_visit_dir(tmp_path)
    assert stale_visit_dirs(tmp_path) == []
    wipe_visit_dir(live)


def test_wrong_pin_back_off_survives_a_restart_and_the_file_is_private(tmp_path: Path) -> None:
    """Issue 13 item 8: a new gate (the kiosk restarted) still makes the guesser wait."""
    pin_hash = hash_pin("2468", iterations=50)
    backoff = tmp_path / "state" / "backoff.json"
    gate = PinGate(pin_hash, backoff_file=backoff)
    for _ in range(4):
        gate.attempt("0000")
    waited = gate.wait_s()
    assert waited > 0
    assert stat.S_IMODE(backoff.stat().st_mode) == 0o600
    restarted = PinGate(pin_hash, backoff_file=backoff)
    assert restarted.failures == gate.failures == 2
    assert 0 < restarted.wait_s() <= waited
    assert not restarted.attempt("2468").ok  # refused unchecked while the wait lasts
    backoff.write_text("{not json")
    assert PinGate(pin_hash, backoff_file=backoff).wait_s() == 0  # damaged state: no crash


def test_the_default_gate_persists_in_the_users_state_folder(isolated_settings: Path) -> None:
    from app.config import state_dir
    from app.session.kiosk import BACKOFF_FILE

    pin_hash = hash_pin("2468", iterations=50)
    gate = PinGate(pin_hash)
    gate.attempt("1")
    gate.attempt("2")
    assert (state_dir() / BACKOFF_FILE).is_file()
    assert PinGate(pin_hash).failures == 2
    assert PinGate(pin_hash, persist=False).failures == 0


def test_idle_policy_phases() -> None:
    """Active, then the countdown with whole seconds left, then the reset."""
    policy = IdlePolicy(idle_s=60, countdown_s=10)
    assert policy.phase(59.9) == "active"
    assert policy.phase(60) == "countdown"
    assert policy.remaining_s(60) == 10
    assert policy.remaining_s(65.5) == 5
    assert policy.phase(70) == "reset"


def test_crash_log_keeps_where_not_what(tmp_path: Path) -> None:
    """The log names the error type and code location, never the message (it may quote a
    visitor)."""
    try:
        raise RuntimeError("my secret answer about my salary")
    except RuntimeError as exc:
        path = log_crash(tmp_path, RuntimeError, exc, exc.__traceback__)
    text = path.read_text()
    assert path.name == CRASH_LOG_NAME
    assert "builtins.RuntimeError" in text
    assert "test_kiosk_rules.py" in text
    assert "salary" not in text
    assert os.access(path, os.R_OK)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_crash_log_never_follows_a_planted_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (tmp_path / CRASH_LOG_NAME).symlink_to(victim)
    try:
        raise RuntimeError("x")
    except RuntimeError as exc:
        with pytest.raises(OSError):
            log_crash(tmp_path, RuntimeError, exc, exc.__traceback__)
    assert victim.read_text() == "keep"
