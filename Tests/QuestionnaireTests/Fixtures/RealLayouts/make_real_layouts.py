#!/usr/bin/env python3
"""Writes synthetic look-alikes of real questionnaire workbooks, with a ground-truth JSON per file.

The layouts follow shared/guides/real-workbook-layouts.md cell by cell; every question, answer and
paragraph is our own wording. Every .xlsx is written as raw XML (no openpyxl) so that formula cells
keep chosen cached values, x14 data validations and defined names are exact, and the output is
byte-identical on every run (fixed zip timestamps, fixed part order, no docProps dates).
The .expected.json files are written from the same tables as the cells, so they cannot drift.
See README.md beside this file for the layouts, the quirks and the judgement calls.

Run from anywhere: python3 make_real_layouts.py
"""
import json
import os
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
X14_DV_URI = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"

# Cell styles shared by every workbook: 0 default (locked), 1 date, 2 unlocked input, 3 wrapped text.
STYLE_DATE, STYLE_UNLOCKED, STYLE_WRAP = 1, 2, 3
STYLES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<styleSheet xmlns="{NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1">'
    '<protection locked="0"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf>'
    '</cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="1"><dxf><font><color rgb="FF808080"/></font>'
    '<fill><patternFill><bgColor rgb="FFD9D9D9"/></patternFill></fill></dxf></dxfs>'
    '</styleSheet>')


def col_letter(index):
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def split_ref(ref):
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)), col


def quote_sheet(name):
    """A sheet name as a formula writes it: quoted unless it is a plain word."""
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else "'" + name.replace("'", "''") + "'"


class Sheet:
    def __init__(self, book, name, state="visible"):
        self.book, self.name, self.state = book, name, state
        self.cells = {}
        self.hidden_rows = set()
        self.merges = []
        self.cols = []
        self.protected = False
        self.validations = []      # (sqref, formula1) in <dataValidations>
        self.x14_validations = []  # (sqref, source) in the x14 extension block
        self.conditional = []      # (sqref, formula)
        self.dimension = None      # None: the true used range

    def _put(self, ref, attrs, inner, style):
        if style is not None:
            attrs += f' s="{style}"'
        self.cells[split_ref(ref)] = (ref, attrs, inner)

    def text(self, ref, value, style=None):
        if self.book.shared_strings:
            self._put(ref, ' t="s"', f"<v>{self.book.string_index(value)}</v>", style)
        else:
            self._put(ref, ' t="inlineStr"', f'<is><t xml:space="preserve">{escape(value)}</t></is>', style)

    def number(self, ref, value, style=None):
        self._put(ref, "", f"<v>{value}</v>", style)

    def blank(self, ref, style):
        self._put(ref, "", "", style)

    def formula(self, ref, formula, cached, style=None):
        """A formula with its cached value: text, a number, or '#REF!' for an error."""
        f = f"<f>{escape(formula)}</f>"
        if cached == "#REF!":
            self._put(ref, ' t="e"', f + "<v>#REF!</v>", style)
        elif isinstance(cached, (int, float)):
            self._put(ref, "", f + f"<v>{cached}</v>", style)
        else:
            self._put(ref, ' t="str"', f + f"<v>{escape(cached)}</v>", style)

    def xml(self):
        rows = {}
        for (r, c) in sorted(self.cells):
            rows.setdefault(r, []).append(self.cells[(r, c)])
        for r in self.hidden_rows:
            rows.setdefault(r, [])
        body = []
        for r in sorted(rows):
            hidden = ' hidden="1"' if r in self.hidden_rows else ""
            cells = "".join(f'<c r="{ref}"{attrs}>{inner}</c>' if inner else f'<c r="{ref}"{attrs}/>'
                            for ref, attrs, inner in rows[r])
            body.append(f'<row r="{r}"{hidden}>{cells}</row>')
        if self.dimension:
            dimension = self.dimension
        elif self.cells:
            last_row = max(r for r, _ in self.cells)
            last_col = max(c for _, c in self.cells)
            dimension = f"A1:{col_letter(last_col)}{last_row}"
        else:
            dimension = "A1"
        parts = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            f'<worksheet xmlns="{NS}" xmlns:r="{REL}" '
            'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
            'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">',
            f'<dimension ref="{dimension}"/>',
        ]
        if self.cols:
            parts.append("<cols>" + "".join(
                f'<col min="{lo}" max="{hi}" width="{width}" customWidth="1"' + (' hidden="1"' if hidden else "") + "/>"
                for lo, hi, width, hidden in self.cols) + "</cols>")
        parts.append("<sheetData>" + "".join(body) + "</sheetData>")
        if self.protected:
            parts.append('<sheetProtection sheet="1" objects="1" scenarios="1"/>')
        if self.merges:
            parts.append(f'<mergeCells count="{len(self.merges)}">'
                         + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>")
        for priority, (sqref, formula) in enumerate(self.conditional, start=1):
            parts.append(f'<conditionalFormatting sqref="{sqref}"><cfRule type="expression" dxfId="0" '
                         f'priority="{priority}"><formula>{escape(formula)}</formula></cfRule></conditionalFormatting>')
        if self.validations:
            parts.append(f'<dataValidations count="{len(self.validations)}">' + "".join(
                f'<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" '
                f'sqref="{sqref}"><formula1>{escape(formula1)}</formula1></dataValidation>'
                for sqref, formula1 in self.validations) + "</dataValidations>")
        parts.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
        if self.x14_validations:
            parts.append(f'<extLst><ext uri="{X14_DV_URI}">'
                         f'<x14:dataValidations count="{len(self.x14_validations)}">' + "".join(
                             '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
                             f'<x14:formula1><xm:f>{escape(source)}</xm:f></x14:formula1><xm:sqref>{sqref}</xm:sqref>'
                             '</x14:dataValidation>' for sqref, source in self.x14_validations)
                         + "</x14:dataValidations></ext></extLst>")
        parts.append("</worksheet>")
        return "".join(parts)


class Book:
    def __init__(self, shared_strings=True):
        self.shared_strings = shared_strings
        self.sheets = []
        self.defined_names = []
        self.strings = []
        self.string_ids = {}

    def sheet(self, name, state="visible"):
        sheet = Sheet(self, name, state)
        self.sheets.append(sheet)
        return sheet

    def string_index(self, value):
        if value not in self.string_ids:
            self.string_ids[value] = len(self.strings)
            self.strings.append(value)
        return self.string_ids[value]

    def save(self, path):
        sheet_xml = [s.xml() for s in self.sheets]  # fills the shared strings
        n = len(self.sheets)
        sst = bool(self.strings)
        overrides = ['<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.spreadsheetml.sheet.main+xml"/>',
                     '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.spreadsheetml.styles+xml"/>']
        overrides += [f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1)]
        if sst:
            overrides.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                             'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>")
        root_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
                     f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        first_visible = next(i for i, s in enumerate(self.sheets) if s.state == "visible")
        sheets = "".join(
            f'<sheet name={quoteattr(s.name)} sheetId="{i + 1}"'
            + (f' state="{s.state}"' if s.state != "visible" else "") + f' r:id="rId{i + 1}"/>'
            for i, s in enumerate(self.sheets))
        names = ""
        if self.defined_names:
            names = "<definedNames>" + "".join(f"<definedName name={quoteattr(k)}>{escape(v)}</definedName>"
                                               for k, v in self.defined_names) + "</definedNames>"
        workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
                    f'<bookViews><workbookView activeTab="{first_visible}"/></bookViews>'
                    f"<sheets>{sheets}</sheets>{names}<calcPr calcId=\"191029\"/></workbook>")
        rels = [f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, n + 1)]
        rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>')
        if sst:
            rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
        workbook_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
                         + "".join(rels) + "</Relationships>")
        parts = [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                 ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
                 ("xl/styles.xml", STYLES_XML)]
        parts += [(f"xl/worksheets/sheet{i}.xml", xml) for i, xml in enumerate(sheet_xml, start=1)]
        if sst:
            items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in self.strings)
            parts.append(("xl/sharedStrings.xml",
                          f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{NS}" '
                          f'count="{len(self.strings)}" uniqueCount="{len(self.strings)}">{items}</sst>'))
        write_zip(path, parts)


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))


