"""Frameshift: rehearse networking conversations with a spoken hiring manager."""

from __future__ import annotations

__version__ = "0.1.0"
