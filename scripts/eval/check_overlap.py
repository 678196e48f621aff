#!/usr/bin/env python3
"""Report any catalogue example or library question in a checkout that shares a run of 5 words
with the evaluation sets (or VSAQ). Prints only YOUR text and the other set's ID, never the other
text, so writers stay blind to the evaluation wording. Usage: check_overlap.py [REPOSITORY_ROOT] (default: the current directory)"""
import csv, glob, json, re, sys, yaml, os
root = sys.argv[1] if len(sys.argv) > 1 else "."
def grams(t):
    w = re.findall(r"[a-z0-9]+", t.lower())
    return {" ".join(w[i:i+5]) for i in range(len(w) - 4)}
others = {}
for path in [f"{root}/scripts/eval/security-questions.csv", f"{root}/scripts/eval/answer-questions.csv",
             f"{root}/../shared/eval/dev-questions.csv"]:
    if os.path.exists(path):
        for row in csv.reader(open(path)):
            if len(row) >= 2:
                for g in grams(row[1]): others.setdefault(g, row[0])
for path in glob.glob(f"{root}/../shared/reference/google-vsaq/**/*", recursive=True):
    if os.path.isfile(path):
        try: text = open(path, errors="ignore").read()
        except Exception: continue
        found = re.findall(r'"text"\s*:\s*"([^"]+)"', text) if path.endswith(".json") else [c for row in csv.reader(text.splitlines()) for c in row]
        for s in found:
            for g in grams(s): others.setdefault(g, "VSAQ")
mine = []
for f in glob.glob(f"{root}/Mappings/catalogue/*.yaml"):
    d = yaml.safe_load(open(f))
    for e in d.get("controls") or d.get("entries") or []:
        for x in e.get("examples") or []: mine.append((f"{os.path.basename(f)}:{e['id']}", x))
lib = f"{root}/Samples/org/library.yaml"
if os.path.exists(lib):
    for a in yaml.safe_load(open(lib))["answers"]:
        for x in [a["question"]] + (a.get("alternateQuestions") or []) + [e for fc in a.get("facets") or [] for e in fc.get("examples") or []]:
            mine.append((a["id"], x))
bad = 0
for where, text in mine:
    hit = sorted({others[g] for g in grams(text) if g in others})
    if hit:
        bad += 1
        print(f"{where}: {text!r} shares 5 words with {', '.join(hit[:5])}")
print(f"{bad} of {len(mine)} texts overlap", file=sys.stderr)
sys.exit(1 if bad else 0)