class Truth:
    """The ground truth for one fixture: the questions a vendor answers and why each sheet is (not) used."""

    def __init__(self):
        self.questions = []
        self.sheets = []

    def question(self, sheet, row, qid, text, answer_cells, parent_row=None):
        entry = {"sheet": sheet, "row": row, "id": qid, "text": text.strip(), "answerCells": answer_cells}
        if parent_row is not None:
            entry["parentRow"] = parent_row
        self.questions.append(entry)

    def sheet(self, name, used, reason=None):
        entry = {"sheet": name, "used": used}
        if reason:
            entry["reason"] = reason
        self.sheets.append(entry)

    def save(self, path):
        def lines(items):
            return ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in items)

        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write('{"questions": [\n' + lines(self.questions) + '\n ],\n "sheets": [\n' + lines(self.sheets) + "\n ]}\n")


def choice(column, allowed):
    return {"column": column, "kind": "choice", "allowed": list(allowed)}


def text(column):
    return {"column": column, "kind": "text"}


# --------------------------------------------------------------------------------------------------
# HECVAT 4.x look-alike (blank template)

YES_NO = ["Yes", "No"]
YES_NO_NA = ["Yes", "No", "N/A"]
HOSTING = ["Vendor-hosted", "Third-party cloud", "On-premises", "Hybrid", "Institution-hosted",
           "Not applicable", "Other"]
# list name -> (source range in Auto Responses, allowed values); None = no dropdown (free text in C)
H4_LISTS = {"yn": ("'Auto Responses'!$J$3:$J$4", YES_NO), "yna": ("'Auto Responses'!$J$3:$J$5", YES_NO_NA),
            "host": ("'Auto Responses'!$J$17:$J$23", HOSTING), None: None}

H4_SECTIONS = [
    ("GNRL", " General Information"), ("REQU", " Required Questions"), ("QUAL", " Qualifying Questions"),
    ("COMP", " Company Overview"), ("DOCU", " Documentation"), ("STAF", " Staff Management"),
    ("APPL", " Application Security"), ("AUTH", " Authentication"), ("AIQU", " AI Qualifying Questions"),
    ("AIGN", " AI Governance"), ("AIML", " Machine Learning"), ("PRGN", " Privacy Governance"),
    ("PDAT", " Personal Data"),
]

# tab -> blocks -> (id, question, dropdown list, guidance cached in E)
H4_TABS = {
    "START HERE": [
        [("GNRL-01", "Company legal name", None, "Use the name that will appear on the contract."),
         ("GNRL-02", "Product or service name", None, ""),
         ("GNRL-03", "Product version assessed", None, ""),
         ("GNRL-04", "Short description of the product", None, "Two or three sentences are enough."),
         ("GNRL-05", "Primary contact name", None, ""),
         ("GNRL-06", "Primary contact title", None, ""),
         ("GNRL-07", "Primary contact email", None, ""),
         ("GNRL-08", "Primary contact phone number", None, ""),
         ("GNRL-09", "Company website address", None, "")],
        [("REQU-01", "Does the product store or process institutional data?", "yn", ""),
         ("REQU-02", "Will users sign in with institutional credentials?", "yn", ""),
         ("REQU-03", "Does the product include features built on machine learning or generative AI?", "yn",
          "Answering Yes makes the AI tab required."),
         ("REQU-04", "Is any part of the service delivered by a subcontractor?", "yn", ""),
         ("REQU-05", "Will the product collect personal data about students or staff?", "yn",
          "Answering Yes makes the Privacy tab required.")],
        [("QUAL-01", "Has the product been assessed by a third party in the last twelve months?", "yn", ""),
         ("QUAL-02", "Do you hold a current security certification for the hosting environment?", "yna", ""),
         ("QUAL-03", "Provide the name of the hosting provider used for production.", None, ""),
         ("QUAL-04", "Is customer data encrypted at rest in every environment?", "yn", ""),
         ("QUAL-05", "Is customer data encrypted in transit over public networks?", "yn", ""),
         ("QUAL-06", "Do you carry cyber liability insurance?", "yna", ""),
         ("QUAL-07", "Which hosting model best describes the product?", "host",
          "Choose the closest option and explain in Additional Information."),
         ("QUAL-08", "Describe any planned changes to the product architecture in the next year.", None, "")],
    ],
    "Organization": [
        [("COMP-01", "Describe your company's ownership structure and main lines of business.", None, ""),
         ("COMP-02", "Has your company experienced a reportable security breach in the last three years?", "yn",
          "If Yes, summarise the breach and the changes made afterwards."),
         ("COMP-03", "Do you have a dedicated security team?", "yn", ""),
         ("COMP-04", "Do you operate a vendor risk program for your own suppliers?", "yna", "")],
        [("DOCU-01", "Provide a copy of your information security policy.", "yna",
          "Attach the document or give a link in Additional Information."),
         ("DOCU-02", "Do you review your security policies at least once a year?", "yn", ""),
         ("DOCU-03", "Provide your most recent independent audit report or a summary of it.", "yna", ""),
         ("DOCU-04", "Are employees required to acknowledge the acceptable use policy?", "yn", "")],
        [("STAF-01", "Do you run background checks on staff with access to customer data?", "yn", ""),
         ("STAF-02", "Is security awareness training required for all staff every year?", "yn", ""),
         ("STAF-03", "Describe how access is removed when an employee leaves.", None, "")],
    ],
    "Product": [
        [("APPL-01", "Do you follow a documented secure development lifecycle?", "yn", ""),
         ("APPL-02", "Is source code reviewed for security flaws before each release?", "yn", ""),
         ("APPL-03", "Do you perform penetration tests of the product at least yearly?", "yn", ""),
         ("APPL-04", "Provide a summary of the most recent penetration test findings.", "yna",
          "A redacted executive summary is acceptable.")],
        [("AUTH-01", "Does the product support single sign-on with SAML or OpenID Connect?", "yn", ""),
         ("AUTH-02", "Is multi-factor authentication available for all user accounts?", "yn", ""),
         ("AUTH-03", "Can administrators define role-based permissions?", "yn", ""),
         ("AUTH-04", "Describe how the product stores user passwords.", None, "")],
    ],
    "AI": [
        [("AIQU-01", "Does the product use artificial intelligence to produce content or decisions?", "yn", ""),
         ("AIQU-02", "Can the institution turn off AI features for its users?", "yna", ""),
         ("AIQU-03", "Is institutional data used to train or fine-tune any model?", "yn",
          "If Yes, explain the consent and opt-out process.")],
        [("AIGN-01", "Do you maintain a written policy governing the use of AI?", "yn", ""),
         ("AIGN-02", "Provide a copy of your AI acceptable use policy.", "yna",
          "Attach the document or give a link in Additional Information."),
         ("AIGN-03", "Is there a named person accountable for AI risk?", "yn", ""),
         ("AIGN-04", "Describe how model outputs are reviewed by a person before they reach users.", None, "")],
        [("AIML-01", "Do you document the sources of training data for each model?", "yn", ""),
         ("AIML-02", "Are models tested for bias before release?", "yna", ""),
         ("AIML-03", "Do you monitor deployed models for drift or degraded accuracy?", "yn", ""),
         ("AIML-04", "Provide your process for handling reports of harmful model output.", "yna", ""),
         ("AIML-05", "Are third-party model providers bound by contract not to retain institutional prompts?",
          "yna", "")],
    ],
    "Privacy": [
        [("PRGN-01", "Do you have a designated privacy officer?", "yn", ""),
         ("PRGN-02", "Provide a link to your public privacy notice.", "yna", ""),
         ("PRGN-03", "Do you complete privacy impact assessments for new features?", "yn", "")],
        [("PDAT-01", "Do you sell or rent personal data to third parties?", "yn",
          "Any Yes here is reviewed by the privacy office."),
         ("PDAT-02", "Can the institution export all of its personal data on request?", "yn", ""),
         ("PDAT-03", "Is personal data deleted within a defined period after the contract ends?", "yn", ""),
         ("PDAT-04", "Describe the categories of personal data the product collects.", None, ""),
         ("PDAT-05", "Are data subject requests answered within a documented time limit?", "yna", ""),
         ("PDAT-06", "Do you transfer personal data outside the country where it was collected?", "yna", "")],
    ],
}
# Echo rows at the top of each non-START tab: START HERE questions repeated, answered by formula.
H4_ECHOES = {
    "Organization": [["GNRL-01", "GNRL-02", "GNRL-03", "GNRL-04", "GNRL-05"], ["REQU-01", "REQU-02", "REQU-03"]],
    "Product": [["GNRL-01", "GNRL-02", "GNRL-03"], ["REQU-01", "REQU-02"]],
    "AI": [["GNRL-01", "GNRL-02", "GNRL-03", "GNRL-04"], ["REQU-03"]],
    "Privacy": [["GNRL-01", "GNRL-02", "GNRL-03", "GNRL-04", "GNRL-05"],
                ["REQU-01", "REQU-02", "REQU-04", "REQU-05"]],
}
H4_ANALYST_NOTES = {"COMP-02": "Confirm the breach details during the review call.",
                    "AIQU-03": "Escalate to the data governance group if Yes."}
