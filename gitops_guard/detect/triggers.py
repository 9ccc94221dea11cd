"""Cheap whole-text tests that decide whether a text is worth parsing.

A text that matches none of them cannot produce a structural finding, so the
YAML parser (the slowest step) never sees it.
"""

from __future__ import annotations

import re

from gitops_guard.detect.values import is_credential_key

_KIND_TRIGGER = re.compile(
    r"""(?:^|[\s{,])["']?kind["']?[ \t]*:[ \t]*["']?(?:Secret|Config|\w*List)\b|last-applied-configuration""",
    re.MULTILINE,
)
_KEY_TRIGGER = re.compile(
    r"""(?P<key>[\w.\-/]*(?:pass|pwd|secret|token|key|cred|auth|dsn|connection)[\w.\-/]*)["']?[ \t]*[:=]""",
    re.IGNORECASE,
)
_NAME_TRIGGER = re.compile(
    r"""name["']?[ \t]*:[ \t]*["']?(?P<key>[\w.\-/]*(?:pass|pwd|secret|token|key|cred|auth)[\w.\-/]*)""",
    re.IGNORECASE,
)


def needs_structure(text: str) -> bool:
    if _KIND_TRIGGER.search(text):
        return True
    for pattern in (_KEY_TRIGGER, _NAME_TRIGGER):
        for m in pattern.finditer(text):
            if is_credential_key(m.group("key")):
                return True
    return False


