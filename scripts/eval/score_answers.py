#!/usr/bin/env python3
"""Score `responder draft --format json` output against answer-level labels (issue 12).

    score_answers.py LABELS.tsv DRAFT.json [--split dev|test|all] [--show-misses] [--by-topic]

LABELS.tsv (format 1, `answer-labels.tsv`) is tab-separated; lines starting with `#` are comments;
the header names `id`, `source`, `choice`, then anything (`intent`, `topic`).

  source  the acceptable sources of the answer, space-separated, best first:
          `facet:iso42001:A.7.5#watermarking` (a facet of a Statement of Applicability line),
          `library:LIB-051` (a library answer; `library:LIB-051#facet` for one of its facets),
          `control:iso27001:A.8.24` (a Statement of Applicability line that has no facet for it),
          or `none` (nothing in the knowledge base answers it: it should come back `out_of_scope`
          or `no_match`, or not be drafted).
  choice  the expected choice: Yes, No, Partial, N/A, or `none` (no choice: a describe, list or
          evidence question, whose CSV row has no dropdown).

A draft's source is its answer's `source` ({"kind": "facet"|"library"|"control"|"facts", "id": ...});
older output without it falls back to `facet`, then the `LIB-` ID at the start of `provenance`, then
the first control citation.

A draft is RIGHT when
  - the label is `none`: the answer is flagged `out_of_scope` or `no_match`, or holds no text and
    no choice;
  - otherwise: it is not rejected, its source is one of the acceptable ones (a facet of an
    acceptable library answer counts as that answer), and its choice is the expected one (`none`:
    no choice at all).

Printed per confidence level (high, medium, low, and high+medium): questions at that level, their
share of the split, and the share of them that are right (with how many had the right source but
the wrong choice). Splits: every third ID (ANS-003, ANS-006, ...) is the held-out `test` split,
the rest `dev`. Tune on dev; score test only to report a result.
"""
import argparse
import csv
import json
import re
import sys
from collections import defaultdict

REJECT_FLAGS = {"out_of_scope", "no_match"}
LEVELS = ["high", "medium", "low"]
CHOICES = {"yes": "Yes", "no": "No", "partial": "Partial", "n/a": "N/A", "na": "N/A",
           "not applicable": "N/A", "none": None, "": None}


def split_of(qid):
    number = re.search(r"(\d+)$", qid)
    return "test" if number and int(number.group(1)) % 3 == 0 else "dev"


def load_labels(path):
    labels = {}
    with open(path, newline="", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        sources = row["source"].split()
        labels[row["id"]] = {
            "sources": [] if sources == ["none"] else sources,
            "choice": CHOICES.get(row["choice"].strip().lower(), row["choice"].strip()),
            "topic": row.get("topic", ""),
            "intent": row.get("intent", ""),
        }
    return labels


def load_draft(path):
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    files = document.get("files") if isinstance(document, dict) and "files" in document else [document]
    questions = {}
    for entry in files:
        for question in entry.get("questions", []):
            questions[question.get("id")] = question
    return questions


def draft_source(answer):
    """`kind:id` of what the answer rests on, or None."""
    source = answer.get("source")
    if source:
        return f"{source['kind']}:{source['id']}"
    if answer.get("facet"):
        return "facet:" + answer["facet"]
    provenance = answer.get("provenance") or ""
    match = re.match(r"(LIB-[\w-]+)", provenance)
    if match:
        return "library:" + match.group(1)
    for citation in answer.get("citations", []):
        if citation.get("kind") in ("control", "clause"):
            return f"control:{citation.get('framework') or 'iso42001'}:{citation['id']}"
    return None


def normalise_choice(choice):
    if choice is None:
        return None
    return CHOICES.get(str(choice).strip().lower(), str(choice).strip())


def judge(label, question):
    """(right, right source, rejected, draft source, choice) for one drafted question."""
    answer = (question or {}).get("answer", {})
    flags = set(answer.get("flags", []))
    drafted = bool(answer.get("text")) or answer.get("choice") is not None
    rejected = bool(flags & REJECT_FLAGS) or not drafted
    source = draft_source(answer) if drafted else None
    choice = normalise_choice(answer.get("choice"))
    if not label["sources"]:
        return rejected, rejected, rejected, source, choice
    # A facet of an acceptable library answer is that answer, narrowed to the aspect asked.
    source_right = not rejected and (source in label["sources"]
                                     or source is not None and source.startswith("library:")
                                     and source.split("#")[0] in label["sources"])
    return source_right and choice == label["choice"], source_right, rejected, source, choice


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels")
    parser.add_argument("draft")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--show-misses", action="store_true", help="list wrong high and medium drafts on stderr")
    parser.add_argument("--by-topic", action="store_true")
    args = parser.parse_args()

    labels = load_labels(args.labels)
    questions = load_draft(args.draft)
    chosen = [qid for qid in labels if args.split == "all" or split_of(qid) == args.split]
    per_level = defaultdict(lambda: [0, 0, 0])  # questions, right, right source with wrong choice
    per_topic = defaultdict(lambda: [0, 0])
    missing = []
    for qid in chosen:
        label = labels[qid]
        question = questions.get(qid)
        if question is None:
            missing.append(qid)
        right, source_right, rejected, source, choice = judge(label, question)
        level = ((question or {}).get("answer") or {}).get("confidence", "low")
        counts = per_level[level]
        counts[0] += 1
        counts[1] += right
        counts[2] += source_right and not right
        per_topic[label["topic"]][0] += 1
        per_topic[label["topic"]][1] += right
        if args.show_misses and not right and level in ("high", "medium"):
            text = (question or {}).get("question", {}).get("text") or (question or {}).get("text", "")
            print(f"{qid} [{level}] expected {' '.join(label['sources']) or 'none'} / {label['choice']}; "
                  f"got {source} / {choice}: {text}", file=sys.stderr)

    total = len(chosen)
    print(f"split: {args.split} ({total} questions)")
    print(f"{'level':<14}{'questions':>10}{'share':>8}{'right':>8}{'right %':>9}{'src ok, choice wrong':>22}")
    rows = [(level, per_level[level]) for level in LEVELS]
    combined = [sum(per_level[level][i] for level in ("high", "medium")) for i in range(3)]
    rows.insert(2, ("high+medium", combined))
    for name, (count, right, wrong_choice) in rows:
        share = count / total if total else 0
        precision = f"{right / count:.3f}" if count else "-"
        print(f"{name:<14}{count:>10}{share:>8.3f}{right:>8}{precision:>9}{wrong_choice:>22}")
    overall = sum(per_level[level][1] for level in LEVELS)
    print(f"{'all':<14}{total:>10}{1:>8.3f}{overall:>8}{overall / total if total else 0:>9.3f}")
    if args.by_topic:
        for topic, (count, right) in sorted(per_topic.items()):
            print(f"  {topic:<24}{count:>4}{right / count:>8.3f}")
    if missing:
        print(f"missing from the draft: {' '.join(missing)}", file=sys.stderr)


if __name__ == "__main__":
    main()
