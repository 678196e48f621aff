#!/usr/bin/env python3
"""Opens an .xlsx with openpyxl and checks what a buyer or reviewer would see.

    verify_xlsx_openpyxl.py OUTPUT.xlsx --expect-cell 'AI!C3=Yes' \
        [--expect-validation 'AI!C3:C20=Yes,No,N/A'] [--expect-protected AI] \
        [--expect-hidden Lists] [--expect-frozen 'Review!A2'] [--expect-no-formula AI]

Exits 0 when every expectation holds, 1 on a mismatch (each one printed), 2 when the file
cannot be opened. `\\n` in an expected cell value stands for a line break.
"""
import argparse
import sys
import warnings

import openpyxl

# openpyxl cannot read x14 validations; the Swift tests check those survive byte for byte.
warnings.filterwarnings("ignore", message="Data Validation extension")


def split_sheet(text):
    sheet, _, rest = text.partition("!")
    if not rest:
        raise SystemExit(f"expected SHEET!REF..., got {text!r}")
    return sheet, rest


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--expect-cell", action="append", default=[], metavar="SHEET!REF=VALUE")
    parser.add_argument("--expect-validation", action="append", default=[], metavar="SHEET!RANGE=A,B,C",
                        help="a list validation covering RANGE offers exactly these choices (inline or x14 kept as text)")
    parser.add_argument("--expect-protected", action="append", default=[], metavar="SHEET")
    parser.add_argument("--expect-hidden", action="append", default=[], metavar="SHEET")
    parser.add_argument("--expect-frozen", action="append", default=[], metavar="SHEET!CELL")
    parser.add_argument("--expect-no-formula", action="append", default=[], metavar="SHEET")
    args = parser.parse_args()

    try:
        book = openpyxl.load_workbook(args.path)
    except Exception as error:  # openpyxl raises many types for damaged files
        print(f"{args.path}: cannot open: {error}", file=sys.stderr)
        return 2

    failures = []

    def sheet(name):
        if name not in book.sheetnames:
            failures.append(f"no sheet {name!r} (sheets: {book.sheetnames})")
            return None
        return book[name]

    for expectation in args.expect_cell:
        target, _, expected = expectation.partition("=")
        name, ref = split_sheet(target)
        expected = expected.replace("\\n", "\n")
        ws = sheet(name)
        if ws is not None:
            actual = ws[ref].value
            if actual is None or str(actual) != expected or ws[ref].data_type == "f":
                failures.append(f"{name}!{ref}: expected {expected!r}, found {actual!r} (type {ws[ref].data_type})")

    for expectation in args.expect_validation:
        target, _, choices = expectation.partition("=")
        name, ref = split_sheet(target)
        ws = sheet(name)
        if ws is not None:
            wanted = '"' + choices + '"'
            found = [dv for dv in ws.data_validations.dataValidation
                     if dv.type == "list" and dv.formula1 == wanted and ref in str(dv.sqref).split()]
            if not found:
                listed = [(str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation]
                failures.append(f"{name}!{ref}: no list validation {wanted}; found {listed}")

    for name in args.expect_protected:
        ws = sheet(name)
        if ws is not None and not ws.protection.sheet:
            failures.append(f"{name}: not protected")

    for name in args.expect_hidden:
        ws = sheet(name)
        if ws is not None and ws.sheet_state != "hidden":
            failures.append(f"{name}: state is {ws.sheet_state!r}, expected hidden")

    for expectation in args.expect_frozen:
        name, ref = split_sheet(expectation)
        ws = sheet(name)
        if ws is not None and ws.freeze_panes != ref:
            failures.append(f"{name}: frozen at {ws.freeze_panes!r}, expected {ref!r}")

    for name in args.expect_no_formula:
        ws = sheet(name)
        if ws is not None:
            formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
            if formulas:
                failures.append(f"{name}: formulas in {formulas}")

    for failure in failures:
        print(f"{args.path}: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
