#!/usr/bin/env python3
"""Build Mappings/crosswalks/nist-ai-rmf-1.0.yaml from NIST's public-domain reference files and
our own titles.

Inputs:
  REFERENCE_DIR/nist-ai-rmf-1.0-subcategories.csv          subcategory IDs (and NIST's text)
  REFERENCE_DIR/NIST_AI_RMF_to_ISO_IEC_42001_Crosswalk.md  NIST's crosswalk, converted from PDF
  nist-titles.yaml (beside this script)                     our own short title for each ID

The two NIST files are works of the US government, in the public domain; only their facts carry
over (subcategory IDs and the clauses and controls NIST maps each to). NIST's sentences are not
copied: every title comes from nist-titles.yaml, and an ID without a title fails the run, as does
a title that repeats NIST's wording (equal to it, or eight consecutive words of it).

Usage: convert_nist.py REFERENCE_DIR [TITLES_FILE] > nist-ai-rmf-1.0.yaml

The PDF conversion left page breaks, wrapped cells and a few typos in the crosswalk, so every
ref is normalised (see `normalise_ref`) and checked against the ISO/IEC 42001:2023 numbering.
Anything unexpected is reported on stderr and fails the run, so a changed input cannot slip
through unnoticed. Output order and content are deterministic.
"""

import csv
import json
import re
import sys
from pathlib import Path

import yaml

# ISO/IEC 42001:2023 clause and Annex A numbers with their titles (facts). Titles are only used
# to cross-check the crosswalk's own title column.
ISO42001 = {
    "4.1": "Understanding the organization and its context",
    "4.2": "Understanding the needs and expectations of interested parties",
    "4.3": "Determining the scope of the AI management system",
    "4.4": "AI management system",
    "5.1": "Leadership and commitment",
    "5.2": "AI policy",
    "5.3": "Roles, responsibilities and authorities",
    "6.1.1": "General",
    "6.1.2": "AI risk assessment",
    "6.1.3": "AI risk treatment",
    "6.1.4": "AI system impact assessment",
    "6.2": "AI objectives and planning to achieve them",
    "6.3": "Planning of changes",
    "7.1": "Resources",
    "7.2": "Competence",
    "7.3": "Awareness",
    "7.4": "Communication",
    "7.5": "Documented information",
    "8.1": "Operational planning and control",
    "8.2": "AI risk assessment",
    "8.3": "AI risk treatment",
    "8.4": "AI system impact assessment",
    "9.1": "Monitoring, measurement, analysis and evaluation",
    "9.2": "Internal audit",
    "9.3": "Management review",
    "10.1": "Continual improvement",
    "10.2": "Nonconformity and corrective action",
    "A.2.2": "AI policy",
    "A.2.3": "Alignment with other organizational policies",
    "A.2.4": "Review of the AI policy",
    "A.3.2": "AI roles and responsibilities",
    "A.3.3": "Reporting of concerns",
    "A.4.2": "Resource documentation",
    "A.4.3": "Data resources",
    "A.4.4": "Tooling resources",
    "A.4.5": "System and computing resources",
    "A.4.6": "Human resources",
    "A.5.2": "AI system impact assessment process",
    "A.5.3": "Documentation of AI system impact assessments",
    "A.5.4": "Assessing AI system impact on individuals or groups of individuals",
    "A.5.5": "Assessing societal impacts of AI systems",
    "A.6.1.2": "Objectives for responsible development of AI system",
    "A.6.1.3": "Processes for responsible AI system design and development",
    "A.6.2.2": "AI system requirements and specification",
    "A.6.2.3": "Documentation of AI system design and development",
    "A.6.2.4": "AI system verification and validation",
    "A.6.2.5": "AI system deployment",
    "A.6.2.6": "AI system operation and monitoring",
    "A.6.2.7": "AI system technical documentation",
    "A.6.2.8": "AI system recording of event logs",
    "A.7.2": "Data for development and enhancement of AI system",
    "A.7.3": "Acquisition of data",
    "A.7.4": "Quality of data for AI systems",
    "A.7.5": "Data provenance",
    "A.7.6": "Data preparation",
    "A.8.2": "System documentation and information for users",
    "A.8.3": "External reporting",
    "A.8.4": "Communication of incidents",
    "A.8.5": "Information for interested parties",
    "A.9.2": "Processes for responsible use of AI systems",
    "A.9.3": "Objectives for responsible use of AI system",
    "A.9.4": "Intended use of the AI system",
    "A.10.2": "Allocating responsibilities",
    "A.10.3": "Suppliers",
    "A.10.4": "Customers",
}

