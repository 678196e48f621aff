#!/usr/bin/env python3
"""Fit the confidence weights and thresholds of `AnswerComposer.confidenceScore` on the answer
set's DEV split (never the test split).

    calibrate_confidence.py LABELS.tsv DRAFT.json [--high-precision 0.97] [--medium-precision 0.9] [--wilson Z]

Reads each dev draft's recorded `signals` and `flags`, recomputes its score for every weight
vector on a grid (steps of 0.05, summing to 1) exactly as the Swift code does, and for each
vector picks the lowest thresholds whose dev precision (share of drafts from the right source
with the right choice, as `score_answers.py` judges it) reaches the targets. It prints the
vector that puts the most drafts at high (then at high or medium), with its figures. The targets
are set above the issue's (95% high, 85% high and medium) to leave room for the test split.
Drafts without signals (register facts only, out of scope) keep their fixed scores.
"""
import argparse
import itertools
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from score_answers import judge, load_draft, load_labels, split_of  # noqa: E402

REUSE = 0.78          # LibraryMatcher.reuseThreshold
PREFERRED = 0.55      # LibraryMatcher.preferredThreshold
STRONG_FIT = 0.6      # FacetMatcher.strongFit
ANSWERED = 0.6        # AnswerComposer.answeredCoverage


def components(signals):
    fit = signals.get("facetFit")
    library = signals.get("librarySimilarity")
    # A facet's fit or a library answer's similarity; a line's own statement has no fit of its own.
    fit_value = min(1, fit / 0.7) if fit is not None else (min(1, library / REUSE) if library is not None else 0)
    return (min(1, signals["matchScore"] / 20), min(1, signals["exampleSimilarity"] / 0.6),
            signals["coverage"], fit_value, min(1, max(0, signals["margin"])))


def score(weights, item, high, medium):
    raw = sum(w * c for w, c in zip(weights, item["components"]))
    signals, flags = item["signals"], item["flags"]
    fit, library = signals.get("facetFit"), signals.get("librarySimilarity")
    strong = (signals.get("facetFit") or 0) >= STRONG_FIT or (signals.get("librarySimilarity") or 0) >= PREFERRED
    if signals["matchedTerms"] <= 1 and not strong:
        raw = min(raw, high - 0.05)
    if signals.get("statedCoverage") is not None and signals["statedCoverage"] < ANSWERED:
        raw = min(raw, high - 0.01)
    if fit is None and library is None:
        # Swift caps these just under the medium threshold; below the search's floor for it (0.3)
        # is the same for choosing thresholds.
        raw = min(raw, 0.29)
    if "partial_answer" in flags:
        raw = min(raw, medium - 0.01)
    if "needs_sme" in flags:
        raw -= 0.25
    if flags & {"stale_evidence", "overdue_assessment"}:
        raw -= 0.1
    if flags & {"planned_control", "value_not_allowed"}:
        raw -= 0.15
    return min(1, max(0, raw))


def lower_bound(right, count, z):
    """Wilson score lower bound of a precision of right/count (the raw share when z is 0): a
    threshold fitted on a small dev split must hold with room to spare, not just on those drafts."""
    if count == 0:
        return 0
    p = right / count
    if z == 0:
        return p
    centre = p + z * z / (2 * count)
    spread = z * ((p * (1 - p) + z * z / (4 * count)) / count) ** 0.5
    return (centre - spread) / (1 + z * z / count)


def best_threshold(scored, precision, floor=0.3, z=0):
    """Lowest threshold (on the scores present) at which the drafts at or above it reach `precision`."""
    best = None
    ranked = sorted(scored, key=lambda pair: -pair[0])
    right = 0
    for count, (value, ok) in enumerate(ranked, 1):
        right += ok
        if value < floor:
            break
        if lower_bound(right, count, z) >= precision and (count == len(ranked) or ranked[count][0] < value):
            best = (value, count, right)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels")
    parser.add_argument("draft")
    parser.add_argument("--high-precision", type=float, default=0.97)
    parser.add_argument("--medium-precision", type=float, default=0.9)
    parser.add_argument("--wilson", type=float, default=0, metavar="Z",
                        help="judge precision by its Wilson lower bound at this z (1.28: one-sided 90%%)")
    args = parser.parse_args()
    labels = load_labels(args.labels)
    questions = load_draft(args.draft)
    items = []
    fixed = []
    for qid, label in labels.items():
        if split_of(qid) != "dev":
            continue
        question = questions.get(qid) or {}
        answer = question.get("answer", {})
        right = judge(label, question)[0]
        signals = answer.get("signals")
        if not signals:
            fixed.append((answer.get("score", 0), right))
            continue
        items.append({"signals": signals, "flags": set(answer.get("flags", [])), "right": right,
                      "components": components(signals)})
    steps = [i / 20 for i in range(21)]
    results = []
    for a, b, c, d in itertools.product(steps, repeat=4):
        e = round(1 - a - b - c - d, 2)
        if e < 0:
            continue
        weights = (a, b, c, d, e)
        # Thresholds change the caps, so search them jointly on a coarse grid.
        for high in [x / 100 for x in range(60, 96, 2)]:
            scored = [(score(weights, item, high, 0.45), item["right"]) for item in items]
            at_high = [(v, ok) for v, ok in scored if v >= high]
            if not at_high or lower_bound(sum(ok for _, ok in at_high), len(at_high), args.wilson) < args.high_precision:
                continue
            medium = best_threshold(scored, args.medium_precision, z=args.wilson)
            if medium is None or medium[0] > high:
                continue
            medium_value = max(0.3, round(medium[0] - 0.005, 3))
            results.append((len(at_high), medium[1], weights, high, medium_value,
                            sum(ok for _, ok in at_high), medium[2]))
    if not results:
        print("no weight vector reaches the targets on dev")
        return
    results.sort(key=lambda r: (r[0], r[1]), reverse=True)
    count_high, count_hm, weights, high, medium, right_high, right_hm = results[0]
    total = len(items) + len(fixed)
    print(f"dev drafts with signals: {len(items)} (of {total})")
    print("weights (matchScore, exampleSimilarity, coverage, fit, margin):", weights)
    print(f"high >= {high}: {count_high} drafts, {right_high / count_high:.3f} right")
    print(f"medium >= {medium}: high+medium {count_hm} drafts, {right_hm / count_hm:.3f} right")


if __name__ == "__main__":
    main()
