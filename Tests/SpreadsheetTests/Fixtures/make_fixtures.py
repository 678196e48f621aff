#!/usr/bin/env python3
"""Writes the Spreadsheet reader fixtures beside this script. Run: python3 make_fixtures.py

Each file reproduces one quirk of real buyer questionnaires (see shared/guides/spreadsheet-quirks.md).
questionnaire.xlsx comes from XlsxWriter, as Excel-like files do; quirks XlsxWriter cannot write
(no sharedStrings part, inline strings, lying <dimension>, x14 validations, DOCTYPE, broken parts)
are written as raw XML parts with zipfile. Output is deterministic: fixed timestamps and order.
"""
import datetime
import os
import zipfile

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def out(name):
    return os.path.join(HERE, name)


def write_zip(name, entries):
    """entries: list of (arcname, bytes or str), written in order with a fixed timestamp."""
    with zipfile.ZipFile(out(name), "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, content in entries:
            info = zipfile.ZipInfo(arcname, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)


def worksheet(body, before="", after=""):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{before}<sheetData>{body}</sheetData>{after}</worksheet>')


def raw_xlsx(name, sheets, shared_strings=None, styles=None, defined_names="", absolute_targets=False):
    """sheets: list of (sheet name, worksheet xml, state or None). Writes a minimal SpreadsheetML package."""
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     '</Types>')
    package_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
                    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    sheet_elements = []
    rels = []
    for index, (sheet_name, _, state) in enumerate(sheets, start=1):
        state_attr = f' state="{state}"' if state else ""
        sheet_elements.append(f'<sheet name="{sheet_name}" sheetId="{index}"{state_attr} r:id="rId{index}"/>')
        target = f"/xl/worksheets/sheet{index}.xml" if absolute_targets else f"worksheets/sheet{index}.xml"
        rels.append(f'<Relationship Id="rId{index}" Type="{REL_NS}/worksheet" Target="{target}"/>')
    next_id = len(sheets) + 1
    if shared_strings is not None:
        rels.append(f'<Relationship Id="rId{next_id}" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>')
        next_id += 1
    if styles is not None:
        rels.append(f'<Relationship Id="rId{next_id}" Type="{REL_NS}/styles" Target="styles.xml"/>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
                f'<sheets>{"".join(sheet_elements)}</sheets>'
                + (f"<definedNames>{defined_names}</definedNames>" if defined_names else "") + "</workbook>")
    workbook_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
                     + "".join(rels) + "</Relationships>")
    entries = [("[Content_Types].xml", content_types), ("_rels/.rels", package_rels),
               ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels)]
    for index, (_, xml, _) in enumerate(sheets, start=1):
        entries.append((f"xl/worksheets/sheet{index}.xml", xml))
    if shared_strings is not None:
        entries.append(("xl/sharedStrings.xml", shared_strings))
    if styles is not None:
        entries.append(("xl/styles.xml", styles))
    write_zip(name, entries)


def shared_strings_xml(items):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN_NS}" count="{len(items)}" '
            f'uniqueCount="{len(items)}">' + "".join(f"<si>{item}</si>" for item in items) + "</sst>")


