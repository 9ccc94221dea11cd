"""Where detectors put what they find: one Emitter per scanned file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gitops_guard.detect.catalog import Catalog
from gitops_guard.detect.content import ContentScanner
from gitops_guard.findings import Finding, K8sObject
from gitops_guard.parsing.text import Lines
from gitops_guard.parsing.yamlnodes import parse, value_position
from gitops_guard.sources import Reference

# How deep documents inside values (inside values...) are followed.
MAX_NESTING = 3
# Analyses one document with an emitter (kubernetes.analyze_document).
DocumentHook = Callable[[Node, "Emitter"], None]


@dataclass
class StoreHint:
    """Where suggestions say a secret should live instead."""

    kind: str = "ClusterSecretStore"
    name: str = "vault"
    path_prefix: str = ""

    def vault_path(self, obj: K8sObject | None) -> str:
        if obj is None or not obj.name:
            return f"{self.path_prefix}<namespace>/<name>"
        return f"{self.path_prefix}{obj.namespace or 'default'}/{obj.name}"


class Emitter:
    def __init__(
        self,
        path: str,
        lines: Lines,
        catalog: Catalog,
        content: ContentScanner,
        store: StoreHint,
    ):
        self.path = path
        self.lines = lines
        self.catalog = catalog
        self.content = content
        self.store = store
        self.findings: list[Finding] = []
        # Files this one feeds into Secrets (kustomize generators), to be read in turn.
        self.references: list[Reference] = []
        self.origin = ""
        # When set, every finding goes to this line (a document serialised
        # inside one value, such as the last-applied annotation).
        self.pinned_line: int | None = None
        self.pinned_column = 1
        # For a document nested in a value: where its first line sits in the file.
        self.line_offset = 0
        self.column_offset = 0
        self.depth = 0

    def child(self, text: str, first_line: int, column: int, *, pinned: bool) -> Emitter:
        """An emitter for a document written inside a value of this one.

        Its lines map onto the file from ``first_line`` (exact for literal block
        scalars); ``pinned`` sends every finding to ``first_line`` instead.
        """
        inner = Emitter(self.path, Lines(text), self.catalog, self.content, self.store)
        inner.findings = self.findings
        inner.references = self.references
        inner.origin = self.origin
        inner.depth = self.depth + 1
        if self.pinned_line is not None:
            inner.pinned_line, inner.pinned_column = self.pinned_line, self.pinned_column
        elif pinned:
            inner.pinned_line, inner.pinned_column = first_line, column
        else:
            inner.line_offset = first_line - 1
            inner.column_offset = column - 1
        return inner

    def analyze_documents(
        self, text: str, first_line: int, column: int, *, pinned: bool, analyze: DocumentHook
    ) -> bool:
        """Analyse the YAML/JSON documents written in a value, each in a child
        emitter; False when the text holds none (or nesting is too deep)."""
        if self.depth >= MAX_NESTING:
            return False
        docs = [d for d in parse(text).documents if isinstance(d, (MappingNode, SequenceNode))]
        if not docs:
            return False
        child = self.child(text, first_line, column, pinned=pinned)
        for doc in docs:
            analyze(doc, child)
        return True

    def emit(
        self,
        rule_id: str,
        line: int,
        column: int,
        secret: str,
        *,
        k8s: K8sObject | None = None,
        message: str = "",
        object_level: bool = False,
    ) -> None:
        rule = self.catalog[rule_id]
        if self.pinned_line is not None:
            line, column = self.pinned_line, self.pinned_column
        else:
            line, column = line + self.line_offset, column + self.column_offset
        self.findings.append(
            Finding(
                rule_id=rule.id,
                path=self.path,
                line=line,
                column=column,
                secret=secret,
                severity=rule.severity,
                title=rule.title,
                message=message or rule.title,
                suggestion=self.suggest(rule_id, k8s),
                k8s=k8s,
                object_level=object_level,
            )
        )

    def suggest(self, rule_id: str, obj: K8sObject | None) -> str:
        if obj is not None and obj.kind == "Secret":
            return (
                f"replace Secret {obj.describe().split(' ', 1)[1]} with an ExternalSecret reading "
                f"'{self.store.vault_path(obj)}' from {self.store.kind} '{self.store.name}', "
                "then rotate the exposed values"
            )
        return self.catalog[rule_id].remediation.splitlines()[0]

    def emit_at_node(self, rule_id: str, node: Node, secret: str, **kw: Any) -> None:
        line, column = value_position(node, self.lines)
        self.emit(rule_id, line, column, secret, **kw)

    def content_in_value(
        self, value: str, node: Node, *, k8s: K8sObject | None = None, decoded: bool = False
    ) -> bool:
        """Run the content rules on a value; report matches at the lines of the node.

        For a literal block scalar a match on its n-th line is reported on the
        n-th content line of the file; a decoded (base64) value has no lines of
        its own in the file, so its matches go to the value's first line.
        """
        first, column = value_position(node, self.lines)
        literal = isinstance(node, ScalarNode) and node.style == "|" and not decoded
        return self.content_at(value, first, column, literal=literal, decoded=decoded, k8s=k8s)

    def content_at(
        self,
        value: str,
        first: int,
        column: int,
        *,
        literal: bool,
        decoded: bool,
        k8s: K8sObject | None = None,
    ) -> bool:
        matches = self.content.scan(value)
        for m in matches:
            line = first + m.line - 1 if literal else first
            if decoded:
                where = column  # a decoded value has no positions of its own
            else:
                where = m.column + (column - 1 if literal or m.line == 1 else 0)
            note = " (in base64-decoded value)" if decoded else ""
            self.emit(m.rule.id, line, where, m.secret, k8s=k8s, message=m.rule.title + note)
        return bool(matches)