H4_ANALYST_REFERENCE = {
    "AIQU-01": "Look for a clear list of the AI features.", "AIQU-02": "An institution-wide switch is preferred.",
    "AIQU-03": "Training on institutional data needs a contract clause.",
    "AIGN-01": "The policy should name an owner.", "AIGN-02": "Check the policy date.",
    "AIGN-03": "A role is acceptable in place of a name.", "AIGN-04": "Look for human review of high-impact output.",
    "AIML-01": "Provenance records should exist per model.", "AIML-02": "Ask for the latest test summary.",
    "AIML-03": "Monitoring should have alert thresholds.", "AIML-04": "There should be a contact route for users.",
    "AIML-05": "Check the provider terms for retention.",
}


def hecvat4():
    book, truth = Book(), Truth()
    texts = {qid: q for blocks in H4_TABS.values() for block in blocks for qid, q, _, _ in block}
    guidance = {qid: g for blocks in H4_TABS.values() for block in blocks for qid, _, _, g in block}
    master_order = [qid for blocks in H4_TABS.values() for block in blocks for qid, _, _, _ in block]
    master_row = {qid: i + 2 for i, qid in enumerate(master_order)}
    section_title = dict(H4_SECTIONS)
    vendor_tabs = list(H4_TABS)
    start_rows = {}  # START HERE question rows, for the echo formulas

    # Institution Evaluation rows are laid out first so the vendor tabs' F formulas can point at them.
    eval_header = 10
    eval_ids = [qid for tab in vendor_tabs[1:] for block in H4_TABS[tab] for qid, _, _, _ in block]
    eval_row = {qid: eval_header + 1 + i for i, qid in enumerate(eval_ids)}
    eval_last = eval_header + len(eval_ids)
    layout = {}  # qid -> (tab, row) of its real question row

    def vendor_tab(name):
        ws = book.sheet(name)
        ws.dimension = "A1:XFD1048576"
        ws.cols = [(1, 1, 12, False), (2, 2, 70, False), (3, 4, 24, False), (5, 6, 30, False),
                   (7, 7, 14, False), (8, 16384, 9, True)]
        ws.hidden_rows.add(1)
        ws.text("A1", "This workbook is a synthetic test fixture. It is provided as is, without warranty of any kind.")
        ws.text("A2", f"Vendor Assessment Workbook - {name}")
        ws.text("A3", "Date Completed")
        if name == "START HERE":
            ws.blank("C3", STYLE_UNLOCKED)
        else:
            ws.formula("C3", "'START HERE'!$C$3", 0, STYLE_DATE)
        ws.text("A5", "Answer each question in column C and add detail in column D.")
        ws.text("A6", "Columns E and F are completed by the institution.")
        row = 12
        lists = {}

        def section(first_id):
            nonlocal row
            prefix = first_id[:4]
            ws.formula(f"A{row}", f"VLOOKUP(LEFT($A{row + 1},4),'Auto Responses'!$N$4:$O$38,2,0)&\"\"",
                       section_title[prefix])
            for col, label in zip("CDEF", ["Answer", "Additional Information", "Guidance", "Analyst Notes"]):
                ws.text(f"{col}{row}", label)
            row += 1

        def common(qid, last):
            ws.text(f"A{row}", qid)
            ws.formula(f"B{row}", f"VLOOKUP($A{row},Questions!$A$2:$X$333,2,0)", texts[qid])
            ws.formula(f"E{row}", f"VLOOKUP($A{row},Questions!$A$2:$X$333,4,0)&\"\"", guidance[qid])
            ws.formula(f"F{row}", f"IFERROR(VLOOKUP($A{row},'Institution Evaluation'!$A${eval_header + 1}:"
                                  f"$F${eval_last},6,0)&\"\",\"\")", H4_ANALYST_NOTES.get(qid, ""))
            if last:
                ws.text(f"G{row}", "End Table Data")

        for ids in H4_ECHOES.get(name, []):
            section(ids[0])
            for i, qid in enumerate(ids):
                common(qid, i == len(ids) - 1)
                lo, hi = (13, 21) if qid.startswith("GNRL") else (23, 27)
                ws.formula(f"C{row}", f"VLOOKUP($A{row},'START HERE'!$A${lo}:$C${hi},3,0)&\"\"", "")
                row += 1
        for block in H4_TABS[name]:
            section(block[0][0])
            for i, (qid, question, list_name, _) in enumerate(block):
                common(qid, i == len(block) - 1)
                ws.blank(f"C{row}", STYLE_UNLOCKED)
                ws.blank(f"D{row}", STYLE_UNLOCKED)
                cells = [text("C"), text("D")]
                if list_name:
                    lists.setdefault(list_name, []).append(f"C{row}")
                    cells[0] = choice("C", H4_LISTS[list_name][1])
                truth.question(name, row, qid, question, cells)
                layout[qid] = (name, row)
                if name == "START HERE":
                    start_rows[qid] = row
                row += 1
        for r in range(row + 1, row + 4):
            ws.hidden_rows.add(r)
            ws.formula(f"A{r}", "#REF!", "#REF!")
            ws.formula(f"C{r}", "#REF!", "#REF!")
        for list_name in ("yn", "yna", "host"):
            if list_name in lists:
                ws.x14_validations.append((" ".join(lists[list_name]), H4_LISTS[list_name][0]))
        truth.sheet(name, True)

    for name in vendor_tabs:
        vendor_tab(name)
    assert [start_rows[q] for q in ("GNRL-01", "GNRL-09", "REQU-01", "REQU-05")] == [13, 21, 23, 27]

    ev = book.sheet("Institution Evaluation")
    ev.text("A1", "Institution Evaluation")
    ev.text("A3", "This sheet is filled in automatically from the vendor tabs.")
    ev.text("A4", "Analysts add notes in column F.")
    ev.text("A6", "Overall score")
    ev.formula("C6", f"SUM(E{eval_header + 1}:E{eval_last})", 0)
    for col, label in zip("ABCDEF", ["Code", "Question", "Answer", "Additional Information", "Score",
                                      "Analyst Notes"]):
        ev.text(f"{col}{eval_header}", label)
    for qid in eval_ids:
        r = eval_row[qid]
        tab, vrow = layout[qid]
        ref = quote_sheet(tab)
        ev.formula(f"A{r}", f"{ref}!$A${vrow}", qid)
        ev.formula(f"B{r}", f"VLOOKUP($A{r},Questions!$A$2:$X$333,2,0)", texts[qid])
        ev.formula(f"C{r}", f"VLOOKUP($A{r},{ref}!$A$13:$D$60,3,0)&\"\"", "")
        ev.formula(f"D{r}", f"VLOOKUP($A{r},{ref}!$A$13:$D$60,4,0)&\"\"", "")
        ev.formula(f"E{r}", f"IF(C{r}=\"Yes\",1,0)", 0)
        if qid in H4_ANALYST_NOTES:
            ev.text(f"F{r}", H4_ANALYST_NOTES[qid])
    truth.sheet("Institution Evaluation", False, "derived")

    hr = book.sheet("High-Risk Evaluation")
    hr.text("A1", "High-Risk Evaluation")
    hr.text("A3", "Answers below are copied from Institution Evaluation for the questions marked high risk.")
    for col, label in zip("ABCD", ["Code", "Question", "Answer", "Risk Note"]):
        hr.text(f"{col}5", label)
    for r, qid in enumerate(["COMP-02", "APPL-03", "AIQU-03", "AIML-05", "PDAT-01", "PDAT-06"], start=6):
        rng = f"'Institution Evaluation'!$A${eval_header + 1}:$F${eval_last}"
        hr.formula(f"A{r}", f"'Institution Evaluation'!$A${eval_row[qid]}", qid)
        hr.formula(f"B{r}", f"VLOOKUP($A{r},{rng},2,0)", texts[qid])
        hr.formula(f"C{r}", f"VLOOKUP($A{r},{rng},3,0)&\"\"", "")
        hr.formula(f"D{r}", f"IF(C{r}=\"\",\"Awaiting answer\",\"\")", "Awaiting answer")
    truth.sheet("High-Risk Evaluation", False, "derived")

    ar = book.sheet("Analyst Reference")
    ar.text("A1", "Analyst Reference")
    ar.text("A2", "What to look for in the vendor's answers to the AI tab.")
    for col, label in zip("ABC", ["Code", "Question", "What to look for"]):
        ar.text(f"{col}4", label)
    for r, qid in enumerate(H4_ANALYST_REFERENCE, start=5):
        ar.formula(f"A{r}", f"Questions!$A${master_row[qid]}", qid)
        ar.formula(f"B{r}", f"VLOOKUP($A{r},Questions!$A$2:$X$333,2,0)", texts[qid])
        ar.formula(f"C{r}", f"VLOOKUP($A{r},Questions!$A$2:$X$333,5,0)", H4_ANALYST_REFERENCE[qid])
    truth.sheet("Analyst Reference", False, "derived")

    qs = book.sheet("Questions", "hidden")
    for col, label in zip("ABCDE", ["ID", "Question", "Tab", "Guidance", "Analyst Reference"]):
        qs.text(f"{col}1", label)
    for tab in vendor_tabs:
        for block in H4_TABS[tab]:
            for qid, question, _, g in block:
                r = master_row[qid]
                qs.text(f"A{r}", qid)
                qs.text(f"B{r}", question)
                qs.text(f"C{r}", tab)
                if g:
                    qs.text(f"D{r}", g)
                if qid in H4_ANALYST_REFERENCE:
                    qs.text(f"E{r}", H4_ANALYST_REFERENCE[qid])
    truth.sheet("Questions", False, "hidden")

    au = book.sheet("Auto Responses", "hidden")
    au.text("J2", "Responses")
    for r, value in enumerate(YES_NO_NA, start=3):
        au.text(f"J{r}", value)
    au.text("J16", "Hosting")
    for r, value in enumerate(HOSTING, start=17):
        au.text(f"J{r}", value)
    au.text("N3", "Prefix")
    au.text("O3", "Section")
    for r, (prefix, title) in enumerate(H4_SECTIONS, start=4):
        au.text(f"N{r}", prefix)
        au.text(f"O{r}", title)
    truth.sheet("Auto Responses", False, "hidden")

    bs = book.sheet("(backend scoring)", "hidden")
    bs.protected = True
    bs.text("A1", "Tab")
    bs.text("B1", "Yes answers")
    bs.text("C1", "Questions")
    for r, tab in enumerate(vendor_tabs, start=2):
        count = sum(len(b) for b in H4_TABS[tab])
        bs.text(f"A{r}", tab)
        bs.formula(f"B{r}", f"COUNTIF({quote_sheet(tab)}!$C$13:$C$60,\"Yes\")", 0)
        bs.number(f"C{r}", count)
    truth.sheet("(backend scoring)", False, "hidden")

    book.save(os.path.join(HERE, "hecvat4.xlsx"))
    truth.save(os.path.join(HERE, "hecvat4.expected.json"))


