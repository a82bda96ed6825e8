"""Kiosk mode for career fairs: `frameshift --kiosk` (see docs/kiosk.md).

A frameless full-screen shell around the normal rehearsal window, with an attract screen
between visitors, an idle reset that erases everything a visitor said, an operator screen
behind a PIN, and no way out for a visitor. Started by :func:`app.bootstrap.run`.
"""

from __future__ import annotations

from app.ui.kiosk.shell import KioskWindow, save_operator_settings

__all__ = ["KioskWindow", "save_operator_settings"]
