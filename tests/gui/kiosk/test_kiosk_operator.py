"""The operator's way in (chord + PIN with back-off) and the operator screen."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.config import load_settings
from app.session.kiosk import EXIT_OPERATOR_QUIT, verify_pin
from app.store.counts import Counts
from tests.gui.kiosk.conftest import PIN, Booth, FakeClock

pytestmark = pytest.mark.gui

CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


def _chord(booth: Booth) -> None:
    booth.qtbot.keyClick(booth.kiosk.attract, Qt.Key.Key_O, CHORD)


def _type_pin(booth: Booth, pin: str) -> None:
    page = booth.kiosk.pin_page
    for digit in pin:
        booth.qtbot.mouseClick(
            page.findChild(type(page.ok_button), f"pinKey{digit}"), Qt.MouseButton.LeftButton
        )
    page.submit()


def _open_operator(booth: Booth) -> None:
    _chord(booth)
    _type_pin(booth, PIN)
    assert booth.kiosk.current_page is booth.kiosk.operator


def test_right_pin_opens_the_operator_screen(make_booth: Any) -> None:
    """The chord asks for the PIN; the right PIN on the keypad opens the operator screen."""
    booth = make_booth()
    _chord(booth)
    k = booth.kiosk
    assert k.current_page is k.pin_page
    assert k.pin_page.entry.echoMode() == k.pin_page.entry.EchoMode.Password
    with booth.qtbot.waitSignal(k.operator_opened):
        _type_pin(booth, PIN)
    assert k.current_page is k.operator


def test_wrong_pins_are_rate_limited(make_booth: Any) -> None:
    """Wrong PINs back off ("try again in N seconds"); the right PIN is refused until then."""
    clock = FakeClock()
    booth = make_booth(clock=clock)
    k = booth.kiosk
    _chord(booth)
    _type_pin(booth, "1111")
    assert k.pin_page.message.text() == "Wrong PIN."
    _type_pin(booth, "2222")
    assert "try again in 1 second." in k.pin_page.message.text().lower()
    _type_pin(booth, "3333")  # refused unchecked: still locked
    clock.now += 1
    _type_pin(booth, "3333")
    assert "try again in 2 seconds" in k.pin_page.message.text().lower()
    assert not k.pin_page.ok_button.isEnabled()
    _type_pin(booth, PIN)
    assert k.current_page is k.pin_page  # right PIN, but during the back-off
    clock.now += 2
    k.pin_page._on_tick_timeout()
    assert k.pin_page.ok_button.isEnabled()
    _type_pin(booth, PIN)
    assert k.current_page is k.operator


def test_the_chord_during_a_visit_erases_it_first(make_booth: Any) -> None:
    """Opening the PIN page mid-visit ends and erases the visit; cancel goes to attract."""
    booth = make_booth()
    app = booth.visitor()
    app.start("career-fair-booth")
    visit = booth.kiosk.visit
    assert visit is not None
    booth.qtbot.keyClick(app.window.conversation.answer, Qt.Key.Key_O, CHORD)
    assert booth.kiosk.current_page is booth.kiosk.pin_page
    assert not visit.folder.exists()
    booth.qtbot.mouseClick(booth.kiosk.pin_page.cancel_button, Qt.MouseButton.LeftButton)
    assert booth.kiosk.current_page is booth.kiosk.attract


def test_an_unattended_pin_page_goes_back_to_attract(make_booth: Any) -> None:
    """A PIN page (or operator screen) left alone returns to the attract screen."""
    clock = FakeClock()
    booth = make_booth(clock=clock, idle_seconds=30, countdown_seconds=5)
    _open_operator(booth)
    clock.now += 40
    booth.kiosk.check_idle()
    assert booth.kiosk.current_page is booth.kiosk.attract


def test_operator_saves_settings_without_the_pin_in_clear(make_booth: Any) -> None:
    """Scenarios, idle time, counts, microphone and volume are saved to the config file; the
    PIN stays a hash, and the next visitor is offered only the checked scenarios."""
    booth = make_booth()
    booth.config_path.write_text(f'[kiosk]\npin_hash = "{booth.kiosk.settings.kiosk.pin_hash}"\n')
    _open_operator(booth)
    op = booth.kiosk.operator
    for i in range(op.scenario_list.count()):
        item = op.scenario_list.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) in ("alumni-call", "coffee-referral")
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    op.idle.setValue(45)
    op.counts_enabled.setChecked(True)
    op.microphone.setCurrentIndex(op.microphone.findData("usb-mic"))
    op.volume.setValue(40)
    booth.qtbot.mouseClick(op.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in op.status.text()
    text = booth.config_path.read_text()
    assert PIN not in text.replace(booth.kiosk.settings.kiosk.pin_hash, "")
    data = tomllib.loads(text)
    assert data["kiosk"]["scenarios"] == ["alumni-call", "coffee-referral"]
    assert data["kiosk"]["idle_seconds"] == 45
    assert data["kiosk"]["anonymous_counts"] is True
    assert "enabled" not in data["kiosk"]  # --kiosk for this run is not made permanent
    assert data["input_device"] == "usb-mic"
    saved = load_settings(booth.config_path, environ={}).settings
    assert verify_pin(PIN, saved.kiosk.pin_hash)
    assert saved.volume == pytest.approx(0.4)
    assert booth.speech.player is not None
    assert booth.speech.player.volume == pytest.approx(0.4)
    booth.qtbot.mouseClick(op.back_button, Qt.MouseButton.LeftButton)
    app = booth.visitor()
    assert [s.id for s in app.window.scenarios] == ["alumni-call", "coffee-referral"]


def test_operator_number_boxes_step_with_their_buttons(make_booth: Any) -> None:
    """Each of the operator's number boxes has themed "−"/"+" buttons (the style sheet shrinks
    Qt's own arrows to a dash) that step it within its range, as the arrow keys do."""
    booth = make_booth()
    _open_operator(booth)
    op = booth.kiosk.operator
    for spin in (op.idle, op.countdown, op.max_minutes):
        down = op.findChild(QPushButton, f"{spin.objectName()}Down")
        up = op.findChild(QPushButton, f"{spin.objectName()}Up")
        assert down is not None, spin.objectName()
        assert up is not None, spin.objectName()
        assert up.isVisibleTo(op)
        assert down.isVisibleTo(op)
        start = spin.value()
        booth.qtbot.mouseClick(up, Qt.MouseButton.LeftButton)
        assert spin.value() == min(start + spin.singleStep(), spin.maximum())
        spin.setValue(spin.minimum())
        booth.qtbot.mouseClick(down, Qt.MouseButton.LeftButton)
        assert spin.value() == spin.minimum()  # held at the bottom of its range


