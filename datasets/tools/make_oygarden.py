#!/usr/bin/env python3
"""Generate datasets/oygarden-2020.json, the bundled landscape of the 2020 Øygarden merger.

On 2020-01-01 Fjell (1246), Sund (1245) and Øygarden (1259) became Øygarden kommune (4626).
This script builds an illustrative system landscape for that merger: the national registers and
services, the three municipalities' own systems, shared intermunicipal and vendor-hosted systems,
and a few systems of the neighbours Askøy (1247) and Bergen (1201), which do not change number in
this question. See datasets/oygarden-2020.README.md for where the facts come from and what is
constructed.

    python3 datasets/tools/make_oygarden.py > datasets/oygarden-2020.json

Standard library only. The output is deterministic: the same script gives byte-identical JSON.
The tables below are the data; the code at the bottom only expands and checks them.
"""

import json
import sys

# --------------------------------------------------------------------------------------------
# Keys: every key used by a system or an integration is declared here.
# --------------------------------------------------------------------------------------------

KEYS = [
    ("kommunenummer", "Kommunenummer: 4 digits, the first two are the fylkesnummer. Fjell 1246, "
                      "Sund 1245 and Øygarden 1259 became Øygarden 4626 on 2020-01-01."),
    ("fnr", "Fødselsnummer (11 digits) from Folkeregisteret."),
    ("dnr", "D-nummer: identity number for people who are not registered as residents."),
    ("orgnr", "Organisasjonsnummer (9 digits) from Enhetsregisteret."),
    ("gnr-bnr", "Matrikkelenhet: gårdsnummer/bruksnummer (with festenummer and seksjonsnummer); "
                "unique only together with the kommunenummer."),
    ("bygningsnr", "Bygningsnummer from Matrikkelen."),
    ("adresse", "Offisiell adresse (vegadresse or matrikkeladresse, with adressekode) from "
                "Matrikkelen; the adressekode is numbered per municipality."),
    ("saksnr", "Saksnummer and journalpostnummer in a Noark 5 archive."),
    ("ansattnr", "Ansattnummer in lønn/HR."),
    ("kontonr", "Bankkontonummer."),
    ("kostra-art", "KOSTRA art and funksjon: the dimensions of the municipal chart of accounts "
                   "that are reported to SSB."),
    ("her-id", "HER-id: the address of a health service in Adresseregisteret (Norsk helsenett)."),
    ("hpr-nr", "HPR-nummer: helsepersonellnummer from Helsepersonellregisteret."),
    ("feide-id", "Feide identity of pupils and staff."),
    ("nav-enhetsnummer", "NAV-enhetsnummer of the NAV-kontor; routes digital søknad om "
                         "sosialhjelp to the right municipality."),
]

CHANGES = [
    # (key, from, to, effective)
    ("kommunenummer", "1246", "4626", "2020-01-01"),  # Fjell
    ("kommunenummer", "1245", "4626", "2020-01-01"),  # Sund
    ("kommunenummer", "1259", "4626", "2020-01-01"),  # Øygarden
]

# Capacities for the cutover plan (how many systems of a vendor or an owner can be in progress on
# one working day). ASSUMED for illustration, not known facts: the big vendors that serve all
# three municipalities (Visma, Tieto, Norkart, Acos) have a small team each for the merger, and
# each municipality's own IT staff is small, Fjell's the largest.
RESOURCES = [
    # ("vendor" or "owner", name, capacity)
    ("vendor", "Visma", 3),
    ("vendor", "Tieto", 2),
    ("vendor", "Norkart", 2),
    ("vendor", "Acos", 2),
    ("owner", "1246", 4),  # Fjell
    ("owner", "1245", 2),  # Sund
    ("owner", "1259", 2),  # Øygarden
]

NAME = "Øygarden 2020: Fjell, Sund and Øygarden become Øygarden (4626)"

# --------------------------------------------------------------------------------------------
# National registers and services (kind "national", owned by the agency).
# The fixed dates are the days a register offers the new numbers in its test environment.
# --------------------------------------------------------------------------------------------

