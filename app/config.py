"""Typed settings: defaults in code, a TOML file in the platform's config dir, then
``FRAMESHIFT_*`` environment variables, then command-line flags (each overrides the one before).

Every setting is declared once below with its type, default and allowed range (`setting(...)`);
the same declaration checks the config file, the environment, the command line and any
`Settings(...)` built in code, so an out-of-range value is always a one-line `ConfigError` that
names the key. The file has a ``schema`` number so later versions can migrate it. Unknown keys
are reported, not fatal: a typo in the config must never stop a kiosk from starting.

Saving edits the file in place with tomlkit: comments, unknown keys, ``~`` paths and the order
the user chose are kept, the write is atomic, and the mode is kept (0600 for a new file, and
never looser than 0600 once it holds the kiosk's PIN hash).
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_type_hints

import platformdirs

from app.files import NotARegularFileError, open_regular

APP_NAME = "frameshift"
CONFIG_SCHEMA = 1
ENV_PREFIX = "FRAMESHIFT_"
THEMES = ("light", "dark", "high_contrast")
#: A config file larger than this is not a settings file (and is never read whole).
MAX_CONFIG_BYTES = 1_000_000


class ConfigError(ValueError):
    """A config file or variable that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Rule:
    """What one setting accepts beyond its type."""

    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    nonempty: bool = False

    def problem(self, value: Any) -> str | None:
        """Why `value` is not allowed, or None."""
        if isinstance(value, float) and not math.isfinite(value):
            return f"{value!r} is not a finite number"
        if isinstance(value, int | float) and not isinstance(value, bool):
            if self.low is not None and value < self.low:
                return f"{value!r} is below the minimum {self.low:g}"
            if self.high is not None and value > self.high:
                return f"{value!r} is above the maximum {self.high:g}"
        if self.choices and value not in self.choices:
            return f"{value!r} is not one of {', '.join(self.choices)}"
        text = [value] if isinstance(value, str | Path) else []
        if isinstance(value, tuple):
            text = list(value)
        if any("\x00" in str(t) for t in text):
            return "contains a NUL character"
        if self.nonempty and isinstance(value, Path) and str(value) in ("", "."):
            return "must name a folder, not be empty"
        return None


def setting(default: Any = None, *, factory: Any = None, **rule: Any) -> Any:
    """A dataclass field with its rule attached (the one place a setting's range is written)."""
    meta = {"rule": Rule(**rule)}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def _validate(obj: Any, where: str = "") -> None:
    for f in fields(obj):
        rule = f.metadata.get("rule")
        value = getattr(obj, f.name)
        if rule is None:
            continue
        problem = rule.problem(value)
        if problem:
            raise ConfigError(f"{where}{f.name}: {problem}")


@dataclass(frozen=True)
class KioskSettings:
    """The `[kiosk]` section: how a career-fair booth runs the app."""

    enabled: bool = setting(False)
    scenarios: tuple[str, ...] = setting(())
    idle_seconds: int = setting(60, low=1, high=86_400)
    countdown_seconds: int = setting(10, low=1, high=3_600)
    max_minutes: int = setting(5, low=1, high=240)
    pin_hash: str = setting("")
    anonymous_counts: bool = setting(False)

    def __post_init__(self) -> None:
        _validate(self, "kiosk.")


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


@dataclass(frozen=True)
class Settings:
    """Everything a user or operator can set. Defaults here are the documented defaults."""

    data_dir: Path = setting(factory=_default_data_dir, nonempty=True)  # noqa: RUF009
    voice: bool = setting(True)
    listen: bool = setting(True)
    push_to_talk: bool = setting(False)
    input_device: str = setting("")
    model_dir: str = setting("")
    # Which Whisper recognizes answers when model_dir is empty: "accurate" (base), "fast"
    # (tiny.en), "auto" (base unless a timed decode at first run finds the machine too slow).
    recognizer: str = setting("auto", choices=("auto", "accurate", "fast"))
    volume: float = setting(1.0, low=0.0, high=1.0)
    rate: float = setting(1.0, low=0.25, high=4.0)
    theme: str = setting("light", choices=THEMES)
    font_scale: float = setting(1.0, low=0.5, high=3.0)
    practice_mode: bool = setting(False)  # show live frame labels during a rehearsal
    # Personas speak with Piper's and Flite's natural voices; off: eSpeak NG for every persona
    # (renders ~50x faster: for a weak machine).
    natural_voices: bool = setting(True)
    scenario_dirs: tuple[str, ...] = setting(())
    end_silence_ms: int = setting(550, low=100, high=10_000)
    max_answer_s: int = setting(30, low=1, high=600)
    recognizer_timeout_s: int = setting(30, low=1, high=3_600)
    kiosk: KioskSettings = field(default_factory=KioskSettings)

    def __post_init__(self) -> None:
        _validate(self)

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


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def state_dir() -> Path:
    """The user's own state folder (crash logs, the kiosk's PIN back-off)."""
    return Path(platformdirs.user_state_dir(APP_NAME))