# Titles of the finer sub-clauses NIST cites, so its title column can be checked before the
# ref is folded into the number we map to.
SUBCLAUSE_TITLES = {
    "7.5.3": "Control of documented information",
    "9.2.1": "General",
    "9.2.2": "Internal audit programme",
    "9.3.1": "General",
    "9.3.2": "Management review inputs",
    "9.3.3": "Management review results",
}

# Refs the converted PDF spells in a way that is not an ISO/IEC 42001 number we map to.
# Each fix is justified by the title NIST printed next to it.
REF_FIXES = {
    "72": "7.2",      # PDF conversion lost the dot; the row's title is "Competence"
    "7.5.3": "7.5",   # "Control of documented information" is part of 7.5 Documented information
    "9.2.1": "9.2",   # 9.2.1 General / 9.2.2 Internal audit programme sit under 9.2 Internal audit
    "9.2.2": "9.2",
    "9.3.1": "9.3",   # 9.3.1-9.3.3 (general, inputs, results) sit under 9.3 Management review
    "9.3.2": "9.3",
    "9.3.3": "9.3",
}

# Rows whose printed title does not match the ref. The ref column is what NIST maps, and each
# ref below fits its subcategory, so the ref is kept and the title treated as a layout slip.
KNOWN_TITLE_SLIPS = {
    ("GOVERN 3.2", "A.3.2"),   # printed "Management review inputs"; roles for human-AI oversight fit A.3.2
    ("MAP 1.4", "A.2.2"),      # printed "Customers"; business context of AI use fits the AI policy
    ("MAP 1.5", "6.1.1"),      # printed "Objective"; risk tolerance is set under 6.1.1 General
}

# A title sharing this many consecutive words with NIST's text for its ID counts as copied.
COPIED_RUN = 8

ROW_ID = re.compile(r"^(Govern|Map|Measure|Manage)\s+(\d+\.\d+)$")
ANNEX_B = re.compile(r"^B\.(\d+(?:\.\d+)+)$")

errors = []


def normalise_ref(raw, subcategory):
    """Map a ref as printed by NIST to an ISO/IEC 42001 number, or None to drop it."""
    ref = raw.strip()
    annex = ANNEX_B.match(ref)
    if annex:
        ref = "A." + annex.group(1)  # NIST's Annex B numbering pairs with 42001's Annex A
    ref = REF_FIXES.get(ref, ref)
    if ref not in ISO42001:
        errors.append(f"{subcategory}: ref {raw!r} is not an ISO/IEC 42001 clause or control")
        return None
    return ref


def ref_key(ref):
    """Sort clauses before Annex A controls, each in numeric order."""
    annex = ref.startswith("A.")
    return (annex, [int(p) for p in ref.removeprefix("A.").split(".")])


def words(s):
    return re.sub(r"[^a-z]+", " ", s.lower()).split()


def copies(title, text):
    """Whether a title equals NIST's text or shares COPIED_RUN consecutive words with it. Hyphens
    and apostrophes are dropped first, as the PDF conversion dropped some of NIST's hyphens."""
    def plain(s):
        return re.sub(r"[^a-z0-9]+", " ", re.sub(r"[-'\u2019]", "", s.lower())).split()
    ours, theirs = plain(title), plain(text)
    if ours == theirs:
        return True
    runs = {tuple(theirs[i:i + COPIED_RUN]) for i in range(len(theirs) - COPIED_RUN + 1)}
    return any(tuple(ours[i:i + COPIED_RUN]) in runs for i in range(len(ours) - COPIED_RUN + 1))


def read_titles(path):
    """Return our titles by subcategory ID from nist-titles.yaml."""
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict) or data.get("formatVersion") != 1 or not isinstance(data.get("titles"), dict):
        sys.exit(f"{path}: expected formatVersion: 1 and a 'titles' mapping of subcategory ID to title")
    titles = {}
    for sub, title in data["titles"].items():
        if not isinstance(title, str) or not title.strip():
            errors.append(f"{path.name}: {sub} has an empty title")
            continue
        titles[sub] = title.strip()
    return titles


def read_crosswalk(path):
    """Return the crosswalk rows as [subcategory id, ref as printed, [title parts]] and the
    subcategory text NIST printed in the crosswalk, by subcategory id."""
    rows = []
    texts = {}
    text_owner = None  # the subcategory whose text continues on the next row, if any
    current = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4:
            errors.append(f"{path.name}:{number}: expected 4 cells, found {len(cells)}")
            continue
        sub, text, ref, title = cells
        if sub == "AI RMF" or title.startswith("ISO/IEC"):
            continue  # header row
        if sub:
            match = ROW_ID.match(sub)
            if not match:
                errors.append(f"{path.name}:{number}: unexpected subcategory {sub!r}")
                continue
            current = f"{match.group(1).upper()} {match.group(2)}"
            # GOVERN 5.2 is printed twice; its first text is the one to keep.
            text_owner = None if current in texts else current
            if text_owner:
                texts[current] = []
        if text and text_owner == current:
            texts[current].append(text.replace("<br>", " "))
        title = title.replace("<br>", " ")
        if ref:
            if current is None:
                errors.append(f"{path.name}:{number}: ref {ref!r} before any subcategory")
                continue
            rows.append([current, ref, [title]])
        elif title and rows:
            rows[-1][2].append(title)  # a title wrapped onto the next row
    texts = {sub: re.sub(r"\s+", " ", " ".join(parts)).strip() for sub, parts in texts.items()}
    return rows, texts


