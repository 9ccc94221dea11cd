"""Exit codes and the one exception type that carries an expected failure."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """The process exit codes of every gitops-guard command.

    ======  ==========================================================
    code    meaning
    ======  ==========================================================
    0       clean: everything was read, nothing at or above --fail-on
    1       findings at or above --fail-on severity
    2       usage or configuration error: nothing was scanned
    3       incomplete: some input could not be read at all; this wins
            over 1, and the findings that were found are still reported
    ======  ==========================================================
    """

    CLEAN = 0
    FINDINGS = 1
    USAGE = 2
    INCOMPLETE = 3


class GuardError(Exception):
    """An expected failure: a message for the user and the next step to take."""

    def __init__(self, message: str, hint: str = "", code: ExitCode = ExitCode.USAGE):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code
