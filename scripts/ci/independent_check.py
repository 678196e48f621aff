#!/usr/bin/env python3
"""CI's independent check of exported workbooks. For each questionnaire below it drafts the file,
exports the review workbook, approves about half of the questions and edits a quarter in it (with
openpyxl, as a reviewer would in Excel), imports it, exports the buyer's file, and opens it with openpyxl, or Python's csv module for CSV (readers that share no code with responder) to check that
exactly the approved and edited answers are in place and that cell values elsewhere, dropdowns,
protection and sheet visibility are unchanged. (openpyxl cannot read `x14` dropdowns; the Swift tests
check those survive byte for byte.)

    independent_check.py PATH/TO/responder
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import warnings
import zipfile

import openpyxl

warnings.filterwarnings("ignore", message="Data Validation extension")

QUESTIONNAIRES = [
    "Samples/questionnaires/globex-ai-vendor-assessment.xlsx",  # protected sheet, hidden list sheet, merges
    "Samples/questionnaires/acme-retail-ai-questions.csv",      # CSV with BOM, quoted fields, a line break
    "Tests/QuestionnaireTests/Fixtures/caiq-v4.xlsx",            # CAIQ layout, inline dropdowns
    "Tests/QuestionnaireTests/Fixtures/hecvat.xlsx",             # inline strings, x14 dropdowns, formula questions
    "Tests/QuestionnaireTests/Fixtures/ai-caiq.xlsx",
    "Tests/QuestionnaireTests/Fixtures/RealLayouts/hecvat4.xlsx",          # vendor tabs, echo rows, analyst and hidden sheets
    "Tests/QuestionnaireTests/Fixtures/RealLayouts/sig-core.xlsx",         # one long sheet, free-text answers
    "Tests/QuestionnaireTests/Fixtures/RealLayouts/plain-text-answers.xlsx",  # ID | Question | Answer, no dropdowns
]


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"responder {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def key_of(question):
    return f'{question["sheet"]}!{question["id"] or question["row"]}'


def combined(choice, narrative):
    """What export writes into a free-text cell that stands in for a missing dropdown cell."""
    if not choice:
        return narrative
    if not narrative:
        return choice
    opening = narrative[: len(choice) + 1].lower()
    if opening.startswith(choice.lower()) and (len(opening) == len(choice) or not opening[-1].isalpha()):
        return narrative
    return f"{choice}. {narrative}"


def compare_workbooks(path, filled, expected, seen):
    problems = []
    # Every archive part other than the sheets that received answers is byte-identical.
    with zipfile.ZipFile(path) as old_zip, zipfile.ZipFile(filled) as new_zip:
        if old_zip.namelist() != new_zip.namelist():
            problems.append(f"archive entries changed: {old_zip.namelist()} -> {new_zip.namelist()}")
        changed = [name for name in old_zip.namelist() if name in new_zip.namelist() and old_zip.read(name) != new_zip.read(name)]
        if any(not name.startswith("xl/worksheets/sheet") for name in changed):
            problems.append(f"parts other than answered sheets changed: {changed}")
        if len(changed) > len({sheet for sheet, _ in expected}):
            problems.append(f"more sheet parts changed ({changed}) than sheets answered")
    original = openpyxl.load_workbook(path)
    workbook = openpyxl.load_workbook(filled)
    if original.sheetnames != workbook.sheetnames:
        problems.append(f"sheets changed: {original.sheetnames} -> {workbook.sheetnames}")
    for sheet in original.sheetnames:
        before, after = original[sheet], workbook[sheet]
        for row in after.iter_rows():
            for cell in row:
                want = expected.get((sheet, cell.coordinate))
                if want is not None:
                    seen.add((sheet, cell.coordinate))
                    if cell.value != want:
                        problems.append(f"{sheet}!{cell.coordinate}: expected {want!r}, found {cell.value!r}")
                elif cell.value != before[cell.coordinate].value:
                    problems.append(f"{sheet}!{cell.coordinate}: changed from {before[cell.coordinate].value!r} to {cell.value!r} without a decision")
        if after.sheet_state != before.sheet_state:
            problems.append(f"{sheet}: visibility changed from {before.sheet_state} to {after.sheet_state}")
        if bool(after.protection.sheet) != bool(before.protection.sheet):
            problems.append(f"{sheet}: sheet protection changed")
        rules = lambda ws: sorted((str(v.sqref), v.type, v.formula1) for v in ws.data_validations.dataValidation)
        if rules(before) != rules(after):
            problems.append(f"{sheet}: data validations changed: {rules(before)} -> {rules(after)}")
        if sorted(map(str, before.merged_cells.ranges)) != sorted(map(str, after.merged_cells.ranges)):
            problems.append(f"{sheet}: merged cells changed")
    return problems



def check(binary, path, folder):
    db = os.path.join(folder, "store.sqlite")
    common = ["--kb", "Samples/org", "--db", db]
    out = os.path.join(folder, "out")
    # --as-of only where it acts: drafting judges evidence and assessments by date.
    drafted = run(binary, "draft", path, "--out", out, "--as-of", "2026-11-23", *common)
    run_id = next(line.split()[1].rstrip(":") for line in drafted.stderr.splitlines() if line.startswith("run "))
    stem = os.path.splitext(os.path.basename(path))[0]
    questions = json.load(open(os.path.join(out, stem + ".draft.json")))["files"][0]["questions"]
    by_key = {key_of(q): q for q in questions}
    # The reviewer's part, as in Excel: fill the Decision column of the review workbook.
    review = os.path.join(folder, "review.xlsx")
    run(binary, "review", "export", run_id, "--out", review, *common)
    book = openpyxl.load_workbook(review)
    sheet = book["Review"]
    header = [cell.value for cell in sheet[1]]
    column = {name: header.index(name) + 1 for name in ("Key", "Decision", "Edited choice", "Edited answer")}
    expected = {}
    for index, row in enumerate(range(2, sheet.max_row + 1)):
        q = by_key.get(sheet.cell(row, column["Key"]).value)
        if q is None or not q["answerCells"]:
            continue
        cells = {}
        for cell in q["answerCells"]:  # the first cell of each kind takes the answer, as export does
            cells.setdefault(cell["kind"], cell)
        answer = q["answer"]
        allowed = cells.get("choice", {}).get("allowed")
        # With no dropdown cell, the free-text cell takes the choice and the narrative together.
        lead = answer.get("choice") if "choice" not in cells else None
        if index % 4 == 0 and ("text" in cells or allowed):
            sheet.cell(row, column["Decision"]).value = "Edit"
            if "text" in cells:
                text = f"Edited in CI ({index})."
                sheet.cell(row, column["Edited answer"]).value = text
                expected[(q["sheet"], f'{cells["text"]["column"]}{q["row"]}')] = combined(lead, text)
            if allowed:
                sheet.cell(row, column["Edited choice"]).value = allowed[-1]
                expected[(q["sheet"], f'{cells["choice"]["column"]}{q["row"]}')] = allowed[-1]
            elif "choice" in cells and answer.get("choice"):
                # An edit keeps the draft's value for what it does not change.
                expected[(q["sheet"], f'{cells["choice"]["column"]}{q["row"]}')] = answer["choice"]
        elif index % 2 == 1 and answer["text"] and (not allowed or answer.get("choice") in allowed):
            sheet.cell(row, column["Decision"]).value = "Approve"
            if "choice" in cells and answer.get("choice"):
                expected[(q["sheet"], f'{cells["choice"]["column"]}{q["row"]}')] = answer["choice"]
            if "text" in cells:
                expected[(q["sheet"], f'{cells["text"]["column"]}{q["row"]}')] = combined(lead, answer["text"])
    reviewed = os.path.join(folder, "review-done.xlsx")
    book.save(reviewed)
    run(binary, "review", "import", reviewed, "--reviewer", "ci", *common)
    filled = os.path.join(folder, "filled" + os.path.splitext(path)[1])
    run(binary, "export", run_id, "--out", filled, *common)
    problems = []
    seen = set()
    if path.endswith(".csv"):
        # Python's csv module is the independent reader here; cells are (record, column letter).
        def records(name):
            with open(name, newline="", encoding="utf-8-sig") as handle:
                return list(csv.reader(handle))
        before, after = records(path), records(filled)
        if len(before) != len(after):
            problems.append(f"{len(before)} records became {len(after)}")
        for number, row in enumerate(after, start=1):
            for position, value in enumerate(row):
                ref = f"{chr(65 + position)}{number}"
                sheet = os.path.splitext(os.path.basename(path))[0]
                want = expected.get((sheet, ref))
                old = before[number - 1][position] if number <= len(before) and position < len(before[number - 1]) else ""
                if want is not None:
                    seen.add((sheet, ref))
                    if value != want:
                        problems.append(f"{ref}: expected {want!r}, found {value!r}")
                elif value != old:
                    problems.append(f"{ref}: changed from {old!r} to {value!r} without a decision")
    else:
        problems += compare_workbooks(path, filled, expected, seen)
    missing = set(expected) - seen
    problems += [f"{sheet}!{ref}: expected {expected[(sheet, ref)]!r}, cell missing" for sheet, ref in sorted(missing)]
    if not expected:
        problems.append("no answer was approved or edited: the check would prove nothing")
    return len(expected), problems


def main():
    binary = os.path.abspath(sys.argv[1])
    failed = False
    for path in QUESTIONNAIRES:
        with tempfile.TemporaryDirectory() as folder:
            count, problems = check(binary, path, folder)
        for problem in problems:
            print(f"{path}: {problem}")
        failed = failed or bool(problems)
        reader = "Python's csv module" if path.endswith(".csv") else "openpyxl"
        print(f"{path}: {count} answer cells {'FAILED' if problems else 'verified'} with {reader}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
