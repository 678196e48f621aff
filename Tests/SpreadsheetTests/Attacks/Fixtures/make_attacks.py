#!/usr/bin/env python3
"""Writes the hostile-input fixtures beside this script. Run: python3 make_attacks.py

Each file is one attack on the spreadsheet readers (see SECURITY.md for the table). Files stay small:
the ZIP bomb is the only one above a few kilobytes, because deflate cannot compress better than about
1000:1 and the bomb must inflate past the 256 MiB part cap. Attacks that need a path known only at
test time (XXE pointing at a temporary file) and the 100 MB CSV field are built by the tests.
Output is deterministic: fixed timestamps, fixed order, no randomness.
"""
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
PART_CAP = 256 << 20  # ReadLimits.maxPartBytes


def out(name):
    return os.path.join(HERE, name)


def write_bytes(name, data):
    with open(out(name), "wb") as handle:
        handle.write(data)


def write_zip(name, entries):
    """entries: list of (arcname, bytes or str), deflated, in order, with a fixed timestamp."""
    with zipfile.ZipFile(out(name), "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, content in entries:
            info = zipfile.ZipInfo(arcname, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)


def worksheet(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheetData>{body}</sheetData></worksheet>')


def package(sheet_xml, sheet_name="Attack", shared_strings=None, workbook=None, extra=()):
    """The entries of a minimal one-sheet SpreadsheetML package."""
    content_types = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/></Types>')
    package_rels = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG_REL_NS}">'
                    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    if workbook is None:
        workbook = (f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
                    f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
    if shared_strings is not None:
        rels += f'<Relationship Id="rId2" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
    workbook_rels = f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>'
    entries = [("[Content_Types].xml", content_types), ("_rels/.rels", package_rels),
               ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
               ("xl/worksheets/sheet1.xml", sheet_xml)]
    if shared_strings is not None:
        entries.append(("xl/sharedStrings.xml", shared_strings))
    return entries + list(extra)


def good_package():
    return package(worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c>'
                             '<c r="B1" t="inlineStr"><is><t>Question</t></is></c></row>'
                             + "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c><c r="B{i}" t="inlineStr">'
                                       f'<is><t>Do you keep an AI system inventory, item {i}?</t></is></c></row>'
                                       for i in range(2, 40))))


# --- XML: entity expansion and external DTDs -------------------------------------------------------

BOMB_DTD = ('<!DOCTYPE worksheet [<!ENTITY l0 "lol">'
            + "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10)) + "]>")
BOMB_BODY = f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>'
PLAIN_BODY = f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row></sheetData></worksheet>'


