#!/usr/bin/env python3
"""Writes the municipalities list for the many-municipalities benchmark and the board every one of them serves.

Municipalities: the first N of the ČSÚ territorial structure (real names and RÚIAN codes of all 6,258 Czech
municipalities), with the IČO of each municipality's eDesky dashboard where the eDesky list has one for that RÚIAN
code, otherwise a generated IČO with a valid check digit (marked "generated" in the summary). The board: the first
DOCS documents of the real eDesky sample of Chrudim. Python 3 standard library only.

    generate.py N DOCS OUT_DIR SHARED_DATA_DIR EDESKY_SAMPLE
"""

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET


def valid_ico(ico):
    digits = [int(c) for c in ico]
    remainder = sum(d * (8 - i) for i, d in enumerate(digits[:7])) % 11
    return digits[7] == (11 - remainder) % 10


def generated_ico(seed):
    base = f"{9000000 + seed:07d}"
    check = (11 - sum(int(d) * (8 - i) for i, d in enumerate(base)) % 11) % 10
    return base + str(check)


def main():
    n, docs, out, shared, sample = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    icos = {}
    for d in ET.parse(f"{shared}/uredni-desky-real/edeskyclient_dart/dashboards.xml").iter("dashboard"):
        ico, ruian = (d.get("ovm_ico") or "").zfill(8), d.get("ruian_kod") or ""
        if re.fullmatch(r"[0-9]{8}", ico) and valid_ico(ico) and re.fullmatch(r"[0-9]{6}", ruian):
            icos.setdefault(ruian, ico)
    rows, used, generated = [], set(), 0
    with open(f"{shared}/cz-municipalities/csu-struktura-uzemi/struktura_uzemi_cr.csv", encoding="utf-8") as f:
        for i, m in enumerate(csv.DictReader(f)):
            if len(rows) == n:
                break
            ico = icos.get(m["obec_kod"])
            if ico is None or ico in used:
                ico, generated = generated_ico(i), generated + 1
            used.add(ico)
            rows.append({"name": m["obec_text"], "ico": ico, "ruian": m["obec_kod"]})
    with open(f"{out}/municipalities.json", "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=0)
    text = open(sample, encoding="utf-8").read()
    documents = re.findall(r"<document .*?</document>", text, flags=re.S)
    board = text[: text.index("<documents>") + len("<documents>")] + "\n" + "\n".join(documents[:docs]) \
        + "\n</documents>\n</edesky_search_api>\n"
    with open(f"{out}/board.xml", "w", encoding="utf-8") as f:
        f.write(board)
    json.dump({"municipalities": len(rows), "generated_icos": generated, "documents_per_board": docs},
              sys.stdout)


main()