def _coerce(value: Any, kind: Any) -> Any:
    """Turn a TOML or environment value into the field's type; ValueError if it is not one."""
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
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(value)
            return int(value)
        if isinstance(value, str):
            return int(value.strip(), 10)
        if isinstance(value, int):
            return value
        raise ValueError(value)
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError(value)
        return float(value)
    if kind is Path:
        if not isinstance(value, str | Path) or not str(value).strip():
            raise ValueError(value)
        return Path(str(value)).expanduser()
    if kind == tuple[str, ...]:
        if isinstance(value, str):
            return tuple(p.strip() for p in value.split(",") if p.strip())
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise ValueError(value)
    if kind is str:
        if not isinstance(value, str):
            raise ValueError(value)
        return value
    raise ValueError(value)


def _kind_name(kind: Any) -> str:
    names = {bool: "true/false", int: "whole number", float: "number", Path: "folder path"}
    if kind == tuple[str, ...]:
        return "list of text"
    return names.get(kind, "text")


def _apply(
    obj: Any, values: Mapping[str, Any], where: str, warnings: list[str], errors: list[str]
) -> Any:
    """`obj` with `values` applied; each bad value is a sentence in `errors` and its setting
    keeps the value it had, so every problem of a file is found in one pass."""
    hints = get_type_hints(type(obj))
    changes: dict[str, Any] = {}
    known = {f.name: f for f in fields(obj)}
    section = "kiosk." if isinstance(obj, KioskSettings) else ""
    for key, value in values.items():
        if key == "schema" and not section:
            continue
        if key not in known:
            warnings.append(f"{where}: unknown setting {section}{key!r} ignored.")
            continue
        kind = hints[key]
        if kind is KioskSettings:
            if not isinstance(value, Mapping):
                errors.append(f"{where}: [{key}] must be a table")
                continue
            changes[key] = _apply(getattr(obj, key), value, where, warnings, errors)
            continue
        name = f"{section}{key}"
        try:
            coerced = _coerce(value, kind)
        except (TypeError, ValueError, OverflowError):
            shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            errors.append(f"{where}: {name}: {shown} is not a {_kind_name(kind)}")
            continue
        problem = known[key].metadata["rule"].problem(coerced)
        if problem:
            errors.append(f"{where}: {name}: {problem}")
            continue
        changes[key] = coerced
    return replace(obj, **changes)


def _env_values(environ: Mapping[str, str]) -> dict[str, Any]:
    """FRAMESHIFT_DATA_DIR=..., FRAMESHIFT_KIOSK_IDLE_SECONDS=... -> nested dict."""
    values: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or name == ENV_PREFIX + "CONFIG":
            continue
        key = name[len(ENV_PREFIX) :].lower()
        if key.startswith("kiosk_"):
            kiosk = values.setdefault("kiosk", {})
            if not isinstance(kiosk, dict):  # FRAMESHIFT_KIOSK=x came first
                raise ConfigError(f"environment: {ENV_PREFIX}KIOSK cannot be set beside {name}")
            kiosk[key[len("kiosk_") :]] = raw
        elif key == "kiosk" and isinstance(values.get("kiosk"), dict):
            raise ConfigError(f"environment: {name} cannot be set beside {ENV_PREFIX}KIOSK_*")
        else:
            values[key] = raw
    return values


@dataclass
class LoadedSettings:
    settings: Settings
    path: Path
    warnings: list[str]


