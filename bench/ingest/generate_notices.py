#!/usr/bin/env python3
"""Generates N notices (informace) as OFN Úřední desky 2021-07-20 JSON-LD for the ingest benchmark.

The output has exactly the shape of the real sample the `uredni-deska-ofn` connector ships
(connectors/uredni-deska-ofn/samples/mvcr-policie-uredni-desky-ofn-2024-05.json): a JSON array of boards, each with
the keys "@context", "typ", "iri", "stránka", "provozovatel" {"typ", "ičo"} and "informace"; each notice with "typ",
"iri", "url", "číslo_jednací", "název" {"cs"}, "vyvěšení" and "relevantní_do" (instants with either "datum" or
"nespecifikovaný": true) and "dokument" (a list of {"typ", "název" {"cs"}, "url"}).

Values are drawn from that real file and varied: titles keep their real wording with the person named in the
frequent "oznámení o možnosti převzít písemnost - SURNAME Given" kind recombined from real surnames and given
names, and years varied; reference numbers (čísla jednací) keep their real pattern (OAM-#-#/ZR-#, KRPS-#-#/ČJ-#-#IZ,
..., and empty in the real share) with new digits; instants are "datum" or "nespecifikovaný" in the real file's
joint proportions; every notice gets 0, 1 or 2 documents (the real file's 0 / 1 / 2+ shares). Boards hold ~100
notices (80–120). Every notice and board gets a unique "iri". The output depends only on N and the seed.

Python 3 standard library only. Usage:
    generate_notices.py N [--seed 42] [--out FILE] [--summary FILE.json] [--sample REAL.json]
"""

import argparse
import datetime
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SAMPLE = REPO / "connectors/uredni-deska-ofn/samples/mvcr-policie-uredni-desky-ofn-2024-05.json"
BOARD_IRI = "https://opendata-test.mvcr.cz/api/boards/{board}"
NOTICE_IRI = "https://opendata-test.mvcr.cz/api/boards/{board}/info/{notice}"
BOARD_MIN, BOARD_MAX = 80, 120
# Titles "<kind> - SURNAME Given" whose tail names the addressee of a document: the tail is recombined.
PERSON_KINDS = re.compile(r"písemnost|Rozhodnutí|vyhláškou", re.IGNORECASE)


