"""Accuracy of quotecraft and its peers on the shared gold sets, side by side.

Systems, all reading the *same* parsed ``Doc`` of each text (one parse per text and model):

- ``quotecraft``: this library, :meth:`quotecraft.Extractor.analyze` on the Doc;
- ``textacy``: ``textacy.extract.triples.direct_quotations`` (a document on which it
  raises counts as no output; its token spans become character offsets);
- ``quotecraft.textacy``: :func:`quotecraft.textacy.direct_quotations`, the drop-in for
  textacy's function, its triples scored exactly as textacy's are (direct quotes only,
  the speaker as the mention's words);
- ``baseline``: every pair of double quotation marks (curly or straight, within a
  paragraph) is a direct quote, the nearest PERSON entity outside it is its speaker.

The parsed text is quotecraft's normalized text: the same length and offsets as the
gold text, with no-break spaces turned into spaces and boilerplate lines blanked, so
quotecraft's figures equal those of ``quotecraft extract`` on the same file.

Figures come from :mod:`quotecraft.evaluate` (the shared reference scorer's matching).
Usage::

    python benchmarks/accuracy.py                         # seeds + PolNeAR dev, all systems
    python benchmarks/accuracy.py --errors 10             # + the 10 worst misses per cause
    python benchmarks/accuracy.py --rules                 # + precision of each quotecraft rule
    python benchmarks/accuracy.py --corpus polnear-train --systems quotecraft

Output: Markdown on stdout, also written with the JSON figures to ``benchmarks/results/``
(``--out DIR`` to change). Data: ``--data DIR``, ``$QUOTECRAFT_DATA``, else ``../shared``;
when it is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    CONVENTIONS,
    CORPORA,
    DEFAULT_CORPORA,
    RESULTS,
    corpus_path,
    data_dir,
    read_jsonl,
)
from _relations import RELATIONS, RelationInfo, relation_info

SYSTEMS = ("quotecraft", "textacy", "quotecraft.textacy", "baseline")
FIGURES = ("quote_p", "quote_r", "quote_f1", "exact_share", "speaker_acc", "e2e_f1")
KINDS = ("direct", "indirect", "mixed")

Prediction = list[dict[str, Any]]
"""The predicted quotes of one document, in the shape ``quotecraft extract`` writes."""


@frozen
class Parsed:
    """One gold document, segmented and parsed once for every system."""

    gold: dict[str, Any]
    seg: Any
    """quotecraft's :class:`~quotecraft.segment.Segmentation` of the text."""
    doc: Any
    """The spaCy ``Doc`` of ``seg.parse_text``."""


def parse_corpus(
    extractor: Any, gold: Sequence[dict[str, Any]], batch_size: int = 32
) -> list[Parsed]:
    """Segment and parse every gold text once, with the extractor's spaCy pipeline."""
    from quotecraft.segment import segment

    segs = [segment(g["text"], html=extractor.config.html) for g in gold]
    docs = extractor.nlp.pipe((s.parse_text for s in segs), batch_size=batch_size)
    return [Parsed(g, s, d) for g, s, d in zip(gold, segs, docs, strict=True)]


# -- systems: (extractor, parsed document) -> predicted quotes ---------------------------------


def _span(text: str, s: int, e: int) -> dict[str, Any]:
    return {"start": s, "end": e, "text": text[s:e]}


def _tokens_span(text: str, tokens: Sequence[Any]) -> dict[str, Any]:
    """The character span from the first to the last of some tokens."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return _span(text, first.idx, last.idx + len(last.text))


def _speaker(name: str | None, mention: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "id": None,
        "name": name,
        "title": None,
        "organization": None,
        "kind": "unknown",
        "mention": mention,
    }


def _quote(
    content: dict[str, Any],
    speaker: dict[str, Any] | None,
    rule: str,
    cue: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "kind": "direct",
        "content": content,
        "fragments": [],
        "cue": cue,
        "speaker": speaker,
        "rule": rule,
        "confidence": 1.0,
    }


def predict_quotecraft(extractor: Any, p: Parsed) -> Prediction:
    """quotecraft's stages after the parse, on the shared Doc."""
    from quotecraft.serialize import to_dict

    if len(p.seg.normalized) > extractor.config.chunk_chars:
        # quotecraft parses such a text in pieces: take its own path to stay exact
        article = extractor(p.gold["text"], id=p.gold["id"])
    else:
        article = extractor.analyze(p.doc, p.seg, id=p.gold["id"])
    quotes: Prediction = to_dict(article)["quotes"]
    return quotes


