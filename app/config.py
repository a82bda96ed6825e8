"""Typed settings: defaults in code, a TOML file in the platform's config dir, then
``FRAMESHIFT_*`` environment variables, then command-line flags (each overrides the one before).

The file has a ``schema`` number so later versions can migrate it. Unknown keys are reported, not
fatal: a typo in the config must never stop a kiosk from starting.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_type_hints

import platformdirs

APP_NAME = "frameshift"
CONFIG_SCHEMA = 1
ENV_PREFIX = "FRAMESHIFT_"


class ConfigError(ValueError):
    """A config file or variable that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class KioskSettings:
    """The `[kiosk]` section: how a career-fair booth runs the app."""

    enabled: bool = False
    scenarios: tuple[str, ...] = ()
    idle_seconds: int = 60
    countdown_seconds: int = 10
    max_minutes: int = 5
    pin_hash: str = ""
    anonymous_counts: bool = False


@dataclass(frozen=True)
class Settings:
    """Everything a user or operator can set. Defaults here are the documented defaults."""

    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME)))
    voice: bool = True
    listen: bool = True
    push_to_talk: bool = False
    input_device: str = ""
    model_dir: str = ""
    volume: float = 1.0
    rate: float = 1.0
    theme: str = "light"
    font_scale: float = 1.0
    scenario_dirs: tuple[str, ...] = ()
    end_silence_ms: int = 550
    max_answer_s: int = 30
    recognizer_timeout_s: int = 30
    kiosk: KioskSettings = field(default_factory=KioskSettings)

    # Where things live, derived from data_dir so --data-dir moves all of it at once.
    @property
    def database_path(self) -> Path:
        return self.data_dir / "frameshift.db"

    @property
    def audio_dir(self) -> Path:
        return self.data_dir / "audio"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    def extra_scenario_dirs(self) -> list[Path]:
        dirs = [Path(d).expanduser() for d in self.scenario_dirs]
        user_dir = self.data_dir / "dialogues"
        if user_dir.is_dir():
            dirs.append(user_dir)
        return dirs


THEMES = ("light", "dark", "high_contrast")


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def _coerce(value: Any, kind: Any, name: str) -> Any:
    """Turn a TOML or environment value into the field's type, or say which field is wrong."""
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(value)
        if kind is int:
            if isinstance(value, bool):
                raise ValueError(value)
            return int(value)
        if kind is float:
            return float(value)
        if kind is Path:
            return Path(str(value)).expanduser()
        if kind == tuple[str, ...]:
            if isinstance(value, str):
                return tuple(p.strip() for p in value.split(",") if p.strip())
            if isinstance(value, list | tuple):
                return tuple(str(v) for v in value)
            raise ValueError(value)
        if kind is str:
            return str(value)
    except (TypeError, ValueError):
        pass
    raise ConfigError(f"{name}: {value!r} is not a valid {getattr(kind, '__name__', kind)}")


def _apply(obj: Any, values: Mapping[str, Any], where: str, warnings: list[str]) -> Any:
    hints = get_type_hints(type(obj))
    changes: dict[str, Any] = {}
    known = {f.name for f in fields(obj)}
    for key, value in values.items():
        if key == "schema":
            continue
        if key not in known:
            warnings.append(f"{where}: unknown setting {key!r} ignored")
            continue
        kind = hints[key]
        if dataclasses.is_dataclass(kind):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}: [{key}] must be a table")
            changes[key] = _apply(getattr(obj, key), value, f"{where} [{key}]", warnings)
        else:
            changes[key] = _coerce(value, kind, f"{where}: {key}")
    return replace(obj, **changes)


def _env_values(environ: Mapping[str, str]) -> dict[str, Any]:
    """FRAMESHIFT_DATA_DIR=..., FRAMESHIFT_KIOSK_IDLE_SECONDS=... -> nested dict."""
    values: dict[str, Any] = {}
    nested = {f.name for f in fields(Settings) if f.name == "kiosk"}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or name == ENV_PREFIX + "CONFIG":
            continue
        key = name[len(ENV_PREFIX) :].lower()
        for section in nested:
            if key.startswith(section + "_"):
                values.setdefault(section, {})[key[len(section) + 1 :]] = raw
                break
        else:
            values[key] = raw
    return values


@dataclass
class LoadedSettings:
    settings: Settings
    path: Path
    warnings: list[str]


def load_settings(
    config_path: Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> LoadedSettings:
    """Defaults, then the config file, then the environment, then explicit overrides."""
    environ = os.environ if environ is None else environ
    if config_path is None:
        env_path = environ.get(ENV_PREFIX + "CONFIG")
        config_path = Path(env_path).expanduser() if env_path else default_config_path()
    warnings: list[str] = []
    settings = Settings()
    if config_path.exists():
        try:
            data = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_path}: cannot be read ({exc})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{config_path}: not valid TOML ({exc})") from exc
        settings = _apply(settings, data, str(config_path), warnings)
    settings = _apply(settings, _env_values(environ), "environment", warnings)
    if overrides:
        settings = _apply(
            settings,
            {k: v for k, v in overrides.items() if v is not None},
            "command line",
            warnings,
        )
    if settings.theme not in THEMES:
        raise ConfigError(f"theme {settings.theme!r} is not one of {', '.join(THEMES)}")
    return LoadedSettings(settings, config_path, warnings)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def save_settings(settings: Settings, path: Path) -> None:
    """Write every setting that differs from the default, atomically."""
    default = Settings()
    lines = [f"schema = {CONFIG_SCHEMA}"]
    kiosk_lines: list[str] = []
    for f in fields(settings):
        value = getattr(settings, f.name)
        if f.name == "kiosk":
            for kf in fields(value):
                kv = getattr(value, kf.name)
                if kv != getattr(default.kiosk, kf.name):
                    kiosk_lines.append(f"{kf.name} = {_toml_value(kv)}")
        elif value != getattr(default, f.name):
            lines.append(f"{f.name} = {_toml_value(value)}")
    if kiosk_lines:
        lines += ["", "[kiosk]", *kiosk_lines]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
