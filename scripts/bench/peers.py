#!/usr/bin/env python3
"""The peers responder's readers are measured against.

peers.py openpyxl FILE.xlsx   read-only mode, iterate every cell, count non-empty values
peers.py csv FILE.csv         Python's csv module, every field
"""
import csv
import sys


def main():
    kind, path = sys.argv[1], sys.argv[2]
    count = 0
    if kind == "openpyxl":
        import openpyxl
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                count += sum(1 for value in row if value is not None)
    else:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for row in csv.reader(handle):
                count += sum(1 for value in row if value)
    print(count)


if __name__ == "__main__":
    main()
