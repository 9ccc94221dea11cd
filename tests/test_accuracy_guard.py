"""The accuracy guard: precision and recall on each labelled corpus (tests/corpus,
tests/holdout, tests/holdout2) may not fall below the figures recorded in its
accuracy-floor.json.

Scoring is the one of bench/accuracy.py (which also runs the peer tools); the
floor moves up by hand when the figures improve.
"""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import ROOT

from gitops_guard.commands.scan import scan_paths

CORPUS = ROOT / "tests" / "corpus"


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("gg_accuracy", ROOT / "bench" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    import sys

    sys.modules["gg_accuracy"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("corpus", ["corpus", "holdout", "holdout2"])
def test_corpus_precision_and_recall_do_not_fall(corpus):
    accuracy = _accuracy_module()
    root = ROOT / "tests" / corpus
    labels = accuracy.Labels.load(root)
    report = scan_paths([str(root / "cases")], jobs=1)
    assert not report.errors
    found = {(f"cases/{f.path}", f.line) for f in report.findings}
    result = accuracy.score(labels, found, "gitops-guard")
    floor = json.loads((root / "accuracy-floor.json").read_text())
    overall = result.overall
    assert overall.precision >= floor["precision"], (overall.as_dict(), result.fps)
    assert overall.recall >= floor["recall"], (overall.as_dict(), result.fns)


def test_corpus_is_large_enough():
    accuracy = _accuracy_module()
    labels = accuracy.Labels.load(CORPUS)
    assert len(labels.leaks) >= 150
    assert len(labels.negatives) >= 150
