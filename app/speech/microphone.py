"""Capture from a microphone with QAudioSource and find the answer in it with :class:`Vad`."""

from __future__ import annotations

import logging

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices, QtAudio

from app.speech.audio import TARGET_RATE, AudioClip, meter_level, resample, rms
from app.speech.qtaudio import quiet_qt_multimedia, sound_server_available
from app.speech.vad import NoSpeech, SilenceStarted, SpeechEnded, SpeechStarted, Vad, VadConfig

log = logging.getLogger(__name__)

_ERRORS = {
    QtAudio.Error.OpenError: (
        "The microphone could not be opened: access was refused or it is in use."
    ),
    QtAudio.Error.IOError: "The microphone stopped delivering sound.",
    QtAudio.Error.FatalError: "The microphone failed and was closed.",
}


def _device_id(device: QAudioDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def input_devices() -> list[tuple[str, str]]:
    """``(id, description)`` of every input device, default first; empty with no sound server."""
    if not sound_server_available():
        return []
    quiet_qt_multimedia()
    devices = sorted(QMediaDevices.audioInputs(), key=lambda d: not d.isDefault())
    return [(_device_id(d), d.description()) for d in devices]


def _find_device(wanted: str) -> QAudioDevice | None:
    inputs = QMediaDevices.audioInputs()
    if wanted:
        for device in inputs:
            if wanted in (_device_id(device), device.description()):
                return device
        return None
    default = QMediaDevices.defaultAudioInput()
    return None if default.isNull() else default


def _speech_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(TARGET_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def _to_mono16k(data: bytes, fmt: QAudioFormat) -> npt.NDArray[np.int16]:
    """Convert a chunk in the device's own format to 16 kHz mono int16."""
    kind = fmt.sampleFormat()
    if kind == QAudioFormat.SampleFormat.Int16:
        x = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    elif kind == QAudioFormat.SampleFormat.Int32:
        x = (np.frombuffer(data, dtype="<i4").astype(np.float64) / 2**31).astype(np.float32)
    elif kind == QAudioFormat.SampleFormat.Float:
        x = np.frombuffer(data, dtype="<f4").astype(np.float32)
    else:  # UInt8
        x = (np.frombuffer(data, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    channels = max(1, fmt.channelCount())
    if channels > 1:
        x = x[: len(x) - len(x) % channels].reshape(-1, channels).mean(axis=1)
    x = resample(x, fmt.sampleRate(), TARGET_RATE)
    return np.round(np.clip(x, -1.0, 1.0) * 32767).astype(np.int16)


class QtMicrophone(QObject):
    """Listens for one answer at a time: ``start()`` arms the VAD, ``speech_ended`` delivers it.

    The device is opened at 16 kHz mono Int16; a device that refuses that runs in its preferred
    format and is converted here. ``push_to_talk(True/False)`` bypasses the VAD: everything
    between press and release is the answer.

    Signals:
        level_changed(float): input level 0..1 (RMS on a -60..0 dBFS scale), per chunk.
        speech_started(): the VAD (or push-to-talk) heard the answer begin.
        silence_started(object): a pause began; the AudioClip so far, for a speculative decode.
        speech_ended(object): the answer as an AudioClip (16 kHz mono); listening stops.
        no_speech(): nobody spoke before the no-speech timeout; listening stops.
        failed(str): no device, access refused, or unplugged; a sentence for the user.
    """

    level_changed = Signal(float)
    speech_started = Signal()
    silence_started = Signal(object)
    speech_ended = Signal(object)
    no_speech = Signal()
    failed = Signal(str)

    def __init__(
        self,
        device_id: str = "",
        config: VadConfig | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.device_id = device_id
        self.vad = Vad(config)
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None
        self._device: QAudioDevice | None = None
        self._format = _speech_format()
        self._ptt = False
        self._ptt_chunks: list[npt.NDArray[np.int16]] = []
        self._devices: QMediaDevices | None = None
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(250)
        self._watchdog.timeout.connect(self._on_watchdog_timeout)

    @property
    def listening(self) -> bool:
        return self._source is not None

    def start(self) -> None:
        """Open the device and listen for one answer (VAD mode)."""
        self._ptt = False
        self._open()

    def stop(self) -> None:
        """Stop listening; nothing more is emitted for this answer."""
        self._close()

    def push_to_talk(self, pressed: bool) -> None:
        """Hold to talk: pressing starts capture, releasing ends the answer."""
        if pressed:
            self._ptt = True
            self._ptt_chunks = []
            if self._open():
                self.speech_started.emit()
            return
        if not self._ptt:
            return
        self._read_available()
        pcm = np.concatenate(self._ptt_chunks) if self._ptt_chunks else np.zeros(0, np.int16)
        self._ptt = False
        self._close()
        self.speech_ended.emit(AudioClip(pcm.astype("<i2").tobytes(), TARGET_RATE))

    # -- device ---------------------------------------------------------------------------
    def _open(self) -> bool:
        self._close()
        if not sound_server_available():
            self.failed.emit("No microphone found: no sound system is running. Type your answer.")
            return False
        quiet_qt_multimedia()
        device = _find_device(self.device_id)
        if device is None:
            which = (
                f"The microphone {self.device_id!r} is not connected"
                if self.device_id
                else ("No microphone found")
            )
            self.failed.emit(f"{which}. Check the input device in Settings, or type your answer.")
            return False
        fmt = _speech_format()
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()
            log.info(
                "%s does not take 16 kHz mono; converting from %s Hz",
                device.description(),
                fmt.sampleRate(),
            )
        self._device, self._format = device, fmt
        self.vad.reset()
        if self._devices is None:
            self._devices = QMediaDevices(self)
            self._devices.audioInputsChanged.connect(self._on_devices_audio_inputs_changed)
        self._source = QAudioSource(device, fmt, self)
        self._source.setBufferSize(fmt.bytesForDuration(60_000))
        # Not stateChanged: PySide6 6.12 cannot convert its QAudio::State argument (every slot
        # raises TypeError), so a watchdog polls state() and error() instead.
        self._watchdog.start()
        self._io = self._source.start()
        if self._io is None or self._source.error() != QtAudio.Error.NoError:
            self._fail(self._source.error())
            return False
        self._io.readyRead.connect(self._on_io_ready_read)
        return True

    def _close(self) -> None:
        self._watchdog.stop()
        source, self._source, self._io = self._source, None, None
        if source is not None:
            source.stop()
            source.deleteLater()

    def _fail(self, error: QtAudio.Error) -> None:
        self._close()
        self.failed.emit(_ERRORS.get(error, "The microphone failed."))

    # -- slots ----------------------------------------------------------------------------
    def _on_watchdog_timeout(self) -> None:
        source = self._source
        if source is None:
            return
        stopped = source.state() == QtAudio.State.StoppedState
        if stopped and source.error() != QtAudio.Error.NoError:
            self._fail(source.error())

    def _on_devices_audio_inputs_changed(self) -> None:
        if self._source is None or self._device is None:
            return
        ids = {_device_id(d) for d in QMediaDevices.audioInputs()}
        if _device_id(self._device) not in ids:
            self._close()
            self.failed.emit(
                "The microphone was disconnected. Plug it back in, or type your answer."
            )

    def _on_io_ready_read(self) -> None:
        self._read_available()

    def _read_available(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if not data:
            return
        samples = _to_mono16k(data, self._format)
        self.level_changed.emit(meter_level(rms(samples)))
        if self._ptt:
            self._ptt_chunks.append(samples)
            return
        for event in self.vad.feed(samples):
            if isinstance(event, SpeechStarted):
                self.speech_started.emit()
            elif isinstance(event, SilenceStarted):
                self.silence_started.emit(event.clip)
            elif isinstance(event, SpeechEnded):
                self._close()
                self.speech_ended.emit(event.clip)
                return
            elif isinstance(event, NoSpeech):
                self._close()
                self.no_speech.emit()
                return