def test_microphone_level_test_and_no_device_fallback(make_booth: Any) -> None:
    """The level bar follows the test microphone; with no device the test is disabled and
    says visitors will type."""
    booth = make_booth()
    _open_operator(booth)
    op = booth.kiosk.operator
    booth.qtbot.mouseClick(op.mic_test, Qt.MouseButton.LeftButton)
    assert len(booth.test_microphones) == 1
    mic = booth.test_microphones[0]
    assert mic.listening
    mic.level_changed.emit(0.6)
    assert op.mic_level.value() == 60
    booth.qtbot.mouseClick(op.mic_test, Qt.MouseButton.LeftButton)  # stop
    assert not mic.listening
    assert op.mic_level.value() == 0
    op._devices = list  # no devices at all
    op.load(booth.kiosk.settings, booth.kiosk.all_scenarios)
    assert not op.microphone.isEnabled()
    assert not op.mic_test.isEnabled()
    assert "type their answers" in op.mic_note.text()


def test_counts_are_shown_and_exported_as_csv(make_booth: Any) -> None:
    """The operator sees the counts per scenario and exports them as CSV to a USB stick."""
    booth = make_booth(anonymous_counts=True)
    with Counts.in_data_dir(booth.data_dir) as counts:
        counts.record("alumni-call", {"exploration": 3, "interview": 1}, shifted=True)
    stick = booth.plug_stick("STICK")
    _open_operator(booth)
    op = booth.kiosk.operator
    assert op.counts_table.rowCount() == 1
    assert op.counts_table.item(0, 0).text() == "alumni-call"
    assert op.counts_table.item(0, 1).text() == "1"
    booth.qtbot.mouseClick(op.export_button, Qt.MouseButton.LeftButton)
    (csv_file,) = stick.glob("*.csv")
    assert csv_file.read_text().splitlines()[1].endswith(",alumni-call,1,3,1,0,1")
    assert str(csv_file) in op.status.text()


def test_quit_leaves_with_the_operator_exit_status(make_booth: Any) -> None:
    """Quit (behind the PIN) asks the application to exit with the no-restart status."""
    booth = make_booth()
    _open_operator(booth)
    with booth.qtbot.waitSignal(booth.kiosk.quit_requested) as quit_:
        booth.qtbot.mouseClick(booth.kiosk.operator.quit_button, Qt.MouseButton.LeftButton)
    assert quit_.args == [EXIT_OPERATOR_QUIT]
    assert not booth.kiosk.isVisible()


def test_demo_mode_needs_no_pin(make_booth: Any) -> None:
    """Started with the demo flag and no PIN, the chord opens the operator screen directly."""
    booth = make_booth(demo=True, pin_hash="")
    _chord(booth)
    assert booth.kiosk.current_page is booth.kiosk.operator