def predict_textacy(extractor: Any, p: Parsed) -> Prediction:
    """textacy's ``direct_quotations`` (it raises on unbalanced quotation marks, among others:
    :func:`run_systems` scores such a document as no output)."""
    from textacy.extract.triples import direct_quotations

    return _from_triples(p, list(direct_quotations(p.doc)), "textacy.direct_quotations")


def predict_quotecraft_textacy(extractor: Any, p: Parsed) -> Prediction:
    """quotecraft's drop-in for textacy's ``direct_quotations``, scored as textacy's is."""
    from quotecraft.textacy import direct_quotations

    return _from_triples(p, list(direct_quotations(p.doc)), "quotecraft.textacy.direct_quotations")


def _from_triples(p: Parsed, triples: list[Any], rule: str) -> Prediction:
    """``DQTriple(speaker, cue, content)`` tuples as predicted quotes (tokens to offsets)."""
    text = p.seg.text
    out = []
    for t in triples:
        if not t.content:
            continue
        mention = _tokens_span(text, t.speaker) if t.speaker else None
        speaker = _speaker(mention["text"], mention) if mention else None
        cue = None
        if t.cue:
            c = _tokens_span(text, t.cue)
            lemma = " ".join(tok.lemma_ for tok in sorted(t.cue, key=lambda tok: tok.i))
            cue = {**c, "lemma": lemma, "negated": False}
        out.append(_quote(_tokens_span(text, t.content), speaker, rule, cue))
    return out


_PAIRS = re.compile(r"“[^“”\n]{1,3000}”|\"[^\"\n]{1,3000}\"")


def predict_baseline(extractor: Any, p: Parsed) -> Prediction:
    """Every quotation-mark pair is a direct quote; the nearest PERSON outside it speaks."""
    text = p.seg.text
    people = [(e.start_char, e.end_char) for e in p.doc.ents if e.label_ == "PERSON"]
    out = []
    for m in _PAIRS.finditer(p.seg.normalized):
        s, e = m.start(), m.end()
        outside = [(a, b) for a, b in people if b <= s or a >= e]
        speaker = None
        if outside:
            a, b = min(outside, key=lambda pe: s - pe[1] if pe[1] <= s else pe[0] - e)
            speaker = _speaker(text[a:b], _span(text, a, b))
        out.append(_quote(_span(text, s, e), speaker, "baseline.quote_marks"))
    return out


PREDICTORS: dict[str, Callable[[Any, Parsed], Prediction]] = {
    "quotecraft": predict_quotecraft,
    "textacy": predict_textacy,
    "quotecraft.textacy": predict_quotecraft_textacy,
    "baseline": predict_baseline,
}


# -- running -----------------------------------------------------------------------------------


@frozen
class SystemRun:
    """One system's predictions and figures on one corpus."""

    system: str
    predictions: list[dict[str, Any]]
    """``{"id", "quotes"}`` per document."""
    scores: Any
    """The :class:`quotecraft.evaluate.Scores`."""
    seconds: float
    """Time spent after the shared parse."""
    failed_docs: int
    """Documents on which the system raised (scored as no output)."""

    def figures(self) -> dict[str, Any]:
        """The JSON-ready figures (no misses)."""
        d = self.scores.as_dict()
        del d["misses"]
        d["failed_docs"] = self.failed_docs
        d["seconds_after_parse"] = round(self.seconds, 2)
        return d