NATIONAL = [
    # (id, name, owner, product, domain, keys, criticality, effort_days, fixed_date)
    ("folkeregisteret", "Folkeregisteret", "Skatteetaten", "Modernisert folkeregister",
     "folkeregister", ["kommunenummer", "fnr", "dnr", "adresse"], "critical", 5, "2019-09-02"),
    ("enhetsregisteret", "Enhetsregisteret", "Brønnøysundregistrene", None,
     "enhetsregister", ["orgnr", "kommunenummer", "adresse"], "critical", 5, "2019-09-16"),
    ("brreg.frivillighetsregisteret", "Frivillighetsregisteret", "Brønnøysundregistrene", None,
     "enhetsregister", ["orgnr", "kommunenummer"], "low", 2, None),
    ("matrikkelen", "Matrikkelen", "Kartverket", None,
     "matrikkel", ["kommunenummer", "gnr-bnr", "bygningsnr", "adresse"], "critical", 10,
     "2019-10-01"),
    ("kartverket.grunnbok", "Grunnboken", "Kartverket", None,
     "matrikkel", ["kommunenummer", "gnr-bnr", "fnr", "orgnr"], "high", 5, None),
    ("kartverket.sfkb", "Sentral felles kartdatabase (FKB)", "Kartverket", "Geosynkronisering",
     "kart-gis", ["kommunenummer"], "medium", 5, None),
    ("kartverket.ssr", "Sentralt stedsnavnregister", "Kartverket", None,
     "kart-gis", ["kommunenummer"], "low", 2, None),
    ("altinn", "Altinn", "Digdir", None,
     "fellesløsning", ["fnr", "orgnr", "kommunenummer"], "high", 5, None),
    ("id-porten", "ID-porten", "Digdir", None,
     "fellesløsning", ["fnr"], "critical", 2, None),
    ("maskinporten", "Maskinporten", "Digdir", None,
     "fellesløsning", ["orgnr"], "high", 2, None),
    ("krr", "Kontakt- og reservasjonsregisteret (KRR)", "Digdir", None,
     "fellesløsning", ["fnr"], "high", 2, None),
    ("digital-postkasse", "Digital postkasse til innbyggere", "Digdir", "Sikker digital post",
     "fellesløsning", ["fnr"], "high", 2, None),
    ("eformidling", "eFormidling", "Digdir", "Integrasjonspunktet",
     "fellesløsning", ["orgnr"], "medium", 3, None),
    ("einnsyn", "eInnsyn", "Digdir", None,
     "sak-arkiv", ["orgnr"], "low", 2, None),
    ("peppol", "EHF/PEPPOL e-faktura (ELMA)", "Digdir", None,
     "okonomi", ["orgnr"], "medium", 2, None),
    ("ks.svarut", "KS SvarUT", "KS", "Fiks SvarUT",
     "fiks", ["kommunenummer", "orgnr", "fnr"], "high", 5, None),
    ("ks.svarinn", "KS SvarInn", "KS", "Fiks SvarInn",
     "fiks", ["kommunenummer", "orgnr"], "high", 3, None),
    ("ks.fiks-konfigurasjon", "Fiks-plattformen: organisasjoner og konfigurasjon", "KS",
     "Fiks konfigurasjon", "fiks", ["kommunenummer", "orgnr"], "high", 5, "2019-10-15"),
    ("ks.fiks-folkeregister", "Fiks folkeregister", "KS", "Fiks folkeregister",
     "fiks", ["kommunenummer", "fnr", "dnr", "adresse"], "critical", 5, "2019-09-16"),
    ("ks.fiks-digisos", "Fiks Digisos", "KS", "Fiks Digisos",
     "fiks", ["kommunenummer", "fnr", "nav-enhetsnummer"], "critical", 3, None),
    ("ks.fiks-innsyn", "Fiks Innsyn", "KS", "Fiks Innsyn",
     "fiks", ["fnr", "saksnr"], "medium", 2, None),
    ("ks.bekymringsmelding", "Nasjonal portal for bekymringsmelding (barnevern)", "KS",
     "Fiks bekymringsmelding", "barnevern", ["kommunenummer", "fnr"], "critical", 3, None),
    ("ks.pai", "PAI-registeret", "KS", None,
     "lonn-hr", ["kommunenummer", "orgnr", "fnr", "ansattnr"], "medium", 3, None),
    ("ks.laering", "KS Læring", "KS", None,
     "lonn-hr", ["ansattnr", "orgnr"], "low", 2, None),
    ("nav.digisos", "Digital søknad om sosialhjelp (nav.no)", "NAV", None,
     "nav", ["fnr", "kommunenummer", "nav-enhetsnummer"], "critical", 3, None),
    ("nav.modia", "NAV Modia og Arena", "NAV", None,
     "nav", ["fnr", "nav-enhetsnummer"], "high", 3, None),
    ("nav.aa-registeret", "Arbeidsgiver- og arbeidstakerregisteret (Aa-registeret)", "NAV", None,
     "nav", ["fnr", "orgnr"], "high", 2, None),
    ("nav.refusjon", "NAV sykepengerefusjon og inntektsmelding", "NAV", None,
     "nav", ["fnr", "orgnr"], "high", 2, None),
    ("nav.hjelpemiddelsentral", "NAV Hjelpemiddelsentral Vestland", "NAV", None,
     "nav", ["fnr", "kommunenummer"], "high", 3, None),
    ("skatteetaten.a-ordningen", "A-ordningen", "Skatteetaten", None,
     "skatt", ["fnr", "orgnr", "kommunenummer"], "critical", 3, None),
    ("skatteetaten.sofie", "Skatteregnskap (SOFIE)", "Skatteetaten", "SOFIE",
     "skatt", ["fnr", "orgnr", "kommunenummer"], "high", 5, None),
    ("ssb.kostra", "KOSTRA-rapportering", "SSB", None,
     "rapportering", ["kommunenummer", "orgnr", "kostra-art", "fnr"], "high", 5, None),
    ("husbanken.bostotte", "Bostøtte", "Husbanken", None,
     "bolig", ["fnr", "kommunenummer"], "high", 3, None),
    ("husbanken.startlan", "Startlån og tilskudd", "Husbanken", None,
     "bolig", ["fnr", "kommunenummer"], "medium", 3, None),
    ("imdi.nir", "Nasjonalt introduksjonsregister (NIR)", "IMDi", None,
     "flyktning", ["fnr", "kommunenummer"], "medium", 2, None),
    ("nhn.e-resept", "E-resept (Reseptformidleren)", "Norsk helsenett", None,
     "helse", ["fnr", "hpr-nr"], "critical", 2, None),
    ("nhn.kjernejournal", "Kjernejournal", "Norsk helsenett", None,
     "helse", ["fnr"], "high", 2, None),
    ("nhn.adresseregisteret", "Adresseregisteret (HER-id)", "Norsk helsenett", None,
     "helse", ["her-id", "orgnr", "kommunenummer"], "critical", 3, None),
    ("helsenorge", "Helsenorge", "Norsk helsenett", None,
     "helse", ["fnr"], "medium", 2, None),
    ("helsedir.hpr", "Helsepersonellregisteret (HPR)", "Helsedirektoratet", None,
     "helse", ["hpr-nr", "fnr"], "high", 1, None),
    ("helsedir.kpr", "Kommunalt pasient- og brukerregister (KPR, IPLOS)", "Helsedirektoratet",
     None, "helse", ["fnr", "kommunenummer"], "medium", 3, None),
    ("helsedir.bevillingsregisteret", "Bevillingsregisteret (salg og skjenking)",
     "Helsedirektoratet", None, "naering", ["orgnr", "kommunenummer"], "low", 2, None),
    ("helfo.kuhr", "KUHR (legeregninger)", "Helfo", None,
     "helse", ["fnr", "hpr-nr", "orgnr"], "high", 2, None),
    ("helfo.fastlegeregisteret", "Fastlegeregisteret", "Helfo", None,
     "helse", ["fnr", "hpr-nr", "kommunenummer"], "high", 3, None),
    ("fhi.sysvak", "Nasjonalt vaksinasjonsregister (SYSVAK)", "FHI", None,
     "helse", ["fnr", "hpr-nr"], "high", 2, None),
    ("fhi.msis", "Meldingssystem for smittsomme sykdommer (MSIS)", "FHI", None,
     "helse", ["kommunenummer"], "medium", 2, None),
    ("helse-bergen.dips", "Pasientjournal Haukeland (Helse Bergen)", "Helse Bergen HF", "DIPS",
     "helse", ["fnr", "her-id"], "critical", 5, None),
    ("udir.nsr", "Nasjonalt skoleregister (NSR)", "Udir", None,
     "skole", ["orgnr", "kommunenummer"], "medium", 2, None),
    ("udir.gsi", "Grunnskolens informasjonssystem (GSI)", "Udir", None,
     "skole", ["orgnr", "kommunenummer"], "medium", 2, None),
    ("udir.pas", "Prøveadministrasjon (PAS/PGS)", "Udir", None,
     "skole", ["fnr", "orgnr", "feide-id"], "high", 2, None),
    ("udir.nbr", "Nasjonalt barnehageregister (NBR)", "Udir", None,
     "barnehage", ["orgnr", "kommunenummer"], "medium", 2, None),
    ("udir.basil", "Barnehagerapportering (BASIL)", "Udir", None,
     "barnehage", ["orgnr", "kommunenummer"], "medium", 2, None),
    ("feide", "Feide", "Uninett", None,
     "skole", ["feide-id", "orgnr"], "high", 2, None),
    ("vigo", "VIGO (inntak til videregående opplæring)", "VIGO IKS", None,
     "skole", ["fnr", "orgnr"], "medium", 2, None),
    ("statsforvalteren", "Fylkesmannen i Vestland (Statsforvalteren): saksbehandling og tilskudd",
     "Fylkesmannen i Vestland", None, "tilsyn", ["kommunenummer", "orgnr", "saksnr"], "medium", 3,
     None),
    ("valg.eva", "Valgadministrasjonssystemet EVA", "Valgdirektoratet", "EVA",
     "valg", ["kommunenummer", "fnr", "adresse"], "high", 3, None),
    ("dibk.fellestjenester-bygg", "Fellestjenester BYGG (byggesøknad)",
     "Direktoratet for byggkvalitet", None, "byggesak",
     ["kommunenummer", "gnr-bnr", "adresse", "fnr", "orgnr"], "medium", 3, None),
    ("dsb.bris", "Brannstatistikk (BRIS)", "DSB", None,
     "brann", ["kommunenummer", "adresse"], "low", 2, None),
    ("dsb.cim", "Krisestøtteverktøy (CIM)", "DSB", "CIM",
     "beredskap", ["kommunenummer", "adresse"], "medium", 2, None),
    ("svv.nvdb", "Nasjonal vegdatabank (NVDB)", "Statens vegvesen", None,
     "veg", ["kommunenummer", "adresse"], "low", 2, None),
    ("nibio.gardskart", "Gårdskart (AR5)", "NIBIO", None,
     "landbruk", ["kommunenummer", "gnr-bnr"], "low", 2, None),
    ("landbruksdir.landbruksregisteret", "Landbruksregisteret", "Landbruksdirektoratet", None,
     "landbruk", ["orgnr", "kommunenummer", "gnr-bnr"], "medium", 2, None),
    ("landbruksdir.estil", "Produksjonstilskudd (eStil PT)", "Landbruksdirektoratet", "eStil",
     "landbruk", ["orgnr", "kommunenummer"], "medium", 3, None),
    ("miljodir.hjorteviltregisteret", "Hjorteviltregisteret", "Miljødirektoratet", None,
     "landbruk", ["kommunenummer", "gnr-bnr"], "low", 1, None),
    ("spk", "Statens pensjonskasse (lærerpensjon)", "Statens pensjonskasse", None,
     "lonn-hr", ["fnr", "orgnr"], "medium", 2, None),
    ("kommunalbanken", "Kommunalbanken (lån til kommunen)", "Kommunalbanken", None,
     "okonomi", ["orgnr"], "low", 1, None),
    ("skatteetaten.skattekort", "Skattekort til arbeidsgiver", "Skatteetaten", None,
     "skatt", ["fnr", "orgnr"], "critical", 2, None),
    ("politiet.politiattest", "Politiattest", "Politiet", None,
     "lonn-hr", ["fnr", "orgnr"], "low", 1, None),
    ("bufetat", "Bufetat region vest (statlig barnevern)", "Bufdir", None,
     "barnevern", ["kommunenummer", "fnr"], "high", 2, None),
    ("arkivverket.arkivportalen", "Arkivportalen", "Arkivverket", None,
     "sak-arkiv", ["kommunenummer", "orgnr"], "low", 2, None),
    ("kartverket.geonorge", "Geonorge (nasjonale kartdata og -tjenester)", "Kartverket", None,
     "kart-gis", ["kommunenummer"], "low", 1, None),
    ("ra.askeladden", "Kulturminnedatabasen Askeladden", "Riksantikvaren", None,
     "kart-gis", ["kommunenummer", "gnr-bnr"], "low", 1, None),
    ("miljodir.naturbase", "Naturbase", "Miljødirektoratet", None,
     "kart-gis", ["kommunenummer"], "low", 1, None),
    ("nve.atlas", "Flom- og skredsoner (NVE Atlas)", "NVE", None,
     "kart-gis", ["kommunenummer"], "low", 1, None),
    ("mattilsynet.vannverksregisteret", "Vannverksregisteret", "Mattilsynet", None,
     "vann-avlop", ["kommunenummer", "orgnr"], "low", 1, None),
    ("kud.idrettsanlegg", "Idrettsanlegg og spillemidler", "Kulturdepartementet", None,
     "kultur", ["kommunenummer", "gnr-bnr", "orgnr"], "low", 1, None),
]

# --------------------------------------------------------------------------------------------
# Intermunicipal systems (kind "intermunicipal"): shared by the three municipalities, owned by
# the company or cooperation that runs them. The owner names are illustrative.
# --------------------------------------------------------------------------------------------

INTERMUNICIPAL = [
    # (id, name, owner, vendor, product, domain, keys, criticality, effort_days)
    ("bir.renovasjon", "Renovasjon: kunde- og hentesystem (BIR)", "BIR", "Norkart",
     "KomTek Renovasjon", "renovasjon", ["kommunenummer", "gnr-bnr", "adresse", "fnr", "orgnr"],
     "high", 10),
    ("ika.depot", "Depot for elektroniske arkiv (IKA Hordaland)", "IKA Hordaland", "KDRS",
     "Noark 5-depot", "sak-arkiv", ["kommunenummer", "fnr", "orgnr", "saksnr"], "high", 15),
    ("legevakt.epj", "Interkommunal legevakt: journal", "Interkommunal legevakt Fjell, Sund og Øygarden",
     "CompuGroup Medical", "CGM Allmenn", "legevakt", ["fnr", "dnr", "hpr-nr", "her-id"],
     "critical", 6),
    ("brann.komtek", "Brann og feiing: tilsyn og objektregister",
     "Brann- og redningssamarbeid Fjell, Sund og Øygarden", "Norkart", "KomTek Brann",
     "brann", ["kommunenummer", "gnr-bnr", "bygningsnr", "adresse"], "medium", 5),
    ("brann.110", "110-sentral (Hordaland)", "Bergen brannvesen", None, "110-sentral",
     "brann", ["kommunenummer", "adresse", "gnr-bnr"], "critical", 4),
    ("vikt.meldingssentral", "Meldingssentral for helse (PLO-meldinger)", "Vestland IKT-samarbeid",
     None, "Meldingstjener (ebXML)", "helse", ["fnr", "her-id"], "critical", 8),
    ("ppt.samarbeid", "PPT for Fjell, Sund og Øygarden", "PPT-samarbeid Fjell, Sund og Øygarden",
     "Visma", "Visma Flyt PPT", "ppt", ["fnr", "orgnr", "kommunenummer", "saksnr"], "high", 5),
    ("skyss.skoleskyss", "Skoleskyss (Skyss)", "Skyss (Hordaland fylkeskommune)", None, None,
     "skole", ["fnr", "adresse", "orgnr", "kommunenummer"], "medium", 3),
]

# --------------------------------------------------------------------------------------------
# Vendor-hosted platforms (kind "vendor", owned by the vendor).
# --------------------------------------------------------------------------------------------

