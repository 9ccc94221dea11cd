"""Turning bytes into text and structured documents with positions."""