def run_systems(
    extractor: Any, parsed: Sequence[Parsed], systems: Sequence[str]
) -> dict[str, SystemRun]:
    """Run each system on the parsed documents and score it against their gold."""
    from quotecraft.evaluate import evaluate

    gold = [p.gold for p in parsed]
    if "textacy" in systems:
        import textacy.extract.triples  # noqa: F401 - imported before the clock starts
    preds: dict[str, list[dict[str, Any]]] = {s: [] for s in systems}
    seconds: dict[str, float] = dict.fromkeys(systems, 0.0)
    failed: Counter[str] = Counter()
    # the peers first: quotecraft never sees a Doc another system has touched after it
    order = sorted(systems, key=lambda s: s == "quotecraft")
    for p in parsed:
        for s in order:
            t = time.perf_counter()
            try:
                quotes = PREDICTORS[s](extractor, p)
            except Exception:  # a document on which a system raises counts as no output
                quotes = []
                failed[s] += 1
            seconds[s] += time.perf_counter() - t
            preds[s].append({"id": p.gold["id"], "quotes": quotes})
    return {
        s: SystemRun(s, preds[s], evaluate(gold, preds[s]), seconds[s], failed[s]) for s in systems
    }


# -- reports -----------------------------------------------------------------------------------


def markdown_table(runs: dict[str, SystemRun]) -> str:
    """One row per system: P/R/F1, recall by kind, exact boundaries, speakers, end to end."""
    kinds = [k for k in KINDS if any(k in r.scores.recall_by_kind for r in runs.values())]
    head = ["system", "P", "R", "F1", *(f"R {k}" for k in kinds)]
    head += ["exact bounds", "speaker acc", "e2e F1", "predicted", "failed docs"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for name, r in runs.items():
        s = r.scores
        row = [name, f"{s.quote_p:.3f}", f"{s.quote_r:.3f}", f"{s.quote_f1:.3f}"]
        row += [f"{s.recall_by_kind.get(k, 0.0):.3f}" for k in kinds]
        row += [f"{s.exact_share:.3f}", f"{s.speaker_acc:.3f}", f"{s.e2e_f1:.3f}"]
        row += [str(s.predicted), str(r.failed_docs)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def kind_counts_line(runs: dict[str, SystemRun]) -> str:
    """How many gold quotes of each kind the corpus has."""
    any_run = next(iter(runs.values()))
    counts = any_run.scores.kind_counts
    parts = [f"{counts[k].gold} {k}" for k in KINDS if k in counts]
    return f"{any_run.scores.gold} gold quotes ({', '.join(parts)}), {len(any_run.predictions)} documents"


def rule_table(gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]]) -> str:
    """Precision and speaker accuracy of each rule's quotes, within the one-to-one matching
    of the whole system's output (a quote that duplicates a matched one counts as wrong)."""
    from quotecraft.evaluate import match, speaker_ok

    by_id = {str(p.get("id")): p for p in pred}
    counts: dict[str, list[int]] = {}  # rule -> [quotes, matched, with gold speaker, right]
    for g in gold:
        pq = (by_id.get(str(g["id"])) or {}).get("quotes") or []
        m = match(g["text"], g["quotes"], pq)
        gold_of = {j: i for i, j in m.pairs.items()}
        for j, q in enumerate(pq):
            c = counts.setdefault(str(q.get("rule", "?")), [0, 0, 0, 0])
            c[0] += 1
            if j in gold_of:
                c[1] += 1
                gq = g["quotes"][gold_of[j]]
                if gq.get("speaker_name") or gq.get("speaker"):
                    c[2] += 1
                    c[3] += speaker_ok(gq, q)
    lines = ["| rule | quotes | precision | speaker acc |", "|---|---:|---:|---:|"]
    for rule, (n, matched, with_spk, right) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        spk = f"{right / with_spk:.3f}" if with_spk else "n/a"
        lines.append(f"| `{rule}` | {n} | {matched / n:.3f} | {spk} |")
    return "\n".join(lines)


# -- error analysis ----------------------------------------------------------------------------

CAUSES = ("missed cue", "boundary", "wrong speaker", "false alarm")


