#!/usr/bin/env python3
"""Converts the three public files on Czech municipalities into vocab/reference/obce.ttl.

Run once, by hand, whenever a source changes (README.md beside this script gives the sources, their commits and
licences, and the conversion rules). Python 3 standard library only:

    convert.py SOURCE_DIR OUT_FILE

SOURCE_DIR holds the sources as /work/shared/data/cz-municipalities lays them out:
  csu-struktura-uzemi/struktura_uzemi_cr.csv       ČSÚ territorial structure: codes, names, types, POU/ORP/okres/kraj
  33bcdd-souradnice-mest/souradnice.csv            one point (latitude, longitude) per municipality
  michalskop-cz-refugees/pretty_municipalities.csv one population figure per municipality

Every municipality of the territorial structure becomes one entity; the other two files are joined by the
municipality code. The report on standard output lists what a source lacks or has in excess; a value the rules do
not know (a new municipality type, a code or coordinate of another form) stops the conversion.
"""

import csv
import re
import sys

STRUCTURE = "csu-struktura-uzemi/struktura_uzemi_cr.csv"
POINTS = "33bcdd-souradnice-mest/souradnice.csv"
POPULATION = "michalskop-cz-refugees/pretty_municipalities.csv"

# The population file does not state its reference date. Its figures add up to 10,693,939, the population of the
# Czech Republic that ČSÚ published for 31 December 2019, i.e. as of 1 January 2020 (README.md).
POPULATION_DATE = "2020-01-01"

TYPES = {
    "Obec": "obec",
    "Město": "město",
    "Městys": "městys",
    "Statutární město": "statutární-město",
    "Hlavní město": "hlavní-město",
    "Vojenský újezd": "vojenský-újezd",
}

PREFIXES = """\
@prefix obec:    <https://linked.cuzk.cz/resource/ruian/obec/> .
@prefix okres:   <https://linked.cuzk.cz/resource/ruian/okres/> .
@prefix vusc:    <https://linked.cuzk.cz/resource/ruian/vusc/> .
@prefix orp:     <https://linked.cuzk.cz/resource/ruian/orp/> .
@prefix pou:     <https://linked.cuzk.cz/resource/ruian/pou/> .
@prefix typ:     <https://w3id.org/spojka/číselníky/typy-obcí/položky/> .
@prefix území:   <https://w3id.org/spojka/slovník/území/pojem/> .
@prefix adresy:  <https://slovník.gov.cz/generický/adresy/pojem/> .
@prefix rúian:   <https://slovník.gov.cz/legislativní/sbírka/111/2009/pojem/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix geo:     <http://www.opengis.net/ont/geosparql#> .
@prefix sf:      <http://www.opengis.net/ont/sf#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix void:    <http://rdfs.org/ns/void#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""

HEADER = """\
<https://w3id.org/spojka/referenční-data/obce>
    a void:Dataset ;
    dcterms:title "Obce České republiky"@cs , "Municipalities of the Czech Republic"@en ;
    dcterms:description
        "Všech {count} obcí a vojenských újezdů České republiky podle Struktury území ČR (ČSÚ, platnost {valid}) s jejich okresy, kraji, obvody obcí s rozšířenou působností a s pověřeným obecním úřadem, bodem polohy a počtem obyvatel k {population_date}."@cs ,
        "All {count} municipalities and military districts of the Czech Republic following the ČSÚ territorial structure (valid {valid}) with their districts, regions, districts of municipalities with extended powers and with an authorised municipal office, a point and the population as of {population_date}."@en ;
    dcterms:source
        <https://github.com/Thepilli/czech_crime/blob/8d26c55559714a0be53c8aafb4fdcff843750a91/dims/struktura_uzemi_cr.csv> ,
        <https://github.com/33bcdd/souradnice-mest/blob/3d4b1fdd941ba0fa6c3a7a75678980ec28a6e0eb/souradnice.csv> ,
        <https://github.com/michalskop/cz-refugees/blob/a333c4784ae518f17190496f8d33e1529dec17a4/origin/pretty_municipalities.csv> .