def check_title(sub, raw, printed):
    """Flag a ref whose printed title shares no wording with the title of that number."""
    annex = ANNEX_B.match(raw)
    number = "A." + annex.group(1) if annex else raw
    official = SUBCLAUSE_TITLES.get(number) or ISO42001.get(REF_FIXES.get(number, number))
    if official is None:
        return
    wanted = set(words(official)) - {"ai", "of", "and", "the", "system", "systems"}
    if wanted and not wanted & set(words(printed)) and (sub, number) not in KNOWN_TITLE_SLIPS:
        errors.append(f"{sub}: {raw} printed as {printed!r}, expected {official!r}")


def collect(rows):
    """Return {subcategory id: set of ISO/IEC 42001 refs}."""
    crosswalk = {}
    for sub, raw, parts in rows:
        check_title(sub, raw, " ".join(parts))
        ref = normalise_ref(raw, sub)
        crosswalk.setdefault(sub, set())
        if ref:
            crosswalk[sub].add(ref)
    return crosswalk


def scalar(text):
    """Plain YAML scalar when it reads back unchanged, else a double-quoted one."""
    try:
        if yaml.safe_load(text) == text and text == text.strip():
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: convert_nist.py REFERENCE_DIR [TITLES_FILE] > nist-ai-rmf-1.0.yaml")
    ref_dir = Path(sys.argv[1])
    titles_path = Path(sys.argv[2]) if len(sys.argv) == 3 else Path(__file__).with_name("nist-titles.yaml")
    titles = read_titles(titles_path)
    with open(ref_dir / "nist-ai-rmf-1.0-subcategories.csv", newline="", encoding="utf-8") as f:
        subcategories = [(r["subcategory_id"], r["description"]) for r in csv.DictReader(f)]
    rows, texts = read_crosswalk(ref_dir / "NIST_AI_RMF_to_ISO_IEC_42001_Crosswalk.md")
    crosswalk = collect(rows)
    # A few CSV rows have no description; the crosswalk prints the same subcategory text. The text
    # is read only to check that our title does not repeat it.
    subcategories = [(sub, text or texts.get(sub, "")) for sub, text in subcategories]
    for sub, text in subcategories:
        if not text:
            errors.append(f"subcategory {sub} has no text in either input")
        if sub not in titles:
            errors.append(f"subcategory {sub} has no title in {titles_path.name}")
        elif copies(titles[sub], text):
            errors.append(f"subcategory {sub}: title {titles[sub]!r} repeats NIST's wording; write our own")

    known = {sub for sub, _ in subcategories}
    for sub in sorted(set(crosswalk) - known):
        errors.append(f"crosswalk row {sub} is not an AI RMF 1.0 subcategory")
    for sub in sorted(known - set(crosswalk)):
        errors.append(f"subcategory {sub} has no crosswalk row")
    for sub in sorted(set(titles) - known):
        errors.append(f"{titles_path.name}: {sub} is not an AI RMF 1.0 subcategory")
    if errors:
        sys.exit("\n".join(errors))

    out = [
        "# Generated by tools/convert_nist.py; edit the converter or tools/nist-titles.yaml, not this file.",
        "# Subcategory IDs and their ISO/IEC 42001 refs are NIST's, from its public-domain AI RMF 1.0",
        "# subcategory list and its AI RMF to ISO/IEC 42001 crosswalk (Annex B numbers read as Annex A).",
        "# The titles are our own (tools/nist-titles.yaml), not NIST's text.",
        "formatVersion: 1",
        "framework: NIST AI RMF",
        'version: "1.0"',
        "aliases: [NIST AI RMF, AI RMF, NIST AI Risk Management Framework, AI Risk Management Framework]",
        "entries:",
    ]
    for sub, _ in subcategories:
        refs = sorted(crosswalk[sub], key=ref_key)
        out.append(f"  - id: {sub}")
        out.append(f"    title: {scalar(titles[sub])}")
        out.append("    iso42001: [" + ", ".join(f'"{r}"' for r in refs) + "]")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
