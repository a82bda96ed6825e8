"""`python -m app`: the same entry point as the `frameshift` command."""

from __future__ import annotations

from app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