def slug(text):
    """The URL slug the real publisher derives from a title: no diacritics, lower case, dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Pools:
    """What the real sample offers to draw from."""

    def __init__(self, boards):
        self.context = boards[0]["@context"]
        self.boards = [{k: v for k, v in b.items() if k != "informace"} for b in boards]
        self.notices = [n for b in boards for n in b.get("informace", [])]
        if not self.notices:
            raise SystemExit("the sample has no notices")
        self.surnames, self.given = [], []
        for n in self.notices:
            head, sep, tail = n["název"]["cs"].rpartition(" - ")
            if sep and PERSON_KINDS.search(head):
                words = tail.split()
                upper = [w for w in words if w.isupper() and len(w) > 1]
                other = [w for w in words if not (w.isupper() and len(w) > 1)]
                if upper and other:
                    self.surnames.append(" ".join(upper))
                    self.given.append(" ".join(other))
        # Joint distribution of the two instants' kinds, e.g. ("datum", "nespecifikovaný") -> count.
        self.instant_kinds = [(self.kind(n["vyvěšení"]), self.kind(n["relevantní_do"])) for n in self.notices]
        self.posted_dates = [n["vyvěšení"]["datum"] for n in self.notices if "datum" in n["vyvěšení"]]
        self.spans = [
            (date(n["relevantní_do"]["datum"]) - date(n["vyvěšení"]["datum"])).days
            for n in self.notices
            if "datum" in n["vyvěšení"] and "datum" in n["relevantní_do"]
        ]
        self.lone_until = [n["relevantní_do"]["datum"] for n in self.notices
                           if "datum" in n["relevantní_do"] and "datum" not in n["vyvěšení"]]
        docs = [len(n.get("dokument", [])) for n in self.notices]
        self.doc_weights = [docs.count(0), docs.count(1), sum(1 for c in docs if c >= 2)]
        self.documents = [d for n in self.notices for d in n.get("dokument", [])]

    @staticmethod
    def kind(instant):
        return "datum" if "datum" in instant else "nespecifikovaný"


def date(text):
    return datetime.date.fromisoformat(text)


def vary_digits(rng, text):
    """New digits in the same pattern: years stay plausible years, other numbers keep their length."""

    def repl(match):
        digits = match.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(2018, 2024))
        first = "0" if digits[0] == "0" else str(rng.randint(1, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return re.sub(r"\d+", repl, text)


def vary_title(rng, pools, title):
    head, sep, tail = title.rpartition(" - ")
    if sep and PERSON_KINDS.search(head) and pools.surnames:
        return f"{head} - {rng.choice(pools.surnames)} {rng.choice(pools.given)}"
    # Other titles keep their wording; a year in them moves (e.g. "Výroční zpráva MV za rok 2020 ...").
    return re.sub(r"\b(20[12]\d)\b", lambda m: str(rng.randint(2018, 2024)), title)


def instant(kind, day=None):
    if kind == "datum":
        return {"typ": "Časový okamžik", "datum": day.isoformat()}
    return {"typ": "Časový okamžik", "nespecifikovaný": True}


def notice(rng, pools, board_no, notice_no):
    template = rng.choice(pools.notices)
    title = vary_title(rng, pools, template["název"]["cs"])
    host = template["url"].split("/")[2]
    posted_kind, until_kind = rng.choice(pools.instant_kinds)
    posted = date(rng.choice(pools.posted_dates)) + datetime.timedelta(days=rng.randint(-20, 20))
    if posted_kind == "datum":
        until = posted + datetime.timedelta(days=rng.choice(pools.spans))
    else:
        until = date(rng.choice(pools.lone_until or pools.posted_dates)) + datetime.timedelta(days=rng.randint(0, 30))
    reference = vary_digits(rng, template["číslo_jednací"]) if template["číslo_jednací"] else ""
    documents = []
    count = rng.choices((0, 1, 2), weights=pools.doc_weights)[0]
    sources = list(template.get("dokument", []))
    for k in range(count):
        source = sources[k] if k < len(sources) else rng.choice(pools.documents)
        name = source["název"]["cs"]
        if k == 0 and name.endswith(".pdf") and " - " in title and PERSON_KINDS.search(title):
            name = title.rpartition(" - ")[2] + ".pdf"  # the real file names such a document after the person
        elif reference and re.match(r"^[A-Z]+-\d", name):
            name = reference + name[len(name.split(" ")[0]):] if " " in name else name
        doc_host = source["url"].split("/")[2]
        documents.append({
            "typ": "Digitální objekt",
            "název": {"cs": name},
            "url": f"https://{doc_host}/soubor/{slug(name)}-{notice_no}-{k + 1}.aspx",
        })
    return {
        "typ": ["Digitální objekt", "Informace na úřední desce"],
        "iri": NOTICE_IRI.format(board=board_no, notice=notice_no),
        "url": f"https://{host}/clanek/{slug(title)}-{notice_no}.aspx",
        "číslo_jednací": reference,
        "název": {"cs": title},
        "vyvěšení": instant(posted_kind, posted),
        "relevantní_do": instant(until_kind, until),
        "dokument": documents,
    }


def generate(n, seed, pools):
    rng = random.Random(seed)
    boards, made, documents = [], 0, 0
    while made < n:
        board_no = len(boards) + 1
        size = min(rng.randint(BOARD_MIN, BOARD_MAX), n - made)
        source = pools.boards[(board_no - 1) % len(pools.boards)]
        notices = []
        for _ in range(size):
            made += 1
            # Notice numbers are unique in the whole file, spread like the real ones (3 to 7 digits).
            notices.append(notice(rng, pools, board_no, 1000 + made * 7 + rng.randint(0, 6)))
        documents += sum(len(x["dokument"]) for x in notices)
        boards.append({
            "@context": pools.context,
            "typ": "Úřední deska",
            "iri": BOARD_IRI.format(board=board_no),
            "stránka": source["stránka"],
            "provozovatel": {"typ": "Osoba", "ičo": source["provozovatel"]["ičo"]},
            "informace": notices,
        })
    return boards, {"notices": made, "boards": len(boards), "entities": made + len(boards),
                    "documents": documents, "seed": seed}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of notices")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", help="output file (default: standard output)")
    parser.add_argument("--summary", help="also write the counts (notices, boards, entities, documents) as JSON")
    parser.add_argument("--sample", default=str(DEFAULT_SAMPLE), help="the real OFN file to draw values from")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")
    with open(args.sample, encoding="utf-8") as f:
        pools = Pools(json.load(f))
    boards, summary = generate(args.n, args.seed, pools)
    iris = [b["iri"] for b in boards] + [x["iri"] for b in boards for x in b["informace"]]
    assert len(iris) == len(set(iris)), "IRIs must be unique"
    text = json.dumps(boards, ensure_ascii=False, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    if args.summary:
        Path(args.summary).write_text(json.dumps(summary) + "\n", encoding="utf-8")
    print(json.dumps(summary), file=sys.stderr)


if __name__ == "__main__":
    main()
