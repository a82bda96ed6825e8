"""Settings › Microphone: the list of input devices, and a hint under it when there is none
(say so, and what to do: plug one in, or type) or the saved one is not connected now (it stays
chosen, so OK does not forget it, and the hint says so)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from app.ui.a11y import named

NO_MICROPHONE = (
    "No microphone was found. Plug one in (or start the sound system) and open Settings "
    "again to choose it; until then, type your answers."
)
NOT_CONNECTED = "“{name}” is not connected now: plug it in, or choose another microphone."


def connected(devices: list[tuple[str, str]], wanted: str) -> bool:
    """The saved microphone (by id or name; "" the system default) is in the list."""
    return not wanted or any(wanted in (dev_id, name) for dev_id, name in devices)


def microphone_hint(devices: list[tuple[str, str]], wanted: str) -> str:
    """What to say under the Microphone list: nothing when the saved one is there."""
    if not devices:
        return NO_MICROPHONE
    return "" if connected(devices, wanted) else NOT_CONNECTED.format(name=wanted)


def microphone_row(combo: QComboBox, devices: list[tuple[str, str]], wanted: str) -> QLabel:
    """Fill `combo` (the system default first, then each device; the saved one unplugged
    last) and return the hint label for the row under it (hidden when it has nothing to say)."""
    combo.addItem("System default" if devices else "None found", "")
    for dev_id, description in devices:
        combo.addItem(description, dev_id)
    if not connected(devices, wanted):
        combo.addItem(f"{wanted} (not connected)", wanted)
    hint = named(QLabel(), "microphoneHint", "Microphone", "About the microphone.")
    hint.setTextFormat(Qt.TextFormat.PlainText)  # a device name is never markup
    hint.setWordWrap(True)
    hint.setText(microphone_hint(devices, wanted))
    hint.setVisible(bool(hint.text()))
    return hint