def make_questionnaire():
    """An Excel-like workbook from XlsxWriter: shared strings, styles, protection, validations."""
    workbook = xlsxwriter.Workbook(out("questionnaire.xlsx"))
    workbook.set_properties({"created": datetime.datetime(2024, 1, 1)})
    unlocked = workbook.add_format({"locked": False})
    bold = workbook.add_format({"bold": True})
    ai = workbook.add_worksheet("AI")
    lists = workbook.add_worksheet("Lists")
    master = workbook.add_worksheet("Master")
    lists.hide()
    master.very_hidden()

    ai.write_row(0, 0, ["ID", "Question", "Answer"])
    ai.write_string(1, 0, "18.1.26")
    ai.write_rich_string(1, 1, "Do you have an ", bold, "AI policy", "?")
    ai.write_string(2, 0, "AIGN-01")
    ai.write_formula(2, 1, "=VLOOKUP(A3,Master!A:B,2,FALSE)", None, "Describe your AI risk process.")
    ai.write_string(3, 0, "AIGN-02")
    ai.write_string(3, 1, "Line one\r\nLine two")
    ai.write_string(4, 1, "  padded question  ")
    ai.write_string(5, 1, "Helper row")
    ai.set_row(5, None, None, {"hidden": True})
    ai.merge_range("A8:A9", "Section A")
    ai.merge_range("A11:C11", "End of worksheet")
    ai.write_number(1, 3, 18.1)
    ai.write_boolean(2, 3, True)
    for row in range(1, 7):
        ai.write_blank(row, 2, None, unlocked)
    ai.protect()
    ai.data_validation("C2", {"validate": "list", "source": ["Yes", "No", "N/A"]})
    ai.data_validation("C3", {"validate": "list", "source": "=Lists!$A$1:$A$4"})
    ai.data_validation("C4", {"validate": "list", "source": "=AnswerList"})
    ai.data_validation("C5", {"validate": "list", "source": "=LocalList"})
    ai.data_validation("C6", {"validate": "list", "source": "=INDIRECT($A$6)"})

    lists.write_column(0, 0, ["Yes", None, "No", "N/A"])
    lists.write_column(0, 1, ["Compliant", "Not compliant"])
    lists.write_column(0, 2, ["Local one", "Local two"])
    workbook.define_name("AnswerList", "=Lists!$B$1:$B$2")
    workbook.define_name("AI!LocalList", "=Lists!$C$1:$C$2")
    workbook.define_name("LocalList", "=Lists!$B$1:$B$1")

    master.write_row(0, 0, ["AIGN-01", "Describe your AI risk process."])
    workbook.close()


def make_inline_strings():
    """No sharedStrings and no styles part: inline strings, every value type, cells and rows
    without r=, a <dimension> far too small, and x14 validations on a quoted sheet name."""
    questions = worksheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Question</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>18.1.26</t></is></c>'
        '<c r="B2" t="inlineStr"><is><r><t xml:space="preserve">Rich </t></r><r><rPr><b/></rPr><t>inline</t></r>'
        '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></is></c></row>'
        '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#REF!</v></c>'
        '<c r="D3"><v>18.1</v></c><c r="E3" t="n"><v>42</v></c></row>'
        '<row r="4"><c r="A4" t="str"><f>VLOOKUP(A2,Master!A:B,2,FALSE)</f><v>Question from a formula</v></c>'
        '<c r="B4"><f t="shared" ref="B4:B5" si="0">A3+1</f><v>2</v></c></row>'
        '<row r="5"><c r="B5"><f t="shared" si="0"/><v>3</v></c></row>'
        '<row><c t="inlineStr"><is><t>no r, first</t></is></c><c t="inlineStr"><is><t>no r, second</t></is></c>'
        '<c r="E6" t="inlineStr"><is><t>explicit E6</t></is></c><c t="inlineStr"><is><t>after E6</t></is></c></row>'
        '<row r="9"><c r="E9" t="inlineStr"><is><t>last</t></is></c></row>',
        before='<dimension ref="A1:B2"/>',
        after=('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
               'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
               '<x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1">'
               '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
               "<x14:formula1><xm:f>'My Lists'!$A$1:$A$3</xm:f></x14:formula1>"
               "<xm:sqref>C2:C40 E2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"))
    lists = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Fully</t></is></c></row>'
                      '<row r="2"><c r="A2" t="inlineStr"><is><t>Partly</t></is></c></row>'
                      '<row r="3"><c r="A3" t="inlineStr"><is><t>Not at all</t></is></c></row>')
    raw_xlsx("inline_strings.xlsx", [("Questions", questions, None), ("My Lists", lists, "hidden")], absolute_targets=True)


def make_huge_dimension():
    """A <dimension> claiming every row and column, a few real cells and hidden empty rows."""
    sheet = worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
                      '<row r="3" hidden="1"/>'
                      '<row r="4"><c r="B4" t="s"><v>1</v></c></row>'
                      '<row r="1048576" hidden="1"/>',
                      before='<dimension ref="A1:XFD1048576"/><cols><col min="2" max="3" width="5" hidden="1"/></cols>')
    raw_xlsx("huge_dimension.xlsx", [("Sheet1", sheet, None)],
             shared_strings=shared_strings_xml(["<t>Top</t>", "<t>Bottom</t>"]))


