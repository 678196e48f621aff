#!/usr/bin/env python3
"""Score `responder draft --format json` output against framework-qualified labels.

    score_frameworks.py LABELS.tsv DRAFT.json [--split dev|test|all] [--show-misses] [--by-topic]

LABELS.tsv is tab-separated with a header: `id`, `gold`, then anything (`intent`, `topic`, and
optionally `split`). `gold` lists the acceptable refs, best first, space-separated, each written
FRAMEWORK:ID (`iso27001:A.8.24`, `soc2:CC6.7`, `iso42001:A.6.2.8`); an unqualified ID means
iso42001. `NONE` marks a question that no control of any framework answers.

DRAFT.json is {"files": [{"questions": [...]}]} or {"questions": [...]}. Each question has "id",
"matches": [{"framework": "iso27001", "control": "A.8.24", "score": 0.93}, ...] and
"answer": {"flags": [...]}. A match's ref is framework + ":" + control; a match without
"framework" is iso42001 (drafts written before multi-framework support). Matches are ranked by
score, highest first (ties keep their order in the file), and repeated refs count once.
A label ID `row:N` names the drafted question at sheet row N (its "row"), for questionnaires
whose rows have no ID or a repeated one; it is meant for one-file, one-sheet drafts.

Metrics, over the questions of the chosen split:
  overall        questions with at least one gold ref. hit@k is 1 when a gold ref is among the
                 first k distinct matched refs of any framework; MRR is the mean of 1/rank of the
                 first gold ref (0 when no gold ref is matched at all).
  per framework  for framework F, the questions with at least one gold ref of F. The matched
                 refs are first filtered to F, so hit@k asks whether a gold ref of F is among the
                 first k distinct refs OF F, and MRR uses the rank within F. A question labelled
                 with both iso27001 and soc2 refs counts once under each.
  none           share of the NONE questions whose answer is flagged `out_of_scope` or
                 `no_match` (anything else means the matcher claimed an off-topic question).
  rejected       labelled (non-NONE) questions that came back `out_of_scope` or `no_match`.
A question missing from the draft scores 0 everywhere and is reported.

Splits: unless LABELS.tsv has a `split` column, every third ID (SEC-003, SEC-006, ...: the
number is divisible by 3) is the held-out `test` split and the rest is `dev`. Tune on dev;
score test only to report a result. The default is dev.
"""
import argparse
import csv
import json
import re
import sys
from collections import defaultdict

REJECT_FLAGS = {"out_of_scope", "no_match"}
FRAMEWORK_ORDER = ["iso27001", "soc2", "iso42001"]


def framework_code(name):
    """Normalise a framework name ("ISO/IEC 27001", "SOC 2", "iso42001") to its code."""
    if name is None or str(name).strip() == "":
        return "iso42001"
    flat = re.sub(r"[^a-z0-9]", "", str(name).lower())
    for code, marker in (("iso42001", "42001"), ("iso27001", "27001")):
        if marker in flat:
            return code
    if flat.startswith("soc2"):
        return "soc2"
    return flat


def parse_ref(ref):
    """`soc2:CC6.1` -> ("soc2", "CC6.1"); an unqualified ID is iso42001."""
    framework, sep, control = ref.strip().rpartition(":")
    return (framework_code(framework) if sep else "iso42001", control.strip().upper())


def ranked_refs(question):
    """Distinct (framework, control) refs of a drafted question, best score first."""
    matches = list(enumerate(question.get("matches") or []))
    matches.sort(key=lambda im: (-float(im[1].get("score") or 0), im[0]))
    refs = (
        (framework_code(m.get("framework")), str(m.get("control", "")).strip().upper())
        for _, m in matches
    )
    return list(dict.fromkeys(r for r in refs if r[1]))


def first_hit(ranked, gold):
    """1-based rank of the first gold ref in ranked, or None."""
    return next((rank for rank, ref in enumerate(ranked, 1) if ref in gold), None)