def read_config_text(path: Path) -> str | None:
    """The config file's text (a UTF-8 BOM allowed), None when there is none; ConfigError when
    it is not a regular file or cannot be read. Never blocks on a FIFO or device."""
    try:
        with open_regular(path) as (fh, info):
            if info.st_size > MAX_CONFIG_BYTES:
                raise ConfigError(
                    f"{path}: is {info.st_size} bytes; a settings file is far smaller"
                )
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a settings file") from None
    except NotARegularFileError:
        raise ConfigError(f"{path}: is not a regular file (a pipe or device?)") from None
    except OSError as exc:
        if exc.errno == errno.EINVAL and exc.strerror == "not a usable file name":
            raise ConfigError(f"{path!r}: is not a usable file name") from None
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: is not UTF-8 text (byte {exc.start})") from exc


def parse_problem(exc: ValueError) -> str:
    """A parser's ValueError as a short phrase (Python's integer-size limit in plain words)."""
    text = " ".join(str(exc).split())
    if "Exceeds the limit" in text and "digits" in text:
        return "a number is too long (more than 4,300 digits)"
    return text


#: What to do about each kind of TOML syntax error, by the parser's words.
_TOML_FIXES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("illegal character '\\n'", "unterminated string", "unclosed"),
        'a quote (") opens a text value on this line but does not close on it',
        'add the closing " at the end of the value',
    ),
    (
        ("expected '=' after a key",),
        "a setting here has no '='",
        "write each setting as name = value",
    ),
    (
        ("cannot overwrite a value", "cannot declare"),
        "a setting or [table] is written twice",
        "keep only one of them",
    ),
    (
        ("invalid value", "invalid initial character", "invalid statement"),
        "a value here is not one TOML knows",
        'put text in quotes (theme = "dark"); numbers and true/false go without',
    ),
)