def make_shared_strings():
    """Rich runs, phonetic runs, preserved spaces and Excel's encodings of CR LF line breaks."""
    items = [
        "<t>Plain</t>",
        '<r><t xml:space="preserve">Do you </t></r><r><rPr><b/></rPr><t>audit</t></r><r><t xml:space="preserve"> models?</t></r>',
        '<t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/>',
        '<t xml:space="preserve">  two leading, one trailing </t>',
        "<t>First line_x000D_\nSecond line</t>",
        "<t>Carriage&#13;&#10;return</t>",
        "<t>Literal _x005F_x0041_ underscore</t>",
    ]
    cells = "".join(f'<c r="A{i + 1}" t="s"><v>{i}</v></c>' for i in range(len(items)))
    rows = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(len(items)))
    del cells
    raw_xlsx("shared_strings.xlsx", [("Strings", worksheet(rows), None)], shared_strings=shared_strings_xml(items))


def make_column_styles():
    """Protection from styles: an unlocked column default style, applyProtection="0", a hidden
    sheet-local defined name, and a whole-column list source."""
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN_NS}">'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="0"><protection locked="0"/></xf>'
              "</cellXfs></styleSheet>")
    sheet = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Question</t></is></c><c r="B1" s="2"/><c r="D1" s="1"/></row>'
                      '<row r="2"><c r="A2" t="inlineStr"><is><t>Is it locked?</t></is></c><c r="C2" s="0"/></row>',
                      before='<cols><col min="3" max="3" width="30" style="1" customWidth="1"/></cols>',
                      after=('<sheetProtection password="CC1A" sheet="1" objects="1"/>'
                             '<dataValidations count="1"><dataValidation type="list" sqref="C2:C9">'
                             "<formula1>Choices</formula1></dataValidation></dataValidations>"))
    choices = worksheet('<row r="2"><c r="A2" t="inlineStr"><is><t>Alpha</t></is></c></row>'
                        '<row r="7"><c r="A7" t="inlineStr"><is><t>Beta</t></is></c></row>')
    raw_xlsx("column_styles.xlsx", [("Form", sheet, None), ("Choices", choices, "veryHidden")], styles=styles,
             defined_names='<definedName name="Choices" localSheetId="0" hidden="1">Choices!$A:$A</definedName>')


def make_lying_sizes():
    """A sheet part whose ZIP headers declare 100 bytes but which inflates to about 300 KB, like a
    zip bomb that lies to pass a size check made before extraction."""
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(1, 8001))
    raw_xlsx("lying_sizes.xlsx", [("Big", worksheet(rows), None)])
    with open(out("lying_sizes.xlsx"), "rb") as handle:
        data = bytearray(handle.read())
    name = b"xl/worksheets/sheet1.xml"
    position = 0
    while True:
        local = data.find(b"PK\x03\x04", position)
        if local < 0:
            break
        if data[local + 30:local + 30 + len(name)] == name:
            data[local + 22:local + 26] = (100).to_bytes(4, "little")
        position = local + 4
    position = 0
    while True:
        central = data.find(b"PK\x01\x02", position)
        if central < 0:
            break
        if data[central + 46:central + 46 + len(name)] == name:
            data[central + 24:central + 28] = (100).to_bytes(4, "little")
        position = central + 4
    with open(out("lying_sizes.xlsx"), "wb") as handle:
        handle.write(data)