def load_draft(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    questions = list(data.get("questions", []))
    for drafted_file in data.get("files", []):
        questions += drafted_file.get("questions", [])
    by_id = {str(q.get("id", "")).strip(): q for q in questions}
    # A row with no ID of its own, or one whose ID repeats, is labelled by its sheet row instead.
    for question in questions:
        if isinstance(question.get("row"), int):
            by_id.setdefault("row:%d" % question["row"], question)
    return by_id


def default_split(qid):
    number = re.search(r"(\d+)\s*$", qid)
    return "test" if number and int(number.group(1)) % 3 == 0 else "dev"


def load_labels(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    labels = []
    for row in rows:
        qid = (row.get("id") or "").strip()
        if not qid:
            continue
        gold_text = (row.get("gold") or "").split()
        labels.append({
            "id": qid,
            "none": gold_text == ["NONE"],
            "gold": [] if gold_text == ["NONE"] else [parse_ref(g) for g in gold_text],
            "topic": (row.get("topic") or "").strip() or "-",
            "split": (row.get("split") or "").strip().lower() or default_split(qid),
        })
    return labels


class Tally:
    def __init__(self):
        self.n = 0
        self.hit1 = self.hit3 = self.rr = 0.0

    def add(self, rank):
        self.n += 1
        self.hit1 += bool(rank and rank <= 1)
        self.hit3 += bool(rank and rank <= 3)
        self.rr += 1.0 / rank if rank else 0.0

    def row(self, name):
        if not self.n:
            return "%-12s %4d %7s %7s %7s" % (name, 0, "-", "-", "-")
        return "%-12s %4d %7.3f %7.3f %7.3f" % (name, self.n, self.hit1 / self.n, self.hit3 / self.n,
                                               self.rr / self.n)


def fmt(refs):
    return " ".join("%s:%s" % r for r in refs) or "(nothing)"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     epilog="See the module docstring for the metrics.")
    parser.add_argument("labels", help="labels TSV (id, gold, intent, topic[, split])")
    parser.add_argument("draft", help="output of `responder draft --format json`")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev",
                        help="which questions to score (default: dev; test is held out)")
    parser.add_argument("--show-misses", action="store_true",
                        help="list questions whose gold refs are not in the top 3 (to stderr)")
    parser.add_argument("--by-topic", action="store_true", help="also print overall figures per topic")
    args = parser.parse_args(argv)

    labels = [l for l in load_labels(args.labels) if args.split == "all" or l["split"] == args.split]
    draft = load_draft(args.draft)

    overall = Tally()
    per_framework = defaultdict(Tally)
    per_topic = defaultdict(Tally)
    none_n = none_ok = rejected = 0
    missing, misses = [], []

    for label in labels:
        question = draft.get(label["id"])
        if question is None:
            missing.append(label["id"])
            question = {}
        ranked = ranked_refs(question)
        flags = set((question.get("answer") or {}).get("flags") or [])

        if label["none"]:
            none_n += 1
            ok = bool(flags & REJECT_FLAGS)
            none_ok += ok
            if not ok:
                misses.append("NONE %s: got %s" % (label["id"], fmt(ranked[:3])))
            continue

        rejected += bool(flags & REJECT_FLAGS)
        gold = label["gold"]
        rank = first_hit(ranked, set(gold))
        overall.add(rank)
        per_topic[label["topic"]].add(rank)
        for framework in dict.fromkeys(f for f, _ in gold):
            gold_f = {r for r in gold if r[0] == framework}
            ranked_f = [r for r in ranked if r[0] == framework]
            rank_f = first_hit(ranked_f, gold_f)
            per_framework[framework].add(rank_f)
            if not (rank_f and rank_f <= 3):
                misses.append("miss %s [%s] gold=%s got=%s" % (
                    label["id"], framework, fmt(r for r in gold if r[0] == framework), fmt(ranked_f[:3])))

    print("split %s: %d questions (%d labelled, %d NONE)" % (args.split, len(labels), overall.n, none_n))
    print("%-12s %4s %7s %7s %7s" % ("framework", "n", "hit@1", "hit@3", "MRR"))
    print(overall.row("overall"))
    order = FRAMEWORK_ORDER + sorted(set(per_framework) - set(FRAMEWORK_ORDER))
    for framework in order:
        if framework in per_framework:
            print(per_framework[framework].row(framework))
    print("none %.3f (%d of %d NONE questions flagged out_of_scope/no_match)"
          % (none_ok / none_n if none_n else 1.0, none_ok, none_n))
    print("rejected %d of %d labelled questions flagged out_of_scope/no_match" % (rejected, overall.n))
    if args.by_topic:
        print("%-12s %4s %7s %7s %7s" % ("topic", "n", "hit@1", "hit@3", "MRR"))
        for topic in sorted(per_topic):
            print(per_topic[topic].row(topic))
    if missing:
        print("missing from the draft (scored 0): %d: %s" % (len(missing), " ".join(missing[:20])),
              file=sys.stderr)
    if args.show_misses:
        for line in misses:
            print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
