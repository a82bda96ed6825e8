"""Command line: the GUI, kiosk, analyze, transcribe, play, validate, scenarios, history."""
