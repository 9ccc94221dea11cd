#!/usr/bin/env python3
"""Measure secret-detection accuracy on the labelled corpus in tests/corpus.

Runs, in one go, gitops-guard and (when installed) detect-secrets and
gitleaks over tests/corpus/cases and scores every tool against
tests/corpus/labels.yaml:

* a labelled leak is a true positive when the tool reports any finding on
  its (path, line); for a multi-line private-key block any line from BEGIN
  to END counts, and so does the `key: |` header line of a YAML block
  scalar whose content holds labelled leaks (some tools report that line);
* every other distinct (path, line) with a finding is a false positive
  (two rules on one line count once);
* a labelled leak with no finding is a false negative.

Usage:
    python bench/accuracy.py [--tools gitops-guard,detect-secrets,gitleaks]
                             [--json FILE] [--verbose]
                             [--min-precision P] [--min-recall R]

--min-precision / --min-recall apply to gitops-guard only: the script exits
1 when it falls below either, and 2 when it could not be run at all.
Requires Python 3.10+ and pyyaml.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "tests" / "corpus"
CASES_DIR = "cases"
TOOLS = ("gitops-guard", "detect-secrets", "gitleaks")
BLOCK_MAX_LINES = 400
BLOCK_HEADER = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")

Loc = tuple[str, int]  # (path relative to the corpus root, 1-based line)


class ToolUnavailable(Exception):
    """The tool is not installed; it is skipped with a note."""


class ToolFailed(Exception):
    """The tool is installed but did not produce a usable report."""


# --------------------------------------------------------------- labels
@dataclass
class Labels:
    corpus: Path
    leaks: dict[Loc, str] = field(default_factory=dict)  # loc -> kind
    negatives: dict[Loc, str] = field(default_factory=dict)  # loc -> kind
    # lines that also count as the location of labelled leaks: every line of a
    # labelled BEGIN..END key block, and the `key: |` header of a YAML block
    # scalar that holds labelled leaks (some tools report the key's line)
    aliases: dict[Loc, set[Loc]] = field(default_factory=dict)

    @classmethod
    def load(cls, corpus: Path) -> Labels:
        raw = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8")) or []
        lab = cls(corpus)
        for i, e in enumerate(raw):
            try:
                loc = (norm_rel(str(e["path"])), int(e["line"]))
                kind, leak = str(e["kind"]), bool(e["leak"])
            except (KeyError, TypeError, ValueError) as exc:
                raise SystemExit(f"labels.yaml entry {i}: bad entry {e!r} ({exc})") from None
            if not (corpus / loc[0]).is_file():
                raise SystemExit(f"labels.yaml entry {i}: no such file {loc[0]}")
            if loc in lab.leaks or loc in lab.negatives:
                raise SystemExit(f"labels.yaml: duplicate label for {loc[0]}:{loc[1]}")
            (lab.leaks if leak else lab.negatives)[loc] = kind
        lab._find_blocks()
        return lab

    def _find_blocks(self) -> None:
        """Map extra lines (key blocks, YAML block-scalar headers) to leaks."""
        by_path: dict[str, list[int]] = defaultdict(list)
        for path, line in self.leaks:
            by_path[path].append(line)
        for path, leak_lines in by_path.items():
            lines = (self.corpus / path).read_text(encoding="utf-8", errors="replace").splitlines()
            for line in leak_lines:
                if not (1 <= line <= len(lines)):
                    raise SystemExit(f"labels.yaml: {path}:{line} is past the end of the file")
                text = lines[line - 1]
                if "-----BEGIN " not in text or "-----END " in text:
                    continue
                for j in range(line, min(len(lines), line - 1 + BLOCK_MAX_LINES)):
                    self.aliases.setdefault((path, j + 1), set()).add((path, line))
                    if "-----END " in lines[j]:
                        break
            leak_set = set(leak_lines)
            for i, text in enumerate(lines, start=1):
                if (path, i) in self.leaks or not BLOCK_HEADER.search(text):
                    continue
                ind = len(text) - len(text.lstrip(" -"))
                inside = set()
                for j in range(i + 1, len(lines) + 1):
                    t = lines[j - 1]
                    if t.strip() and len(t) - len(t.lstrip(" ")) <= ind:
                        break
                    if j in leak_set:
                        inside.add((path, j))
                if inside:
                    self.aliases.setdefault((path, i), set()).update(inside)

    def match(self, loc: Loc) -> set[Loc]:
        """The labelled leaks a finding at `loc` counts for (empty: none)."""
        if loc in self.leaks:
            return {loc}
        return self.aliases.get(loc, set())

    def kind_of_fp(self, loc: Loc) -> tuple[str, bool]:
        """(kind, labelled) for a false positive at `loc`."""
        if loc in self.negatives:
            return self.negatives[loc], True
        parts = Path(loc[0]).parts
        folder = parts[1] if len(parts) > 2 and parts[0] == CASES_DIR else "?"
        return folder, False


def norm_rel(p: str) -> str:
    p = Path(p.replace("\\", "/")).as_posix()
    return p[2:] if p.startswith("./") else p


def normalise(path: str, corpus: Path, base: Path, prefer_cases: bool) -> str:
    """Turn a tool's report path into a path relative to the corpus root.

    `base` is the directory the tool reported relative to (its scan root or
    its working directory).  Absolute paths are made relative to the corpus;
    relative ones are tried against `base`, the corpus root and cases/.
    """
    p = path.replace("\\", "/")
    corpus_r = corpus.resolve()
    cand: list[Path] = []
    if os.path.isabs(p):
        cand.append(Path(p))
    else:
        rel = p[2:] if p.startswith("./") else p
        order = [base / rel, corpus / CASES_DIR / rel, corpus / rel]
        if not prefer_cases:
            order = [corpus / rel, base / rel, corpus / CASES_DIR / rel]
        cand.extend(order)
    for c in cand:
        try:
            r = c.resolve()
            if r.is_file():
                return r.relative_to(corpus_r).as_posix()
        except (ValueError, OSError):
            continue
    # not found on disk: best effort
    if os.path.isabs(p):
        try:
            return Path(p).resolve().relative_to(corpus_r).as_posix()
        except ValueError:
            return p
    rel = p[2:] if p.startswith("./") else p
    return rel if rel.startswith(CASES_DIR + "/") else f"{CASES_DIR}/{rel}"


# --------------------------------------------------------------- runners
def _run(cmd: list[str], cwd: Path, ok_codes: tuple[int, ...]) -> subprocess.CompletedProcess:
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=900)
    except FileNotFoundError as exc:
        raise ToolUnavailable(f"{cmd[0]} not found") from exc
    except subprocess.TimeoutExpired as exc:
        raise ToolFailed(f"{shlex.join(cmd)} timed out") from exc
    if proc.returncode not in ok_codes:
        raise ToolFailed(f"{shlex.join(cmd)} exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
    return proc


def _load_json(path: Path, what: str):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ToolFailed(f"{what} wrote no report to {path}") from exc
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ToolFailed(f"{what} report is not JSON: {exc}") from exc


def run_gitops_guard(corpus: Path, cmd_prefix: list[str]) -> set[Loc]:
    if shutil.which(cmd_prefix[0]) is None and not Path(cmd_prefix[0]).exists():
        raise ToolUnavailable(f"{cmd_prefix[0]} is not on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "gg.json"
        cmd = [*cmd_prefix, "scan", "--format", "json", "--output", str(out), CASES_DIR]
        _run(cmd, corpus, (0, 1))
        data = _load_json(out, "gitops-guard") or {}
    findings = data.get("findings", []) if isinstance(data, dict) else data
    locs: set[Loc] = set()
    base = corpus / CASES_DIR
    for f in findings or []:
        try:
            path, line = str(f["path"]), int(f["line"])
        except (KeyError, TypeError, ValueError):
            continue
        locs.add((normalise(path, corpus, base, prefer_cases=True), line))
    return locs


def run_detect_secrets(corpus: Path) -> set[Loc]:
    exe = shutil.which("detect-secrets")
    if exe:
        cmd = [exe]
    else:
        try:
            import detect_secrets  # noqa: F401
        except ImportError as exc:
            raise ToolUnavailable("detect-secrets is neither on PATH nor importable") from exc
        cmd = [sys.executable, "-m", "detect_secrets"]
    proc = _run([*cmd, "scan", "--all-files", CASES_DIR], corpus, (0,))
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise ToolFailed(f"detect-secrets output is not JSON: {exc}") from exc
    locs: set[Loc] = set()
    for path, items in (data.get("results") or {}).items():
        rel = normalise(path, corpus, corpus, prefer_cases=False)
        for it in items:
            try:
                locs.add((rel, int(it["line_number"])))
            except (KeyError, TypeError, ValueError):
                continue
    return locs


def run_gitleaks(corpus: Path) -> set[Loc]:
    exe = shutil.which("gitleaks")
    if not exe:
        raise ToolUnavailable("gitleaks is not on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "gitleaks.json"
        cmd = [
            exe,
            "dir",
            CASES_DIR,
            "--no-banner",
            "--report-format",
            "json",
            "--report-path",
            str(out),
            "--log-level",
            "error",
        ]
        _run(cmd, corpus, (0, 1))
        data = _load_json(out, "gitleaks") or []
    locs: set[Loc] = set()
    for f in data:
        try:
            path, line = str(f["File"]), int(f["StartLine"])
        except (KeyError, TypeError, ValueError):
            continue
        locs.add((normalise(path, corpus, corpus, prefer_cases=False), line))
    return locs


# --------------------------------------------------------------- scoring
@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Result:
    tool: str
    overall: Score
    per_kind: dict[str, Score]
    fp_unlabelled_per_kind: Counter
    fp_kinds: Counter  # "kind" or "unlabelled:<folder kind>"
    fps: list[Loc]
    fns: list[Loc]


def score(labels: Labels, found: set[Loc], tool: str) -> Result:
    hit: set[Loc] = set()
    fps: list[Loc] = []
    for loc in sorted(found):
        owners = labels.match(loc)
        if owners:
            hit.update(owners)
        else:
            fps.append(loc)
    per_kind: dict[str, Score] = defaultdict(Score)
    overall = Score()
    fns: list[Loc] = []
    for loc, kind in labels.leaks.items():
        if loc in hit:
            per_kind[kind].tp += 1
            overall.tp += 1
        else:
            per_kind[kind].fn += 1
            overall.fn += 1
            fns.append(loc)
    fp_unl: Counter = Counter()
    fp_kinds: Counter = Counter()
    for loc in fps:
        kind, labelled = labels.kind_of_fp(loc)
        per_kind[kind].fp += 1
        overall.fp += 1
        if labelled:
            fp_kinds[kind] += 1
        else:
            fp_unl[kind] += 1
            fp_kinds[f"unlabelled:{kind}"] += 1
    return Result(tool, overall, dict(per_kind), fp_unl, fp_kinds, fps, sorted(fns))


# --------------------------------------------------------------- report
def _line(corpus: Path, loc: Loc, width: int = 110) -> str:
    try:
        text = (corpus / loc[0]).read_text(encoding="utf-8", errors="replace").splitlines()[loc[1] - 1]
    except (OSError, IndexError):
        return ""
    text = text.strip()
    return text if len(text) <= width else text[: width - 3] + "..."


def print_report(labels: Labels, results: list[Result], verbose: bool) -> None:
    nl, nn = len(labels.leaks), len(labels.negatives)
    print(f"corpus: {labels.corpus}  labelled leaks: {nl}  labelled negatives: {nn}\n")
    hdr = f"{'tool':16} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7} {'F1':>6}"
    print(hdr)
    print("-" * len(hdr))
    for r in results:
        s = r.overall
        print(f"{r.tool:16} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f}")
    kinds = sorted(
        set(labels.leaks.values()) | set(labels.negatives.values()) | {k for r in results for k in r.per_kind}
    )
    leak_n = Counter(labels.leaks.values())
    neg_n = Counter(labels.negatives.values())
    for r in results:
        print(f"\n{r.tool}: per kind (FP = labelled negatives hit + unlabelled lines in that kind's folder)")
        h = (
            f"  {'kind':20} {'leaks':>5} {'negs':>5} {'TP':>4} {'FN':>4} {'FP':>4} "
            f"{'(unlab)':>7} {'prec':>6} {'recall':>6}"
        )
        print(h)
        for k in kinds:
            s = r.per_kind.get(k, Score())
            print(
                f"  {k:20} {leak_n[k]:5} {neg_n[k]:5} {s.tp:4} {s.fn:4} {s.fp:4} "
                f"{r.fp_unlabelled_per_kind[k]:7} {s.precision:6.3f} {s.recall:6.3f}"
            )
    for r in results:
        top = ", ".join(f"{k} ({n})" for k, n in r.fp_kinds.most_common(5)) or "none"
        print(f"\n{r.tool}: top false-positive kinds: {top}")
    if verbose:
        for r in results:
            print(f"\n== {r.tool}: false negatives ({len(r.fns)})")
            for loc in r.fns:
                print(f"  FN [{labels.leaks[loc]}] {loc[0]}:{loc[1]}  {_line(labels.corpus, loc)}")
            print(f"== {r.tool}: false positives ({len(r.fps)})")
            for loc in r.fps:
                kind, lab = labels.kind_of_fp(loc)
                tag = kind if lab else f"unlabelled:{kind}"
                print(f"  FP [{tag}] {loc[0]}:{loc[1]}  {_line(labels.corpus, loc)}")


def to_json(labels: Labels, results: list[Result], skipped: dict[str, str]) -> dict:
    return {
        "corpus": str(labels.corpus),
        "labelled_leaks": len(labels.leaks),
        "labelled_negatives": len(labels.negatives),
        "skipped": skipped,
        "tools": {
            r.tool: {
                "overall": r.overall.as_dict(),
                "per_kind": {
                    k: {**s.as_dict(), "fp_unlabelled": r.fp_unlabelled_per_kind[k]}
                    for k, s in sorted(r.per_kind.items())
                },
                "top_fp_kinds": r.fp_kinds.most_common(5),
                "false_negatives": [f"{p}:{n}" for p, n in r.fns],
                "false_positives": [f"{p}:{n}" for p, n in r.fps],
            }
            for r in results
        },
    }


# --------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="corpus root holding labels.yaml and cases/ (default: tests/corpus)",
    )
    ap.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated subset of {', '.join(TOOLS)}")
    ap.add_argument(
        "--gitops-guard-cmd",
        default=os.environ.get("GITOPS_GUARD_CMD", "gitops-guard"),
        help="command that runs gitops-guard (default: gitops-guard; e.g. 'python -m gitops_guard')",
    )
    ap.add_argument("--json", metavar="FILE", type=Path, help="also write the numbers as JSON")
    ap.add_argument("--min-precision", type=float, help="exit 1 if gitops-guard precision is lower")
    ap.add_argument("--min-recall", type=float, help="exit 1 if gitops-guard recall is lower")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every FN and FP line")
    args = ap.parse_args(argv)

    corpus = args.corpus.resolve()
    labels = Labels.load(corpus)
    wanted = [t.strip() for t in args.tools.split(",") if t.strip()]
    for t in wanted:
        if t not in TOOLS:
            ap.error(f"unknown tool {t!r}")
    runners = {
        "gitops-guard": lambda: run_gitops_guard(corpus, shlex.split(args.gitops_guard_cmd)),
        "detect-secrets": lambda: run_detect_secrets(corpus),
        "gitleaks": lambda: run_gitleaks(corpus),
    }
    results: list[Result] = []
    skipped: dict[str, str] = {}
    for t in wanted:
        try:
            found = runners[t]()
        except ToolUnavailable as exc:
            print(f"note: skipping {t}: {exc}", file=sys.stderr)
            skipped[t] = str(exc)
            continue
        except ToolFailed as exc:
            print(f"error: {t} failed: {exc}", file=sys.stderr)
            skipped[t] = f"failed: {exc}"
            continue
        results.append(score(labels, found, t))

    print_report(labels, results, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(to_json(labels, results, skipped), indent=2) + "\n", encoding="utf-8")

    if args.min_precision is None and args.min_recall is None:
        return 0
    gg = next((r for r in results if r.tool == "gitops-guard"), None)
    if gg is None:
        print("error: thresholds given but gitops-guard produced no result", file=sys.stderr)
        return 2
    bad = []
    if args.min_precision is not None and gg.overall.precision < args.min_precision:
        bad.append(f"precision {gg.overall.precision:.3f} < {args.min_precision}")
    if args.min_recall is not None and gg.overall.recall < args.min_recall:
        bad.append(f"recall {gg.overall.recall:.3f} < {args.min_recall}")
    if bad:
        print("FAIL: gitops-guard " + "; ".join(bad), file=sys.stderr)
        return 1
    print("\ngitops-guard meets the thresholds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
