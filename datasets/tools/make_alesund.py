#!/usr/bin/env python3
"""Generate datasets/alesund-2024.json, the bundled landscape of a municipal split.

On 2024-01-01 old Ålesund (1507) was split: 1508 Ålesund kept the administration and the name,
and 1580 Haram became a municipality of its own again (it had merged into Ålesund in 2020). This
script builds an illustrative system landscape for that question: the national registers and
common services (by their catalogue ids, so the catalogue fills them in), old Ålesund's own
systems, an intermunicipal company shared with a neighbour, a vendor-hosted service, and a few
systems of the neighbours Sula (1531) and Giske (1532), whose numbers do not change.

The systems are made up for the example (vendors and products are typical of Norwegian
municipalities, not a record of Ålesund's); the split, its date and the numbers are SSB's (see
../shared/reference/kommunenummer/derived/kommunenummer_endringer_2023_til_2024.csv).

    python3 datasets/tools/make_alesund.py > datasets/alesund-2024.json

Standard library only; the same script gives byte-identical JSON.
"""

import json
import os
import sys

CATALOGUE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "catalogue.json")

KEYS = [
    ("kommunenummer", "Kommunenummer: 1507 Ålesund was split into 1508 Ålesund and 1580 Haram on "
                      "2024-01-01."),
    ("fnr", "Fødselsnummer from Folkeregisteret."),
    ("orgnr", "Organisasjonsnummer from Enhetsregisteret."),
    ("gnr-bnr", "Matrikkelenhet (gårdsnummer/bruksnummer), unique only with the kommunenummer."),
    ("adresse", "Offisiell adresse from Matrikkelen, numbered per municipality."),
    ("saksnr", "Saksnummer in a Noark 5 archive."),
    ("nav-enhetsnummer", "NAV-enhetsnummer of the NAV-kontor."),
    ("dnr", "D-nummer: identity number for people who are not registered as residents."),
    ("bygningsnr", "Bygningsnummer from Matrikkelen."),
    ("kostra-art", "KOSTRA art and funksjon reported to SSB."),
]

# The two rows of SSB's 2023-2024 list for 1507, in SSB's order; the kind is left to the reader
# (one old number with two new ones is a split).
CHANGES = [
    ("kommunenummer", "1507", "1508", "2024-01-01"),
    ("kommunenummer", "1507", "1580", "2024-01-01"),
]

# National systems, defined as the national catalogue (datasets/catalogue.json) has them, so the
# file stands on its own (fmt and other tools read it without the catalogue).
NATIONAL = ["folkeregisteret", "enhetsregisteret", "matrikkelen", "ks.svarut",
            "ks.fiks-folkeregister", "nav.digisos", "ssb.kostra", "husbanken.bostotte",
            "udir.gsi", "helsedir.kpr", "skatteetaten.a-ordningen"]

