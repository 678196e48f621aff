#!/usr/bin/env python3
"""Generate the benchmark inputs (not committed: they are large and reproducible).

make_inputs.py OUT_DIR

Writes into OUT_DIR:
  read-50k-shared.xlsx   50,000 rows x 6 columns, shared strings (XlsxWriter, as Excel writes)
  read-50k-inline.xlsx   the same cells as inline strings (openpyxl-style, no sharedStrings part)
  read-50k.csv           the same cells as CSV
  draft-1000.xlsx        a 1,000-question AI-governance questionnaire with a Yes/No/N/A dropdown
"""
import csv
import os
import random
import sys
import zipfile

import xlsxwriter

ROWS = 50_000
HEADER = ["ID", "Domain", "Question", "Answer", "Comments", "Reference"]
SUBJECTS = ["AI policy", "model inventory", "impact assessment", "bias testing", "human oversight", "data provenance",
            "incident notification", "supplier due diligence", "model monitoring", "event logging", "training data quality",
            "risk treatment plan", "internal audit", "management review", "responsible AI objectives"]
FORMS = ["Do you maintain a documented {s} for all AI systems?", "Describe how {s} is performed and reviewed.",
         "Provide evidence of your {s}.", "The vendor shall keep its {s} current and approved.",
         "How often is the {s} reviewed, and by whom?"]


def row(index, rng):
    subject = rng.choice(SUBJECTS)
    return [f"Q-{index:05d}", subject.title(), rng.choice(FORMS).format(s=subject) + f" (item {index})",
            rng.choice(["Yes", "No", "N/A"]), f"Comment {rng.randint(1, 10**6)} on {subject}", f"A.{rng.randint(2, 10)}.{rng.randint(1, 9)}"]


def write_shared(path, rows):
    workbook = xlsxwriter.Workbook(path, {"strings_to_numbers": False})
    sheet = workbook.add_worksheet("Questions")
    sheet.write_row(0, 0, HEADER)
    for index, values in enumerate(rows, start=1):
        sheet.write_row(index, 0, values)
    workbook.close()


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def column(index):
    return "ABCDEF"[index]


def write_inline(path, rows):
    # Written by hand: openpyxl's writer is too slow for 300,000 cells to be a fair input generator.
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Questions" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for number, values in enumerate([HEADER] + rows, start=1):
        cells = "".join(f'<c r="{column(i)}{number}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for i, v in enumerate(values))
        lines.append(f'<row r="{number}">{cells}</row>')
    lines.append("</sheetData></worksheet>")
    parts["xl/worksheets/sheet1.xml"] = "".join(lines)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)


def write_draft(path, rng):
    workbook = xlsxwriter.Workbook(path)
    lists = workbook.add_worksheet("Lists")
    lists.write_column(0, 0, ["Yes", "No", "N/A"])
    lists.hide()
    sheet = workbook.add_worksheet("AI Governance")
    sheet.write_row(0, 0, ["ID", "Question", "Response", "Comments"])
    subjects = SUBJECTS + ["customer data used for training", "EU AI Act risk classification", "red teaming of LLM features",
                           "AI roles and responsibilities", "concern reporting channel", "compute resources", "data labelling"]
    for index in range(1, 1001):
        subject = rng.choice(subjects)
        sheet.write_row(index, 0, [f"AIG-{index:04d}", rng.choice(FORMS).format(s=subject)])
    sheet.data_validation(1, 2, 1000, 2, {"validate": "list", "source": "=Lists!$A$1:$A$3"})
    workbook.close()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(42)
    rows = [row(i, rng) for i in range(1, ROWS + 1)]
    write_shared(os.path.join(out, "read-50k-shared.xlsx"), rows)
    write_inline(os.path.join(out, "read-50k-inline.xlsx"), rows)
    write_csv(os.path.join(out, "read-50k.csv"), rows)
    write_draft(os.path.join(out, "draft-1000.xlsx"), random.Random(7))


if __name__ == "__main__":
    main()