# --------------------------------------------------------------------------------------------------
# HECVAT 3.x look-alike, completed by a vendor

H3_VENDOR = "HECVAT - Full | Vendor Response"
H3_LISTS = {"yes": YES_NO, "hosting": ["Vendor-hosted", "Third-party cloud", "Institution-hosted", "Hybrid"]}
# rows 3-8, C:E merged: (id, question, answer, number?, list)
H3_GENERAL = [
    ("DATE-01", "Date the assessment was completed", 45390, None),
    ("GNRL-01", "Vendor name", "Northwind Learning Systems Ltd", None),
    ("GNRL-02", "Product name and version", "ClassNote 4.2", None),
    ("GNRL-03", "Name of the person completing this assessment", "Jordan Reyes", None),
    ("GNRL-04", "Email address of the person completing this assessment", "security@northwind.example", None),
    ("GNRL-05", "Have you completed an assessment like this for another institution?", "Yes", "yes"),
]
# sections: (title, [(id, question, answer C, additional info D or None, merge C:D, list, guidance if No)])
H3_SECTIONS = [
    ("Company Overview", [
        ("COMP-01", "Describe your organization\u2019s business background and ownership.",
         "Privately held since 2012; we build education software only.", None, True, None, None),
        ("COMP-02", "Have you had a data breach in the last three years?", "No", None, False, "yes", None),
        ("COMP-03", "Do you have a dedicated information security staff?", "Yes",
         "A team of four reporting to the CTO.", False, "yes", None),
        ("COMP-04", "Share any other information about your security program that the institution should know.",
         "We publish a yearly security report.", None, True, None, None)]),
    ("Documentation", [
        ("DOCU-01", "Do you have a well-documented business continuity plan?", "Yes", "Tested every spring.",
         False, "yes", None),
        ("DOCU-02", "Do you have a documented incident response plan?", "Yes", None, False, "yes", None),
        ("DOCU-03", "Can you provide your most recent third-party security assessment report?", "No",
         "Available under a non-disclosure agreement.", False, "yes",
         "If No, explain how the institution can verify your controls."),
        ("DOCU-04", "Provide a list of the subprocessors that handle institutional data.",
         "See the subprocessor page on our website.", None, True, None, None)]),
    ("Application Security", [
        ("APPL-01", "Are access controls for institutional accounts based on roles?", "Yes", None, False, "yes",
         None),
        ("APPL-02", "Are you using a web application firewall?", "No", "Rate limiting at the load balancer.",
         False, "yes", "If No, describe compensating controls in Additional Information."),
        ("APPL-03", "Do you scan the application for vulnerabilities before each release?", "Yes", None, False,
         "yes", None),
        ("APPL-04", "Which hosting model does the product use?", "Vendor-hosted", None, False, "hosting",
         None)]),
    ("Data", [
        ("DATA-01", "Is institutional data encrypted at rest?", "Yes", None, False, "yes", None),
        ("DATA-02", "Is institutional data encrypted in transit?", "Yes", "TLS 1.2 or later.", False, "yes", None),
        ("DATA-03", "Will institutional data be stored outside the country?", "No", None, False, "yes", None),
        ("DATA-04", "Describe how institutional data is returned or destroyed at the end of the contract.",
         "Exported on request, then deleted within 30 days.", None, True, None, None)]),
    ("Third Parties", [
        ("THRD-01", "Do you assess the security of your own vendors before contracting?", "Yes", None, False,
         "yes", None),
        ("THRD-02", "Are your vendors contractually required to notify you of breaches?", "Yes", None, False,
         "yes", None),
        # The master text carries a trailing space, as some real cells do; the truth is trimmed.
        ("THRD-03", "Do any vendors have access to institutional data? ", "No", None, False, "yes", None)]),
]
H3_REPORT_HEADER = 5  # Analyst Report: header on row 5, then row r shows vendor row r + 4


