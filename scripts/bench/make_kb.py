#!/usr/bin/env python3
"""Writes a copy of the sample knowledge base whose library.yaml holds N generated answers.

    scripts/bench/make_kb.py N OUT_FOLDER

OUT_FOLDER/org is Samples/org with library.yaml replaced; every answer cites a real control and a
public evidence item, so `kb check` has the same work per answer as on a real library.
"""
import os
import shutil
import sys

root = os.path.join(os.path.dirname(__file__), "..", "..")
count, out = int(sys.argv[1]), sys.argv[2]
org = os.path.join(out, "org")
shutil.rmtree(out, ignore_errors=True)
shutil.copytree(os.path.join(root, "Samples", "org"), org)
shutil.rmtree(os.path.join(org, ".responder"), ignore_errors=True)
with open(os.path.join(org, "library.yaml"), "w") as f:
    f.write("formatVersion: 1\nanswers:\n")
    for n in range(1, count + 1):
        f.write(f"""  - id: LIB-B{n:06d}
    question: Do you review supplier number {n} of your AI components every year?
    choice: "Yes"
    answer: >-
      Yes. Supplier {n} is reviewed every year against our AI supplier requirements.
    topic: suppliers
    controls: [A.10.3]
    evidence: [EV-001]
    systems: []
    assessments: []
    approvedBy: Bench Reviewer
    approvedDate: 2026-03-18
    source: generated benchmark library
""")