def make_xml_attacks():
    # Billion laughs in the shared strings (doctype_bomb.xlsx already covers a worksheet).
    sst = (f'<?xml version="1.0" encoding="UTF-8"?>\n{BOMB_DTD}\n<sst xmlns="{MAIN_NS}" count="1"><si><t>&l9;</t></si></sst>')
    write_zip("billion_laughs_shared_strings.xlsx",
              package(worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared_strings=sst))
    # The DOCTYPE hidden behind a comment holding "<", which ends a naive prolog scan early.
    write_zip("billion_laughs_after_comment.xlsx",
              package(f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- <row> -->\n{BOMB_DTD}\n{BOMB_BODY}'))
    # The same bomb encoded as UTF-16, which a byte scan for "<!DOCTYPE" does not see.
    write_zip("billion_laughs_utf16.xlsx",
              package(b"\xff\xfe" + f'<?xml version="1.0" encoding="UTF-16"?>\n{BOMB_DTD}\n{BOMB_BODY}'.encode("utf-16-le")))
    # An external DTD, in the workbook part and in the package relationships.
    external = '<!DOCTYPE workbook SYSTEM "file:///etc/passwd">'
    write_zip("external_dtd.xlsx", package(
        worksheet(""), workbook=(f'<?xml version="1.0" encoding="UTF-8"?>\n{external}\n<workbook xmlns="{MAIN_NS}" '
                                 f'xmlns:r="{REL_NS}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>')))
    rels_entries = package(worksheet(""))
    rels_entries[1] = ("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Relationships SYSTEM '
                                      f'"http://127.0.0.1:9/evil.dtd">\n<Relationships xmlns="{PKG_REL_NS}"/>')
    write_zip("external_dtd_in_rels.xlsx", rels_entries)


# --- ZIP container attacks -------------------------------------------------------------------------

def make_zip_bomb():
    """A sheet part of spaces that inflates past the part cap: about 260 KB on disk, stored last."""
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN_NS}">'.encode()
    size = PART_CAP + (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunks = [compressor.compress(head)]
    block = b" " * (1 << 20)
    crc = zlib.crc32(head)
    remaining = size - len(head)
    while remaining > 0:
        piece = block[:min(len(block), remaining)]
        chunks.append(compressor.compress(piece))
        crc = zlib.crc32(piece, crc)
        remaining -= len(piece)
    chunks.append(compressor.flush())
    deflated = b"".join(chunks)
    entries = [(name, content.encode()) for name, content in package(worksheet(""))[:4]]
    # The headers declare the real size; the test patches a copy whose headers lie.
    write_bytes("zip_bomb.xlsx", raw_zip(entries + [("xl/worksheets/sheet1.xml", deflated, crc, size)]))


def raw_zip(entries):
    """A ZIP from (name, data) stored parts and (name, deflated, crc, declared size) deflated parts."""
    body = b""
    central = b""
    dos_time, dos_date = 0, (2024 - 1980) << 9 | 1 << 5 | 1
    for entry in entries:
        if len(entry) == 2:
            name, data = entry
            payload, crc, size, method = data, zlib.crc32(data), len(data), 0
        else:
            name, payload, crc, size = entry
            method = 8
        encoded = name.encode()
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, dos_time, dos_date, crc, len(payload), size,
                            len(encoded), 0)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, dos_time, dos_date, crc, len(payload),
                               size, len(encoded), 0, 0, 0, 0, 0, len(body)) + encoded
        body += local + encoded + payload
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    return body + central + end


def make_entry_names():
    base = [(name, content) for name, content in package(worksheet(""))]
    write_zip("entry_absolute.xlsx", base + [("/tmp/responder-attack-escape.xml", "<x/>")])
    write_zip("entry_backslash.xlsx", base + [("..\\responder-attack-escape.xml", "<x/>")])
    write_zip("entry_nested_dotdot.xlsx", base + [("xl/../../responder-attack-escape.xml", "<x/>")])


