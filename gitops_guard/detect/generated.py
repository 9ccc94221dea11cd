"""Files a Kustomize secretGenerator turns into Secret values.

An ``envs`` file is read as dotenv lines whatever its name; a ``files`` entry
is one value as a whole, under the Secret key the generator gives it.
"""

from __future__ import annotations

from gitops_guard.detect import lines as line_rules
from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.values import (
    is_credential_key,
    is_literal_secret_value,
    is_public_value,
    looks_random,
)
from gitops_guard.findings import K8sObject
from gitops_guard.parsing.text import Lines
from gitops_guard.sources import Reference


def generated_secret(ref: Reference, lines: Lines, em: Emitter) -> None:
    if ref.kind == "env":
        line_rules.analyze(lines.lines, em, yaml_like=False)
        return
    value = lines.text.strip()
    if not is_literal_secret_value(value) or em.findings:
        return  # empty, a placeholder, or already reported by a content rule (a key file)
    one_line = "\n" not in value and " " not in value and not is_public_value(value)
    if is_credential_key(ref.key, in_secret=True) or looks_random(value) or one_line:
        # A one-word file that a generator turns into a Secret value is that value.
        first = next((n for n in range(1, len(lines) + 1) if lines.get(n).strip()), 1)
        obj = K8sObject("Secret", ref.namespace, ref.secret_name, ref.key)
        em.emit(
            "k8s-secret-value",
            first,
            1,
            value,
            k8s=obj,
            message=f"file behind key '{ref.key}' of generated {obj.describe()}",
        )