@frozen
class Error:
    """One miss or false alarm, with how much text it affects (its severity)."""

    cause: str
    doc_id: str
    severity: int
    """Characters affected: the gold content missed, the boundary disagreement, the
    content with the wrong speaker, or the falsely predicted content."""
    detail: str
    key: str
    """What to count it under in the summary (gold cue word, predicted rule...)."""
    group: str = ""
    """Errors with the same non-empty group (gold quotes inside one predicted quote) are
    listed once."""
    kind: str = ""
    """The gold quote's kind (the predicted one's for a false alarm)."""
    relation: str = ""
    """For a missed quote with ``relations``: how its content hangs on its cue in the parse."""


def _short(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


CueInfo = Callable[[str, int, int], tuple[str, bool]]
"""(document id, cue start, cue end) -> (the cue's lemmas, whether quotecraft's lexicon has it)."""


def cue_info(extractor: Any, parsed: Sequence[Parsed]) -> CueInfo:
    """Look up gold cues in the parse and in quotecraft's cue lexicon."""
    docs = {str(p.gold["id"]): p.doc for p in parsed}
    lex = extractor.lexicon

    def info(doc_id: str, start: int, end: int) -> tuple[str, bool]:
        span = docs[doc_id].char_span(start, end, alignment_mode="expand")
        if span is None:
            return "?", False
        words = " ".join(t.lower_ for t in span if not (t.is_punct or t.is_space))
        if words in lex.phrases:
            return words, True
        lemmas = [t.lemma_.lower() for t in span if not (t.is_punct or t.is_space)]
        text = " ".join(lemmas) or span.text.strip()
        known = text in lex.phrases or any(w in lex.verbs or w in lex.nouns for w in lemmas)
        return text, known

    return info


def classify_errors(
    gold: Sequence[dict[str, Any]],
    pred: Sequence[dict[str, Any]],
    cues: CueInfo | None = None,
    relations: RelationInfo | None = None,
) -> list[Error]:
    """Every miss and false alarm of ``pred`` against ``gold``, with its cause.

    - missed cue: no predicted quote overlaps the gold content at all;
    - boundary: some predicted quote overlaps it, but not by half of each span;
    - wrong speaker: matched, but the speaker is wrong (or missing);
    - false alarm: a predicted quote that overlaps no gold quote.

    With ``cues``, a missed quote's key is its cue's lemmas, marked ``(not in lexicon)``
    when quotecraft's lexicon lacks the cue; else the cue's text. With ``relations``, a
    missed quote with a cue also says how its content hangs on the cue in the parse
    (:func:`_relations.content_relation`).
    """
    from quotecraft.evaluate import match, speaker_ok

    by_id = {str(p.get("id")): p for p in pred}
    out: list[Error] = []
    for g in gold:
        text = g["text"]
        gq = g["quotes"]
        pq = (by_id.get(str(g["id"])) or {}).get("quotes") or []
        m = match(text, gq, pq)
        for i, q in enumerate(gq):
            gs = m.gold_spans[i]
            gcue = q.get("cue") or {}
            cue = gcue.get("text") or "(no cue)"
            cue_key = cue.lower().rstrip(":,") or cue
            if cues is not None and gcue:
                lemma, known = cues(str(g["id"]), gcue["start"], gcue["end"])
                cue_key = lemma if known else f"{lemma} (not in lexicon)"
            gold_text = _short(text[gs[0] : gs[1]])
            if i in m.pairs:
                j = m.pairs[i]
                has_spk = bool(q.get("speaker_name") or q.get("speaker"))
                if has_spk and not speaker_ok(q, pq[j]):
                    want = q.get("speaker_name") or (q.get("speaker") or {}).get("text")
                    sp = pq[j].get("speaker") or {}
                    got = sp.get("name") or (sp.get("mention") or {}).get("text")
                    rule = pq[j].get("rule", "?")
                    out.append(
                        Error(
                            "wrong speaker",
                            g["id"],
                            gs[1] - gs[0],
                            f"gold {want!r}, got {got!r} [{rule}]: “{gold_text}”",
                            "no speaker" if not sp else rule,
                            kind=str(q.get("kind")),
                        )
                    )
                continue
            overlapping = [
                (min(gs[1], ps[1]) - max(gs[0], ps[0]), j)
                for j, ps in enumerate(m.pred_spans)
                if min(gs[1], ps[1]) > max(gs[0], ps[0])
            ]
            if not overlapping:
                relation = ""
                if relations is not None and gcue:
                    relation = relations(str(g["id"]), (gcue["start"], gcue["end"]), gs)
                out.append(
                    Error(
                        "missed cue",
                        g["id"],
                        gs[1] - gs[0],
                        f"[{q.get('kind')}, cue “{cue}”] “{gold_text}”",
                        cue_key,
                        kind=str(q.get("kind")),
                        relation=relation,
                    )
                )
                continue
            _, j = max(overlapping)
            ps = m.pred_spans[j]
            sym = (gs[1] - gs[0]) + (ps[1] - ps[0]) - 2 * (min(gs[1], ps[1]) - max(gs[0], ps[0]))
            rule = pq[j].get("rule", "?")
            out.append(
                Error(
                    "boundary",
                    g["id"],
                    sym,
                    f"[{q.get('kind')}, {rule}] gold “{gold_text}” / got “{_short(text[ps[0] : ps[1]])}”",
                    rule,
                    group=f"{g['id']}@{ps[0]}-{ps[1]}",
                    kind=str(q.get("kind")),
                )
            )
        for j, ps in enumerate(m.pred_spans):
            if any(min(ps[1], gs[1]) > max(ps[0], gs[0]) for gs in m.gold_spans):
                continue
            rule = pq[j].get("rule", "?")
            out.append(
                Error(
                    "false alarm",
                    g["id"],
                    ps[1] - ps[0],
                    f"[{rule}] “{_short(text[ps[0] : ps[1]])}”",
                    rule,
                    kind=str(pq[j].get("kind")),
                )
            )
    return out


def relation_line(group: Sequence[Error]) -> str:
    """How the missed quotes' contents hang on their cues: count (in the lexicon / not)."""
    counts: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    for e in group:
        if e.relation:
            counts[e.relation] += 1
            unknown[e.relation] += e.key.endswith("(not in lexicon)")
    parts = [
        f"{r} {counts[r]} ({counts[r] - unknown[r]} / {unknown[r]})" for r in RELATIONS if counts[r]
    ]
    return (
        "How the content hangs on its gold cue in quotecraft's parse (cue in the lexicon / not): "
        + ", ".join(parts)
        + "."
    )


def error_report(
    gold: Sequence[dict[str, Any]],
    pred: Sequence[dict[str, Any]],
    n: int,
    top_keys: int = 8,
    cues: CueInfo | None = None,
    relations: RelationInfo | None = None,
) -> str:
    """Markdown: per cause, its count, what it is most often about, and its ``n`` worst cases.

    With ``relations``, missed quotes are also counted by how their content hangs on
    their cue in the parse, in and out of the lexicon."""
    errors = classify_errors(gold, pred, cues, relations)
    key_label = {
        "missed cue": "gold cue",
        "boundary": "rule",
        "wrong speaker": "rule",
        "false alarm": "rule",
    }
    lines = []
    for cause in CAUSES:
        group = [e for e in errors if e.cause == cause]
        lines.append(f"#### {cause}: {len(group)}\n")
        if not group:
            continue
        kinds = Counter(e.kind for e in group).most_common()
        side = "predicted" if cause == "false alarm" else "gold"
        lines.append(f"By {side} kind: " + ", ".join(f"{k} {c}" for k, c in kinds) + ".")
        if cause == "missed cue" and cues is not None:
            unknown = sum(e.key.endswith("(not in lexicon)") for e in group)
            lines.append(
                f"Gold cue in quotecraft's lexicon: {len(group) - unknown}; not in it: {unknown}."
            )
        if cause == "missed cue" and relations is not None:
            lines.append(relation_line(group))
        keys = Counter(e.key for e in group).most_common(top_keys)
        lines.append(
            f"Most frequent {key_label[cause]}: " + ", ".join(f"{k} ({c})" for k, c in keys) + ".\n"
        )
        together = Counter(e.group for e in group if e.group)
        seen: set[str] = set()
        shown = 0
        for e in sorted(group, key=lambda e: -e.severity):
            if shown == n:
                break
            if e.group and e.group in seen:
                continue
            seen.add(e.group)
            shown += 1
            more = together[e.group] - 1 if e.group else 0
            also = f" (and {more} more gold quotes under the same prediction)" if more else ""
            lines.append(f"- `{e.doc_id}` ({e.severity} chars) {e.detail}{also}")
        lines.append("")
    return "\n".join(lines)


# -- command line ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", help="shared data folder (default: $QUOTECRAFT_DATA or ../shared)")
    ap.add_argument(
        "--corpus",
        action="append",
        choices=sorted(CORPORA),
        help="corpus to run, repeatable (default: seeds, polnear-dev and gum-dev)",
    )
    ap.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated systems (default: {','.join(SYSTEMS)})",
    )
    ap.add_argument("--model", help="spaCy pipeline (default: quotecraft's choice)")
    ap.add_argument(
        "--out",
        default=str(RESULTS),
        help="folder for accuracy.json and accuracy.md (default: benchmarks/results)",
    )
    ap.add_argument(
        "--errors", type=int, default=0, metavar="N", help="show the N worst cases per error cause"
    )
    ap.add_argument(
        "--rules", action="store_true", help="also report precision per rule (quotecraft)"
    )
    ap.add_argument(
        "--errors-system",
        default="quotecraft",
        metavar="NAME",
        help="system to analyse (default: quotecraft)",
    )
    args = ap.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        ap.error(f"unknown systems {unknown}; choose from {list(SYSTEMS)}")
    root = data_dir(args.data)
    if root is None:
        print("accuracy: shared data not found (use --data or QUOTECRAFT_DATA); nothing to do")
        return 0
    import quotecraft

    extractor = quotecraft.load(args.model)
    report = [f"Model: `{extractor.model_name}`; quotecraft {quotecraft.__version__}.\n"]
    results: dict[str, Any] = {"model": extractor.model_name, "corpora": {}}
    for corpus in args.corpus or DEFAULT_CORPORA:
        path = corpus_path(root, corpus)
        if not path.exists():
            print(f"accuracy: {path} not found, skipped", file=sys.stderr)
            continue
        gold = read_jsonl(path)
        t = time.perf_counter()
        parsed = parse_corpus(extractor, gold)
        parse_s = time.perf_counter() - t
        runs = run_systems(extractor, parsed, systems)
        if corpus in CONVENTIONS and "quotecraft" in systems:
            # the same parsed Docs, with the Config that matches the corpus's convention
            conv = quotecraft.load(args.model, config=CONVENTIONS[corpus])
            runs["quotecraft (corpus convention)"] = run_systems(conv, parsed, ["quotecraft"])[
                "quotecraft"
            ]
        report += [f"### {corpus}\n", kind_counts_line(runs) + ".\n", markdown_table(runs), ""]
        results["corpora"][corpus] = {
            "documents": len(gold),
            "parse_seconds": round(parse_s, 2),
            "systems": {s: r.figures() for s, r in runs.items()},
        }
        if args.rules and "quotecraft" in runs:
            pred = runs["quotecraft"].predictions
            report += [f"#### quotecraft's rules on {corpus}\n", rule_table(gold, pred), ""]
        if args.errors and args.errors_system in runs:
            pred = runs[args.errors_system].predictions
            report += [
                f"#### Errors of {args.errors_system} on {corpus}\n",
                error_report(
                    gold,
                    pred,
                    args.errors,
                    cues=cue_info(extractor, parsed),
                    relations=relation_info(parsed),
                ),
            ]
    text = "\n".join(report)
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "accuracy.md").write_text(text + "\n", encoding="utf-8")
    (out / "accuracy.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"(written to {out / 'accuracy.md'} and {out / 'accuracy.json'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
