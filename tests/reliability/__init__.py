"""Reliability and security tests: crashes, storage and speech faults, bad input, load."""
