#!/usr/bin/env python3
"""Generates the fixtures for the XLSX writing tests. Run from anywhere:
    python3 make_writing_fixtures.py
Needs xlsxwriter (pip). Output is committed; tests never run Python."""
import os
import zipfile

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))

X14_EXT = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
    '<x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D2:D20</xm:sqref>'
    '</x14:dataValidation></x14:dataValidations></ext></extLst>'
)


def questionnaire(path):
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": __import__("datetime").datetime(2024, 1, 1)})
    bold = wb.add_format({"bold": True})
    wrap = wb.add_format({"text_wrap": True})
    unlocked = wb.add_format({"locked": False, "bg_color": "#FFF2CC"})

    ws = wb.add_worksheet("AI")
    ws.set_column("A:A", 10)
    ws.set_column("B:B", 60, wrap)
    ws.set_column("C:D", 20, unlocked)
    ws.merge_range("A1:D1", "AI governance questionnaire", bold)
    ws.write_row(1, 0, ["ID", "Question", "Answer", "Yes/No"], bold)
    questions = [
        ("AIGN-01", "Do you have an AI policy?"),
        ("AIGN-02", "Provide a copy of your AI risk assessment."),
        ("AIGN-03", "Is there an AI system inventory?"),
    ]
    for i, (qid, text) in enumerate(questions):
        ws.write_string(2 + i, 0, qid)
        ws.write_string(2 + i, 1, text, wrap)
        ws.write_string(2 + i, 2, "old answer", unlocked)
    # C5 is a formula cell that will be overwritten; D3 holds a number.
    ws.write_formula("C5", '=IF(A5="","",A5)', unlocked, "AIGN-03")
    ws.write_number("D3", 1, unlocked)
    ws.data_validation("C3:C20", {"validate": "list", "source": ["Yes", "No", "N/A"]})
    ws.write_comment("B3", "Answer from the policy.")
    ws.write_string("A9", "End of worksheet")
    ws.protect("", {"format_columns": True})

    lists = wb.add_worksheet("Lists")
    for i, v in enumerate(["Yes", "No", "Partial"]):
        lists.write_string(i, 0, v)
    lists.hide()
    wb.define_name("Answers", "=Lists!$A$1:$A$3")
    wb.close()

    # Add an x14 data validation block by hand (xlsxwriter does not write one): libraries
    # that rebuild the sheet drop it, the patcher must keep it byte-identical.
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                assert "</worksheet>" in text
                text = text.replace("</worksheet>", X14_EXT + "</worksheet>")
                text = text.replace("<worksheet ", '<worksheet xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ', 1)
                data = text.encode("utf-8")
            dst.writestr(info, data)
    os.replace(tmp, path)


def without_row_refs(path):
    """A sheet whose rows and cells have no r attributes (allowed by the spec)."""
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row><c t="inlineStr"><is><t>Q</t></is></c></row></sheetData></worksheet>')
    minimal(path, sheet)


def empty_sheet_data(path):
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<x:sheetData/><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>')
    minimal(path, sheet)


def minimal(path, sheet):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    book = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    book_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", book),
                           ("xl/_rels/workbook.xml.rels", book_rels), ("xl/worksheets/sheet1.xml", sheet)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def with_calc_chain(source, path):
    """The questionnaire plus an Excel-style calcChain naming its one formula cell (C5)."""
    chain = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C5" i="1"/></calcChain>')
    override = ('<Override PartName="/xl/calcChain.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>')
    relationship = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" '
                    'Target="calcChain.xml"/>')
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename).decode("utf-8") if info.filename.endswith((".xml", ".rels")) else None
            if info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", override + "</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", relationship + "</Relationships>")
            dst.writestr(info, data.encode("utf-8") if data is not None else src.read(info.filename))
        info = zipfile.ZipInfo("xl/calcChain.xml", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(info, chain)


if __name__ == "__main__":
    questionnaire(os.path.join(HERE, "questionnaire_to_patch.xlsx"))
    with_calc_chain(os.path.join(HERE, "questionnaire_to_patch.xlsx"), os.path.join(HERE, "with_calc_chain.xlsx"))
    without_row_refs(os.path.join(HERE, "rows_without_refs.xlsx"))
    empty_sheet_data(os.path.join(HERE, "empty_sheet_data.xlsx"))