def hecvat3():
    book, truth = Book(), Truth()
    book.defined_names = [("hosting", "Values!$A$8:$A$11"), ("yes", "Values!$A$4:$A$5")]
    vendor_ref = quote_sheet(H3_VENDOR)
    all_questions = [(q[0], q[1]) for q in H3_GENERAL] + [(q[0], q[1]) for _, qs in H3_SECTIONS for q in qs]
    master_row = {qid: i + 3 for i, (qid, _) in enumerate(all_questions)}

    cover = book.sheet("Cover")
    cover.protected = True
    cover.text("A1", "Vendor Security Assessment - Full (synthetic look-alike of a community toolkit, version 3)",
               STYLE_WRAP)
    cover.merges.append("A1:L40")
    truth.sheet("Cover", False, "cover")

    intro = book.sheet("Introduction")
    intro.protected = True
    for r, line in enumerate([
            "Introduction",
            "",
            "This assessment helps institutions understand how a vendor protects their data.",
            "It is meant to be completed once and shared with many institutions.",
            "Why complete it? It saves time for vendors and institutions alike.",
            "The answers are reviewed by the institution's security office."], start=1):
        if line:
            intro.text(f"A{r}", line, STYLE_WRAP)
            intro.merges.append(f"A{r}:H{r}")
    truth.sheet("Introduction", False, "instructions")

    instr = book.sheet("Instructions")
    instr.protected = True
    for r, line in enumerate([
            "Instructions",
            "",
            "1. Complete the general information at the top of the vendor response tab.",
            "2. Please answer every question in column C using the dropdown where one is offered.",
            "3. Use Additional Information for detail, links or references to attached documents.",
            "4. Guidance appears in column E when an answer needs more explanation.",
            "Questions about this form? Contact the security office of the requesting institution."], start=1):
        if line:
            instr.text(f"A{r}", line, STYLE_WRAP)
    truth.sheet("Instructions", False, "instructions")

    ws = book.sheet(H3_VENDOR)
    ws.protected = True
    ws.cols = [(1, 1, 12, False), (2, 2, 70, False), (3, 3, 20, False), (4, 6, 36, False)]
    ws.text("A1", "Vendor Security Assessment - Full | Vendor Response")
    ws.merges.append("A1:F1")
    lists = {"yes": [], "hosting": []}
    report_rows = {}  # vendor row -> (A, B, C, D) values the report caches
    for r, (qid, question, answer, list_name) in enumerate(H3_GENERAL, start=3):
        ws.text(f"A{r}", qid)
        ws.formula(f"B{r}", f"VLOOKUP(A{r},Questions!$B$3:$C$256,2,FALSE)", question)
        if isinstance(answer, int):
            ws.number(f"C{r}", answer, STYLE_DATE)
        else:
            ws.text(f"C{r}", answer)
        ws.merges.append(f"C{r}:E{r}")
        if list_name:
            lists[list_name].append(f"C{r}")
            truth.question(H3_VENDOR, r, qid, question, [choice("C", H3_LISTS[list_name])])
        else:
            truth.question(H3_VENDOR, r, qid, question, [text("C")])
    r = 10
    first_section = r
    for title, questions in H3_SECTIONS:
        ws.text(f"A{r}", title)
        ws.merges.append(f"A{r}:B{r}")
        for col, label in zip("CDEF", ["Vendor Answers", "Additional Information", "Guidance", "Analyst Notes"]):
            ws.text(f"{col}{r}", label)
        report_rows[r] = (title, 0, "Vendor Answers", "Additional Information")
        r += 1
        for qid, question, answer, extra, merged, list_name, if_no in questions:
            ws.text(f"A{r}", qid)
            ws.formula(f"B{r}", f"VLOOKUP(A{r},Questions!$B$3:$C$256,2,FALSE)", question)
            ws.text(f"C{r}", answer)
            if extra:
                ws.text(f"D{r}", extra)
            guidance = if_no if (if_no and answer == "No") else "No Guidance"
            ws.formula(f"E{r}", f"IF(C{r}=\"No\",VLOOKUP(A{r},Questions!$B$3:$D$256,3,FALSE),\"No Guidance\")",
                       guidance)
            ws.formula(f"F{r}", f"IFERROR(VLOOKUP(A{r},'Analyst Report'!$A${H3_REPORT_HEADER + 1}:$F$60,5,FALSE),\"\")",
                       "")
            if merged:
                ws.merges.append(f"C{r}:D{r}")
                cells = [text("C")]
            else:
                cells = [text("D")]
                cells.insert(0, choice("C", H3_LISTS[list_name]) if list_name else text("C"))
            if list_name:
                lists[list_name].append(f"C{r}")
            truth.question(H3_VENDOR, r, qid, question, cells)
            report_rows[r] = (qid, question, answer, extra if extra else 0)
            r += 1
    last_vendor_row = r - 1
    # Grey out the Additional Information of a question when the one above it is answered No.
    for row in (12, 18, 22, 28):
        ws.conditional.append((f"B{row + 1}:F{row + 1}", f"$C${row}=\"No\""))
    ws.validations = [(" ".join(lists["yes"]), "yes"), (" ".join(lists["hosting"]), "hosting")]
    truth.sheet(H3_VENDOR, True)

    rep = book.sheet("Analyst Report")
    rep.protected = True
    rep.text("A1", "Analyst Report")
    rep.text("A2", "Vendor")
    rep.formula("B2", f"{vendor_ref}!C4", H3_GENERAL[1][2])
    rep.text("A3", "Product")
    rep.formula("B3", f"{vendor_ref}!C5", H3_GENERAL[2][2])
    for col, label in zip("ABCDEF", ["ID", "Question", "Vendor Answer", "Additional Information",
                                      "Analyst Notes", "Score"]):
        rep.text(f"{col}{H3_REPORT_HEADER}", label)
    for vrow in range(first_section, last_vendor_row + 1):
        rrow = vrow - 4
        values = report_rows[vrow]
        for col, value in zip("ABCD", values):
            rep.formula(f"{col}{rrow}", f"{vendor_ref}!{col}{vrow}", value)
        if isinstance(values[1], str):
            rep.formula(f"F{rrow}", f"IF(C{rrow}=\"Yes\",1,0)", 1 if values[2] == "Yes" else 0)
    truth.sheet("Analyst Report", False, "derived")

    summ = book.sheet("Summary Report")
    summ.protected = True
    summ.text("A1", "Summary Report")
    for col, label in zip("ABCD", ["Section", "Yes", "No", "Score"]):
        summ.text(f"{col}3", label)
    r = first_section
    for srow, (title, questions) in enumerate(H3_SECTIONS, start=4):
        lo, hi = r + 1, r + len(questions)
        yes = sum(1 for q in questions if q[2] == "Yes")
        no = sum(1 for q in questions if q[2] == "No")
        summ.text(f"A{srow}", title)
        summ.formula(f"B{srow}", f"COUNTIF({vendor_ref}!$C${lo}:$C${hi},\"Yes\")", yes)
        summ.formula(f"C{srow}", f"COUNTIF({vendor_ref}!$C${lo}:$C${hi},\"No\")", no)
        summ.formula(f"D{srow}", f"IFERROR(B{srow}/(B{srow}+C{srow}),0)", round(yes / (yes + no), 6) if yes + no else 0)
        r = hi + 1
    truth.sheet("Summary Report", False, "derived")

    qs = book.sheet("Questions", "hidden")
    qs.text("B1", "Question master list")
    qs.text("B2", "ID")
    qs.text("C2", "Question")
    qs.text("D2", "Guidance")
    if_no = {q[0]: q[6] for _, questions in H3_SECTIONS for q in questions}
    for qid, question in all_questions:
        qs.text(f"B{master_row[qid]}", qid)
        qs.text(f"C{master_row[qid]}", question)
        if qid in if_no:
            qs.text(f"D{master_row[qid]}", if_no[qid] or "No Guidance")
    truth.sheet("Questions", False, "hidden")

    vals = book.sheet("Values", "hidden")
    vals.text("A1", "Lists")
    vals.text("A3", "Yes/No")
    vals.text("A4", "Yes")
    vals.text("A5", "No")
    vals.text("A7", "Hosting")
    for i, value in enumerate(H3_LISTS["hosting"], start=8):
        vals.text(f"A{i}", value)
    truth.sheet("Values", False, "hidden")

    cw = book.sheet("Standards Crosswalk")
    cw.protected = True
    for col, label in zip("ABCD", ["ID", "Question", "Framework A", "Framework B"]):
        cw.text(f"{col}2", label)
    cw.text("A1", "Standards Crosswalk")
    crow = 3
    for vrow in range(first_section, last_vendor_row + 1):
        qid, question = report_rows[vrow][0], report_rows[vrow][1]
        if question == 0:
            continue
        cw.formula(f"A{crow}", f"{vendor_ref}!A{vrow}", qid)
        cw.formula(f"B{crow}", f"{vendor_ref}!B{vrow}", question)
        cw.text(f"C{crow}", f"FA-{crow - 2}.1")
        cw.text(f"D{crow}", f"FB {(crow % 7) + 1}.{crow}")
        crow += 1
    truth.sheet("Standards Crosswalk", False, "derived")

    log = book.sheet("ChangeLog")
    log.protected = True
    log.text("A1", "Change Log")
    for col, label in zip("ABC", ["Version", "Date", "Change"]):
        log.text(f"{col}2", label)
    for r, (version, date, change) in enumerate([
            ("3.00", 44197, "First release of the three-part layout."),
            ("3.01", 44256, "Fixed the lookup range of the Analyst Report."),
            ("3.02", 44378, "Added question DATA-04 on returning data at the end of a contract."),
            ("3.03", 44562, "Reworded APPL-01 and greyed out dependent rows when the answer is No."),
            ("3.04", 44743, "Added the Standards Crosswalk sheet.")], start=3):
        log.text(f"A{r}", version)
        log.number(f"B{r}", date, STYLE_DATE)
        log.text(f"C{r}", change)
    truth.sheet("ChangeLog", False, "changelog")

    book.save(os.path.join(HERE, "hecvat3.xlsx"))
    truth.save(os.path.join(HERE, "hecvat3.expected.json"))


