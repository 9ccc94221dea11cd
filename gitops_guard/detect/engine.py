"""The scan engine: one document in, findings and diagnostics out.

Pipeline per document: decode bytes -> detect the format -> prefilter the
text -> content rules on candidate lines -> structural detectors on parsed
YAML/JSON/dotenv (only when the text holds something they could report) ->
merge and suppress.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yaml.nodes import Node

from gitops_guard.detect import kubernetes
from gitops_guard.detect import lines as line_rules
from gitops_guard.detect.catalog import Catalog
from gitops_guard.detect.content import ContentScanner, Hits
from gitops_guard.detect.decoding import has_long_run, scan_runs
from gitops_guard.detect.emitter import Emitter, StoreHint
from gitops_guard.detect.generated import generated_secret
from gitops_guard.detect.kubernetes import SAFE_KINDS
from gitops_guard.detect.suppress import Suppressor
from gitops_guard.detect.triggers import TRIGGER_WORDS, only_safe_kinds, wants_structure
from gitops_guard.findings import Finding
from gitops_guard.parsing import yamlnodes
from gitops_guard.parsing.formats import detect_format
from gitops_guard.parsing.text import Lines, prepare, to_text
from gitops_guard.sources import Document, Reference, load


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    skip_reason: str | None = None
    size: int = 0
    suppressed: int = 0
    origin: str = ""
    # Files this one feeds into Secrets; the runner reads them in turn.
    references: list[Reference] = field(default_factory=list)


def _is_sops(doc: Node) -> bool:
    meta = yamlnodes.get(doc, "sops")
    return meta is not None and (
        yamlnodes.get(meta, "mac") is not None or yamlnodes.get(meta, "version") is not None
    )


def _overlap(a: str, b: str) -> bool:
    a, b = "".join(a.split()), "".join(b.split())
    return a in b or b in a


class Scanner:
    def __init__(
        self,
        catalog: Catalog,
        *,
        disabled: frozenset[str] = frozenset(),
        suppressor: Suppressor | None = None,
        store: StoreHint | None = None,
    ):
        self.catalog = catalog
        self.disabled = disabled
        self.content = ContentScanner(
            [r for r in catalog.regex_rules() if r.id not in disabled], TRIGGER_WORDS
        )
        self.suppressor = suppressor or Suppressor()
        self.store = store or StoreHint()

    def scan(self, doc: Document) -> FileResult:
        doc = load(doc)
        result = FileResult(
            doc.path, error=doc.error, skip_reason=doc.skip_reason, size=doc.size, origin=doc.origin
        )
        if doc.data is None:
            return result
        prepared = prepare(doc.data)
        if prepared.skip_reason:
            result.skip_reason = prepared.skip_reason
            return result
        result.warnings.extend(prepared.warnings)
        hits = self.content.locate(prepared.data)
        encoded = has_long_run(prepared.data)
        if hits is None and not encoded and doc.role is None:
            return result  # no keyword, no long base64: nothing any rule could report
        hits = hits or Hits({}, set())
        text = to_text(prepared.data, result.warnings)
        try:
            findings = self._detect(doc, text, hits, result, encoded)
        except RecursionError:
            result.error = "too deeply nested to analyse"
            return result
        kept, result.suppressed = self.suppressor.filter(findings, text)
        for f in kept:
            f.origin = doc.origin
        result.findings = sorted(kept, key=Finding.sort_key)
        return result

    def _detect(
        self, doc: Document, text: str, hits: Hits, result: FileResult, encoded: bool
    ) -> list[Finding]:
        lines = Lines(text)
        em = Emitter(doc.path, lines, self.catalog, self.content, self.store)
        em.origin = doc.origin
        for m in self.content.match(text, lines, hits.content):
            em.emit(m.rule.id, m.line, m.column, m.secret, message=m.rule.title)
        if doc.role is not None:
            generated_secret(doc.role, lines, em)
            return self.merge(em.findings)
        fmt = detect_format(doc.path, text)
        if fmt == "yaml" and only_safe_kinds(text, SAFE_KINDS):
            return self.merge(em.findings)  # ExternalSecrets, SealedSecrets: references and ciphertext
        if fmt in ("yaml", "json") and wants_structure(lines, hits.triggers):
            self._structured(text, lines, em, result, fmt)
        elif fmt == "assignments" and hits.triggers:
            hcl = doc.path.endswith((".tf", ".tfvars", ".hcl"))
            line_rules.analyze(lines.lines, em, yaml_like=False, quoted_only=hcl)
        if encoded:
            scan_runs(text, lines, em)
        result.references.extend(em.references)
        return self.merge(em.findings)

    def _structured(self, text: str, lines: Lines, em: Emitter, result: FileResult, fmt: str) -> None:
        parsed = yamlnodes.parse(text)
        sops = any(_is_sops(d) for d in parsed.documents)
        for doc in parsed.documents:
            kubernetes.analyze_document(doc, em, sops=sops)
        if parsed.error_line is not None:
            result.warnings.append(
                f"is not valid {fmt.upper()} from line {parsed.error_line} ({parsed.error}); "
                "that part was scanned line by line"
            )
            line_rules.analyze(lines.lines, em, first_line=parsed.error_line)

    def merge(self, findings: list[Finding]) -> list[Finding]:
        """Drop exact repeats, and a weaker rule's report of a value a stronger rule reported.

        Two value findings on one line are of the same value when they start
        at the same column or one secret contains the other.
        """
        unique: dict[tuple[str, int, str], Finding] = {}
        for f in findings:
            if f.rule_id not in self.disabled:
                unique.setdefault((f.rule_id, f.line, f.fingerprint), f)
        by_line: dict[int, list[Finding]] = {}
        for f in unique.values():
            by_line.setdefault(f.line, []).append(f)
        kept: list[Finding] = []
        for group in by_line.values():
            group.sort(key=lambda f: -self.catalog[f.rule_id].priority)
            winners: list[Finding] = []
            for f in group:
                if not f.object_level and any(
                    not w.object_level
                    and self.catalog[w.rule_id].priority > self.catalog[f.rule_id].priority
                    and (w.column == f.column or _overlap(w.secret, f.secret))
                    for w in winners
                ):
                    continue
                winners.append(f)
            kept.extend(winners)
        return kept
