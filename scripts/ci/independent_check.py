#!/usr/bin/env python3
"""CI's independent check of exported workbooks: drafts the sample questionnaire, approves and
edits some answers, exports the buyer's file, and opens it with openpyxl (a reader that shares no
code with responder) to check that exactly the approved answers are in place and that the
dropdowns, protection and hidden sheets survived.

    independent_check.py PATH/TO/responder
"""
import json
import os
import subprocess
import sys
import tempfile
import warnings

import openpyxl

warnings.filterwarnings("ignore", message="Data Validation extension")

SAMPLE = "Samples/questionnaires/globex-ai-vendor-assessment.xlsx"


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"responder {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "store.sqlite")
        common = ["--kb", "Samples/org", "--db", db, "--as-of", "2026-11-23"]
        drafted = run(binary, "draft", SAMPLE, "--out", os.path.join(folder, "out"), *common)
        run_id = next(line.split()[1].rstrip(":") for line in drafted.stderr.splitlines() if line.startswith("run "))
        questions = json.load(open(os.path.join(folder, "out", "globex-ai-vendor-assessment.draft.json")))["files"][0]["questions"]
        by_id = {q["id"]: q for q in questions if q["id"]}
        approved = [i for i in ("AIG-01", "AIG-03", "RSK-02", "DATA-02") if by_id[i]["answer"]["text"]]
        run(binary, "review", "approve", run_id, *approved, "--reviewer", "ci", *common)
        run(binary, "review", "edit", run_id, "MOD-01", "--choice", "No", "--text", "Edited in CI: validation is being redesigned.",
            "--reviewer", "ci", *common)
        run(binary, "review", "reject", run_id, "SEC-01", "--reviewer", "ci", *common)
        filled = os.path.join(folder, "filled.xlsx")
        run(binary, "export", run_id, "--out", filled, *common)

        original = openpyxl.load_workbook(SAMPLE)
        workbook = openpyxl.load_workbook(filled)
        problems = []
        expected = {}
        for key in approved:
            q = by_id[key]
            cells = {c["kind"]: c["column"] for c in q["answerCells"]}
            if "choice" in cells and q["answer"].get("choice"):
                expected[(q["sheet"], f'{cells["choice"]}{q["row"]}')] = q["answer"]["choice"]
            if "text" in cells:
                expected[(q["sheet"], f'{cells["text"]}{q["row"]}')] = q["answer"]["text"]
        edited = by_id["MOD-01"]
        cells = {c["kind"]: c["column"] for c in edited["answerCells"]}
        expected[(edited["sheet"], f'{cells["choice"]}{edited["row"]}')] = "No"
        expected[(edited["sheet"], f'{cells["text"]}{edited["row"]}')] = "Edited in CI: validation is being redesigned."

        for sheet in original.sheetnames:
            before, after = original[sheet], workbook[sheet]
            for row in after.iter_rows():
                for cell in row:
                    want = expected.get((sheet, cell.coordinate))
                    old = before[cell.coordinate].value
                    if want is not None:
                        if cell.value != want:
                            problems.append(f"{sheet}!{cell.coordinate}: expected {want!r}, found {cell.value!r}")
                    elif cell.value != old:
                        problems.append(f"{sheet}!{cell.coordinate}: changed from {old!r} to {cell.value!r} but was not approved")
            if after.sheet_state != before.sheet_state:
                problems.append(f"{sheet}: visibility changed from {before.sheet_state} to {after.sheet_state}")
            if bool(after.protection.sheet) != bool(before.protection.sheet):
                problems.append(f"{sheet}: sheet protection changed")
            old_rules = sorted((str(v.sqref), v.type, v.formula1) for v in before.data_validations.dataValidation)
            new_rules = sorted((str(v.sqref), v.type, v.formula1) for v in after.data_validations.dataValidation)
            if old_rules != new_rules:
                problems.append(f"{sheet}: data validations changed: {old_rules} -> {new_rules}")
        if len(expected) < 6:
            problems.append(f"only {len(expected)} answer cells were expected; the check is too weak")
        if problems:
            print("\n".join(problems))
            sys.exit(1)
        print(f"independent check: {len(expected)} answer cells and every dropdown, protection and hidden sheet verified with openpyxl")


if __name__ == "__main__":
    main()