VENDOR_PLATFORMS = [
    # (id, name, vendor, product, domain, keys, criticality, effort_days)
    ("plattform.integrasjon", "Integrasjonsplattform for Sund og Øygarden (driftet hos leverandør)",
     "Tieto", "Integrasjonsplattform (iPaaS)", "integrasjon", [], "critical", 10),
    ("microsoft.m365", "Microsoft 365 (e-post, Teams)", "Microsoft", "Microsoft 365",
     "ikt", ["ansattnr"], "high", 5),
    ("norkart.kommunekart", "Kommunekart (kartinnsyn)", "Norkart", "Kommunekart",
     "kart-gis", ["kommunenummer", "gnr-bnr", "adresse"], "medium", 4),
    ("framsikt", "Budsjett og økonomiplan", "Framsikt", "Framsikt",
     "okonomi", ["kommunenummer", "kostra-art", "orgnr"], "medium", 5),
    ("vigilo", "Kommunikasjon skole/barnehage og hjem", "Vigilo", "Vigilo",
     "skole", ["fnr"], "low", 2),
    ("digipost", "Digipost", "Posten Norge", "Digipost",
     "fellesløsning", ["fnr"], "medium", 1),
    ("eboks", "e-Boks", "e-Boks", "e-Boks",
     "fellesløsning", ["fnr"], "medium", 1),
    ("compilo", "Kvalitets- og avvikssystem", "Compilo", "Compilo",
     "kvalitet", ["ansattnr"], "low", 2),
    ("visma.proceedo", "E-handel", "Visma", "Visma Proceedo",
     "okonomi", ["orgnr"], "low", 3),
    ("mercell", "Konkurransegjennomføring", "Mercell", "Mercell",
     "innkjop", ["orgnr"], "low", 1),
    ("nets.efaktura", "eFaktura og AvtaleGiro", "Nets", None,
     "okonomi", ["fnr", "orgnr", "kontonr"], "medium", 2),
    ("ambita.infoland", "Eiendomsinformasjon til meglere (Infoland)", "Ambita", "Infoland",
     "eiendom", ["kommunenummer", "gnr-bnr", "adresse"], "low", 3),
    ("dignio", "Digital hjemmeoppfølging", "Dignio", "Dignio Prevent",
     "helse-omsorg", ["fnr"], "high", 2),
    ("klp.pensjon", "Kommunal pensjon (KLP)", "KLP", None,
     "lonn-hr", ["fnr", "orgnr", "kommunenummer"], "high", 3),
    ("geomatikk.gravemelding", "Gravemelding og ledningspåvisning", "Geomatikk", None,
     "vann-avlop", ["gnr-bnr", "adresse"], "low", 1),
    ("kf.infoserie", "Regelverk og håndbøker (KF Infoserie)", "Kommuneforlaget", "KF Infoserie",
     "kvalitet", [], "low", 1),
]

# --------------------------------------------------------------------------------------------
# The three merging municipalities.
# --------------------------------------------------------------------------------------------

MUNICIPALITIES = [
    # (prefix, kommunenummer, display name, integration hub)
    ("fjell", "1246", "Fjell", "fjell.integrasjon"),
    ("sund", "1245", "Sund", "plattform.integrasjon"),
    ("oygarden", "1259", "Øygarden", "plattform.integrasjon"),
]

F, S, O = "fjell", "sund", "oygarden"

# Each row is one kind of municipal system; the last column says which vendor and product each
# municipality uses and the estimated cutover effort in days (a municipality without the system
# is left out).
MUNICIPAL = [
    # (slug, name, domain, keys, criticality, {prefix: (vendor, product, effort_days)})
    ("sak-arkiv", "Sak/arkiv", "sak-arkiv",
     ["kommunenummer", "fnr", "dnr", "orgnr", "gnr-bnr", "adresse", "saksnr"], "high",
     {F: ("Tieto", "Public 360", 25), S: ("Acos", "Acos WebSak", 15), O: ("Sikri", "Elements", 15)}),
    ("sak-arkiv-historisk", "Avsluttet arkivbase", "sak-arkiv",
     ["kommunenummer", "fnr", "orgnr", "saksnr"], "medium",
     {F: ("Evry", "ePhorte", 6), S: ("Acos", "Acos WebSak (base 2004-2014)", 4),
      O: ("Evry", "ePhorte", 4)}),
    ("politisk", "Politisk møtebehandling", "sak-arkiv", ["saksnr"], "low",
     {F: ("Tieto", "Public 360 møtemodul", 3), S: ("Acos", "Acos WebSak møtemodul", 2),
      O: ("Sikri", "Elements møtemodul", 2)}),
    ("skanning", "Skanning og postmottak", "sak-arkiv", ["saksnr", "fnr"], "low",
     {F: ("Kofax", "Kofax Capture", 2), S: ("Kofax", "Kofax Capture", 1)}),
    ("okonomi", "Økonomi (regnskap, reskontro, fakturering)", "okonomi",
     ["kommunenummer", "orgnr", "fnr", "kostra-art", "kontonr"], "high",
     {F: ("Visma", "Visma Enterprise Økonomi", 15), S: ("Visma", "Visma Enterprise Økonomi", 12),
      O: ("Unit4", "Unit4 ERP (Agresso)", 15)}),
    ("fakturamottak", "Fakturamottak og attestasjon (EHF)", "okonomi", ["orgnr", "kostra-art"],
     "medium",
     {F: ("Visma", "Visma Document Center", 4), S: ("Visma", "Visma Document Center", 3),
      O: ("Unit4", "Unit4 ERP fakturaflyt", 3)}),
    ("innfordring", "Innfordring", "okonomi", ["fnr", "orgnr", "kontonr"], "medium",
     {F: ("Visma", "Visma Enterprise Innfordring", 4), S: ("Visma", "Visma Enterprise Innfordring", 3),
      O: ("Unit4", "Unit4 ERP innfordring", 3)}),
    ("bi", "Styringsdata og analyse", "okonomi", ["kommunenummer", "kostra-art"], "low",
     {F: ("Qlik", "Qlik Sense", 3)}),
    ("lonn", "Lønn og personal (HRM)", "lonn-hr",
     ["fnr", "ansattnr", "orgnr", "kommunenummer", "kontonr"], "high",
     {F: ("Visma", "Visma Enterprise HRM", 15), S: ("Visma", "Visma Enterprise HRM", 12),
      O: ("Unit4", "Unit4 ERP (lønn og HR)", 15)}),
    ("turnus", "Turnus og ressursstyring", "lonn-hr", ["ansattnr", "fnr"], "medium",
     {F: ("Visma", "Visma Ressursstyring (GAT)", 8), S: ("Visma", "Visma Ressursstyring (GAT)", 5),
      O: ("Visma", "Visma Ressursstyring (GAT)", 5)}),
    ("rekruttering", "Rekruttering", "lonn-hr", ["fnr"], "low",
     {F: ("Webcruiter", "Webcruiter", 2), S: ("Webcruiter", "Webcruiter", 1),
      O: ("Jobbnorge", "Jobbnorge", 1)}),
    ("reiseregning", "Reiseregning og utlegg", "lonn-hr", ["ansattnr", "kontonr"], "low",
     {F: ("Visma", "Visma Expense", 2), S: ("Visma", "Visma Expense", 2),
      O: ("Unit4", "Unit4 ERP reiseregning", 2)}),
    ("ad", "AD og identitetsforvaltning (IAM)", "ikt", ["ansattnr"], "high",
     {F: ("Microsoft", "Active Directory", 6), S: ("Microsoft", "Active Directory", 4),
      O: ("Microsoft", "Active Directory", 4)}),
    ("integrasjon", "Integrasjonsplattform", "integrasjon", [], "critical",
     {F: ("Microsoft", "BizTalk Server", 12)}),
    ("skole-feide", "Feide-pålogging (skole-AD)", "skole", ["fnr", "feide-id", "orgnr"], "high",
     {F: ("Microsoft", "Active Directory (Feide)", 4), S: ("Microsoft", "Active Directory (Feide)", 3),
      O: ("Microsoft", "Active Directory (Feide)", 3)}),
    ("servicedesk", "IKT-brukerstøtte", "ikt", ["ansattnr"], "low",
     {F: ("TOPdesk", "TOPdesk", 2), S: ("TOPdesk", "TOPdesk", 1), O: ("TOPdesk", "TOPdesk", 1)}),
    ("telefoni", "Sentralbord og telefoni", "ikt", [], "medium",
     {F: ("Telia", "Touchpoint", 3), S: ("Telia", "Touchpoint", 2), O: ("Telia", "Touchpoint", 2)}),
    ("nettsted", "Kommunens nettsted", "innbyggerportal", [], "medium",
     {F: ("Episerver", "Episerver CMS", 5), S: ("Acos", "Acos Interact", 3),
      O: ("Acos", "Acos Interact", 3)}),
    ("eskjema", "Innbyggerportal og eSkjema", "innbyggerportal",
     ["fnr", "orgnr", "kommunenummer"], "medium",
     {F: ("Acos", "Acos eSkjema", 5), S: ("Acos", "Acos eSkjema", 3), O: ("Acos", "Acos eSkjema", 3)}),
    ("sms-varsling", "Befolkningsvarsling (SMS)", "beredskap", ["fnr", "adresse", "gnr-bnr"],
     "high",
     {F: ("UMS", "UMS Varsling", 2), S: ("UMS", "UMS Varsling", 2), O: ("UMS", "UMS Varsling", 2)}),
    ("barnehage", "Barnehage (opptak og foreldrebetaling)", "barnehage",
     ["fnr", "orgnr", "adresse", "kommunenummer"], "medium",
     {F: ("Visma", "Visma Flyt Barnehage", 8), S: ("Visma", "Visma Flyt Barnehage", 5),
      O: ("IST", "IST Extens Barnehage", 6)}),
    ("skole", "Skoleadministrasjon (elever, SFO, vurdering)", "skole",
     ["fnr", "dnr", "orgnr", "feide-id", "kommunenummer"], "high",
     {F: ("Visma", "Visma Flyt Skole", 10), S: ("Visma", "Visma Flyt Skole", 6),
      O: ("IST", "IST Extens", 8)}),
    ("laeringsplattform", "Læringsplattform", "skole", ["feide-id"], "medium",
     {F: ("itslearning", "itslearning", 4), S: ("itslearning", "itslearning", 3),
      O: ("Google", "Google Workspace for Education", 3)}),
    ("kulturskole", "Kulturskole", "kultur", ["fnr", "adresse"], "low",
     {F: ("SpeedAdmin", "SpeedAdmin", 3), S: ("SpeedAdmin", "SpeedAdmin", 2),
      O: ("SpeedAdmin", "SpeedAdmin", 2)}),
    ("billett", "Billettsystem for kulturhuset", "kultur", ["orgnr"], "low",
     {F: ("TicketCo", "TicketCo", 1)}),
    ("bibliotek", "Bibliotek", "kultur", ["fnr", "adresse"], "low",
     {F: ("Bibliotekenes IT-senter", "Bibliofil", 3), S: ("Bibliotekenes IT-senter", "Bibliofil", 2),
      O: ("Bibliotek-Systemer", "Mikromarc", 2)}),
    ("helse-omsorg", "Pleie og omsorg (EPJ)", "helse-omsorg",
     ["fnr", "dnr", "adresse", "her-id", "hpr-nr", "kommunenummer"], "critical",
     {F: ("Tieto", "Gerica", 15), S: ("Visma", "Visma Profil", 12), O: ("Tieto", "Gerica", 12)}),
    ("omsorg-mobil", "Mobil omsorg (hjemmetjenesten)", "helse-omsorg", ["fnr", "adresse"], "high",
     {F: ("Tieto", "Gerica mobil", 4), S: ("Visma", "Visma Mobil Omsorg", 3),
      O: ("Tieto", "Gerica mobil", 3)}),
    ("psykisk-helse", "Psykisk helse og rus (journal)", "helse-omsorg",
     ["fnr", "her-id", "hpr-nr"], "high",
     {F: ("CosDoc", "CosDoc", 5), S: ("Visma", "Visma Profil", 3), O: ("CosDoc", "CosDoc", 3)}),
    ("fysio-ergo", "Fysio- og ergoterapi (journal)", "helse-omsorg", ["fnr", "her-id"], "medium",
     {F: ("CosDoc", "CosDoc", 3), S: ("CosDoc", "CosDoc", 2), O: ("CosDoc", "CosDoc", 2)}),
    ("helsestasjon", "Helsestasjon og skolehelsetjeneste (journal)", "helsestasjon",
     ["fnr", "dnr", "her-id", "hpr-nr"], "high",
     {F: ("CosDoc", "CosDoc", 6), S: ("Visma", "Visma Profil helsestasjon", 4),
      O: ("CosDoc", "CosDoc", 4)}),
    ("legekontor", "Kommunalt legekontor (EPJ)", "helse",
     ["fnr", "dnr", "hpr-nr", "her-id", "kommunenummer"], "high",
     {F: ("Infodoc", "Infodoc Plenario", 5), S: ("CompuGroup Medical", "CGM Allmenn", 4),
      O: ("Infodoc", "Infodoc Plenario", 4)}),
    ("trygghetsalarm", "Trygghetsalarm og responssenter", "helse-omsorg", ["fnr", "adresse"],
     "critical",
     {F: ("Tunstall", "Tunstall PNC", 4), S: ("Tunstall", "Tunstall PNC", 3),
      O: ("Tunstall", "Tunstall PNC", 3)}),
    ("sykesignal", "Sykesignalanlegg (sykehjem)", "helse-omsorg", [], "high",
     {F: ("Ascom", "Ascom Telligence", 2), S: ("Ascom", "Ascom Telligence", 2),
      O: ("Ascom", "Ascom Telligence", 2)}),
    ("e-las", "Elektroniske dørlåser (hjemmetjenesten)", "helse-omsorg", ["adresse"], "medium",
     {F: ("Phoniro", "Phoniro Care", 2), S: ("Phoniro", "Phoniro Care", 2),
      O: ("Phoniro", "Phoniro Care", 2)}),
    ("medisindispenser", "Medisindispensere", "helse-omsorg", ["fnr"], "medium",
     {F: ("Evondos", "Evondos", 2), S: ("Evondos", "Evondos", 1)}),
    ("nav-sosial", "Sosiale tjenester i NAV-kontoret", "nav-sosial",
     ["fnr", "dnr", "kommunenummer", "nav-enhetsnummer", "kontonr", "saksnr"], "critical",
     {F: ("Visma", "Socio", 8), S: ("Visma", "Socio", 5), O: ("Tieto", "Velferd", 5)}),
    ("barnevern", "Barnevern", "barnevern",
     ["fnr", "dnr", "kommunenummer", "adresse", "saksnr"], "critical",
     {F: ("Visma", "Visma Familia", 10), S: ("Visma", "Visma Familia", 6),
      O: ("Visma", "Visma Familia", 6)}),
    ("byggesak", "Byggesak", "byggesak",
     ["kommunenummer", "gnr-bnr", "adresse", "fnr", "orgnr", "saksnr"], "high",
     {F: ("Tieto", "Public 360 byggesak", 8), S: ("Acos", "Acos WebSak byggesak", 5),
      O: ("Sikri", "Elements byggesak", 5)}),
    ("plan", "Planregister og planbehandling", "plan", ["kommunenummer", "gnr-bnr"], "medium",
     {F: ("Norkart", "Gisline Planregister", 5), S: ("Norconsult", "ISY Planregister", 3),
      O: ("Geomatikk", "Adaptive Planregister", 3)}),
    ("gis", "Kart og GIS", "kart-gis",
     ["kommunenummer", "gnr-bnr", "adresse", "bygningsnr"], "medium",
     {F: ("Norkart", "Gisline", 8), S: ("Norconsult", "ISY WinMap", 5),
      O: ("Geomatikk", "Adaptive", 5)}),
    ("matrikkelforing", "Matrikkelføring og adresseforvaltning", "matrikkel",
     ["kommunenummer", "gnr-bnr", "adresse", "bygningsnr", "fnr", "orgnr"], "high",
     {F: ("Norkart", "Gisline Matrikkel", 8), S: ("Kartverket", "Matrikkelklienten", 4),
      O: ("Kartverket", "Matrikkelklienten", 4)}),
    ("landmaaling", "Landmåling (feltprogram)", "matrikkel", ["gnr-bnr"], "low",
     {F: ("Trimble", "Trimble Business Center", 2), S: ("Trimble", "Trimble Business Center", 1),
      O: ("Trimble", "Trimble Business Center", 1)}),
    ("eiendomsskatt", "Eiendomsskatt", "eiendomsskatt",
     ["kommunenummer", "gnr-bnr", "bygningsnr", "fnr", "orgnr", "adresse"], "high",
     {F: ("Norkart", "KomTek Eiendomsskatt", 8), S: ("Norkart", "KomTek Eiendomsskatt", 5),
      O: ("Norkart", "KomTek Eiendomsskatt", 6)}),
    ("gebyr", "Kommunale avgifter og gebyr", "gebyr",
     ["kommunenummer", "gnr-bnr", "fnr", "orgnr", "adresse"], "high",
     {F: ("Norkart", "KomTek Kommunale avgifter", 8), S: ("Norkart", "KomTek Kommunale avgifter", 5),
      O: ("Norkart", "KomTek Kommunale avgifter", 5)}),
    ("vannmaaler", "Vannmåleravlesning", "vann-avlop", ["gnr-bnr"], "low",
     {F: ("Norkart", "KomTek Vannmåler", 2), S: ("Norkart", "KomTek Vannmåler", 1),
      O: ("Norkart", "KomTek Vannmåler", 1)}),
    ("vann-avlop", "Vann og avløp (ledningsnett)", "vann-avlop",
     ["gnr-bnr", "adresse", "kommunenummer"], "medium",
     {F: ("Powel", "Gemini VA", 6), S: ("Powel", "Gemini VA", 4), O: ("Powel", "Gemini VA", 4)}),
    ("fdv", "Forvaltning, drift og vedlikehold av bygg (FDV)", "eiendom",
     ["gnr-bnr", "bygningsnr", "adresse"], "low",
     {F: ("Norconsult", "ISY Eiendom", 4), S: ("Plania", "Plania", 2), O: ("Facilit", "Facilit FDV", 2)}),
    ("energi", "Energioppfølging av kommunale bygg", "eiendom", ["bygningsnr"], "low",
     {F: ("Enoco", "Enoco EOS", 1), S: ("Enoco", "Enoco EOS", 1), O: ("Enoco", "Enoco EOS", 1)}),
]

