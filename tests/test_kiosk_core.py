"""Kiosk core without Qt: config file, staff PIN and its lockout, idle timing."""

from __future__ import annotations

import base64
import hashlib
import os
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import FakeClock

from leaflet_app.core.kiosk_config import KioskConfig, load_kiosk_config, with_overrides
from leaflet_app.core.kiosk_pin import (
    PinGate,
    hash_pin,
    is_pin_hash,
    pin_hash_problem,
    scrypt_memory,
    verify_pin,
)
from leaflet_app.core.kiosk_pin_state import default_state_path
from leaflet_app.core.kiosk_session import RESET_STEPS, IdlePolicy, ResetStep, SessionDefaults
from leaflet_app.kiosk_pin_cli import run_hash_pin

# One hash shared by the tests: scrypt is deliberately slow (about 50 ms).
PIN = "2468"
PIN_HASH = hash_pin(PIN)


def write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(body, encoding="utf-8")
    return path


# -- configuration ----------------------------------------------------------------------------
def test_full_config_is_read(tmp_path: Path) -> None:
    (tmp_path / "extra").mkdir()
    path = write_config(
        tmp_path,
        f"""
[kiosk]
idle_timeout = 90
countdown = 20
default_language = "zh"
allowed_languages = ["zh", "en"]
printer = "Reception HP"
pin_hash = "{PIN_HASH}"
content = ["extra"]
show_drafts = true
show_overdue = true
emergency_number = "+86 120"
""",
    )
    config, messages = load_kiosk_config(path)
    assert messages == []
    assert config == KioskConfig(
        idle_timeout_s=90, countdown_s=20, default_mode="zh", allowed_modes=("zh", "en"),
        printer="Reception HP", pin_hash=PIN_HASH, content_dirs=(tmp_path / "extra",),
        show_drafts=True, show_overdue=True, emergency_number="+86 120",
    )  # fmt: skip


