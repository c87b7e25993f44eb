"""The log file: in the platform's state folder, rotating, with the kiosk's config problems and
the config file used, and nothing a patient or nurse typed."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from leaflet_app.app_log import BACKUPS, LOG_NAME, log_dir, setup_logging
from leaflet_app.core import kiosk_config


@pytest.fixture
def log_file(tmp_path: Path) -> Path | None:
    return setup_logging(folder=tmp_path / "logs")


def test_log_folder_follows_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert log_dir() == tmp_path / "state" / "leaflet-app"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert log_dir() == tmp_path / "local" / "leaflet-app" / "Logs"


def test_default_log_file_is_in_the_state_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    path = setup_logging(console=False)
    logging.getLogger("leaflet_app.test").warning("a plain sentence")
    assert path == tmp_path / "leaflet-app" / LOG_NAME
    assert path.read_text(encoding="utf-8").rstrip().endswith("WARNING leaflet_app.test: a plain sentence")


def test_the_log_rotates_and_keeps_a_few_files(log_file: Path) -> None:
    log = logging.getLogger("leaflet_app.test")
    for _ in range(3000):
        log.info("x" * 1000)
    files = sorted(p.name for p in log_file.parent.iterdir())
    assert files == [LOG_NAME] + [f"{LOG_NAME}.{n}" for n in range(1, BACKUPS + 1)]
    assert sum(p.stat().st_size for p in log_file.parent.iterdir()) < 2.2 * 2**20


def test_console_shows_warnings_without_logger_prefixes(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logging.getLogger("leaflet_app.core.loader").error("a/b.md:3: error: something is wrong")
    logging.getLogger("leaflet_app.core.loader").info("only for the file")
    assert capsys.readouterr().err == "a/b.md:3: error: something is wrong\n"
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR leaflet_app.core.loader: a/b.md:3" in text and "only for the file" in text


def test_default_kiosk_config_locations(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert kiosk_config.default_config_path() == Path("/etc/leaflet-app/kiosk.toml")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path))
    assert kiosk_config.default_config_path() == tmp_path / "leaflet-app" / "kiosk.toml"


@pytest.mark.gui
def test_kiosk_reads_the_default_config_and_logs_which_file(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, log_file: Path, capsys
) -> None:
    from leaflet_app.cli import app_parser
    from leaflet_app.ui.app import build_window

    config = tmp_path / "etc" / "kiosk.toml"
    config.parent.mkdir()
    config.write_text('[kiosk]\nidle_timeout = 45\ncountdown = "soon"\n', encoding="utf-8")
    monkeypatch.setattr(kiosk_config, "LINUX_CONFIG", config)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    _app, window = build_window(app_parser().parse_args(["--kiosk"]))
    qtbot.addWidget(window)
    try:
        assert window.kiosk is not None and window.kiosk.config.idle_timeout_s == 45
        text = log_file.read_text(encoding="utf-8")
        assert f"kiosk configuration: reading {config}" in text
        # The bad key: once on the console (plain) and once in the file, where Windows staff look.
        err = capsys.readouterr().err
        assert err.count("countdown") == 1 and err.startswith(f"{config}: [kiosk] countdown")
        assert text.count("countdown must be") == 1
    finally:
        window.kiosk.leave()


@pytest.mark.gui
def test_no_default_config_file_is_logged_too(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, log_file: Path
) -> None:
    from leaflet_app.cli import app_parser
    from leaflet_app.ui.app import build_window

    monkeypatch.setattr(kiosk_config, "LINUX_CONFIG", tmp_path / "none.toml")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    _app, window = build_window(app_parser().parse_args(["--kiosk"]))
    qtbot.addWidget(window)
    try:
        assert window.kiosk is not None and window.kiosk.config.idle_timeout_s == 120
        assert f"kiosk configuration: no file at {tmp_path / 'none.toml'}; using the defaults" in (
            log_file.read_text(encoding="utf-8")
        )
    finally:
        window.kiosk.leave()


@pytest.mark.gui
def test_search_text_and_nurse_notes_never_reach_the_log(  # type: ignore[no-untyped-def]
    make_window, qtbot, tmp_path: Path, log_file: Path
) -> None:
    from leaflet_app.core.print_layout import PrintOptions
    from leaflet_app.printing import export_pdf

    window = make_window()
    window.search.panel.set_debounce(1)
    for text in ("zzsecretsearch", '"unbalanced AND (', "NEAR(x y", "复发 OR"):
        window.search_field.setText(text)
        qtbot.waitUntil(lambda: not window.search.panel._timer.isActive())
        window.search_field.clear()
    leaflet = window.library.get("baricitinib")
    export_pdf(tmp_path / "b.pdf", window.library, leaflet, PrintOptions(note="zznursenote Mrs Example"))
    logging.getLogger("leaflet_app").info("end of session")
    text = log_file.read_text(encoding="utf-8")
    assert "end of session" in text
    for secret in ("zzsecretsearch", "unbalanced", "NEAR(", "zznursenote", "Mrs Example"):
        assert secret not in text
