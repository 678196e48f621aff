#!/usr/bin/env python3
"""Writes the .xlsx fixtures for QuestionnaireFileTests: the same synthetic layouts as Layouts.swift.

openpyxl for the plain layouts; raw zipfile XML for HECVAT, which needs what openpyxl cannot write:
formula cells with cached values, inline strings, and an x14 data validation pointing at a hidden
list sheet. Run from anywhere: python3 make_fixtures.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.worksheet.datavalidation import DataValidation

HERE = os.path.dirname(os.path.abspath(__file__))


def sheet_from_grid(ws, grid):
    for r, line in enumerate(grid, start=1):
        for c, text in enumerate(line, start=1):
            if text != "":
                ws.cell(row=r, column=c, value=text)


def add_list(ws, rng, values):
    dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
    dv.add(rng)
    ws.add_data_validation(dv)


def caiq():
    wb = Workbook()
    ws = wb.active
    ws.title = "CAIQv4.0.3"
    sheet_from_grid(ws, [
        ["Consensus Assessments Initiative Questionnaire v4.0.3"],
        ["Please answer every question. Use the notes column for context."],
        ["Question ID", "Question", "CSP CAIQ Answer", "SSRM Control Ownership",
         "CSP Implementation Description (Optional/Recommended)"],
        ["Audit & Assurance - A&A"],
        ["A&A-01.1", "Are audit and assurance policies, procedures, and standards established,\r\n"
                     "documented, approved, communicated, applied, evaluated, and maintained?", "", "", ""],
        ["A&A-02.1", "Are independent audit and assurance assessments conducted according to relevant "
                     "standards at least annually?  ", "", "", ""],
        ["Infrastructure & Virtualization Security - I&S"],
        ["I&S-08.1", "Are policies established for infrastructure and virtualization security? *", "", "", ""],
        ["End Table Data"],
        ["\u00a9 Copyright 2021 Cloud Security Alliance"],
    ])
    ws.merge_cells("A4:E4")
    ws.merge_cells("A7:E7")
    add_list(ws, "C5:C8", ["Yes", "No", "N/A"])
    for row in range(5, 9):
        for col in (3, 4, 5):
            ws.cell(row=row, column=col).protection = Protection(locked=False)
    ws.protection.sheet = True
    wb.save(os.path.join(HERE, "caiq-v4.xlsx"))


def ai_caiq():
    wb = Workbook()
    ws = wb.active
    ws.title = "AI"
    sheet_from_grid(ws, [
        ["Control ID", "Control Specification", "Answer", "Notes"],
        ["AIGN-01", "AI inventory", "", ""],
        ["AIGN-02", "Provide a copy of your AI policy.", "", ""],
        ["DPAI-08", "The vendor shall document training data provenance.", "", ""],
    ])
    add_list(ws, "C2:C4", ["Yes", "No", "N/A"])
    wb.save(os.path.join(HERE, "ai-caiq.xlsx"))


def sig():
    wb = Workbook()
    ws = wb.active
    ws.title = "Business Resiliency"
    sheet_from_grid(ws, [
        ["Question", "", "Response", ""],
        ["Ques Num", "Question/Request", "Response", "Additional Information"],
        ["", "K. Business Resiliency", "", ""],
        ["K.1", "Is there a documented business resiliency program", "", ""],
        ["K.2", "Are business impact analyses performed?", "", ""],
    ])
    ws.merge_cells("A1:B1")
    ws.merge_cells("C1:D1")
    add_list(ws, "C3:C5", ["Yes", "No", "N/A"])
    wb.save(os.path.join(HERE, "sig.xlsx"))


def vsa():
    wb = Workbook()
    ws = wb.active
    ws.title = "VSA Core"
    sheet_from_grid(ws, [
        ["#", "Question", "Yes/No", "Comments"],
        ["RG-PS-01", "Do you have a privacy program?", "", ""],
        ["", "- If so, describe who owns it.", "", ""],
        ["", "If no, explain why not.", "", ""],
        ["#", "Question", "Yes/No", "Comments"],
        ["RG-PS-02", "Is training mandatory for all staff?", "", ""],
    ])
    add_list(ws, "C2:C6", ["Yes", "No"])
    wb.save(os.path.join(HERE, "vsa.xlsx"))


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def formula(ref, text, lookup):
    return f'<c r="{ref}" t="str"><f>{escape(lookup)}</f><v>{escape(text)}</v></c>'


def worksheet(rows, extra=""):
    body = "".join(f'<row r="{n}">{"".join(cells)}</row>' for n, cells in rows)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
            'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
            '<dimension ref="A1:XFD1048576"/>'
            f'<sheetData>{body}</sheetData>{extra}</worksheet>')


def hecvat():
    header = [inline("A1", "ID"), inline("B1", "Question"), inline("C1", "Answer"), inline("D1", "Additional Information")]
    questions = [("GNRL-01", "Vendor name"), ("18.1.26", "Do you have a documented AI governance program?"),
                 ("18.1.27", "Is the program reviewed annually?")]
    general = [(1, header)]
    master = [(1, header)]
    for offset, (qid, text) in enumerate(questions):
        n = offset + 2
        cell = inline(f"B{n}", text) if n == 2 else formula(f"B{n}", text, f"VLOOKUP(A{n},Master!A:B,2,FALSE)")
        general.append((n, [inline(f"A{n}", qid), cell]))
        master.append((n, [inline(f"A{n}", qid), inline(f"B{n}", text)]))
    x14 = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1">'
           '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lists!$A$1:$A$2</xm:f>'
           '</x14:formula1><xm:sqref>C2:C4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>')
    lists = [(1, [inline("A1", "Yes")]), (2, [inline("A2", "No")])]
    sheets = [("GNRL", "visible", worksheet(general, x14)), ("Master", "hidden", worksheet(master)),
              ("Lists", "veryHidden", worksheet(lists))]
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(os.path.join(HERE, "hecvat.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                             for i in range(len(sheets))) + '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
                   + "".join(f'<sheet name="{name}" sheetId="{i + 1}" state="{state}" r:id="rId{i + 1}"/>'
                             for i, (name, state, _) in enumerate(sheets)) + '</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(f'<Relationship Id="rId{i + 1}" Type="{rel}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                             for i in range(len(sheets))) + '</Relationships>')
        for i, (_, _, xml) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", xml)


if __name__ == "__main__":
    caiq()
    ai_caiq()
    sig()
    vsa()
    hecvat()
