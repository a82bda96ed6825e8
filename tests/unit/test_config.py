"""Settings: defaults, file, environment and flags, in that order of precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import ConfigError, Settings, load_settings, save_settings


def test_defaults_come_from_code(tmp_path: Path) -> None:
    """With no file and no variables, every setting is its documented default."""
    loaded = load_settings(tmp_path / "missing.toml", environ={})
    assert loaded.settings.voice is True
    assert loaded.settings.theme == "light"
    assert loaded.settings.kiosk.idle_seconds == 60
    assert loaded.settings.database_path.name == "frameshift.db"
    assert loaded.warnings == []


def test_file_then_environment_then_flags(tmp_path: Path) -> None:
    """The environment overrides the file and a flag overrides both."""
    cfg = tmp_path / "config.toml"
    cfg.write_text('theme = "dark"\nvolume = 0.5\n[kiosk]\nidle_seconds = 30\n')
    env = {"FRAMESHIFT_VOLUME": "0.25", "FRAMESHIFT_KIOSK_IDLE_SECONDS": "45"}
    loaded = load_settings(cfg, environ=env, overrides={"theme": "high_contrast"})
    s = loaded.settings
    assert s.theme == "high_contrast"
    assert s.volume == 0.25
    assert s.kiosk.idle_seconds == 45


def test_data_dir_moves_database_audio_and_cache(tmp_path: Path) -> None:
    """--data-dir relocates everything the app writes."""
    s = load_settings(tmp_path / "c.toml", environ={}, overrides={"data_dir": tmp_path / "d"})
    assert s.settings.database_path == tmp_path / "d" / "frameshift.db"
    assert s.settings.audio_dir.parent == tmp_path / "d"
    assert s.settings.cache_dir.parent == tmp_path / "d"


def test_unknown_key_is_a_warning_not_an_error(tmp_path: Path) -> None:
    """A typo in the config file is reported but does not stop the app."""
    cfg = tmp_path / "config.toml"
    cfg.write_text("voise = false\n")
    loaded = load_settings(cfg, environ={})
    assert loaded.settings.voice is True
    assert any("voise" in w for w in loaded.warnings)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("volume = 'loud'\n", "volume"),
        ("theme = 'neon'\n", "theme"),
        ("[kiosk\n", "not valid TOML"),
        ("kiosk = 3\n", "must be a table"),
    ],
)
def test_bad_values_name_the_setting(tmp_path: Path, content: str, fragment: str) -> None:
    """A value of the wrong type is a ConfigError naming the setting."""
    cfg = tmp_path / "config.toml"
    cfg.write_text(content)
    with pytest.raises(ConfigError, match=fragment):
        load_settings(cfg, environ={})


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    """FRAMESHIFT_VOICE=maybe is refused with the setting's name."""
    with pytest.raises(ConfigError, match="voice"):
        load_settings(tmp_path / "none.toml", environ={"FRAMESHIFT_VOICE": "maybe"})


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    """What the settings dialog saves is what the next start loads."""
    cfg = tmp_path / "sub" / "config.toml"
    s = Settings(theme="dark", font_scale=1.5, scenario_dirs=("a", "b"))
    from dataclasses import replace

    s = replace(s, kiosk=replace(s.kiosk, enabled=True, scenarios=("connector-intro",)))
    save_settings(s, cfg)
    again = load_settings(cfg, environ={}).settings
    assert again.theme == "dark"
    assert again.font_scale == 1.5
    assert again.scenario_dirs == ("a", "b")
    assert again.kiosk.scenarios == ("connector-intro",)
    assert again.kiosk.enabled is True


def test_tests_never_see_the_real_config(isolated_settings: Path) -> None:
    """The suite's autouse fixture points config and data into a temporary home."""
    loaded = load_settings()
    assert str(loaded.path).startswith(str(isolated_settings))
    assert str(loaded.settings.data_dir).startswith(str(isolated_settings))


def test_settings_and_vad_agree_on_the_end_of_speech_default() -> None:
    """The documented hang-over default is the one the voice-activity detector uses."""
    from app.speech.vad import VadConfig

    assert Settings().end_silence_ms == VadConfig().end_silence_ms