# --------------------------------------------------------------------------------------------
# Neighbours that do not merge: their numbers do not change in this question. (In the real 2020
# reform Askøy became 4627 and Bergen 4601 because their county changed; this file asks only
# what the merger breaks. Add a change for them to see the county effect.)
# --------------------------------------------------------------------------------------------

NEIGHBOURS = [
    # (id, name, owner, vendor, product, domain, keys, criticality, effort_days)
    ("askoy.gis", "Kart og GIS (Askøy)", "1247", "Norkart", "Gisline", "kart-gis",
     ["kommunenummer", "gnr-bnr", "adresse", "bygningsnr"], "medium", 5),
    ("askoy.matrikkelforing", "Matrikkelføring (Askøy)", "1247", "Norkart", "Gisline Matrikkel",
     "matrikkel", ["kommunenummer", "gnr-bnr", "adresse", "bygningsnr"], "high", 4),
    ("askoy.eiendomsskatt", "Eiendomsskatt (Askøy)", "1247", "Norkart", "KomTek Eiendomsskatt",
     "eiendomsskatt", ["kommunenummer", "gnr-bnr", "fnr", "orgnr"], "high", 4),
    ("askoy.gebyr", "Kommunale avgifter og gebyr (Askøy)", "1247", "Norkart",
     "KomTek Kommunale avgifter", "gebyr", ["kommunenummer", "gnr-bnr", "fnr", "orgnr"], "high", 4),
    ("askoy.sak-arkiv", "Sak/arkiv (Askøy)", "1247", "Tieto", "Public 360", "sak-arkiv",
     ["kommunenummer", "fnr", "orgnr", "saksnr"], "high", 10),
    ("askoy.okonomi", "Økonomi (Askøy)", "1247", "Visma", "Visma Enterprise Økonomi", "okonomi",
     ["kommunenummer", "orgnr", "fnr", "kostra-art"], "high", 10),
    ("askoy.lonn", "Lønn og personal (Askøy)", "1247", "Visma", "Visma Enterprise HRM", "lonn-hr",
     ["fnr", "ansattnr", "orgnr", "kommunenummer"], "high", 8),
    ("askoy.skole", "Skoleadministrasjon (Askøy)", "1247", "Visma", "Visma Flyt Skole", "skole",
     ["fnr", "orgnr", "kommunenummer"], "high", 6),
    ("askoy.barnevern", "Barnevern (Askøy)", "1247", "Visma", "Visma Familia", "barnevern",
     ["fnr", "kommunenummer", "saksnr"], "critical", 6),
    ("askoy.helse-omsorg", "Pleie og omsorg (Askøy)", "1247", "Visma", "Visma Profil",
     "helse-omsorg", ["fnr", "kommunenummer", "her-id"], "critical", 10),
    ("askoy.nav-sosial", "Sosiale tjenester i NAV Askøy", "1247", "Visma", "Socio", "nav-sosial",
     ["fnr", "kommunenummer", "nav-enhetsnummer"], "critical", 5),
    ("bergen.barnevernvakt", "Barnevernvakten i Bergen (vertskommune)", "1201", "Visma",
     "Visma Familia", "barnevern", ["fnr", "kommunenummer", "saksnr"], "critical", 4),
    ("bergen.krisesenter", "Krisesenteret i Bergen (vertskommune)", "1201", None, None,
     "nav-sosial", ["fnr", "kommunenummer"], "high", 2),
]

# --------------------------------------------------------------------------------------------
# Integrations. Direction is the direction of the data: `from` provides, `to` consumes.
#
# MUNICIPAL_FLOWS are written once and expanded for each merging municipality: "{m}" is the
# municipality's prefix, "{hub}" its integration hub (Fjell's own BizTalk; Sund and Øygarden
# use the vendor-hosted platform). A row is emitted only when both ends exist; rows with the
# same `from` and `to` are merged (union of the keys they carry).
# --------------------------------------------------------------------------------------------

KN = "kommunenummer"

MUNICIPAL_FLOWS = [
    # (from, to, carries, protocol, criticality)
    # -- Folkeregister, Enhetsregister and KRR through the integration hub --
    ("ks.fiks-folkeregister", "{hub}", [KN, "fnr", "dnr", "adresse"], "REST", "critical"),
    ("enhetsregisteret", "{hub}", [KN, "orgnr", "adresse"], "REST", "high"),
    ("krr", "{hub}", ["fnr"], "SOAP", "high"),
    ("maskinporten", "{hub}", ["orgnr"], "REST (OAuth2)", "high"),
    ("{hub}", "{m}.sak-arkiv", [KN, "fnr", "dnr", "adresse", "orgnr"], "SOAP", "high"),
    ("{hub}", "{m}.helse-omsorg", [KN, "fnr", "dnr", "adresse"], "REST", "critical"),
    ("{hub}", "{m}.barnevern", [KN, "fnr", "dnr", "adresse"], "REST", "critical"),
    ("{hub}", "{m}.nav-sosial", [KN, "fnr", "dnr", "adresse"], "REST", "critical"),
    ("{hub}", "{m}.skole", [KN, "fnr", "dnr", "adresse"], "REST", "high"),
    ("{hub}", "{m}.barnehage", [KN, "fnr", "adresse", "orgnr"], "REST", "medium"),
    ("{hub}", "{m}.helsestasjon", [KN, "fnr", "dnr", "adresse"], "REST", "high"),
    ("{hub}", "{m}.legekontor", ["fnr", "dnr"], "REST", "high"),
    ("{hub}", "{m}.psykisk-helse", [KN, "fnr", "dnr"], "REST", "high"),
    ("{hub}", "{m}.gebyr", ["fnr", "orgnr", "adresse"], "fil (SFTP)", "high"),
    ("{hub}", "{m}.eiendomsskatt", ["fnr", "orgnr", "adresse"], "fil (SFTP)", "high"),
    ("{hub}", "{m}.okonomi", [KN, "orgnr", "adresse"], "REST", "high"),
    ("{hub}", "{m}.bibliotek", ["fnr", "adresse"], "REST", "low"),
    ("{hub}", "{m}.kulturskole", ["fnr", "adresse"], "REST", "low"),
    ("{hub}", "{m}.sms-varsling", [KN, "fnr", "adresse"], "REST", "high"),
    ("{hub}", "{m}.eskjema", ["fnr", "orgnr"], "REST", "medium"),
    ("{hub}", "{m}.byggesak", ["fnr", "orgnr", "adresse"], "SOAP", "medium"),
    # -- Matrikkel, kart and eiendom --
    ("matrikkelen", "{m}.matrikkelforing", [KN, "gnr-bnr", "bygningsnr", "adresse"], "SOAP",
     "high"),
    ("matrikkelen", "{m}.gis", [KN, "gnr-bnr", "bygningsnr", "adresse"], "WFS", "medium"),
    ("matrikkelen", "{m}.eiendomsskatt", [KN, "gnr-bnr", "bygningsnr", "adresse"], "SOAP", "high"),
    ("matrikkelen", "{m}.gebyr", [KN, "gnr-bnr", "adresse"], "SOAP", "high"),
    ("matrikkelen", "{m}.fdv", ["gnr-bnr", "bygningsnr", "adresse"], "fil", "low"),
    ("matrikkelen", "{m}.sms-varsling", ["gnr-bnr", "adresse"], "fil", "high"),
    ("kartverket.grunnbok", "{m}.eiendomsskatt", [KN, "gnr-bnr", "fnr", "orgnr"], "SOAP", "high"),
    ("kartverket.grunnbok", "{m}.gebyr", [KN, "gnr-bnr", "fnr", "orgnr"], "SOAP", "medium"),
    ("kartverket.sfkb", "{m}.gis", [KN], "Geosynkronisering", "medium"),
    ("{m}.matrikkelforing", "{m}.gis", [KN, "gnr-bnr", "adresse", "bygningsnr"], "database",
     "medium"),
    ("{m}.landmaaling", "{m}.matrikkelforing", ["gnr-bnr"], "fil", "low"),
    ("{m}.gis", "{m}.plan", [KN, "gnr-bnr"], "database", "medium"),
    ("{m}.gis", "{m}.vann-avlop", ["gnr-bnr", "adresse"], "database", "medium"),
    ("{m}.gis", "{m}.eiendomsskatt", ["gnr-bnr"], "WMS", "low"),
    ("{m}.gis", "{m}.sms-varsling", ["gnr-bnr", "adresse"], "WFS", "medium"),
    ("{m}.gis", "norkart.kommunekart", [KN, "gnr-bnr", "adresse"], "WMS", "medium"),
    ("{m}.gis", "svv.nvdb", [KN, "adresse"], "REST", "low"),
    ("{m}.plan", "norkart.kommunekart", [KN, "gnr-bnr"], "WMS", "low"),
    ("{m}.plan", "ambita.infoland", [KN, "gnr-bnr"], "REST", "low"),
    ("{m}.gebyr", "ambita.infoland", [KN, "gnr-bnr"], "REST", "low"),
    ("dibk.fellestjenester-bygg", "{m}.byggesak", [KN, "gnr-bnr", "adresse", "fnr", "orgnr"],
     "Altinn", "medium"),
    ("{m}.byggesak", "{m}.sak-arkiv", [KN, "gnr-bnr", "fnr", "orgnr", "saksnr"], "Noark 5 (GeoIntegrasjon)",
     "high"),
    ("{m}.byggesak", "{m}.matrikkelforing", [KN, "gnr-bnr", "bygningsnr"], "SOAP", "medium"),
    ("{m}.byggesak", "{m}.gebyr", ["gnr-bnr", "fnr", "orgnr"], "fil", "medium"),
    ("{m}.byggesak", "{m}.eiendomsskatt", ["gnr-bnr", "bygningsnr"], "fil", "low"),
    ("{m}.vann-avlop", "{m}.gebyr", ["gnr-bnr", "adresse"], "fil", "medium"),
    ("{m}.vann-avlop", "geomatikk.gravemelding", ["gnr-bnr", "adresse"], "fil", "low"),
    ("{m}.vannmaaler", "{m}.gebyr", ["gnr-bnr"], "fil", "low"),
    ("{m}.eiendomsskatt", "{m}.okonomi", [KN, "fnr", "orgnr", "gnr-bnr"], "fil", "high"),
    ("{m}.gebyr", "{m}.okonomi", [KN, "fnr", "orgnr", "gnr-bnr"], "fil", "high"),
    ("{m}.fdv", "{m}.okonomi", ["orgnr"], "fil", "low"),
    ("{m}.fdv", "{m}.energi", ["bygningsnr"], "REST", "low"),
    ("{m}.vann-avlop", "mattilsynet.vannverksregisteret", [KN, "orgnr"], "REST", "low"),
    ("kartverket.geonorge", "{m}.gis", [KN], "WMS", "low"),
    ("ra.askeladden", "{m}.gis", [KN, "gnr-bnr"], "WFS", "low"),
    ("miljodir.naturbase", "{m}.gis", [KN], "WFS", "low"),
    ("nve.atlas", "{m}.gis", [KN], "WMS", "low"),
    ("bir.renovasjon", "{m}.gebyr", [KN, "gnr-bnr", "adresse"], "fil", "high"),
    ("brann.komtek", "{m}.gebyr", ["gnr-bnr", "adresse"], "fil", "medium"),
    ("landbruksdir.estil", "{m}.sak-arkiv", [KN, "orgnr", "saksnr"], "eFormidling", "low"),
    # -- Sak/arkiv, Fiks and digital post --
    ("{m}.sak-arkiv", "ks.svarut", [KN, "fnr", "orgnr", "saksnr"], "SvarUT (REST)", "high"),
    ("ks.svarinn", "{m}.sak-arkiv", [KN, "orgnr", "fnr", "saksnr"], "SvarInn (REST)", "high"),
    ("eformidling", "{m}.sak-arkiv", ["orgnr", "saksnr"], "eFormidling", "medium"),
    ("{m}.sak-arkiv", "einnsyn", ["orgnr", "saksnr"], "eFormidling", "low"),
    ("{m}.sak-arkiv", "{m}.politisk", ["saksnr"], "database", "low"),
    ("{m}.sak-arkiv", "statsforvalteren", [KN, "orgnr", "saksnr"], "eFormidling", "medium"),
    ("{m}.sak-arkiv", "helsedir.bevillingsregisteret", [KN, "orgnr"], "REST", "low"),
    ("{m}.politisk", "{m}.nettsted", ["saksnr"], "REST", "low"),
    ("{m}.skanning", "{m}.sak-arkiv", ["saksnr", "fnr"], "fil", "low"),
    ("{m}.eskjema", "{m}.sak-arkiv", [KN, "fnr", "orgnr", "saksnr"], "REST", "medium"),
    ("{m}.eskjema", "{m}.helse-omsorg", ["fnr"], "REST", "medium"),
    ("id-porten", "{m}.eskjema", ["fnr"], "OIDC", "high"),
    ("id-porten", "{m}.barnehage", ["fnr"], "OIDC", "medium"),
    ("mercell", "{m}.sak-arkiv", ["orgnr", "saksnr"], "REST", "low"),
    ("{m}.sak-arkiv-historisk", "ika.depot", [KN, "fnr", "orgnr", "saksnr"], "Noark 5-uttrekk",
     "medium"),
    ("{m}.helse-omsorg", "ks.svarut", ["fnr"], "SvarUT (REST)", "medium"),
    ("{m}.barnevern", "ks.svarut", ["fnr"], "SvarUT (REST)", "medium"),
    ("{m}.nav-sosial", "ks.svarut", ["fnr"], "SvarUT (REST)", "medium"),
    ("{m}.skole", "ks.svarut", ["fnr"], "SvarUT (REST)", "low"),
    ("{m}.barnehage", "ks.svarut", ["fnr"], "SvarUT (REST)", "low"),
    # -- Økonomi and lønn --
    ("{m}.lonn", "{m}.okonomi", [KN, "orgnr", "kostra-art", "ansattnr"], "fil", "high"),
    ("{m}.okonomi", "{m}.lonn", ["orgnr", "kostra-art"], "fil", "medium"),
    ("{m}.turnus", "{m}.lonn", ["ansattnr", "fnr"], "fil", "high"),
    ("{m}.rekruttering", "{m}.lonn", ["fnr"], "REST", "low"),
    ("politiet.politiattest", "{m}.rekruttering", ["fnr"], "Altinn", "low"),
    ("skatteetaten.skattekort", "{m}.lonn", ["fnr", "orgnr"], "Altinn", "critical"),
    ("{m}.billett", "{m}.okonomi", ["orgnr"], "fil", "low"),
    ("{m}.reiseregning", "{m}.lonn", ["ansattnr", "kontonr"], "fil", "low"),
    ("{m}.lonn", "altinn", [KN, "fnr", "orgnr"], "Altinn (a-melding)", "critical"),
    ("{m}.lonn", "ks.pai", [KN, "fnr", "orgnr", "ansattnr"], "fil", "medium"),
    ("{m}.lonn", "klp.pensjon", [KN, "fnr", "orgnr"], "fil", "high"),
    ("{m}.lonn", "spk", ["fnr", "orgnr"], "fil", "medium"),
    ("{m}.lonn", "framsikt", ["orgnr", "ansattnr"], "fil", "low"),
    ("{m}.okonomi", "ssb.kostra", [KN, "orgnr", "kostra-art"], "fil (KOSTRA)", "high"),
    ("{m}.okonomi", "framsikt", [KN, "orgnr", "kostra-art"], "REST", "medium"),
    ("{m}.okonomi", "nets.efaktura", ["fnr", "orgnr", "kontonr"], "fil", "medium"),
    ("{m}.okonomi", "{m}.innfordring", ["fnr", "orgnr", "kontonr"], "fil", "medium"),
    ("{m}.okonomi", "{m}.bi", [KN, "kostra-art"], "database", "low"),
    ("skatteetaten.sofie", "{m}.okonomi", [KN, "orgnr"], "fil", "medium"),
    ("kommunalbanken", "{m}.okonomi", ["orgnr"], "fil", "low"),
    ("husbanken.startlan", "{m}.okonomi", [KN, "fnr"], "fil", "medium"),
    ("peppol", "{m}.fakturamottak", ["orgnr"], "EHF", "medium"),
    ("visma.proceedo", "{m}.fakturamottak", ["orgnr"], "EHF", "low"),
    ("{m}.fakturamottak", "{m}.okonomi", ["orgnr", "kostra-art"], "fil", "medium"),
    # -- IKT --
    ("{m}.ad", "microsoft.m365", ["ansattnr"], "Azure AD Connect", "high"),
    ("{m}.ad", "compilo", ["ansattnr"], "SAML", "low"),
    ("{m}.ad", "ks.laering", ["ansattnr"], "SAML", "low"),
    ("{m}.ad", "kf.infoserie", ["ansattnr"], "SAML", "low"),
    ("{m}.ad", "{m}.sak-arkiv", ["ansattnr"], "LDAP", "medium"),
    ("{m}.ad", "{m}.okonomi", ["ansattnr"], "LDAP", "medium"),
    ("{m}.ad", "{m}.lonn", ["ansattnr"], "LDAP", "medium"),
    ("{m}.ad", "{m}.turnus", ["ansattnr"], "LDAP", "medium"),
    ("{m}.ad", "{m}.helse-omsorg", ["ansattnr"], "LDAP", "high"),
    ("{m}.ad", "{m}.omsorg-mobil", ["ansattnr"], "LDAP", "medium"),
    ("{m}.ad", "{m}.nav-sosial", ["ansattnr"], "LDAP", "medium"),
    ("{m}.ad", "{m}.barnevern", ["ansattnr"], "LDAP", "high"),
    ("{m}.ad", "{m}.byggesak", ["ansattnr"], "LDAP", "medium"),
    ("{m}.ad", "{m}.gis", ["ansattnr"], "LDAP", "low"),
    ("{m}.ad", "{m}.helsestasjon", ["ansattnr"], "LDAP", "medium"),
    ("{m}.ad", "{m}.servicedesk", ["ansattnr"], "LDAP", "low"),
    ("{m}.ad", "{m}.telefoni", ["ansattnr"], "LDAP", "low"),
    ("{m}.ad", "{m}.skole-feide", ["ansattnr"], "LDAP", "medium"),
    # -- Oppvekst --
    ("{m}.skole", "{m}.skole-feide", ["fnr", "feide-id", "orgnr"], "fil", "high"),
    ("{m}.skole-feide", "feide", ["feide-id", "orgnr"], "LDAP", "high"),
    ("{m}.skole-feide", "{m}.laeringsplattform", ["feide-id"], "SAML", "medium"),
    ("{m}.skole", "{m}.laeringsplattform", ["feide-id"], "IMS OneRoster", "medium"),
    ("{m}.skole", "udir.pas", ["fnr", "orgnr"], "REST", "high"),
    ("{m}.skole", "udir.gsi", [KN, "orgnr"], "fil", "medium"),
    ("udir.nsr", "{m}.skole", [KN, "orgnr"], "REST", "medium"),
    ("udir.nbr", "{m}.barnehage", [KN, "orgnr"], "REST", "low"),
    ("{m}.barnehage", "udir.basil", [KN, "orgnr"], "fil", "medium"),
    ("{m}.skole", "vigo", ["fnr", "orgnr"], "fil", "medium"),
    ("{m}.skole", "skyss.skoleskyss", [KN, "fnr", "adresse", "orgnr"], "REST", "medium"),
    ("{m}.skole", "vigilo", ["fnr"], "REST", "low"),
    ("{m}.barnehage", "vigilo", ["fnr"], "REST", "low"),
    ("{m}.skole", "ppt.samarbeid", [KN, "fnr", "orgnr"], "SvarUT", "high"),
    ("{m}.barnehage", "{m}.okonomi", [KN, "fnr", "orgnr"], "fil", "medium"),
    ("{m}.skole", "{m}.okonomi", ["fnr"], "fil", "medium"),
    ("{m}.kulturskole", "{m}.okonomi", ["fnr"], "fil", "low"),
    ("{m}.bibliotek", "{m}.okonomi", ["fnr"], "fil", "low"),
    ("{m}.skole", "{m}.sak-arkiv", ["fnr", "saksnr"], "Noark 5", "medium"),
    ("{m}.barnehage", "{m}.sak-arkiv", ["fnr", "saksnr"], "Noark 5", "low"),
    # -- Helse og omsorg --
    ("{m}.helse-omsorg", "vikt.meldingssentral", ["fnr", "her-id", "hpr-nr"], "ebXML (PLO)",
     "critical"),
    ("vikt.meldingssentral", "{m}.helse-omsorg", ["fnr", "her-id"], "ebXML (PLO)", "critical"),
    ("{m}.psykisk-helse", "vikt.meldingssentral", ["fnr", "her-id"], "ebXML", "high"),
    ("{m}.helsestasjon", "vikt.meldingssentral", ["fnr", "her-id"], "ebXML", "medium"),
    ("{m}.fysio-ergo", "vikt.meldingssentral", ["fnr", "her-id"], "ebXML", "medium"),
    ("nhn.e-resept", "{m}.helse-omsorg", ["fnr", "hpr-nr"], "SOAP", "critical"),
    ("{m}.legekontor", "nhn.e-resept", ["fnr", "hpr-nr"], "SOAP", "critical"),
    ("nhn.kjernejournal", "{m}.legekontor", ["fnr"], "SOAP", "high"),
    ("nhn.kjernejournal", "{m}.helse-omsorg", ["fnr"], "SOAP", "medium"),
    ("{m}.legekontor", "helfo.kuhr", ["fnr", "hpr-nr", "orgnr"], "ebXML", "high"),
    ("{m}.legekontor", "fhi.msis", [KN], "ebXML", "medium"),
    ("{m}.legekontor", "fhi.sysvak", ["fnr", "hpr-nr"], "SOAP", "medium"),
    ("helfo.fastlegeregisteret", "{m}.helse-omsorg", [KN, "fnr", "hpr-nr"], "SOAP", "high"),
    ("helfo.fastlegeregisteret", "{m}.legekontor", [KN, "fnr", "hpr-nr"], "SOAP", "high"),
    ("helsedir.hpr", "{m}.helse-omsorg", ["hpr-nr", "fnr"], "SOAP", "medium"),
    ("helsedir.hpr", "{m}.legekontor", ["hpr-nr"], "SOAP", "medium"),
    ("{m}.helse-omsorg", "helsedir.kpr", [KN, "fnr"], "fil (IPLOS)", "medium"),
    ("{m}.helsestasjon", "fhi.sysvak", [KN, "fnr", "hpr-nr"], "SOAP", "high"),
    ("{m}.helse-omsorg", "{m}.omsorg-mobil", ["fnr", "adresse"], "REST", "high"),
    ("{m}.omsorg-mobil", "{m}.helse-omsorg", ["fnr"], "REST", "high"),
    ("{m}.helse-omsorg", "{m}.trygghetsalarm", [KN, "fnr", "adresse"], "REST", "critical"),
    ("{m}.helse-omsorg", "{m}.e-las", ["adresse"], "REST", "medium"),
    ("{m}.medisindispenser", "{m}.helse-omsorg", ["fnr"], "REST", "medium"),
    ("{m}.sykesignal", "{m}.omsorg-mobil", [], "SIP/DECT", "high"),
    ("dignio", "{m}.helse-omsorg", ["fnr"], "REST", "medium"),
    ("{m}.helse-omsorg", "nav.hjelpemiddelsentral", [KN, "fnr"], "Altinn", "high"),
    ("{m}.fysio-ergo", "nav.hjelpemiddelsentral", ["fnr"], "Altinn", "medium"),
    ("{m}.helse-omsorg", "{m}.okonomi", [KN, "fnr"], "fil", "medium"),
    # -- NAV-kontor, sosial og barnevern --
    ("ks.fiks-digisos", "{m}.nav-sosial", [KN, "fnr", "nav-enhetsnummer"], "Fiks IO", "critical"),
    ("{m}.nav-sosial", "ks.fiks-innsyn", ["fnr", "saksnr"], "REST", "medium"),
    ("husbanken.bostotte", "{m}.nav-sosial", [KN, "fnr"], "REST", "medium"),
    ("nav.modia", "{m}.nav-sosial", ["fnr", "nav-enhetsnummer"], "REST", "high"),
    ("{m}.nav-sosial", "{m}.okonomi", [KN, "fnr", "kontonr"], "fil", "critical"),
    ("{m}.nav-sosial", "ssb.kostra", [KN, "fnr"], "fil (KOSTRA)", "medium"),
    ("{m}.nav-sosial", "imdi.nir", [KN, "fnr"], "REST", "medium"),
    ("ks.bekymringsmelding", "{m}.barnevern", [KN, "fnr"], "Fiks IO", "critical"),
    ("{m}.barnevern", "ssb.kostra", [KN, "fnr"], "fil (KOSTRA)", "medium"),
    ("{m}.barnevern", "{m}.lonn", ["fnr", "kontonr"], "fil", "medium"),
    ("{m}.barnevern", "bufetat", [KN, "fnr"], "SvarUT", "high"),
]

# Integrations that are not repeated per municipality.
SHARED_FLOWS = [
    # National registers among themselves
    ("folkeregisteret", "ks.fiks-folkeregister", [KN, "fnr", "dnr", "adresse"], "REST", "critical"),
    ("folkeregisteret", "valg.eva", [KN, "fnr", "adresse"], "fil", "high"),
    ("folkeregisteret", "helfo.fastlegeregisteret", [KN, "fnr", "adresse"], "REST", "high"),
    ("folkeregisteret", "husbanken.bostotte", [KN, "fnr"], "REST", "medium"),
    ("folkeregisteret", "nav.digisos", [KN, "fnr", "adresse"], "REST", "high"),
    ("folkeregisteret", "nhn.kjernejournal", ["fnr"], "REST", "high"),
    ("folkeregisteret", "krr", ["fnr"], "REST", "high"),
    ("folkeregisteret", "helsenorge", ["fnr"], "REST", "medium"),
    ("ks.fiks-folkeregister", "legevakt.epj", [KN, "fnr", "dnr", "adresse"], "REST", "critical"),
    ("ks.fiks-folkeregister", "ppt.samarbeid", [KN, "fnr", "adresse"], "REST", "medium"),
    ("enhetsregisteret", "altinn", ["orgnr"], "REST", "high"),
    ("enhetsregisteret", "nav.aa-registeret", ["orgnr"], "REST", "high"),
    ("enhetsregisteret", "udir.nsr", [KN, "orgnr", "adresse"], "REST", "medium"),
    ("enhetsregisteret", "udir.nbr", [KN, "orgnr", "adresse"], "REST", "medium"),
    ("enhetsregisteret", "brreg.frivillighetsregisteret", [KN, "orgnr", "adresse"], "REST", "low"),
    ("enhetsregisteret", "landbruksdir.landbruksregisteret", [KN, "orgnr", "adresse"], "REST",
     "medium"),
    ("enhetsregisteret", "nhn.adresseregisteret", [KN, "orgnr", "adresse"], "REST", "high"),
    ("enhetsregisteret", "ks.fiks-konfigurasjon", ["orgnr"], "REST", "high"),
    ("matrikkelen", "kartverket.grunnbok", [KN, "gnr-bnr"], "intern", "high"),
    ("matrikkelen", "norkart.kommunekart", [KN, "gnr-bnr", "adresse"], "WFS", "medium"),
    ("matrikkelen", "bir.renovasjon", [KN, "gnr-bnr", "adresse"], "SOAP", "high"),
    ("matrikkelen", "brann.komtek", [KN, "gnr-bnr", "bygningsnr", "adresse"], "SOAP", "medium"),
    ("matrikkelen", "brann.110", [KN, "gnr-bnr", "adresse"], "fil", "critical"),
    ("matrikkelen", "ambita.infoland", [KN, "gnr-bnr", "adresse"], "SOAP", "low"),
    ("matrikkelen", "nibio.gardskart", [KN, "gnr-bnr"], "fil", "low"),
    ("matrikkelen", "landbruksdir.landbruksregisteret", [KN, "gnr-bnr"], "fil", "medium"),
    ("matrikkelen", "miljodir.hjorteviltregisteret", [KN, "gnr-bnr"], "fil", "low"),
    ("matrikkelen", "dsb.cim", [KN, "adresse"], "WMS", "medium"),
    ("matrikkelen", "svv.nvdb", [KN, "adresse"], "REST", "low"),
    ("matrikkelen", "kud.idrettsanlegg", [KN, "gnr-bnr"], "fil", "low"),
    ("kud.idrettsanlegg", "fjell.sak-arkiv", [KN, "orgnr", "saksnr"], "eFormidling", "low"),
    ("ika.depot", "arkivverket.arkivportalen", [KN, "orgnr"], "fil", "low"),
    ("kartverket.ssr", "fjell.gis", [KN], "WFS", "low"),
    ("landbruksdir.landbruksregisteret", "landbruksdir.estil", [KN, "orgnr"], "intern", "medium"),
    ("brreg.frivillighetsregisteret", "fjell.eskjema", [KN, "orgnr"], "REST", "low"),
    ("id-porten", "altinn", ["fnr"], "OIDC", "critical"),
    ("id-porten", "nav.digisos", ["fnr"], "OIDC", "critical"),
    ("id-porten", "helsenorge", ["fnr"], "OIDC", "high"),
    ("krr", "ks.svarut", ["fnr"], "SOAP", "high"),
    ("krr", "digital-postkasse", ["fnr"], "SOAP", "high"),
    ("ks.svarut", "digital-postkasse", ["fnr"], "SDP", "high"),
    ("digital-postkasse", "digipost", ["fnr"], "SDP", "medium"),
    ("digital-postkasse", "eboks", ["fnr"], "SDP", "medium"),
    ("ks.fiks-konfigurasjon", "ks.svarut", [KN, "orgnr"], "intern", "high"),
    ("ks.fiks-konfigurasjon", "ks.svarinn", [KN, "orgnr"], "intern", "high"),
    ("ks.fiks-konfigurasjon", "ks.fiks-digisos", [KN, "nav-enhetsnummer"], "intern", "high"),
    ("ks.fiks-konfigurasjon", "ks.bekymringsmelding", [KN], "intern", "high"),
    ("ks.fiks-konfigurasjon", "ks.fiks-innsyn", [KN], "intern", "medium"),
    ("nav.digisos", "ks.fiks-digisos", [KN, "fnr", "nav-enhetsnummer"], "REST", "critical"),
    ("altinn", "skatteetaten.a-ordningen", [KN, "fnr", "orgnr"], "Altinn", "critical"),
    ("altinn", "nav.refusjon", ["fnr", "orgnr"], "Altinn", "high"),
    ("skatteetaten.a-ordningen", "nav.aa-registeret", ["fnr", "orgnr"], "intern", "high"),
    ("nhn.adresseregisteret", "vikt.meldingssentral", [KN, "her-id", "orgnr"], "SOAP", "critical"),
    ("vikt.meldingssentral", "helse-bergen.dips", ["fnr", "her-id"], "ebXML (PLO)", "critical"),
    ("helse-bergen.dips", "vikt.meldingssentral", ["fnr", "her-id"], "ebXML (PLO)", "critical"),
    ("legevakt.epj", "vikt.meldingssentral", ["fnr", "her-id"], "ebXML", "high"),
    ("legevakt.epj", "helfo.kuhr", ["fnr", "hpr-nr", "orgnr"], "ebXML", "high"),
    ("nhn.kjernejournal", "legevakt.epj", ["fnr"], "SOAP", "high"),
    ("helsedir.hpr", "legevakt.epj", ["hpr-nr"], "SOAP", "medium"),
    ("legevakt.epj", "nhn.e-resept", ["fnr", "hpr-nr"], "SOAP", "critical"),
    ("brann.110", "dsb.bris", [KN, "adresse"], "REST", "low"),
    ("brann.komtek", "dsb.bris", [KN, "adresse"], "REST", "low"),
    ("brann.110", "brann.komtek", [KN, "adresse"], "fil", "low"),
    ("ppt.samarbeid", "ks.svarut", ["fnr", "orgnr"], "SvarUT (REST)", "medium"),
    ("vigo", "skyss.skoleskyss", ["fnr"], "REST", "low"),
    ("feide", "udir.pas", ["feide-id", "orgnr"], "SAML", "high"),
    ("feide", "vigo", ["feide-id"], "SAML", "low"),
    ("fhi.sysvak", "helsenorge", ["fnr"], "REST", "medium"),
    # Fjell: Public 360 uses the SvarUT status API, so sak/arkiv <-> SvarUT goes both ways
    ("ks.svarut", "fjell.sak-arkiv", [KN, "saksnr"], "SvarUT (REST)", "high"),
    # The intermunicipal PPT archives in Fjell's archive (Fjell is the host municipality)
    ("ppt.samarbeid", "fjell.sak-arkiv", [KN, "fnr", "saksnr"], "Noark 5", "medium"),
    ("fjell.okonomi", "fjell.gebyr", ["fnr", "orgnr", "kontonr"], "fil", "medium"),
    ("miljodir.hjorteviltregisteret", "fjell.sak-arkiv", [KN, "gnr-bnr", "saksnr"], "fil", "low"),
    ("miljodir.hjorteviltregisteret", "sund.sak-arkiv", [KN, "gnr-bnr", "saksnr"], "fil", "low"),
    # The archives of Sund and Øygarden close and are deposited; Fjell's Public 360 goes on as
    # the sak/arkiv of the new Øygarden (see AFTER).
    ("sund.sak-arkiv", "ika.depot", [KN, "fnr", "orgnr", "saksnr"], "Noark 5-uttrekk", "high"),
    ("oygarden.sak-arkiv", "ika.depot", [KN, "fnr", "orgnr", "saksnr"], "Noark 5-uttrekk", "high"),
    ("sund.okonomi", "fjell.okonomi", [KN, "orgnr", "fnr", "kostra-art"], "fil (migrering)", "high"),
    ("oygarden.okonomi", "fjell.okonomi", [KN, "orgnr", "fnr", "kostra-art"], "fil (migrering)",
     "high"),
    # Barnevernvakt (Bergen is host municipality): two ways with Fjell, one way with Sund and
    # Øygarden
    ("bergen.barnevernvakt", "fjell.barnevern", [KN, "fnr", "saksnr"], "SvarUT", "critical"),
    ("fjell.barnevern", "bergen.barnevernvakt", [KN, "fnr"], "SvarUT", "high"),
    ("bergen.barnevernvakt", "sund.barnevern", [KN, "fnr", "saksnr"], "SvarUT", "critical"),
    ("oygarden.barnevern", "bergen.barnevernvakt", [KN, "fnr"], "SvarUT", "high"),
    ("sund.nav-sosial", "bergen.krisesenter", [KN, "fnr"], "SvarUT", "high"),
    ("bergen.krisesenter", "fjell.okonomi", [KN, "orgnr"], "EHF", "medium"),
    # Across the border to Askøy: a merging municipality's own numbers reach the neighbour
    ("fjell.barnevern", "askoy.barnevern", [KN, "fnr", "saksnr"], "SvarUT", "critical"),
    ("fjell.skole", "askoy.skole", [KN, "fnr", "orgnr"], "fil", "medium"),
    ("sund.okonomi", "askoy.okonomi", [KN, "orgnr"], "EHF", "medium"),
    # Askøy's own systems fed by national and shared systems: not affected by the merger
    ("matrikkelen", "askoy.gis", [KN, "gnr-bnr", "bygningsnr", "adresse"], "WFS", "medium"),
    ("matrikkelen", "askoy.matrikkelforing", [KN, "gnr-bnr", "bygningsnr", "adresse"], "SOAP",
     "high"),
    ("matrikkelen", "askoy.eiendomsskatt", [KN, "gnr-bnr", "adresse"], "SOAP", "high"),
    ("matrikkelen", "askoy.gebyr", [KN, "gnr-bnr", "adresse"], "SOAP", "high"),
    ("bir.renovasjon", "askoy.gebyr", [KN, "gnr-bnr", "adresse"], "fil", "high"),
    ("ks.fiks-folkeregister", "askoy.helse-omsorg", [KN, "fnr", "adresse"], "REST", "critical"),
    ("ks.fiks-folkeregister", "askoy.skole", [KN, "fnr", "adresse"], "REST", "high"),
    ("ks.fiks-folkeregister", "askoy.barnevern", [KN, "fnr", "adresse"], "REST", "critical"),
    ("ks.fiks-folkeregister", "askoy.sak-arkiv", [KN, "fnr", "adresse"], "REST", "high"),
    ("ks.bekymringsmelding", "askoy.barnevern", [KN, "fnr"], "Fiks IO", "critical"),
    ("ks.fiks-digisos", "askoy.nav-sosial", [KN, "fnr", "nav-enhetsnummer"], "Fiks IO", "critical"),
    ("ks.svarinn", "askoy.sak-arkiv", [KN, "orgnr", "fnr", "saksnr"], "SvarInn (REST)", "high"),
    ("askoy.sak-arkiv", "ks.svarut", [KN, "fnr", "orgnr", "saksnr"], "SvarUT (REST)", "high"),
    ("askoy.matrikkelforing", "askoy.gis", [KN, "gnr-bnr", "adresse", "bygningsnr"], "database",
     "medium"),
    ("askoy.eiendomsskatt", "askoy.okonomi", [KN, "fnr", "orgnr", "gnr-bnr"], "fil", "high"),
    ("askoy.gebyr", "askoy.okonomi", [KN, "fnr", "orgnr", "gnr-bnr"], "fil", "high"),
    ("askoy.lonn", "askoy.okonomi", [KN, "orgnr", "kostra-art"], "fil", "high"),
    ("askoy.okonomi", "askoy.lonn", ["orgnr", "kostra-art"], "fil", "medium"),
    ("askoy.okonomi", "ssb.kostra", [KN, "orgnr", "kostra-art"], "fil (KOSTRA)", "high"),
    ("askoy.barnevern", "ssb.kostra", [KN, "fnr"], "fil (KOSTRA)", "medium"),
    ("askoy.barnevern", "askoy.sak-arkiv", [KN, "fnr", "saksnr"], "Noark 5", "medium"),
    ("askoy.lonn", "altinn", [KN, "fnr", "orgnr"], "Altinn (a-melding)", "critical"),
    ("askoy.nav-sosial", "askoy.okonomi", [KN, "fnr"], "fil", "critical"),
]