"""


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def require(pattern, value, what):
    if not re.fullmatch(pattern, value):
        sys.exit(f"{what}: {value!r} does not match {pattern}")
    return value


def literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@cs'


def unit(iri, cls, name, csu_code, ruian_code, statements):
    """One entity in Turtle: its class, name and codes, then the given predicate-object statements."""
    common = [f"a {cls}", f"dcterms:title {literal(name)}", f'skos:notation "{csu_code}"',
              f'rúian:kód-územního-prvku "{ruian_code}"']
    return iri + "\n    " + " ;\n    ".join(common + statements) + " .\n"


# The kinds of unit the municipalities lie in, in the order written: a title, the IRI prefix, the class, the columns of
# the RÚIAN code, name and ČSÚ code with the form of the ČSÚ code, and the unit's further statements from a row.
KINDS = [
    ("kraje (vyšší územní samosprávné celky)", "vusc", "rúian:území-vyššího-územního-samosprávního-celku",
     "kraj_ruian_vusc_kod", "kraj_text", "kraj_csu_cis100_kod", r"[0-9]{4}",
     lambda r: [nuts(r"CZ0[0-9]{2}", r, "kraj_csu_cis108_nuts_kod")]),
    ("okresy", "okres", "rúian:území-okresu",
     "okres_ruian_kod", "okres_text", "okres_csu_cis101_lau_kod", r"[0-9]{5}",
     lambda r: [nuts(r"CZ0[0-9]{2}[0-9A-Z]", r, "okres_csu_cis109_nuts_kod"),
                f"adresy:vyšší-územní-samosprávní-celek vusc:{r['kraj_ruian_vusc_kod']}"]),
    ("správní obvody obcí s rozšířenou působností", "orp", "rúian:správní-obvod-obce-s-rozšířenou-působností",
     "orp_ruian_kod", "orp_text", "orp_csu_cis65_kod", r"[0-9]{4}",
     lambda r: [f"adresy:vyšší-územní-samosprávní-celek vusc:{r['kraj_ruian_vusc_kod']}"]),
    ("správní obvody obcí s pověřeným obecním úřadem", "pou", "rúian:správní-obvod-obce-s-pověřeným-obecním-úřadem",
     "pou_ruian_kod", "pou_text", "pou_csu_cis61_kod", r"[0-9]{5}",
     lambda r: [f"rúian:má-správní-obvod-obce-s-rozšířenou-působností orp:{r['orp_ruian_kod']}"]),
]


def nuts(pattern, r, column):
    return f'území:kód-nuts "{require(pattern, r[column], column)}"'


def units(structure):
    """The kraje, okresy, ORP and POU the municipalities lie in, each once, by kind: (title, code → Turtle)."""
    kinds = []
    for title, prefix, cls, ruian_column, name_column, csu_column, csu_form, statements in KINDS:
        entities = {}
        for r in structure:
            code = require(r"[0-9]+", r[ruian_column], ruian_column)
            entity = unit(f"{prefix}:{code}", cls, r[name_column], require(csu_form, r[csu_column], csu_column),
                          code, statements(r))
            if entities.setdefault(code, entity) != entity:
                sys.exit(f"{ruian_column} {code}: municipality {r['obec_kod']} describes it otherwise than a row before")
        kinds.append((title, entities))
    return kinds


def municipality(r, point, population):
    code = r["obec_kod"]
    if r["obec_typ"] not in TYPES:
        sys.exit(f"obec_typ of {code}: {r['obec_typ']!r} is not one of {sorted(TYPES)}")
    extra = [
        f"dcterms:type typ:{TYPES[r['obec_typ']]}",
        f"rúian:má-přiřazené-území-okresu okres:{r['okres_ruian_kod']}",
        f"adresy:vyšší-územní-samosprávní-celek vusc:{r['kraj_ruian_vusc_kod']}",
        f"rúian:má-správní-obvod-obce-s-rozšířenou-působností orp:{r['orp_ruian_kod']}",
        f"rúian:má-správní-obvod-obce-s-pověřeným-obecním-úřadem pou:{r['pou_ruian_kod']}",
    ]
    if population is not None:
        extra.append(f"území:počet-obyvatel {population}")
        extra.append(f'území:počet-obyvatel-k-datu "{POPULATION_DATE}"^^xsd:date')
    if point is not None:
        latitude, longitude = point
        extra.append(f'geo:hasGeometry [ a sf:Point ; geo:asWKT "POINT({longitude} {latitude})"^^geo:wktLiteral ]')
    return unit(f"obec:{code}", "adresy:území-obce-nebo-vojenského-újezdu", r["obec_text"], code, code, extra)


def main():
    source_dir, out_file = sys.argv[1], sys.argv[2]
    structure = sorted(rows(f"{source_dir}/{STRUCTURE}"), key=lambda r: r["obec_kod"])
    codes = [require(r"[0-9]{6}", r["obec_kod"], "obec_kod") for r in structure]
    if len(set(codes)) != len(codes):
        sys.exit("obec_kod is not unique in " + STRUCTURE)
    valid = {r["platnost_datum"] for r in structure}
    if len(valid) != 1:
        sys.exit(f"platnost_datum differs between rows: {sorted(valid)}")
    coordinate = r"-?[0-9]+\.[0-9]+"
    points = {p["Kód obce"]: (require(coordinate, p["Latitude"], "Latitude of " + p["Kód obce"]),
                              require(coordinate, p["Longitude"], "Longitude of " + p["Kód obce"]))
              for p in rows(f"{source_dir}/{POINTS}")}
    populations = {p["code"]: require(r"[0-9]+", p["population"], "population of " + p["code"])
                   for p in rows(f"{source_dir}/{POPULATION}")}

    with open(out_file, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Obce České republiky – Spojka's reference data. Written by vocab/reference/convert.py from the\n"
                  "# sources named in vocab/reference/README.md; convert again rather than edit by hand.\n\n")
        out.write(PREFIXES + "\n")
        out.write(HEADER.format(count=f"{len(structure):,}".replace(",", " "), valid=valid.pop(),
                                population_date=POPULATION_DATE) + "\n")
        for title, kind in units(structure):
            out.write(f"# {title}: {len(kind)}\n\n")
            for code in sorted(kind, key=int):
                out.write(kind[code] + "\n")
        out.write(f"# obce a vojenské újezdy: {len(structure)}\n\n")
        for r in structure:
            code = r["obec_kod"]
            out.write(municipality(r, points.get(code), populations.get(code)) + "\n")

    known = set(codes)
    print(f"municipalities: {len(structure)}")
    print(f"  without a point: {sorted(known - points.keys())}")
    print(f"  without a population: {sorted(known - populations.keys())}")
    zero = [(r['obec_kod'], r['obec_text']) for r in structure if populations.get(r['obec_kod']) == "0"]
    print(f"  with population 0: {zero}")
    print(f"points of codes not in the structure: {sorted(points.keys() - known)}")
    print(f"populations of codes not in the structure: {sorted(populations.keys() - known)}")


if __name__ == "__main__":
    main()