# Old Ålesund's own systems: (id suffix, name, vendor, product, domain, keys, criticality, effort)
ALESUND = [
    ("sak-arkiv", "Sak/arkiv", "Tieto", "Public 360", "sak-arkiv",
     ["kommunenummer", "fnr", "orgnr", "saksnr"], "high", 15),
    ("okonomi", "Økonomi", "Visma", "Visma Enterprise", "okonomi",
     ["kommunenummer", "orgnr"], "high", 20),
    ("lonn", "Lønn og personal", "Visma", "Visma Enterprise HRM", "lonn",
     ["kommunenummer", "fnr"], "high", 15),
    ("folkereg", "Folkeregisteret (kommunens kopi)", "KS", "Fiks folkeregister", "folkeregister",
     ["kommunenummer", "fnr", "adresse"], "critical", 4),
    ("gis", "Kart og GIS", "Norkart", "Kommunekart", "gis",
     ["kommunenummer", "gnr-bnr", "adresse"], "medium", 8),
    ("byggesak", "Byggesak", "Norkart", "Komtek Byggesak", "byggesak",
     ["kommunenummer", "gnr-bnr", "fnr"], "medium", 6),
    ("eiendomsskatt", "Eiendomsskatt", "Norkart", "Komtek Eiendomsskatt", "eiendomsskatt",
     ["kommunenummer", "gnr-bnr"], "high", 6),
    ("vann-avlop", "Vann og avløp", "Powel", "Gemini VA", "vann-avlop",
     ["kommunenummer", "gnr-bnr", "adresse"], "medium", 5),
    ("barnehage", "Barnehage", "Visma", "Visma Flyt Barnehage", "barnehage",
     ["kommunenummer", "fnr"], "medium", 5),
    ("skole", "Skole", "Visma", "Visma Flyt Skole", "skole",
     ["kommunenummer", "fnr", "orgnr"], "high", 8),
    ("helse-omsorg", "Helse og omsorg", "Visma", "Gerica", "helse-omsorg",
     ["kommunenummer", "fnr"], "critical", 12),
    ("barnevern", "Barnevern", "Visma", "Visma Flyt Barnevern", "barnevern",
     ["kommunenummer", "fnr"], "critical", 8),
    ("nav-sosial", "Sosialtjenesten (NAV)", "Visma", "Visma Flyt Sosial", "nav-sosial",
     ["kommunenummer", "fnr", "nav-enhetsnummer"], "high", 6),
    ("bostotte", "Kommunal bostøtte", "Visma", "Visma Flyt Bolig", "bolig",
     ["kommunenummer", "fnr"], "medium", 3),
    ("kultur", "Kulturskole", "Speedadmin", "Speedadmin", "kultur",
     ["fnr"], "low", 2),
]

INTERMUNICIPAL = [
    # (id, name, owner, vendor, product, domain, keys, criticality, effort)
    ("arim.renovasjon", "Renovasjon (ÅRIM)", "ÅRIM IKS", "Norkart", "Komtek Renovasjon",
     "renovasjon", ["kommunenummer", "gnr-bnr", "adresse"], "medium", 4),
]

NEIGHBOURS = [
    # (id, name, owner, vendor, product, domain, keys, criticality)
    ("sula.sak-arkiv", "Sak/arkiv (Sula)", "1531", "Tieto", "Public 360", "sak-arkiv",
     ["kommunenummer", "fnr", "orgnr", "saksnr"], "high"),
    ("sula.gis", "Kart og GIS (Sula)", "1531", "Norkart", "Kommunekart", "gis",
     ["kommunenummer", "gnr-bnr"], "medium"),
    ("giske.sak-arkiv", "Sak/arkiv (Giske)", "1532", "Acos", "Acos WebSak", "sak-arkiv",
     ["kommunenummer", "fnr", "orgnr"], "high"),
]

