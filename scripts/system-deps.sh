#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Frameshift needs, only when some are missing.
# As root it runs apt-get; otherwise through sudo when that works without a prompt;
# otherwise it prints the exact command and stops.
set -euo pipefail

PACKAGES=(
  # Qt's xcb platform (a real window, also under Xvfb)
  libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-shape0 libxcb-randr0 libegl1 libgl1 libfontconfig1
  libdbus-1-3 fonts-dejavu-core
  # fallback fonts (installed size): colour emoji (11 MB), Chinese/Japanese/fullwidth (Droid Sans
  # Fallback, 7 MB), Hangul (Nanum, 33 MB); Noto CJK would be 91 MB. app/ui/fonts.py uses them
  # only when present
  fonts-noto-color-emoji fonts-droid-fallback fonts-nanum
  # speech: eSpeak NG for pyttsx3, PulseAudio for QtMultimedia capture and playback, SpeexDSP
  # for the echo canceller (app/speech/aec.py)
  libespeak-ng1 espeak-ng-data espeak-ng flite libpulse0 pulseaudio pulseaudio-utils sox libspeexdsp1
  # headless screens for tests and screenshots
  xvfb xauth
  # headless browser for the HTML export test
  chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  [[ "$p" == \#* ]] && continue
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "frameshift: these system packages are missing and this is not a Debian/Ubuntu system: ${missing[*]}" >&2
  echo "Install their equivalents with your package manager, then run make again." >&2
  exit 1
fi

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
echo "frameshift: installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sh -c "$cmd"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo sh -c "$cmd"
else
  echo "frameshift: these system packages are needed. Run this, then run make again:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi
