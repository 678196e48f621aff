#!/usr/bin/env python3
"""Builds the fuzzing seed corpus from the committed fixtures.

Usage: make_seeds.py OUT_DIR

Writes OUT_DIR/csv, OUT_DIR/sheet-xml and OUT_DIR/xlsx:
- csv: every CSV/TSV/TXT fixture and sample questionnaire up to 64 KiB;
- sheet-xml: every worksheet part of every XLSX fixture, up to 64 KiB;
- xlsx: every XLSX fixture up to 256 KiB as it is, plus a copy re-packed with stored (uncompressed)
  entries, so byte-level mutations reach the XML instead of breaking the deflate stream.
Seeds are named by content hash, so re-running the script adds nothing twice.
"""
import hashlib
import io
import pathlib
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "Tests", ROOT / "Samples"]


def save(folder: pathlib.Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def files(*suffixes: str):
    for source in SOURCES:
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.suffix.lower() in suffixes:
                yield path


def stored_copy(archive: zipfile.ZipFile) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in archive.infolist():
            copy.writestr(info.filename, archive.read(info))
    return out.getvalue()


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    for path in files(".csv", ".tsv", ".txt"):
        if path.stat().st_size <= 64 << 10:
            save(out / "csv", path.read_bytes())
    for path in files(".xlsx"):
        data = path.read_bytes()
        if len(data) > 256 << 10:
            continue
        save(out / "xlsx", data)
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            for info in archive.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml") and info.file_size <= 64 << 10:
                    save(out / "sheet-xml", archive.read(info))
            stored = stored_copy(archive)
            if len(stored) <= 256 << 10:
                save(out / "xlsx", stored)
        except Exception:  # noqa: BLE001 - zipfile raises many kinds on hostile archives
            pass  # deliberately broken fixtures are seeds as they are
    for target in ("csv", "sheet-xml", "xlsx"):
        print(f"{target}: {len(list((out / target).iterdir()))} seeds")


if __name__ == "__main__":
    main()