A = "alesund."
# (from, to, carries)
INTEGRATIONS = [
    ("folkeregisteret", "ks.fiks-folkeregister", ["kommunenummer", "fnr", "adresse"]),
    ("ks.fiks-folkeregister", A + "folkereg", ["kommunenummer", "fnr", "adresse"]),
    (A + "folkereg", A + "sak-arkiv", ["kommunenummer", "fnr"]),
    (A + "folkereg", A + "lonn", ["fnr"]),
    (A + "folkereg", A + "barnehage", ["kommunenummer", "fnr"]),
    (A + "folkereg", A + "skole", ["kommunenummer", "fnr"]),
    (A + "folkereg", A + "helse-omsorg", ["kommunenummer", "fnr"]),
    (A + "folkereg", A + "barnevern", ["fnr"]),
    (A + "folkereg", A + "nav-sosial", ["kommunenummer", "fnr"]),
    ("enhetsregisteret", A + "okonomi", ["kommunenummer", "orgnr"]),
    ("enhetsregisteret", A + "sak-arkiv", ["orgnr"]),
    ("matrikkelen", A + "gis", ["kommunenummer", "gnr-bnr", "adresse"]),
    (A + "gis", A + "byggesak", ["kommunenummer", "gnr-bnr"]),
    (A + "gis", A + "eiendomsskatt", ["kommunenummer", "gnr-bnr"]),
    (A + "gis", A + "vann-avlop", ["kommunenummer", "gnr-bnr", "adresse"]),
    (A + "gis", "arim.renovasjon", ["kommunenummer", "gnr-bnr", "adresse"]),
    (A + "eiendomsskatt", A + "okonomi", ["kommunenummer", "gnr-bnr"]),
    (A + "vann-avlop", A + "okonomi", ["kommunenummer", "gnr-bnr"]),
    (A + "lonn", A + "okonomi", ["kommunenummer"]),
    (A + "lonn", "skatteetaten.a-ordningen", ["kommunenummer", "fnr"]),
    (A + "okonomi", "ssb.kostra", ["kommunenummer", "orgnr"]),
    (A + "sak-arkiv", "ks.svarut", ["kommunenummer", "orgnr"]),
    (A + "byggesak", A + "sak-arkiv", ["kommunenummer", "saksnr"]),
    (A + "barnevern", A + "sak-arkiv", ["fnr", "saksnr"]),
    ("nav.digisos", A + "nav-sosial", ["kommunenummer", "fnr", "nav-enhetsnummer"]),
    (A + "bostotte", "husbanken.bostotte", ["kommunenummer", "fnr"]),
    (A + "folkereg", A + "bostotte", ["fnr"]),
    (A + "skole", "udir.gsi", ["kommunenummer", "orgnr"]),
    (A + "helse-omsorg", "helsedir.kpr", ["kommunenummer", "fnr"]),
    (A + "folkereg", A + "kultur", ["fnr"]),
    # Across the borders: the archives exchange cases with the neighbours, and Sula's GIS reads
    # Matrikkelen like Ålesund's.
    (A + "sak-arkiv", "sula.sak-arkiv", ["kommunenummer", "saksnr"]),
    (A + "sak-arkiv", "giske.sak-arkiv", ["kommunenummer", "saksnr"]),
    ("matrikkelen", "sula.gis", ["kommunenummer", "gnr-bnr"]),
    ("arim.renovasjon", "sula.gis", ["gnr-bnr"]),
]


def build():
    with open(CATALOGUE, encoding="utf-8") as f:
        catalogue = {s["id"]: s for s in json.load(f)["systems"]}
    systems = []
    for sid in NATIONAL:
        c = catalogue[sid]
        systems.append({k: c[k] for k in ("id", "name", "kind", "owner", "keys", "criticality")
                        if k in c})
    for (suffix, name, vendor, product, domain, keys, criticality, effort) in ALESUND:
        systems.append({
            "id": A + suffix, "name": name + " (Ålesund)", "kind": "municipal", "owner": "1507",
            "vendor": vendor, "product": product, "domain": domain, "keys": keys,
            "criticality": criticality, "cutover": {"effort_days": effort}})
    for (sid, name, owner, vendor, product, domain, keys, criticality, effort) in INTERMUNICIPAL:
        systems.append({
            "id": sid, "name": name, "kind": "intermunicipal", "owner": owner, "vendor": vendor,
            "product": product, "domain": domain, "keys": keys, "criticality": criticality,
            "cutover": {"effort_days": effort}})
    for (sid, name, owner, vendor, product, domain, keys, criticality) in NEIGHBOURS:
        systems.append({
            "id": sid, "name": name, "kind": "municipal", "owner": owner, "vendor": vendor,
            "product": product, "domain": domain, "keys": keys, "criticality": criticality})
    defined = {s["id"] for s in systems}
    integrations = []
    for (a, b, carries) in INTEGRATIONS:
        assert a in defined and b in defined, (a, b)
        integrations.append({"from": a, "to": b, "carries": carries})
    return {
        "format": "landskap/1",
        "keys": [{"id": k, "description": d} for (k, d) in KEYS],
        "changes": [{"key": k, "from": f, "to": t, "effective": e} for (k, f, t, e) in CHANGES],
        "systems": systems,
        "integrations": integrations,
    }


if __name__ == "__main__":
    json.dump(build(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