def make_broken_files():
    ok_sheet = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>')
    # Bad shared-string index in AI!C17.
    raw_xlsx("bad_shared_string.xlsx",
             [("AI", worksheet('<row r="17"><c r="A17" t="s"><v>0</v></c><c r="C17" t="s"><v>99</v></c></row>'), None)],
             shared_strings=shared_strings_xml(["<t>only one</t>"]))
    # Malformed XML on line 14 of the second sheet's part.
    broken = ('<?xml version="1.0" encoding="UTF-8"?>\n' f'<worksheet xmlns="{MAIN_NS}">\n<sheetData>\n'
              + "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>\n' for i in range(1, 11))
              + '<row r="11"><c r="A11"><v>11</v></row>\n</sheetData>\n</worksheet>\n')
    raw_xlsx("malformed_sheet.xlsx", [("First", ok_sheet, None), ("Second", broken, None)])
    # Invalid cell reference on line 3.
    bad_ref = ('<?xml version="1.0" encoding="UTF-8"?>\n' f'<worksheet xmlns="{MAIN_NS}">\n<sheetData>\n'
               '<row r="1"><c r="1A"><v>1</v></c></row>\n</sheetData></worksheet>')
    raw_xlsx("invalid_reference.xlsx", [("Refs", bad_ref, None)])
    # A DOCTYPE with an external entity (XXE) and one with an entity bomb: both must be refused.
    xxe = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
           "</sheetData></worksheet>")
    raw_xlsx("doctype_xxe.xlsx", [("XXE", xxe, None)])
    levels = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY l0 "lol">{levels}]>\n'
            f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row>'
            "</sheetData></worksheet>")
    raw_xlsx("doctype_bomb.xlsx", [("Bomb", bomb, None)])
    # Packages that are ZIPs but not readable workbooks.
    write_zip("missing_workbook.xlsx", [("[Content_Types].xml", "<Types/>"), ("_rels/.rels", f'<Relationships xmlns="{PKG_REL_NS}"/>')])
    write_zip("binary_workbook.xlsb", [("[Content_Types].xml", "<Types/>"), ("xl/workbook.bin", b"\x83\x01\x00")])
    write_zip("numbers_export.xlsx", [("Index/Document.iwa", b"\x00\x01"), ("Metadata/Properties.plist", "<plist/>")])
    write_zip("not_a_spreadsheet.xlsx", [("readme.txt", "hello")])
    write_zip("zip_slip.xlsx", [("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"), ("../evil.xml", "<x/>")])
    # Not ZIPs at all.
    ole_header = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    with open(out("legacy.xls"), "wb") as handle:
        handle.write(ole_header + b"Workbook".ljust(64, b"\x00") + bytes(448))
    with open(out("encrypted.xlsx"), "wb") as handle:
        handle.write(ole_header + "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00")
                     + "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00") + bytes(384))
    with open(out("random.bin"), "wb") as handle:
        handle.write(bytes(range(256)) * 4)


def make_csv():
    def write(name, data):
        with open(out(name), "wb") as handle:
            handle.write(data)

    write("embedded.csv", b'ID,Question,Notes\r\n'
          b'1,"Do you have a policy,\nand is it approved?","Say ""yes"" or ""no"""\r\n'
          b'2,"Line one\r\nLine two",\r\n')
    write("mixed_line_endings.csv", b"a,b\r\nc,d\ne,f\rg,h")
    write("bom.csv", b"\xef\xbb\xbfID,Question\n18.1.26,Is \xc3\xa9t\xc3\xa9 ok?\n")
    write("utf16le.txt", "\ufeffID\tQuestion\r\nA&A-01.1\tÜber \"AI\"?\r\n".encode("utf-16-le"))
    write("utf16be.csv", "\ufeffID,Question\nDPAI-08,Résumé?\n".encode("utf-16-be"))
    write("semicolon.csv", b'ID;Question;Answer\nAIGN-01;"Policy; approved?";Yes\nAIGN-02;Owner, named?;\n')
    write("tabs.tsv", b"ID\tQuestion\nRG-PS-01\tHas commas, and; semicolons\n")
    write("ragged.csv", b"A,B,C\n1\n1,2,3,4,5\n\n,,x\n")
    write("unclosed_quote.csv", b'ID,Question\n1,ok\n2,"fine"\n3,"never closed\n4,more\n5,end\n')
    write("invalid_utf8.csv", b"ID,Question\n1,ok\n2,bad \xff byte\n")
    write("nul.csv", b"ID,Question\n1,nul \x00 here\n")
    write("ids.csv", b"ID,Version\n18.1.26,18.1\n007,1e3\n")


if __name__ == "__main__":
    make_questionnaire()
    make_inline_strings()
    make_huge_dimension()
    make_shared_strings()
    make_column_styles()
    make_lying_sizes()
    make_broken_files()
    make_csv()
