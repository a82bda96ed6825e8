"""`frameshift kiosk set-pin`, `kiosk counts` and the refusal to start without a PIN."""

from __future__ import annotations

import io
from pathlib import Path

from app.cli.main import main
from app.config import load_settings
from app.session.kiosk import verify_pin
from app.store.counts import Counts


def _secrets(*answers: str):  # type: ignore[no-untyped-def]
    queue = list(answers)
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return queue.pop(0)

    read.prompts = prompts  # type: ignore[attr-defined]
    return read


def _run_set_pin(config: Path, *answers: str) -> tuple[int, str, str]:
    from app.cli import kiosk as kiosk_cli
    from app.cli.main import _settings, build_parser

    args = build_parser().parse_args(["--config", str(config), "kiosk", "set-pin"])
    out, err = io.StringIO(), io.StringIO()
    try:
        code = kiosk_cli.run(args, _settings(args), out, err, read_secret=_secrets(*answers))
    except Exception as exc:  # CliError, shown by main() as one line
        return 2, out.getvalue(), str(exc)
    return code, out.getvalue(), err.getvalue()


def test_set_pin_stores_only_a_salted_hash(tmp_path: Path) -> None:
    """The PIN asked twice ends up in the config as a verifiable hash, never in clear."""
    config = tmp_path / "config.toml"
    config.write_text('theme = "dark"\n')
    code, out, _err = _run_set_pin(config, "8642", "8642")
    assert code == 0
    text = config.read_text()
    assert "8642" not in text
    assert 'theme = "dark"' in text
    settings = load_settings(config, environ={}).settings
    assert verify_pin("8642", settings.kiosk.pin_hash)
    assert not settings.kiosk.enabled  # setting a PIN does not turn the kiosk on
    assert "salted hash" in out


def test_set_pin_refuses_a_mismatch_or_bad_pin(tmp_path: Path) -> None:
    """Two different PINs, or letters, change nothing."""
    config = tmp_path / "config.toml"
    code, _out, err = _run_set_pin(config, "1234", "4321")
    assert code == 2
    assert "differ" in err
    code, _out, err = _run_set_pin(config, "12ab")
    assert code == 2
    assert "digits" in err
    assert not config.exists()


def test_kiosk_without_pin_refuses_to_start(tmp_path: Path) -> None:
    """`frameshift --kiosk` with no PIN exits 2 and says how to set one (no window opens)."""
    err = io.StringIO()
    code = main(["--config", str(tmp_path / "c.toml"), "--kiosk"], stderr=err)
    assert code == 2
    assert "frameshift kiosk set-pin" in err.getvalue()


def test_counts_command_prints_csv(tmp_path: Path) -> None:
    """`kiosk counts --csv` writes the counts file's rows; without a file, just the header."""
    data = tmp_path / "data"
    out = io.StringIO()
    assert main(["--data-dir", str(data), "kiosk", "counts", "--csv"], stdout=out) == 0
    assert out.getvalue().startswith("hour,scenario_id,sessions")
    assert len(out.getvalue().splitlines()) == 1
    with Counts.in_data_dir(data) as counts:
        counts.record("alumni-call", {"exploration": 2}, shifted=False)
    out = io.StringIO()
    assert main(["--data-dir", str(data), "kiosk", "counts", "--csv"], stdout=out) == 0
    assert ",alumni-call,1,2,0,0,0" in out.getvalue()
    out = io.StringIO()
    assert main(["--data-dir", str(data), "kiosk", "counts"], stdout=out) == 0
    assert "alumni-call" in out.getvalue()
