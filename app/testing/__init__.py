"""Frameshift's pytest plugin for testers and scenario authors (registered through pytest11)."""