def toml_sentence(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    """A TOML syntax error as a sentence: the line, what is wrong there, what to do."""
    text = str(exc)
    found = re.search(r"\(at line (\d+), column \d+\)", text)
    where = f"{path}:{found.group(1)}" if found else str(path)
    lowered = text.lower()
    for words, what, fix in _TOML_FIXES:
        if any(w in lowered for w in words):
            return f"{where}: not valid TOML: {what}; {fix}"
    said = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", text)
    return f"{where}: not valid TOML ({said}); compare the line with the README's settings table"


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(toml_sentence(path, exc)) from exc
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise ConfigError(f"{path}: not valid TOML ({parse_problem(exc)})") from exc


def load_settings(
    config_path: Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    named: bool = False,
    lenient: bool = False,
) -> LoadedSettings:
    """Defaults, then the config file, then the environment, then explicit overrides.

    Every bad value is found in one pass. By default they are one ConfigError naming all of
    them (the command line's one line); ``lenient`` (the desktop window) uses the defaults for
    those settings and says them all first among the warnings (the start-up banner). A file
    that cannot be read or is not TOML, and any problem in a kiosk's settings, stay errors.

    ``named``: the user named `config_path` on the command line (``--config``), so a file that
    is not there is a warning rather than a quiet first run. (``FRAMESHIFT_CONFIG`` is set by
    launchers and test harnesses for a file that may not exist yet, so it stays quiet.)
    """
    environ = os.environ if environ is None else environ
    if config_path is None:
        env_path = environ.get(ENV_PREFIX + "CONFIG")
        config_path = Path(env_path).expanduser() if env_path else default_config_path()
    warnings: list[str] = []
    errors: list[str] = []
    settings = Settings()
    text = read_config_text(config_path)  # unreadable or not TOML: no setting can be trusted
    if text is not None:
        settings = _apply(settings, _parse(config_path, text), str(config_path), warnings, errors)
    elif named:  # a file the user named and mistyped must not pass silently
        warnings.append(
            f"{config_path}: no such settings file, so the defaults are used "
            "(saving settings creates it)."
        )
    settings = _apply(settings, _env_values(environ), "environment", warnings, errors)
    if overrides:
        settings = _apply(
            settings,
            {k: v for k, v in overrides.items() if v is not None},
            "command line",
            warnings,
            errors,
        )
    if errors and (not lenient or settings.kiosk.enabled or any("kiosk" in e for e in errors)):
        # A kiosk never opens on guessed settings: a default could drop its PIN or its reset.
        raise ConfigError("; ".join(errors))
    if errors:
        by_source: dict[str, list[str]] = {}
        for error in errors:  # "where: name: problem", each source named once
            where, _, said = error.partition(": ")
            by_source.setdefault(where, []).append(said)
        listed = ". ".join(f"{where}: {'; '.join(said)}" for where, said in by_source.items())
        warnings.insert(
            0,
            f"{len(errors)} setting {'problem' if len(errors) == 1 else 'problems'}; the "
            f"defaults are used for {'it' if len(errors) == 1 else 'those'}. {listed}.",
        )
    warnings += missing_scenario_dirs(settings)
    return LoadedSettings(settings, config_path, warnings)


def missing_scenario_dirs(settings: Settings) -> list[str]:
    """A sentence for each ``scenario_dirs`` entry that is not a folder (a mistyped folder
    would otherwise just leave its scenarios out)."""
    found: list[str] = []
    for entry in settings.scenario_dirs:
        path = Path(entry).expanduser()
        try:
            missing = not path.exists()
            folder = path.is_dir()
        except OSError:  # too long, no access
            missing, folder = False, False
        if folder:
            continue
        why = "does not exist" if missing else "is not a folder"
        found.append(f"scenario_dirs: {entry} {why}, so no scenarios are read from it.")
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [str(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def _same(on_file: Any, value: Any, kind: Any) -> bool:
    """Whether the file's value already means `value` (so `~/x` is kept as written)."""
    try:
        return bool(_coerce(on_file, kind) == value)
    except (TypeError, ValueError, OverflowError):
        return False


def _update_table(table: Any, obj: Any, default: Any) -> None:
    hints = get_type_hints(type(obj))
    for f in fields(obj):
        if hints[f.name] is KioskSettings:
            continue
        value = getattr(obj, f.name)
        if f.name in table:
            if not _same(table[f.name], value, hints[f.name]):
                table[f.name] = _plain(value)
        elif value != getattr(default, f.name):
            table[f.name] = _plain(value)


def save_settings(settings: Settings, path: Path) -> None:
    """Write the settings into `path`, keeping everything else the file holds.

    Keys already in the file are updated in place (a value that means the same, like `~/x`,
    is left as written); other settings are added only when they differ from the default;
    comments and unknown keys stay. Written atomically; the mode is kept, 0600 for a new file,
    and at most 0600 when the file holds a PIN hash.
    """
    import tomlkit

    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    text = read_config_text(path)
    try:
        doc = tomlkit.parse(text) if text is not None else tomlkit.document()
    except Exception as exc:  # tomlkit raises its own ParseError subclasses
        raise ConfigError(f"{path}: not valid TOML ({exc}); it was left unchanged") from exc
    if "schema" not in doc:
        doc["schema"] = CONFIG_SCHEMA
    default = Settings()
    _update_table(doc, settings, default)
    kiosk_values = {f.name: getattr(settings.kiosk, f.name) for f in fields(KioskSettings)}
    if "kiosk" not in doc and any(v != getattr(default.kiosk, k) for k, v in kiosk_values.items()):
        doc["kiosk"] = tomlkit.table()
    if "kiosk" in doc:
        _update_table(doc["kiosk"], settings.kiosk, default.kiosk)
    mode = 0o600
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    if settings.kiosk.pin_hash:
        mode &= 0o600
    write_private(path, tomlkit.dumps(doc), mode)


def save_changes(path: Path, opened: Settings, new: Settings) -> Settings:
    """Save into `path` only the settings that differ between `opened` (what a dialog showed)
    and `new` (what the user left in it); the rest of the file stays as it was. A flag or an
    environment value of this run (--no-voice, FRAMESHIFT_DATA_DIR) is in both, so it is never
    written (trial 8 H28). The file's own settings are read alone (no environment, no flags;
    a bad value there becomes its default). Returns what the file now holds."""
    changed = {
        f.name: getattr(new, f.name)
        for f in fields(Settings)
        if getattr(new, f.name) != getattr(opened, f.name)
    }
    on_file = load_settings(path, environ={}, lenient=True).settings
    merged = replace(on_file, **changed)
    save_settings(merged, path)
    return merged


def write_private(path: Path, text: str, mode: int = 0o600) -> None:
    """Write `text` to `path` atomically (temporary file in the same folder, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
