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


# -- issue 13 item 17: every setting range-checked in one place, the error names the key -------
@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("[kiosk]\nidle_seconds = -1\n", "kiosk.idle_seconds: -1 is below the minimum 1"),
        ("volume = -0.5\n", "volume: -0.5 is below the minimum 0"),
        ("rate = 0\n", "rate: 0.0 is below the minimum 0.25"),
        ("recognizer_timeout_s = -3\n", "recognizer_timeout_s: -3 is below"),
        ("max_answer_s = 100000\n", "max_answer_s: 100000 is above the maximum 600"),
        ("data_dir = ''\n", "data_dir: '' is not a folder path"),
        ("font_scale = nan\n", "font_scale: nan is not a finite number"),
        ("end_silence_ms = 1.5\n", "end_silence_ms: 1.5 is not a whole number"),
        ("input_device = 3\n", "input_device: 3 is not a text"),
        ("scenario_dirs = [1, 2]\n", "scenario_dirs"),
    ],
)
def test_out_of_range_settings_are_one_line_errors_naming_the_key(
    tmp_path: Path, content: str, fragment: str
) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_settings(cfg, environ={})
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_settings_built_in_code_are_checked_too() -> None:
    from app.config import KioskSettings

    with pytest.raises(ConfigError, match=r"kiosk\.idle_seconds"):
        KioskSettings(idle_seconds=-1)
    with pytest.raises(ConfigError, match="volume"):
        Settings(volume=-1.0)


def test_environment_value_out_of_range_names_the_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"environment: kiosk\.idle_seconds"):
        load_settings(tmp_path / "none.toml", environ={"FRAMESHIFT_KIOSK_IDLE_SECONDS": "-1"})
    with pytest.raises(ConfigError, match="data_dir"):
        load_settings(tmp_path / "none.toml", environ={"FRAMESHIFT_DATA_DIR": ""})


def test_a_utf8_bom_in_the_config_file_is_accepted(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_bytes(b"\xef\xbb\xbftheme = 'dark'\n")
    assert load_settings(cfg, environ={}).settings.theme == "dark"


@pytest.mark.parametrize("kind", ["fifo", "dir", "binary", "huge"])
def test_a_config_that_is_not_a_settings_file_is_a_sentence(tmp_path: Path, kind: str) -> None:
    import os
    import time

    cfg = tmp_path / "config.toml"
    if kind == "fifo":
        os.mkfifo(cfg)
    elif kind == "dir":
        cfg.mkdir()
    elif kind == "binary":
        cfg.write_bytes(b"\xff\xfe\x00garbage")
    else:
        cfg.write_bytes(b"# " + b"x" * 2_000_000)
    started = time.monotonic()
    with pytest.raises(ConfigError, match=str(cfg).replace(".", r"\.")):
        load_settings(cfg, environ={})
    assert time.monotonic() - started < 5


def _one_setting_value() -> object:
    from hypothesis import strategies as st

    return st.one_of(
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.booleans(),
        st.lists(st.integers(), max_size=3),
    )


def test_any_value_for_any_setting_loads_or_names_the_key(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Generated: every key of both tables with values of every TOML type, in and out of range.
    The result is valid settings, or a one-line ConfigError naming exactly that key."""
    from dataclasses import fields as dc_fields

    import tomlkit
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from app.config import KioskSettings

    keys = [("", f.name) for f in dc_fields(Settings) if f.name != "kiosk"]
    keys += [("kiosk", f.name) for f in dc_fields(KioskSettings)]
    folder = tmp_path_factory.mktemp("gen")

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(keys), _one_setting_value())
    def check(key: tuple[str, str], value: object) -> None:
        section, name = key
        doc = tomlkit.document()
        if section:
            doc[section] = {name: value}
        else:
            doc[name] = value
        cfg = folder / "config.toml"
        cfg.write_text(tomlkit.dumps(doc))
        try:
            loaded = load_settings(cfg, environ={}).settings
        except ConfigError as exc:
            text = str(exc)
            assert "\n" not in text
            assert f"{section + '.' if section else ''}{name}:" in text
            return
        _validated = Settings(**{f.name: getattr(loaded, f.name) for f in dc_fields(Settings)})
        assert _validated == loaded

    check()


# -- issue 13 item 5: saving keeps comments, unknown keys, ~ paths and the file's mode ----------
def test_saving_keeps_comments_unknown_keys_home_paths_and_mode(tmp_path: Path) -> None:
    from dataclasses import replace

    cfg = tmp_path / "config.toml"
    original = (
        "# my settings\n"
        "schema = 1\n"
        'data_dir = "~/frameshift-data"  # on the big disk\n'
        "my_own_key = 7\n"
        "\n"
        "[kiosk]\n"
        "# the booth\n"
        "idle_seconds = 90\n"
        "\n"
        "[plugins]\n"
        'x = "y"\n'
    )
    cfg.write_text(original)
    cfg.chmod(0o600)
    loaded = load_settings(cfg, environ={}).settings
    save_settings(replace(loaded, theme="dark", kiosk=replace(loaded.kiosk, pin_hash="h")), cfg)
    text = cfg.read_text()
    assert "# my settings" in text
    assert '"~/frameshift-data"  # on the big disk' in text
    assert "my_own_key = 7" in text
    assert "# the booth" in text
    assert "[plugins]" in text
    assert 'theme = "dark"' in text
    assert 'pin_hash = "h"' in text
    assert (cfg.stat().st_mode & 0o777) == 0o600
    again = load_settings(cfg, environ={}).settings
    assert again.kiosk.idle_seconds == 90
    assert again.theme == "dark"


def test_saving_a_pin_tightens_a_readable_file_and_new_files_are_private(tmp_path: Path) -> None:
    from dataclasses import replace

    cfg = tmp_path / "config.toml"
    cfg.write_text("theme = 'dark'\n")
    cfg.chmod(0o644)
    s = load_settings(cfg, environ={}).settings
    save_settings(replace(s, kiosk=replace(s.kiosk, pin_hash="h")), cfg)
    assert (cfg.stat().st_mode & 0o777) == 0o600
    fresh = tmp_path / "new" / "config.toml"
    save_settings(Settings(theme="dark"), fresh)
    assert (fresh.stat().st_mode & 0o777) == 0o600
    assert list(fresh.parent.iterdir()) == [fresh]  # no temporary file left behind