# --------------------------------------------------------------------------------------------------
# VSA-style: tabs whose only header label is "Answer"

BANNER = "CONFIDENTIAL: for use by the requesting organization and the vendor only. Do not distribute."


def vsa():
    book, truth = Book(shared_strings=False), Truth()  # inline strings only: no sharedStrings part

    cover = book.sheet("Cover")
    cover.text("A1", "Vendor Security Assessment (synthetic look-alike)", STYLE_WRAP)
    cover.merges.append("A1:F20")
    truth.sheet("Cover", False, "cover")

    intro = book.sheet("Introduction")
    for r, line in enumerate([
            "Introduction",
            "This questionnaire helps us understand how you protect the data we share with you.",
            "Please answer every question on the three question tabs.",
            "Questions? Write to the procurement contact named in the request."], start=1):
        intro.text(f"A{r}", line, STYLE_WRAP)
    truth.sheet("Introduction", False, "instructions")

    def tab(name, header, width, rows):
        """rows: (row, cells by column letter, kind) with kind 'q', 'follow', 'please' or None."""
        ws = book.sheet(name)
        last = col_letter(width)
        ws.text("A1", BANNER)
        ws.merges.append(f"A1:{last}2")
        for ref, label in header:
            ws.text(ref, label)
        parent = None
        question_col = col_letter(width - 1)
        for r, cells, kind in rows:
            for col, value in cells.items():
                if isinstance(value, int):
                    ws.number(f"{col}{r}", value)
                else:
                    ws.text(f"{col}{r}", value)
            if kind == "q":
                parent = r
                truth.question(name, r, None, cells[question_col], [text(last)])
            elif kind == "follow":
                truth.question(name, r, None, cells[question_col], [text(last)], parent_row=parent)
        truth.sheet(name, True)

    tab("Governance", [("C3", "Answer")], 3, [
        (4, {"A": "Security Program"}, None),
        (5, {"B": "Do you have a written information security program?"}, "q"),
        (6, {"B": "- If so, how often is it reviewed and by whom?"}, "follow"),
        (7, {"B": "Is a named executive accountable for information security?"}, "q"),
        (8, {"B": "Please attach an organization chart of the security team to your reply email."}, "please"),
        (9, {"A": "Risk Management"}, None),
        (10, {"B": "Do you perform a formal risk assessment every year?"}, "q"),
        (11, {"B": "- If so, describe the method used."}, "follow"),
        (12, {"B": "Do you keep a register of identified risks?"}, "q"),
        (13, {"B": "Have you had a security incident that required notifying customers in the last two years?"},
         "q"),
        (14, {"B": "- If so, summarize what happened and what changed afterwards."}, "follow"),
    ])
    tab("Data Protection", [("A3", "Sub-Group"), ("B3", "Question"), ("C3", "Answer")], 3, [
        (4, {"A": "Data Handling"}, None),
        (5, {"B": "Do you classify customer data by sensitivity?"}, "q"),
        (6, {"B": "Is customer data encrypted when stored?"}, "q"),
        (7, {"B": "- If so, which encryption standard is used?"}, "follow"),
        (8, {"B": "Please read the Definitions tab before answering this section."}, "please"),
        (9, {"A": "Retention"}, None),
        (10, {"B": "Do you have a documented data retention schedule?"}, "q"),
        (11, {"B": "Can customer data be deleted on request before the end of the contract?"}, "q"),
        (12, {"B": "How long are backups kept?"}, "q"),
    ])
    tab("Technical Controls", [("C3", "Question"), ("D4", "Answer")], 4, [
        (5, {"A": 1, "B": "a", "C": "Is multi-factor authentication required for administrative access?"}, "q"),
        (6, {"B": "b", "C": "Are passwords stored using a salted one-way hash?"}, "q"),
        (7, {"A": 2, "B": "a", "C": "Do you scan your external network for vulnerabilities at least monthly?"}, "q"),
        (8, {"B": "b", "C": "Are critical vulnerabilities fixed within a defined time?"}, "q"),
        (9, {"C": "- If so, state the time allowed for critical fixes."}, "follow"),
        (10, {"A": 3, "B": "a", "C": "Are system logs collected in a central location?"}, "q"),
        (11, {"B": "b", "C": "Are logs reviewed for security events?"}, "q"),
        (12, {"C": "Please continue to the Definitions tab when this tab is complete."}, "please"),
    ])

    defs = book.sheet("Definitions")
    defs.text("A1", "Term")
    defs.text("B1", "Definition")
    for r, (term, meaning) in enumerate([
            ("Customer data", "Any information the customer gives the vendor or that the vendor creates for it."),
            ("Incident", "An event that puts the confidentiality, integrity or availability of customer data at risk."),
            ("Subprocessor", "A third party that processes customer data on the vendor's behalf.")], start=2):
        defs.text(f"A{r}", term)
        defs.text(f"B{r}", meaning)
    truth.sheet("Definitions", False, "definitions")

    legal = book.sheet("Legal")
    for r, line in enumerate([
            "Legal Terms",
            "Answers given in this questionnaire may be relied on by the requesting organization.",
            "The vendor confirms that the answers are accurate on the date of submission.",
            "Nothing in this questionnaire changes the terms of any contract between the parties."], start=1):
        legal.text(f"A{r}", line, STYLE_WRAP)
    truth.sheet("Legal", False, "legal")

    book.save(os.path.join(HERE, "vsa.xlsx"))
    truth.save(os.path.join(HERE, "vsa.expected.json"))