# Explicit precedence beyond what the integrations imply: these finish before the system starts.
AFTER = {
    # The new common sak/arkiv (Fjell's Public 360) switches after IKA Hordaland has received
    # the extracts of the closed archives of Sund and Øygarden.
    "fjell.sak-arkiv": ["ika.depot"],
    # The common økonomi switches after Sund's and Øygarden's ledgers are closed and migrated.
    "fjell.okonomi": ["sund.okonomi", "oygarden.okonomi"],
    # Meldingssentral: the new HER-ids must be registered first.
    "vikt.meldingssentral": ["nhn.adresseregisteret"],
}
# The vendor-hosted integration platform is cut over before everything it brokers.
PLATFORM = "plattform.integrasjon"

# --------------------------------------------------------------------------------------------
# Expansion and checks.
# --------------------------------------------------------------------------------------------

CRITICALITY_RANK = {"low": 0, "medium": 1, "high": 2, "critical": 3}
KEY_ORDER = {k: i for i, (k, _) in enumerate(KEYS)}


def fail(message):
    sys.exit("make_oygarden.py: error: " + message)


def sorted_keys(keys):
    for k in keys:
        if k not in KEY_ORDER:
            fail("undeclared key %r" % k)
    return sorted(set(keys), key=KEY_ORDER.get)


