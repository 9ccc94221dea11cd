"""The JSON report (schema_version 1). Its fields are documented in the README."""

from __future__ import annotations

import json
from typing import Any

from gitops_guard import __version__
from gitops_guard.findings import Finding
from gitops_guard.scan import Report

SCHEMA_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule_id": f.rule_id,
        "title": f.title,
        "severity": f.severity,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "fingerprint": f.fingerprint,
        "preview": f.preview,
        "message": f.message,
        "suggestion": f.suggestion,
    }
    if f.k8s is not None:
        out["k8s"] = {"kind": f.k8s.kind, "namespace": f.k8s.namespace, "name": f.k8s.name, "key": f.k8s.key}
    return out


def render(report: Report) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "gitops-guard", "version": __version__},
        "complete": not report.incomplete,
        "findings": [finding_dict(f) for f in report.findings],
        "errors": [{"path": d.path, "message": d.message} for d in report.errors],
        "warnings": [{"path": d.path, "message": d.message} for d in report.warnings],
        "stats": {
            "files_scanned": report.files_scanned,
            "files_skipped": dict(sorted(report.skipped.items())),
            "bytes_scanned": report.bytes_scanned,
            "findings": len(report.findings),
            "suppressed": report.suppressed,
            "baselined": report.baselined,
            "seconds": round(report.seconds, 3),
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