def test_emergency_number_may_be_a_bare_number(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[kiosk]\nemergency_number = 999\n")
    assert load_kiosk_config(path) == (KioskConfig(emergency_number="999"), [])


def test_empty_kiosk_table_gives_defaults(tmp_path: Path) -> None:
    assert load_kiosk_config(write_config(tmp_path, "[kiosk]\n")) == (KioskConfig(), [])


BAD_VALUES = [
    ("idle_timeout", "5", "between 10 and 3600"),
    ("idle_timeout", "99999", "between 10 and 3600"),
    ("idle_timeout", '"120"', "whole number"),
    ("idle_timeout", "12.5", "whole number"),
    ("idle_timeout", "true", "whole number"),
    ("countdown", "2", "between 5 and 120"),
    ("countdown", "[15]", "whole number"),
    ("default_language", '"fr"', "one of en, zh, zh-Hant, both, en+zh-Hant"),
    ("allowed_languages", '"en"', "non-empty list"),
    ("allowed_languages", "[]", "non-empty list"),
    ("allowed_languages", '["en", "klingon"]', "one of en, zh, zh-Hant, both, en+zh-Hant"),
    ("printer", "3", "printer name"),
    ("pin_hash", '"1234"', "looks like a PIN"),
    ("pin_hash", '"scrypt$1$2$3$abc$def"', "hash-pin"),
    ("pin_hash", "1234", "hash-pin"),
    ("content", '"leaflets"', "list of folder"),
    ("content", '["no-such-folder"]', "no such folder"),
    ("content", '["~no-such-user-here/leaflets"]', "unknown home folder"),
    ("content", '["' + "x" * 5000 + '"]', "no such folder"),
    ("printer", "[" + "1, " * 2000 + "1]", "printer name"),
    ("show_drafts", '"yes"', "true or false"),
    ("show_overdue", "1", "true or false"),
    ("emergency_number", '"call 120"', "only digits, spaces, + and -"),
    ("emergency_number", '"' + "1" * 21 + '"', "too long (over 20 characters)"),
    ("emergency_number", '""', "phone number in quotes"),
    ("emergency_number", "true", "phone number in quotes"),
]


@pytest.mark.parametrize(("key", "value", "problem"), BAD_VALUES)
def test_bad_value_names_file_and_key_and_falls_back(
    tmp_path: Path, key: str, value: str, problem: str
) -> None:
    path = write_config(tmp_path, f"[kiosk]\nidle_timeout = 60\n{key} = {value}\n"
                        if key != "idle_timeout" else f"[kiosk]\n{key} = {value}\n")  # fmt: skip
    config, messages = load_kiosk_config(path)
    assert len(messages) == 1, messages
    assert str(path) in messages[0] and key in messages[0] and problem in messages[0]
    assert len(messages[0]) < len(str(path)) + 250  # a pasted blob is cut, not echoed
    field = {"idle_timeout": "idle_timeout_s", "countdown": "countdown_s",
             "default_language": "default_mode", "allowed_languages": "allowed_modes",
             "content": "content_dirs"}.get(key, key)  # fmt: skip
    assert getattr(config, field) == getattr(KioskConfig(), field)
    if key != "idle_timeout":  # the good key beside the bad one still counts
        assert config.idle_timeout_s == 60


def test_unknown_keys_and_tables_are_reported(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[kiosk]\nidle_timout = 60\n[printing]\nx = 1\n")
    config, messages = load_kiosk_config(path)
    assert config == KioskConfig()
    assert any("idle_timout" in m and "unknown key" in m for m in messages)
    assert any("printing" in m for m in messages)


def test_unknown_key_names_are_cut_short_and_escaped(tmp_path: Path) -> None:
    long_key = "k" * 5000
    path = write_config(tmp_path, f'[kiosk]\n"{long_key}" = 1\n"line\\nbreak\\u001b[31m" = 2\n')
    _config, messages = load_kiosk_config(path)
    assert len(messages) == 2
    assert all(len(m) < len(str(path)) + 250 and "\n" not in m and "\x1b" not in m for m in messages)


def test_default_language_outside_allowed_falls_back_to_an_allowed_one(tmp_path: Path) -> None:
    path = write_config(tmp_path, '[kiosk]\ndefault_language = "en"\nallowed_languages = ["zh"]\n')
    config, messages = load_kiosk_config(path)
    assert config.default_mode == "zh" and config.allowed_modes == ("zh",)
    assert len(messages) == 1 and "default_language" in messages[0]


def test_invalid_toml_gives_line_number_and_defaults(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[kiosk]\nidle_timeout = 60\nprinter = Reception\n")
    config, messages = load_kiosk_config(path)
    assert config == KioskConfig()
    assert len(messages) == 1 and str(path) in messages[0] and "line 3" in messages[0]


@pytest.mark.parametrize("body", [None, b"\xff\xfe[kiosk]", "idle_timeout = 60\n", "kiosk = 3\n"])
def test_unreadable_or_tableless_file_gives_defaults(
    tmp_path: Path, body: str | bytes | None
) -> None:
    path = tmp_path / "kiosk.toml"
    if isinstance(body, bytes):
        path.write_bytes(body)
    elif body is not None:
        path.write_text(body, encoding="utf-8")
    config, messages = load_kiosk_config(path)
    assert config == KioskConfig()
    assert messages and all(str(path) in m for m in messages)


@pytest.mark.parametrize("body", [
    "[kiosk]\na = " + "[" * 5000 + "]" * 5000 + "\n",
    "[kiosk]\na = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n",
    "[kiosk]\nidle_timeout = 1" + "0" * 5000 + "\n",
])  # fmt: skip
def test_hostile_toml_is_a_config_problem_not_a_crash(tmp_path: Path, body: str) -> None:
    path = write_config(tmp_path, body)
    config, messages = load_kiosk_config(path)
    assert config == KioskConfig()
    assert len(messages) == 1 and str(path) in messages[0] and "not valid TOML" in messages[0]
    assert len(messages[0]) < len(str(path)) + 120


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[kiosk]\n" + "# padding\n" * 7000)
    config, messages = load_kiosk_config(path)
    assert config == KioskConfig()
    assert len(messages) == 1 and str(path) in messages[0] and "larger than 64 KiB" in messages[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_or_folder_as_config_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "kiosk.toml"
    os.mkfifo(fifo)
    result: list[tuple[KioskConfig, list[str]]] = []
    reader = threading.Thread(target=lambda: result.append(load_kiosk_config(fifo)), daemon=True)
    started = time.monotonic()
    reader.start()
    reader.join(timeout=2)
    if reader.is_alive():  # opened the FIFO and is waiting for a writer: let it go, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO as the config blocked start-up")
    assert time.monotonic() - started < 0.5
    config, messages = result[0]
    assert config == KioskConfig()
    assert len(messages) == 1 and str(fifo) in messages[0] and "not a regular file" in messages[0]
    config, messages = load_kiosk_config(tmp_path)
    assert config == KioskConfig() and "not a regular file" in messages[0]


def test_byte_order_mark_from_notepad_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes("\ufeff[kiosk]\nidle_timeout = 300\n".encode())
    assert load_kiosk_config(path) == (KioskConfig(idle_timeout_s=300), [])


def test_command_line_overrides() -> None:
    config, messages = with_overrides(KioskConfig(printer="A"), idle_timeout=30, printer="B")
    assert (config.idle_timeout_s, config.printer, messages) == (30, "B", [])
    config, messages = with_overrides(KioskConfig(idle_timeout_s=200), idle_timeout=3)
    assert config.idle_timeout_s == 200 and "--idle-timeout" in messages[0]
    assert with_overrides(KioskConfig(printer="A"), printer=" ")[0].printer is None
    assert with_overrides(KioskConfig(printer="A"))[0].printer == "A"


def test_lang_on_the_command_line_is_the_session_language_within_the_allowed_ones() -> None:
    config, messages = with_overrides(KioskConfig(default_mode="zh"), language="both")
    assert (config.default_mode, messages) == ("both", [])
    config, messages = with_overrides(KioskConfig(allowed_modes=("en", "zh")), language="both")
    assert config.default_mode == "en"
    assert messages == ["--lang 'both' is not in allowed_languages ['en', 'zh']; using 'en'"]


# -- PIN ----------------------------------------------------------------------------------------
def test_pin_hash_round_trip_and_salt() -> None:
    assert PIN not in PIN_HASH and PIN_HASH.startswith("scrypt$")
    assert verify_pin(PIN, PIN_HASH)
    assert not verify_pin("2469", PIN_HASH)
    assert hash_pin(PIN) != PIN_HASH  # a fresh salt every time
    assert hash_pin(PIN, salt=b"0" * 16) == hash_pin(PIN, salt=b"0" * 16)


@pytest.mark.parametrize("pin", ["", "123", "1234567890123", "12a4", "１２３４", "²²²²"])
def test_hash_pin_refuses_what_is_not_a_pin(pin: str) -> None:
    with pytest.raises(ValueError, match="digits"):
        hash_pin(pin)


@pytest.mark.parametrize("encoded", [
    "", "2468", "scrypt$", "bcrypt$16384$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",
    "scrypt$x$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",
    "scrypt$16383$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",  # n not a power of two
    "scrypt$1073741824$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",  # absurd memory
    "scrypt$16384$8$1$not base64!$AAAAAAAAAAAAAAAAAAAAAA==",
    PIN_HASH + "$extra", PIN_HASH.rsplit("$", 1)[0] + "$AAAA",
])  # fmt: skip
def test_malformed_hash_never_matches_and_never_raises(encoded: str) -> None:
    assert not is_pin_hash(encoded)
    assert verify_pin(PIN, encoded) is False


def _scrypt_hash(n: int, r: int, p: int, salt: bytes = b"s" * 16, maxmem: int = 0) -> str:
    """A hash made by hashlib itself (default maxmem unless given), in hash_pin's format."""
    digest = hashlib.scrypt(PIN.encode(), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=32)
    return f"scrypt${n}${r}${p}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


@pytest.mark.parametrize(("n", "r", "p"), [(2, 1, 1), (16, 2, 3), (1024, 1, 16), (64, 32, 1)])
def test_scrypt_memory_is_exactly_what_hashlib_demands(n: int, r: int, p: int) -> None:
    need = scrypt_memory(n, r, p)
    _scrypt_hash(n, r, p, maxmem=need)
    with pytest.raises(ValueError, match="memory limit"):
        _scrypt_hash(n, r, p, maxmem=need - 1)


# (n, r, p, usable): around hashlib's default 32 MiB and OpenSSL's n < 2**(16·r).
SCRYPT_EDGES = [
    (2**14, 8, 1, True),  # what hash-pin makes: 16,780,288 bytes
    (2**15, 8, 1, False),  # 33,557,504 bytes: 3 KiB over
    (2**15, 1, 1, True),
    (2**16, 1, 1, False),  # n must be below 2**16 when r is 1
    (2**16, 2, 1, True),
    (2**17, 2, 1, False),  # 33,555,200 bytes
]


@pytest.mark.parametrize(("n", "r", "p", "usable"), SCRYPT_EDGES)
def test_pin_hash_accepted_exactly_when_hashlib_can_compute_it(n: int, r: int, p: int, usable: bool) -> None:
    if usable:
        encoded = _scrypt_hash(n, r, p)
        assert is_pin_hash(encoded) and verify_pin(PIN, encoded)
    else:
        with pytest.raises(ValueError, match="memory limit"):
            _scrypt_hash(n, r, p)
        encoded = f"scrypt${n}${r}${p}${'A' * 24}${'A' * 44}"
        assert not is_pin_hash(encoded)
        assert "leaflet-app hash-pin" in (pin_hash_problem(encoded) or "")


@pytest.mark.parametrize("params", [
    "16384$8$17", "16384$33$1", "16384$0$1", "16384$8$0", "65536$3$16",  # too slow: n·r·p > 2**21
    "2147483648$8$1", "99999999999$1$1", "+16384$8$1", "16_384$8$1", "1$8$1", "0$8$1",
])  # fmt: skip
def test_pin_hash_with_unusable_scrypt_numbers_is_refused(params: str) -> None:
    assert not is_pin_hash(f"scrypt${params}${'A' * 24}${'A' * 44}")


@pytest.mark.parametrize(("salt", "digest", "usable"), [
    (8, 16, True), (64, 64, True), (7, 32, False), (65, 32, False), (16, 15, False), (16, 65, False),
])  # fmt: skip
def test_pin_hash_salt_and_hash_lengths_are_bounded(salt: int, digest: int, usable: bool) -> None:
    b64 = base64.b64encode
    encoded = f"scrypt$16384$8$1${b64(b's' * salt).decode()}${b64(b'h' * digest).decode()}"
    assert is_pin_hash(encoded) is usable


def test_config_refuses_a_hash_hashlib_cannot_check_and_exit_is_disabled(tmp_path: Path) -> None:
    too_big = f"scrypt$32768$8$1${'A' * 24}${'A' * 44}"
    path = write_config(tmp_path, f'[kiosk]\nidle_timeout = 60\npin_hash = "{too_big}"\n')
    config, messages = load_kiosk_config(path)
    assert config.pin_hash is None and config.idle_timeout_s == 60  # the rest of the file applies
    assert len(messages) == 1
    assert str(path) in messages[0] and "pin_hash" in messages[0] and "33,557,504 bytes" in messages[0]
    assert "no staff exit" in messages[0]
    assert not PinGate(config.pin_hash).enabled


def test_gate_locks_after_three_wrong_then_doubles_up_to_fifteen_minutes() -> None:
    clock = FakeClock()
    gate = PinGate(PIN_HASH, clock=clock)
    assert [gate.attempt("0000") for _ in range(3)] == ["wrong"] * 3
    assert gate.seconds_locked() == 30
    assert gate.attempt(PIN) == "locked"  # even the right PIN waits
    clock.now += 29
    assert gate.attempt(PIN) == "locked" and gate.seconds_locked() == pytest.approx(1)
    expected = [60, 120, 240, 480, 900, 900]
    for lock in expected:
        clock.now += gate.seconds_locked()
        assert gate.attempt("0000") == "wrong"
        assert gate.seconds_locked() == lock
    clock.now += 900
    assert gate.attempt(PIN) == "ok"
    # Success forgives earlier failures.
    assert [gate.attempt("0000") for _ in range(2)] == ["wrong"] * 2
    assert gate.seconds_locked() == 0


def test_lockout_survives_a_restart_with_the_same_back_off(tmp_path: Path) -> None:
    state = tmp_path / "state" / "kiosk-pin-state.json"
    wall = FakeClock(1_700_000_000.0)
    gate = PinGate(PIN_HASH, clock=FakeClock(50.0), state_file=state, wall_clock=wall)
    assert [gate.attempt("0000") for _ in range(3)] == ["wrong"] * 3
    assert gate.seconds_locked() == 30
    saved = state.read_text(encoding="ascii")
    assert PIN not in saved and "scrypt" not in saved and PIN_HASH.split("$")[-1] not in saved
    wall.now += 10
    # Restarted: a new process, whose monotonic clock starts somewhere else entirely.
    gate = PinGate(PIN_HASH, clock=FakeClock(3.0), state_file=state, wall_clock=wall)
    assert gate.attempt(PIN) == "locked" and gate.seconds_locked() == pytest.approx(20)
    # The count came back too: once the lock ends, the next wrong try doubles it.
    restarted = FakeClock(3.0 + 20)
    wall.now += 20
    gate = PinGate(PIN_HASH, clock=restarted, state_file=state, wall_clock=wall)
    assert gate.attempt("0000") == "wrong" and gate.seconds_locked() == 60
    restarted.now += 60
    assert gate.attempt(PIN) == "ok"
    wall.now += 60
    fresh = PinGate(PIN_HASH, clock=FakeClock(), state_file=state, wall_clock=wall)
    assert [fresh.attempt("0000") for _ in range(2)] == ["wrong"] * 2  # the right PIN forgave all
    assert fresh.seconds_locked() == 0


def test_no_state_file_is_written_until_a_wrong_pin(tmp_path: Path) -> None:
    state = tmp_path / "kiosk-pin-state.json"
    gate = PinGate(PIN_HASH, state_file=state)
    assert gate.attempt(PIN) == "ok" and not state.exists()
    assert gate.seconds_locked() == 0


def _restart_with(tmp_path: Path, body: str | bytes) -> PinGate:
    state = tmp_path / "kiosk-pin-state.json"
    if isinstance(body, bytes):
        state.write_bytes(body)
    else:
        state.write_text(body, encoding="utf-8")
    return PinGate(PIN_HASH, clock=FakeClock(), state_file=state, wall_clock=FakeClock(1e9))


@pytest.mark.parametrize("body", [
    "", "{", "[]", "null", b"\xff\xfe\x00", '{"failures": "3", "locked_until": 0}',
    '{"failures": true, "locked_until": 0}', '{"failures": -1, "locked_until": 0}',
    '{"failures": 3}', '{"failures": 3, "locked_until": NaN}',
    '{"failures": 3, "locked_until": Infinity}', '{"failures": 3, "locked_until": 1e999}',
    '{"failures": 1' + "0" * 5000 + ', "locked_until": 0}', "[" * 3000 + "]" * 3000,
    '{"failures": 3, "locked_until": 0}' + " " * 5000,
])  # fmt: skip
def test_broken_state_file_locks_one_first_period_at_most(tmp_path: Path, body: str | bytes) -> None:
    gate = _restart_with(tmp_path, body)
    assert gate.seconds_locked() == 30  # neither free tries nor a long lockout
    assert _restart_with(tmp_path, (tmp_path / "kiosk-pin-state.json").read_bytes()).seconds_locked() == 30


@pytest.mark.parametrize(("body", "locked"), [
    ('{"failures": 3, "locked_until": 1e18}', 30),  # deadline far off: no more than 3 tries earn
    ('{"failures": 99999999999, "locked_until": 1e18}', 900),  # never beyond the longest lockout
    ('{"failures": 2, "locked_until": 1e18}', 0),  # free tries earn no lockout at all
    ('{"failures": 5, "locked_until": 1}', 0),  # long over
    ('{"failures": 5, "locked_until": 1000000100}', 100),
])  # fmt: skip
def test_state_file_numbers_are_bounded(tmp_path: Path, body: str, locked: float) -> None:
    assert _restart_with(tmp_path, body).seconds_locked() == pytest.approx(locked)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_or_folder_as_state_file_neither_hangs_nor_crashes(tmp_path: Path) -> None:
    fifo = tmp_path / "kiosk-pin-state.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    gate = PinGate(PIN_HASH, clock=FakeClock(), state_file=fifo)
    assert time.monotonic() - started < 0.5
    assert gate.seconds_locked() == 30
    assert fifo.is_file()  # replaced by a good file
    folder = tmp_path / "folder"
    folder.mkdir()
    gate = PinGate(PIN_HASH, clock=FakeClock(), state_file=folder)
    assert gate.seconds_locked() == 30 and gate.attempt(PIN) == "locked"  # cannot be saved: still fine


def test_state_file_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_state_path() == tmp_path / "leaflet-app" / "kiosk-pin-state.json"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/state")  # the spec says to ignore it
    assert default_state_path() == Path.home() / ".local" / "state" / "leaflet-app" / "kiosk-pin-state.json"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    assert default_state_path() == tmp_path / "leaflet-app" / "kiosk-pin-state.json"


@pytest.mark.parametrize("configured", [None, "", "1234", "garbage"])
def test_gate_without_a_valid_hash_refuses_everything(configured: str | None) -> None:
    gate = PinGate(configured)
    assert not gate.enabled
    assert gate.attempt("1234") == "disabled"


def test_hash_pin_command_prints_a_line_for_the_config(capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter([PIN, PIN])
    assert run_hash_pin([], ask=lambda _prompt: next(answers)) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith('pin_hash = "scrypt$') and PIN not in out
    assert verify_pin(PIN, out.split('"')[1])


@pytest.mark.parametrize("answers", [["1234", "1235"], ["12", "12"], ["abcd", "abcd"]])
def test_hash_pin_command_refuses_mismatch_and_bad_pins(
    answers: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    replies = iter(answers)
    assert run_hash_pin([], ask=lambda _prompt: next(replies)) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "hash-pin:" in captured.err


# -- idle timing and reset --------------------------------------------------------------------
def test_idle_policy_counts_down_then_resets_once() -> None:
    clock = FakeClock()
    policy = IdlePolicy(120, 15, clock=clock)
    clock.now += 119.9
    assert policy.tick() == "active" and policy.seconds_left() == 15
    clock.now += 0.1
    assert policy.tick() == "countdown" and policy.seconds_left() == 15
    clock.now += 0.5
    assert policy.seconds_left() == 15  # rounded up: the notice never shows 0 early
    clock.now += 14
    assert policy.tick() == "countdown" and policy.seconds_left() == 1
    clock.now += 0.5
    assert policy.tick() == "reset"
    # Nobody has touched the clean kiosk since: no new countdown however long it waits.
    clock.now += 10_000
    assert policy.tick() == "active" and policy.resting


def test_activity_cancels_countdown_and_restarts_the_idle_time() -> None:
    clock = FakeClock()
    policy = IdlePolicy(120, 15, clock=clock)
    clock.now += 60
    assert policy.activity() is False  # nothing to cancel
    clock.now += 125
    assert policy.tick() == "countdown"
    assert policy.activity() is True
    assert policy.tick() == "active"
    clock.now += 119
    assert policy.tick() == "active"
    clock.now += 16
    assert policy.tick() == "reset"
    assert policy.activity() is False  # after a reset the next touch starts a new session
    clock.now += 121
    assert policy.tick() == "countdown"


def test_idle_policy_refuses_nonsense_times() -> None:
    with pytest.raises(ValueError):
        IdlePolicy(0, 15)


def test_session_defaults_and_reset_steps() -> None:
    assert SessionDefaults() == SessionDefaults("en", 100, "standard")
    assert SessionDefaults.from_config(KioskConfig(default_mode="both")).mode == "both"
    assert SessionDefaults().leaflet == ""  # the welcome
    assert SessionDefaults.from_config(KioskConfig(), leaflet="baricitinib").leaflet == "baricitinib"
    assert RESET_STEPS[0] is ResetStep.CLOSE_DIALOGS and RESET_STEPS[-1] is ResetStep.GO_HOME
    # Clearing the search is itself an undoable edit: the history goes after it.
    assert RESET_STEPS.index(ResetStep.FORGET_TYPING) > RESET_STEPS.index(ResetStep.CLEAR_SEARCH)
    assert len(set(RESET_STEPS)) == len(ResetStep)
