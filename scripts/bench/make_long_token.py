#!/usr/bin/env python3
"""Writes a questionnaire CSV whose one question holds a single word of LENGTH letters.

    scripts/bench/make_long_token.py LENGTH OUT.csv

Five ordinary questions surround it, so the draft has the usual work besides the long token. The
word is a run of "y" (the Porter stemmer's worst letter: whether a "y" is a vowel depends on the
letter before it) broken by no space or punctuation.
"""
import sys

length, out = int(sys.argv[1]), sys.argv[2]
questions = [
    "Do you have a documented information security policy?",
    "Do you encrypt customer data at rest?",
    "Do you review supplier AI components " + "y" * length + " every year?",
    "Is multi-factor authentication enforced for administrators?",
    "Provide the date of your most recent penetration test.",
    "Do you keep an inventory of AI systems?",
]
with open(out, "w") as f:
    f.write("ID,Question,Response\n")
    for n, question in enumerate(questions, 1):
        f.write(f"Q-{n},{question},\n")