# --------------------------------------------------------------------------------------------------
# SIG Core style: one long sheet

SIG_HEADER = ["Section Heading", "Control Heading", "Control Text", "Control Comment", "Question Identifier",
              "Question Original Identifier", "Question Text", "Question Answer", "Question Comment"]
SIG_CONTROLS = [
    ("Enterprise Risk Management", "Risk Assessment Program", [
        "Is there a documented risk management program approved by management?",
        "Are risk assessments performed at least once a year?",
        "Does the risk assessment cover all business units that handle client data?",
        "Are identified risks recorded in a risk register with an owner?",
        "Is there a defined process for accepting residual risk?",
        "Are risk treatment plans tracked to completion?",
        "Is senior management informed of significant risks at least quarterly?",
        "Are third-party risks included in the risk assessment?"]),
    ("Enterprise Risk Management", "Risk Governance", [
        "Is there a committee responsible for overseeing risk management?",
        "Does the risk committee keep minutes of its meetings?",
        "Are risk management roles and responsibilities documented?",
        "Is the risk management program reviewed by internal audit?",
        "Are risk appetite statements defined and approved?",
        "Are key risk indicators monitored and reported?",
        "Is there a process to escalate risks that exceed the risk appetite?",
        "Does the board receive a risk report at least once a year?"]),
    ("Security Policy", "Policy Management", [
        "Is there an information security policy approved by management?",
        "Is the information security policy communicated to all employees?",
        "Are policies reviewed at least once a year?",
        "Is there an exception process for deviations from policy?",
        "Are policy exceptions approved and tracked with an expiry date?",
        "Are contractors required to follow the information security policy?",
        "Is there a named owner for each security policy?",
        "Are changes to policies recorded with a version history?"]),
    ("Asset Management", "Asset Inventory", [
        "Is there an inventory of hardware assets that process client data?",
        "Is there an inventory of software installed on company systems?",
        "Does every asset in the inventory have an assigned owner?",
        "Is the asset inventory reconciled at least twice a year?",
        "Are assets classified by the sensitivity of the data they hold?",
        "Is removable media controlled by policy?",
        "Are assets returned when employment ends?",
        "Is there a process to securely dispose of retired equipment?"]),
    ("Access Control", "User Access Management", [
        "Are unique user IDs required for every user?",
        "Is access granted according to the principle of least privilege?",
        "Are user access rights reviewed at least quarterly?",
        "Are privileged accounts restricted to authorized staff?",
        "Is multi-factor authentication required for remote access?",
        "Are inactive accounts disabled after a defined period?",
        "Are shared accounts prohibited or strictly controlled?",
        "Are access logs retained for at least one year?"]),
]


def sig_core():
    book, truth = Book(), Truth()
    ws = book.sheet("SIG Core")
    ws.dimension = "A1:I2"  # too small, as in some real files
    for col, label in zip("ABCDEFGHI", SIG_HEADER):
        ws.text(f"{col}1", label)
    r = 2
    section_numbers = {}
    control_count = {}
    for section, control, questions in SIG_CONTROLS:
        s = section_numbers.setdefault(section, len(section_numbers) + 1)
        c = control_count[section] = control_count.get(section, 0) + 1
        letter = chr(64 + s)
        for q, question in enumerate(questions, start=1):
            qid = f"{s}.{c}.{q}"
            ws.text(f"A{r}", f"{letter}. {section}")
            ws.text(f"B{r}", control)
            ws.text(f"E{r}", qid)
            ws.text(f"F{r}", f"{letter}.{c}.{q}")
            ws.text(f"G{r}", question)
            truth.question("SIG Core", r, qid, question, [text("H"), text("I")])
            r += 1
    truth.sheet("SIG Core", True)
    book.save(os.path.join(HERE, "sig-core.xlsx"))
    truth.save(os.path.join(HERE, "sig-core.expected.json"))


# --------------------------------------------------------------------------------------------------
# ciso-assistant questionnaire library, in Spanish

