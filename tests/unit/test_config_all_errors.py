"""Trial 8 H27: one bad value in config.toml stopped the window from opening (one stderr line,
nothing on screen for a desktop user) and each run named only the FIRST bad setting. Now every
bad setting is found in one pass: the command line names them all in its one line; the desktop
window opens on the defaults for those settings with every one named first among its start-up
notices; a kiosk never opens on guessed settings. A TOML syntax error is a sentence with the
line and what to do. Generated: random sets of bad values among good ones, x strict / lenient."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.config import ConfigError, Settings, load_settings

#: (key, TOML value, words the sentence must hold)
BAD: list[tuple[str, str, str]] = [
    ("theme", '"purple"', "theme: 'purple'"),
    ("font_scale", "9", "font_scale: 9"),
    ("volume", '"loud"', "volume: 'loud'"),
    ("voice", '"maybe"', "voice: 'maybe'"),
    ("listen", "3.5", "listen: 3.5"),
    ("practice_mode", '"sure"', "practice_mode: 'sure'"),
    ("data_dir", '""', "data_dir: ''"),
    ("scenario_dirs", "7", "scenario_dirs: 7"),
]
GOOD: list[tuple[str, str, object]] = [
    ("theme", '"dark"', "dark"),
    ("font_scale", "1.25", 1.25),
    ("voice", "false", False),
    ("practice_mode", "true", True),
]


def _config(tmp_path: Path, seed: int) -> tuple[Path, list[tuple[str, str, str]], dict]:
    rng = random.Random(seed)
    bad = rng.sample(BAD, rng.randint(1, len(BAD)))
    bad_keys = {k for k, _, _ in bad}
    good = [g for g in GOOD if g[0] not in bad_keys and rng.random() < 0.7]
    lines = [f"{k} = {v}" for k, v, _ in bad] + [f"{k} = {v}" for k, v, _ in good]
    if rng.random() < 0.5:
        lines.append("bogus_key = 1")
    rng.shuffle(lines)
    cfg = tmp_path / "config.toml"
    cfg.write_text("\n".join(lines) + "\n")
    return cfg, bad, {k: want for k, _, want in good}


@pytest.mark.parametrize("seed", range(40))
def test_the_command_line_names_every_bad_setting_in_one_line(tmp_path: Path, seed: int) -> None:
    cfg, bad, _good = _config(tmp_path, seed)
    with pytest.raises(ConfigError) as caught:
        load_settings(cfg, environ={})
    text = str(caught.value)
    assert "\n" not in text
    for _key, _value, words in bad:
        assert words in text, (words, text)


@pytest.mark.parametrize("seed", range(40))
def test_the_window_opens_on_defaults_for_the_bad_ones_and_names_them_all(
    tmp_path: Path, seed: int
) -> None:
    cfg, bad, good = _config(tmp_path, seed)
    loaded = load_settings(cfg, environ={}, lenient=True)
    defaults = Settings()
    for key, _value, _words in bad:
        assert getattr(loaded.settings, key) == getattr(defaults, key), key
    for key, want in good.items():
        assert getattr(loaded.settings, key) == want, key
    first = loaded.warnings[0]
    word, them = ("problem", "it") if len(bad) == 1 else ("problems", "those")
    assert first.startswith(f"{len(bad)} setting {word}; the defaults are used for {them}")
    for _key, _value, words in bad:
        assert words in first, (words, first)


@pytest.mark.parametrize(
    "content",
    ["[kiosk]\nidle_seconds = -1\n", "[kiosk]\npin_hash = 5\n", "kiosk = 3\n",
     "theme = \"purple\"\n[kiosk]\nenabled = true\n"],
)  # fmt: skip
def test_a_kiosk_never_opens_on_guessed_settings(tmp_path: Path, content: str) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(content)
    with pytest.raises(ConfigError):
        load_settings(cfg, environ={}, lenient=True)


@pytest.mark.parametrize(
    ("content", "line", "fix"),
    [
        ('theme = "dark\n', 1, 'add the closing "'),
        ('# x\nvoice = true\ntheme = "da\nfont_scale = 1\n', 3, 'add the closing "'),
        ("voice true\n", 1, "name = value"),
        ("# a\n\ntheme dark\n", 3, "name = value"),
        ('theme = "a"\ntheme = "b"\n', 2, "keep only one"),
        ("[kiosk]\n[kiosk]\n", 2, "keep only one"),
        ("theme = dark\n", 1, "put text in quotes"),
        ("\n\nfont_scale = 1.2.3\n", 3, ""),
    ],
)
def test_a_toml_syntax_error_is_a_sentence_with_its_line_and_a_fix(
    tmp_path: Path, content: str, line: int, fix: str
) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(content)
    for lenient in (False, True):  # a file that is not TOML: no setting in it can be trusted
        with pytest.raises(ConfigError) as caught:
            load_settings(cfg, environ={}, lenient=lenient)
        text = str(caught.value)
        assert text.startswith(f"{cfg}:{line}: not valid TOML"), text
        assert fix in text, text
        assert "(at line" not in text