def make_truncated():
    write_zip("good.xlsx", good_package())
    with open(out("good.xlsx"), "rb") as handle:
        data = handle.read()
    central = data.find(b"PK\x01\x02")
    # Cut half-way through the central directory: there is no end-of-central-directory record.
    write_bytes("truncated_central_directory.xlsx", data[:central + (len(data) - central) // 2])
    # Cut inside the worksheet's compressed data: the central directory is gone too.
    sheet = data.find(b"xl/worksheets/sheet1.xml")
    write_bytes("truncated_local_entry.xlsx", data[:sheet + 200])
    # Keep the directory but zero the second half of the worksheet's compressed data.
    compressed = struct.unpack("<I", data[sheet - 12:sheet - 8])[0]
    start = sheet + len("xl/worksheets/sheet1.xml")
    damaged = bytearray(data)
    damaged[start + compressed // 2:start + compressed] = bytes(compressed - compressed // 2)
    write_bytes("damaged_entry.xlsx", bytes(damaged))


# --- OLE compound files ----------------------------------------------------------------------------

def compound_file(stream_names):
    """A minimal, structurally valid Compound File Binary (MS-CFB v3) whose root storage holds empty
    streams with these names: header, one FAT sector, one directory sector."""
    end_of_chain, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = (bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    fat = struct.pack("<II", fat_sector, end_of_chain) + struct.pack("<I", free) * 126

    def entry(name, kind, child=free, right=free):
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, right, child) + bytes(16 + 4 + 8 + 8)
                + struct.pack("<IQ", end_of_chain, 0))

    # Siblings chained to the right: a degenerate but valid red-black tree, all nodes black.
    entries = [entry("Root Entry", 5, child=1)]
    for index, name in enumerate(stream_names, start=1):
        entries.append(entry(name, 2, right=index + 1 if index < len(stream_names) else free))
    directory = b"".join(entries)
    directory += (entry("", 0)) * (4 - len(entries))
    return header + fat + directory


def make_ole():
    write_bytes("encrypted_agile.xlsx", compound_file(["EncryptionInfo", "EncryptedPackage"]))
    write_bytes("legacy_renamed.xlsx", compound_file(["Workbook"]))


# --- Worksheet content -----------------------------------------------------------------------------

def make_cells():
    write_zip("million_cells_row.xlsx", package(worksheet('<row r="1">' + "<c/>" * 1_000_000 + "</row>")))
    write_zip("cell_beyond_xfd.xlsx", package(worksheet('<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>')))
    write_zip("cell_xfe.xlsx", package(worksheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')))
    for name, index in [("minus", "-1"), ("overflow", "99999999999999999999"), ("text", "abc")]:
        write_zip(f"shared_string_{name}.xlsx", package(
            worksheet(f'\n<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>{index}</v></c></row>'),
            shared_strings=f'<?xml version="1.0"?>\n<sst xmlns="{MAIN_NS}"><si><t>only</t></si></sst>'))
    write_zip("shared_string_no_table.xlsx", package(worksheet('\n<row r="2"><c r="C2" t="s"><v>0</v></c></row>')))
    for name, row, ref in [("ZZZZZ1", "1", "ZZZZZ1"), ("A0", "1", "A0"), ("1A", "1", "1A"), ("A1048577", "1", "A1048577"),
                           ("row_mismatch", "1", "B2"), ("row_zero", "0", "A1"), ("row_huge", "99999999999999999999", "A1")]:
        write_zip(f"ref_{name}.xlsx", package(worksheet(f'\n\n<row r="{row}"><c r="{ref}"><v>1</v></c></row>')))
    write_zip("duplicate_cell.xlsx", package(worksheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>shown</t></is></c>'
        '<c r="A1" t="inlineStr"><is><t>hidden twin</t></is></c></row>')))
    write_zip("duplicate_row.xlsx", package(worksheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c></row>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>second</t></is></c></row>')))


# --- CSV -------------------------------------------------------------------------------------------

def make_csv():
    write_bytes("nul_in_quotes.csv", b'ID,Question\n1,"ok"\n2,"nul \x00 inside quotes"\n')
    write_bytes("overlong_utf8.csv", b"ID,Question\n1,overlong slash \xc0\xaf here\n")
    write_bytes("surrogate_utf8.csv", b"ID,Question\n1,ok\n2,fine\n3,surrogate \xed\xa0\x80 here\n")
    write_bytes("truncated_utf8.csv", b"ID,Question\n1,euro cut \xe2\x82")
    write_bytes("utf16_lone_surrogate.csv", b"\xff\xfe" + "ID,Question\n1,".encode("utf-16-le") + b"\x00\xd8"
                + "x\n".encode("utf-16-le"))
    write_bytes("unclosed_quote_at_end.csv", b'ID,Question\n1,ok\n2,"runs to the end of the file')
    write_bytes("good.csv", b"ID,Question\nAI-1,Do you have an AI policy?\nAI-2,Who owns AI risk?\n")


if __name__ == "__main__":
    make_xml_attacks()
    make_zip_bomb()
    make_entry_names()
    make_truncated()
    make_ole()
    make_cells()
    make_csv()