CISO_CODES = {"RESP01": ("unique_choice", ["Si", "No", "Parcial", "N/A"]),
              "RESP02": ("unique_choice", ["Si", "No"]),
              "TEXTO": ("text", None)}
# (depth, ref_id, name, question, answer code)
CISO_ROWS = [
    (1, "GOB", "Gobierno de la seguridad", None, None),
    (2, None, "Políticas", None, None),
    (3, "GOB-01", None, "¿Dispone la organización de una política de seguridad de la información aprobada por la "
                        "dirección?", "RESP01"),
    (3, "GOB-02", None, "¿Se revisa la política de seguridad al menos una vez al año?", "RESP01"),
    (3, "GOB-03", None, "Indique el nombre y el cargo del responsable de seguridad.", "TEXTO"),
    (2, None, "Organización", None, None),
    (3, "GOB-04", None, "¿Existe un comité que supervise los riesgos de seguridad?", "RESP01"),
    (3, "GOB-05", None, "En caso afirmativo, indique con qué frecuencia se reúne el comité.", "TEXTO"),
    (1, "CAD", "Cadena de suministro", None, None),
    (2, None, "Proveedores", None, None),
    (3, "CAD-01", None, "¿Evalúa la seguridad de sus proveedores antes de contratarlos?", "RESP01"),
    (3, "CAD-02", None, "¿Incluyen los contratos con proveedores cláusulas de seguridad y confidencialidad?",
     "RESP01"),
    (3, "CAD-03", None, "¿Mantiene un inventario actualizado de proveedores críticos?", "RESP02"),
    (3, "CAD-04", None, "Describa el proceso para dar de baja a un proveedor.", "TEXTO"),
    (2, None, "Componentes de software", None, None),
    (3, "CAD-05", None, "¿Mantiene una lista de componentes de software (SBOM) de sus productos?", "RESP01"),
    (3, "CAD-06", None, "¿Verifica la integridad de los componentes de terceros antes de usarlos?", "RESP01"),
    (1, "CON", "Continuidad y respuesta", None, None),
    (2, None, "Incidentes", None, None),
    (3, "CON-01", None, "¿Dispone de un procedimiento de gestión de incidentes de seguridad?", "RESP01"),
    (3, "CON-02", None, "¿Notifica a sus clientes los incidentes que les afectan en un plazo definido?", "RESP01"),
    (3, "CON-03", None, "Describa cómo se comunican los incidentes a los clientes.", "TEXTO"),
    (2, None, "Continuidad", None, None),
    (3, "CON-04", None, "¿Se prueba el plan de continuidad de negocio al menos una vez al año?", "RESP01"),
]
# The answer goes in H, the first column past the header: G holds the answer-type code (see README.md).
CISO_ANSWER_COLUMN = "H"


def ciso_assistant_es():
    book, truth = Book(), Truth()
    lib = book.sheet("library_content")
    for r, values in enumerate([
            ("library_urn", "urn:example:risk:library:cuestionario-cadena-suministro-sintetico"),
            ("library_version", "1"),
            ("library_locale", "es"),
            ("library_ref_id", "CUEST-CS"),
            ("library_name", "Cuestionario de cadena de suministro (sintético)"),
            ("library_description", "Cuestionario de ejemplo para pruebas; redacción propia."),
            ("library_copyright", "Texto sintético sin derechos reservados"),
            ("library_provider", "Ejemplo"),
            ("library_packager", "pruebas"),
            ("framework_urn", "urn:example:risk:framework:cuestionario-cadena-suministro-sintetico"),
            ("framework_ref_id", "CUEST-CS"),
            ("framework_name", "Cuestionario de cadena de suministro (sintético)"),
            ("tab", "preguntas", "requirements"),
            ("tab", "answers", "answers")], start=1):
        for col, value in zip("ABC", values):
            lib.text(f"{col}{r}", value)
    truth.sheet("library_content", False, "library-metadata")

    ws = book.sheet("preguntas")
    for col, label in zip("ABCDEFG", ["assessable", "depth", "ref_id", "name", "description", "questions",
                                       "answer"]):
        ws.text(f"{col}1", label)
    for r, (depth, ref_id, name, question, code) in enumerate(CISO_ROWS, start=2):
        ws.number(f"B{r}", depth)
        if ref_id:
            ws.text(f"C{r}", ref_id)
        if name:
            ws.text(f"D{r}", name)
        if question:
            ws.text(f"A{r}", "x")
            ws.text(f"F{r}", question)
            ws.text(f"G{r}", code)
            kind, allowed = CISO_CODES[code]
            cell = choice(CISO_ANSWER_COLUMN, allowed) if allowed else text(CISO_ANSWER_COLUMN)
            truth.question("preguntas", r, ref_id, question, [cell])
    truth.sheet("preguntas", True)

    ans = book.sheet("answers")
    for col, label in zip("ABC", ["id", "question_type", "question_choices"]):
        ans.text(f"{col}1", label)
    for r, (code, (kind, allowed)) in enumerate(CISO_CODES.items(), start=2):
        ans.text(f"A{r}", code)
        ans.text(f"B{r}", kind)
        if allowed:
            ans.text(f"C{r}", "\n".join(allowed), STYLE_WRAP)
    truth.sheet("answers", False, "answer-types")

    book.save(os.path.join(HERE, "ciso-assistant-es.xlsx"))
    truth.save(os.path.join(HERE, "ciso-assistant-es.expected.json"))


# --------------------------------------------------------------------------------------------------
# Plain free-text answers: an xlsx without dropdowns and a CSV

def plain_text_answers():
    book, truth = Book(shared_strings=False), Truth()
    ws = book.sheet("Security Questions")
    for col, label in zip("ABC", ["ID", "Question", "Answer"]):
        ws.text(f"{col}1", label)
    for r, (qid, question) in enumerate([
            ("PT-01", "Do you encrypt customer data at rest?"),
            ("PT-02", "Which cloud provider hosts the service?"),
            ("PT-03", "Provide a copy of your incident response plan."),
            ("PT-04", "Describe how you test that backups can be restored."),
            ("PT-05", "Is security training mandatory for new staff?")], start=2):
        ws.text(f"A{r}", qid)
        ws.text(f"B{r}", question)
        truth.question("Security Questions", r, qid, question, [text("C")])
    truth.sheet("Security Questions", True)
    book.save(os.path.join(HERE, "plain-text-answers.xlsx"))
    truth.save(os.path.join(HERE, "plain-text-answers.expected.json"))


def plain_response_csv():
    truth = Truth()
    questions = [
        "Do you have a documented information security policy?",
        "Describe how customer data is separated between tenants, including any shared components.",
        "Is single sign-on supported?",
        "Provide the date of your most recent penetration test.",
    ]
    lines = ["Question,Response"]
    for r, question in enumerate(questions, start=2):
        field = '"' + question.replace('"', '""') + '"' if ("," in question or '"' in question) else question
        lines.append(field + ",")
        truth.question("plain-response", r, None, question, [text("B")])
    truth.sheet("plain-response", True)
    with open(os.path.join(HERE, "plain-response.csv"), "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))  # with a BOM, as Excel's "CSV UTF-8" writes
    truth.save(os.path.join(HERE, "plain-response.expected.json"))


if __name__ == "__main__":
    hecvat4()
    hecvat3()
    vsa()
    sig_core()
    ciso_assistant_es()
    plain_text_answers()
    plain_response_csv()