def make_system(sid, name, kind, owner, vendor, product, domain, keys, criticality, effort,
                fixed_date=None):
    system = {"id": sid, "name": name, "kind": kind, "owner": owner}
    if vendor:
        system["vendor"] = vendor
    if product:
        system["product"] = product
    system["domain"] = domain
    system["keys"] = sorted_keys(keys)
    system["criticality"] = criticality
    cutover = {"effort_days": effort}
    if fixed_date:
        cutover["fixed_date"] = fixed_date
    system["cutover"] = cutover
    return system


def build_systems():
    systems = {}

    def add(system):
        if system["id"] in systems:
            fail("duplicate system id %r" % system["id"])
        systems[system["id"]] = system

    for sid, name, owner, product, domain, keys, crit, effort, fixed in NATIONAL:
        add(make_system(sid, name, "national", owner, None, product, domain, keys, crit, effort,
                        fixed))
    for sid, name, owner, vendor, product, domain, keys, crit, effort in INTERMUNICIPAL:
        add(make_system(sid, name, "intermunicipal", owner, vendor, product, domain, keys, crit,
                        effort))
    for sid, name, vendor, product, domain, keys, crit, effort in VENDOR_PLATFORMS:
        add(make_system(sid, name, "vendor", vendor, vendor, product, domain, keys, crit, effort))
    for prefix, knr, display, _hub in MUNICIPALITIES:
        for slug, name, domain, keys, crit, per_municipality in MUNICIPAL:
            if prefix not in per_municipality:
                continue
            vendor, product, effort = per_municipality[prefix]
            add(make_system("%s.%s" % (prefix, slug), "%s (%s)" % (name, display), "municipal",
                            knr, vendor, product, domain, keys, crit, effort))
    for sid, name, owner, vendor, product, domain, keys, crit, effort in NEIGHBOURS:
        add(make_system(sid, name, "municipal", owner, vendor, product, domain, keys, crit,
                        effort))
    return systems


def build_integrations(systems):
    merged = {}  # (from, to) -> integration

    def add(src, dst, carries, protocol, crit):
        if src not in systems or dst not in systems:
            return False
        if src == dst:
            fail("self-loop on %r" % src)
        pair = (src, dst)
        if pair in merged:
            entry = merged[pair]
            entry["carries"] = sorted_keys(entry["carries"] + list(carries))
            if CRITICALITY_RANK[crit] > CRITICALITY_RANK[entry["criticality"]]:
                entry["criticality"] = crit
            return True
        merged[pair] = {"id": "%s:%s" % (src, dst), "from": src, "to": dst,
                        "carries": sorted_keys(carries), "protocol": protocol,
                        "criticality": crit}
        return True

    used = set()
    for prefix, _knr, _display, hub in MUNICIPALITIES:
        for row, (src, dst, carries, protocol, crit) in enumerate(MUNICIPAL_FLOWS):
            src = src.format(m=prefix, hub=hub)
            dst = dst.format(m=prefix, hub=hub)
            if add(src, dst, carries, protocol, crit):
                used.add(row)
    for row, flow in enumerate(MUNICIPAL_FLOWS):
        if row not in used:
            fail("municipal flow %s -> %s matches no municipality" % flow[:2])
    for src, dst, carries, protocol, crit in SHARED_FLOWS:
        if not add(src, dst, carries, protocol, crit):
            fail("shared flow %s -> %s names an unknown system" % (src, dst))
    return [merged[pair] for pair in sorted(merged)]


def apply_after(systems, integrations):
    after = {sid: list(ids) for sid, ids in AFTER.items()}
    for integration in integrations:
        if integration["from"] == PLATFORM:
            after.setdefault(integration["to"], []).append(PLATFORM)
    for sid in sorted(after):
        if sid not in systems:
            fail("'after' on unknown system %r" % sid)
        for other in after[sid]:
            if other not in systems:
                fail("%r comes after unknown system %r" % (sid, other))
        cutover = systems[sid]["cutover"]
        ordered = {"effort_days": cutover["effort_days"], "after": sorted(set(after[sid]))}
        if "fixed_date" in cutover:
            ordered["fixed_date"] = cutover["fixed_date"]
        systems[sid]["cutover"] = ordered


def main():
    systems = build_systems()
    integrations = build_integrations(systems)
    apply_after(systems, integrations)
    document = {
        "format": "landskap/1",
        "name": NAME,
        "keys": [{"id": k, "description": d} for k, d in KEYS],
        "changes": [{"key": k, "from": a, "to": b, "effective": e} for k, a, b, e in CHANGES],
        "resources": [{kind: name, "capacity": c} for kind, name, c in RESOURCES],
        "systems": [systems[sid] for sid in sorted(systems)],
        "integrations": sorted(integrations, key=lambda i: i["id"]),
    }
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
