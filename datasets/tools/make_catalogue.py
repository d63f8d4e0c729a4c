#!/usr/bin/env python3
"""Writes datasets/catalogue.json: the national catalogue of registers and common services.

A landscape file may name one of these ids (in an integration's from/to or a cutover's
"after") without defining it; landskap then takes the system from this catalogue. Each entry
says who runs it, the keys it holds, the keys its typical integrations with municipalities
carry, and where the facts come from: the title and address of the agency's public
documentation, as remembered from public knowledge when this was written (there was no
network to check the pages again; addresses move, the facts rarely do).

Usage: datasets/tools/make_catalogue.py > datasets/catalogue.json
"""
import json

KEYS = [
    ("kommunenummer", "4-digit municipality number"),
    ("fnr", "fødselsnummer: 11-digit national identity number"),
    ("dnr", "D-nummer: identity number for people not resident in Norway"),
    ("orgnr", "organisasjonsnummer: 9-digit number in Enhetsregisteret"),
    ("gnr-bnr", "matrikkelnummer: gårdsnummer/bruksnummer (with feste- and seksjonsnummer)"),
    ("bygningsnr", "bygningsnummer in the Matrikkel"),
    ("adresse", "official address (adressekode, husnummer) in the Matrikkel"),
    ("her-id", "HER-id: address of a party in Norsk helsenett's address register"),
    ("hpr-nr", "HPR-nummer: number of authorised health personnel"),
    ("feide-id", "Feide identity of a pupil, student or employee"),
    ("nav-enhetsnummer", "number of a NAV office"),
    ("kostra-art", "KOSTRA account classification (art/funksjon)"),
    ("saksnr", "case number in an archive"),
]

# id, name, owner, domain, keys held, keys typical integrations carry, criticality, source
S = []


def entry(id, name, owner, domain, keys, carries, criticality, source):
    S.append((id, name, owner, domain, keys, carries, criticality, source))


entry("folkeregisteret", "Folkeregisteret", "Skatteetaten", "folkeregister",
      ["kommunenummer", "fnr", "dnr", "adresse"], ["fnr", "dnr", "kommunenummer", "adresse"],
      "critical",
      "Skatteetaten: 'Folkeregisteret' and the API documentation 'Folkeregisteret - API' "
      "(https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/); persons with "
      "fødselsnummer/D-nummer, address and municipality of residence")
entry("enhetsregisteret", "Enhetsregisteret", "Brønnøysundregistrene", "virksomhetsregister",
      ["kommunenummer", "orgnr", "adresse"], ["orgnr", "kommunenummer", "adresse"], "critical",
      "Brønnøysundregistrene: 'Åpne data - Enhetsregisteret' "
      "(https://data.brreg.no/enhetsregisteret/api/docs/); organisasjonsnummer, addresses with "
      "kommunenummer")
entry("matrikkelen", "Matrikkelen", "Kartverket", "matrikkel",
      ["kommunenummer", "gnr-bnr", "bygningsnr", "adresse"],
      ["kommunenummer", "gnr-bnr", "bygningsnr", "adresse"], "critical",
      "Kartverket: 'Matrikkelen' and 'Matrikkel-API' (https://www.kartverket.no/eiendom/"
      "eiendomsinformasjon/matrikkelen); the matrikkelnummer starts with the kommunenummer, and "
      "municipalities keep it up to date themselves")
entry("kartverket.grunnbok", "Grunnboken", "Kartverket", "tinglysing",
      ["kommunenummer", "fnr", "orgnr", "gnr-bnr"], ["gnr-bnr", "kommunenummer", "fnr", "orgnr"],
      "high",
      "Kartverket: 'Grunnboken' and 'Tinglysing' (https://www.kartverket.no/eiendom/"
      "tinglysing); rights in real property by matrikkelnummer")
entry("kartverket.sfkb", "Sentral felles kartdatabase (FKB)", "Kartverket", "kart",
      ["kommunenummer"], ["kommunenummer"], "medium",
      "Kartverket and Geonorge: 'Felles kartdatabase (FKB)' (https://www.geonorge.no/); the "
      "Geovekst cooperation with the municipalities")
entry("kartverket.ssr", "Sentralt stedsnavnregister (SSR)", "Kartverket", "kart",
      ["kommunenummer"], ["kommunenummer"], "low",
      "Kartverket: 'Sentralt stedsnavnregister (SSR)' (https://www.kartverket.no/); place names "
      "decided by the municipalities")
entry("altinn", "Altinn", "Digdir", "fellestjenester",
      ["kommunenummer", "fnr", "orgnr"], ["orgnr", "fnr", "kommunenummer"], "critical",
      "Digdir: 'Altinn' and the developer documentation 'Altinn Studio / Altinn 3' "
      "(https://docs.altinn.studio/); forms and messages between public bodies, businesses and "
      "citizens")
entry("id-porten", "ID-porten", "Digdir", "fellestjenester", ["fnr"], ["fnr"], "critical",
      "Digdir: 'ID-porten' (https://docs.digdir.no/docs/idporten/); login for citizens, the "
      "person identified by fødselsnummer")
entry("maskinporten", "Maskinporten", "Digdir", "fellestjenester", ["orgnr"], ["orgnr"],
      "critical",
      "Digdir: 'Maskinporten' (https://docs.digdir.no/docs/Maskinporten/); access tokens for "
      "machine-to-machine APIs, the client identified by organisasjonsnummer")
entry("krr", "Kontakt- og reservasjonsregisteret (KRR)", "Digdir", "fellestjenester", ["fnr"],
      ["fnr"], "high",
      "Digdir: 'Kontakt- og reservasjonsregisteret (KRR)' (https://docs.digdir.no/docs/"
      "Kontaktregisteret/); e-mail, mobile number and reservation by fødselsnummer")
entry("digital-postkasse", "Digital postkasse til innbyggere", "Digdir", "fellestjenester",
      ["fnr"], ["fnr"], "high",
      "Digdir: 'Digital postkasse til innbyggere' (https://docs.digdir.no/docs/"
      "Digital-postkasse/); letters to Digipost or e-Boks by fødselsnummer")
entry("eformidling", "eFormidling", "Digdir", "fellestjenester", ["orgnr"], ["orgnr"], "high",
      "Digdir: 'eFormidling' (https://docs.digdir.no/docs/eFormidling/); messages between "
      "public bodies addressed by organisasjonsnummer")
entry("einnsyn", "eInnsyn", "Digdir", "fellestjenester", ["orgnr"], ["orgnr", "saksnr"], "low",
      "Digdir: 'eInnsyn' (https://einnsyn.no/); public records journals of public bodies")
entry("peppol", "PEPPOL e-handel (ELMA)", "Digdir", "okonomi", ["orgnr"], ["orgnr"], "medium",
      "Digdir: 'ELMA - Elektronisk mottakeradresseregister' and 'PEPPOL' "
      "(https://anskaffelser.no/); e-invoices addressed by organisasjonsnummer")
entry("ks.svarut", "KS SvarUT", "KS", "fiks", ["kommunenummer", "fnr", "orgnr"],
      ["fnr", "orgnr"], "high",
      "KS: 'SvarUt' in 'Fiks-plattformen' (https://developers.fiks.ks.no/); outgoing letters to "
      "Altinn, digital postkasse or print")
entry("ks.svarinn", "KS SvarInn", "KS", "fiks", ["kommunenummer", "orgnr"], ["orgnr"], "high",
      "KS: 'SvarInn' in 'Fiks-plattformen' (https://developers.fiks.ks.no/); incoming letters "
      "to a municipality's archive")
entry("ks.fiks-folkeregister", "Fiks folkeregister", "KS", "fiks",
      ["kommunenummer", "fnr", "dnr", "adresse"], ["fnr", "dnr", "kommunenummer", "adresse"],
      "high",
      "KS: 'Fiks folkeregister' (https://developers.fiks.ks.no/); the municipality's copy of "
      "its inhabitants from Folkeregisteret")
entry("ks.fiks-digisos", "Fiks Digisos", "KS", "fiks",
      ["kommunenummer", "fnr", "nav-enhetsnummer"], ["fnr", "kommunenummer", "nav-enhetsnummer"],
      "high",
      "KS and NAV: 'Fiks Digisos' (https://developers.fiks.ks.no/); digital application for "
      "social assistance routed to the municipality")
entry("ks.fiks-innsyn", "Fiks Innsyn", "KS", "fiks", ["fnr", "saksnr"], ["fnr", "saksnr"],
      "medium",
      "KS: 'Fiks Innsyn' (https://developers.fiks.ks.no/); citizens see their cases")
entry("ks.fiks-protokoll", "Fiks protokoll", "KS", "fiks", ["kommunenummer", "orgnr"],
      ["orgnr", "kommunenummer"], "high",
      "KS: 'Fiks protokoll' (https://developers.fiks.ks.no/); message protocols between "
      "municipal systems (plan, arkiv, matrikkelføring, helse)")
entry("ks.fiks-konfigurasjon", "Fiks-plattformen: organisasjoner og konfigurasjon", "KS", "fiks",
      ["kommunenummer", "orgnr"], ["kommunenummer", "orgnr"], "high",
      "KS: 'Fiks-plattformen' (https://developers.fiks.ks.no/); which municipality uses which "
      "service, by kommunenummer and organisasjonsnummer")
entry("ks.bekymringsmelding", "Nasjonal portal for bekymringsmelding (barnevern)", "KS",
      "barnevern", ["kommunenummer", "fnr"], ["fnr", "kommunenummer"], "high",
      "KS: 'Bekymringsmelding til barnevernet' in Fiks (https://www.ks.no/); routed to the "
      "child welfare service of the kommunenummer given")
entry("ks.pai", "PAI-registeret", "KS", "personal", ["kommunenummer", "fnr", "orgnr"],
      ["kommunenummer", "fnr", "orgnr"], "medium",
      "KS: 'PAI-registeret' (https://www.ks.no/); employee statistics reported by "
      "municipalities")
entry("ssb.kostra", "KOSTRA-rapportering", "SSB", "statistikk",
      ["kommunenummer", "fnr", "orgnr", "kostra-art"], ["kommunenummer", "orgnr", "kostra-art"],
      "high",
      "SSB: 'KOSTRA (kommune-stat-rapportering)' (https://www.ssb.no/offentlig-sektor/kostra); "
      "every municipality reports accounts and services under its kommunenummer")
entry("ssb.klass", "KLASS: kommuneinndeling", "SSB", "statistikk", ["kommunenummer"],
      ["kommunenummer"], "medium",
      "SSB: 'Klassifikasjoner og kodelister - Standard for kommuneinndeling' "
      "(https://www.ssb.no/klass/klassifikasjoner/131); the list of kommunenummer and changes")
entry("nav", "NAV fagsystemer", "NAV", "arbeid-velferd", ["fnr", "orgnr", "nav-enhetsnummer"],
      ["fnr", "orgnr"], "critical",
      "NAV: 'Samhandling med kommunene' and 'NAV-kontoret' (https://www.nav.no/); the "
      "partnership of state and municipality in the NAV office")
entry("nav.aa-registeret", "Arbeidsgiver- og arbeidstakerregisteret (Aa-registeret)", "NAV",
      "arbeid-velferd", ["fnr", "orgnr"], ["fnr", "orgnr"], "high",
      "NAV: 'Aa-registeret' (https://www.nav.no/arbeidsgiver/aa-registeret); employment "
      "relations reported through a-ordningen")
entry("nav.digisos", "Digisos (økonomisk sosialhjelp)", "NAV", "arbeid-velferd",
      ["kommunenummer", "fnr", "nav-enhetsnummer"], ["fnr", "kommunenummer", "nav-enhetsnummer"],
      "high",
      "NAV: 'Søknad om økonomisk sosialhjelp' and Digisos (https://www.nav.no/sosialhjelp); the "
      "application goes to the municipality's NAV office")
entry("nav.hjelpemiddelsentral", "NAV Hjelpemiddelsentral", "NAV", "helse-omsorg",
      ["kommunenummer", "fnr"], ["fnr", "kommunenummer"], "medium",
      "NAV: 'Hjelpemidler' (https://www.nav.no/hjelpemidler); municipal services apply on "
      "behalf of the user")
entry("nav.modia", "Modia (NAV-kontorets arbeidsflate)", "NAV", "arbeid-velferd",
      ["fnr", "nav-enhetsnummer"], ["fnr"], "medium",
      "NAV: 'Modia personoversikt' as described in NAV's public tech documentation "
      "(https://navikt.github.io/); used by state and municipal staff in the NAV office")
entry("skatteetaten.a-ordningen", "A-ordningen", "Skatteetaten", "skatt",
      ["kommunenummer", "fnr", "orgnr"], ["fnr", "orgnr", "kommunenummer"], "critical",
      "Skatteetaten: 'A-ordningen' (https://www.skatteetaten.no/bedrift-og-organisasjon/"
      "arbeidsgiver/a-meldingen/); monthly pay, tax and employment reports of every employer")
entry("skatteetaten.skattekort", "Skattekort til arbeidsgiver", "Skatteetaten", "skatt",
      ["fnr", "orgnr"], ["fnr", "orgnr"], "high",
      "Skatteetaten: 'Skattekort til arbeidsgiver' (https://skatteetaten.github.io/); "
      "employers fetch their employees' tax cards")
entry("skatteetaten.sofie", "Skatteregnskap (SOFIE)", "Skatteetaten", "skatt",
      ["kommunenummer", "fnr", "orgnr"], ["kommunenummer", "orgnr"], "high",
      "Skatteetaten: 'Skatteregnskapet' (https://www.skatteetaten.no/); tax collected is "
      "distributed to the municipalities by kommunenummer")
entry("husbanken.bostotte", "Bostøtte", "Husbanken", "bolig", ["kommunenummer", "fnr"],
      ["fnr", "kommunenummer"], "high",
      "Husbanken: 'Bostøtte - for kommuner' (https://www.husbanken.no/bostotte/); municipalities "
      "help applicants and receive the decisions")
entry("husbanken.startlan", "Startlån og tilskudd", "Husbanken", "bolig",
      ["kommunenummer", "fnr"], ["fnr", "kommunenummer"], "medium",
      "Husbanken: 'Startlån' (https://www.husbanken.no/startlan/); municipalities grant the loans "
      "and report them")
entry("nhn.adresseregisteret", "Adresseregisteret (helse)", "Norsk helsenett", "helse",
      ["kommunenummer", "orgnr", "her-id"], ["her-id", "orgnr"], "high",
      "Norsk helsenett: 'Adresseregisteret' (https://www.nhn.no/); HER-ids of every party that "
      "receives health messages, municipalities included")
entry("nhn.e-resept", "e-resept (Reseptformidleren)", "Norsk helsenett", "helse",
      ["fnr", "hpr-nr"], ["fnr", "hpr-nr"], "critical",
      "Norsk helsenett and Direktoratet for e-helse: 'e-resept' (https://www.nhn.no/); "
      "prescriptions from doctors, nursing homes and home care")
entry("nhn.kjernejournal", "Kjernejournal", "Norsk helsenett", "helse", ["fnr"], ["fnr"],
      "critical",
      "Norsk helsenett: 'Kjernejournal' (https://www.nhn.no/); the national summary of a "
      "patient's critical information, used by municipal emergency care")
entry("nhn.meldingsutveksling", "Helsenettet: meldingsutveksling (ebXML)", "Norsk helsenett",
      "helse", ["fnr", "her-id"], ["fnr", "her-id"], "critical",
      "Norsk helsenett: 'Meldingsutveksling i helsenettet' (https://www.nhn.no/); messages "
      "between GPs, hospitals and municipal health services addressed by HER-id")
entry("helsenorge", "Helsenorge", "Norsk helsenett", "helse", ["fnr"], ["fnr"], "high",
      "Norsk helsenett: 'Helsenorge' (https://www.helsenorge.no/); citizens' health portal, "
      "also for municipal services")
entry("helsedir.kpr", "Kommunalt pasient- og brukerregister (KPR)", "Helsedirektoratet",
      "helse", ["kommunenummer", "fnr"], ["fnr", "kommunenummer"], "medium",
      "Helsedirektoratet: 'Kommunalt pasient- og brukerregister (KPR)' "
      "(https://www.helsedirektoratet.no/); municipalities report health and care services")
entry("helsedir.hpr", "Helsepersonellregisteret (HPR)", "Helsedirektoratet", "helse",
      ["fnr", "hpr-nr"], ["hpr-nr"], "medium",
      "Helsedirektoratet: 'Helsepersonellregisteret' (https://www.helsedirektoratet.no/); "
      "authorisation of health personnel")
entry("helfo.fastlegeregisteret", "Fastlegeregisteret", "Helfo", "helse",
      ["kommunenummer", "fnr", "hpr-nr"], ["fnr", "kommunenummer", "hpr-nr"], "high",
      "Helfo: 'Fastlegeordningen' (https://www.helfo.no/); the municipality is responsible for "
      "the GP lists of its inhabitants")
entry("fhi.sysvak", "Nasjonalt vaksinasjonsregister (SYSVAK)", "FHI", "helse",
      ["fnr", "hpr-nr"], ["fnr"], "medium",
      "FHI: 'Nasjonalt vaksinasjonsregister SYSVAK' (https://www.fhi.no/); vaccinations "
      "reported by municipal health services")
entry("fhi.msis", "Meldingssystem for smittsomme sykdommer (MSIS)", "FHI", "helse",
      ["kommunenummer"], ["kommunenummer"], "medium",
      "FHI: 'MSIS' (https://www.fhi.no/); notifications with the patient's municipality")
entry("udir.gsi", "Grunnskolens informasjonssystem (GSI)", "Udir", "oppvekst",
      ["kommunenummer", "orgnr"], ["kommunenummer", "orgnr"], "medium",
      "Udir: 'GSI - Grunnskolens informasjonssystem' (https://www.udir.no/); schools report per "
      "school and municipality")
entry("udir.nsr", "Nasjonalt skoleregister (NSR)", "Udir", "oppvekst",
      ["kommunenummer", "orgnr"], ["orgnr", "kommunenummer"], "medium",
      "Udir: 'Nasjonalt skoleregister (NSR)' (https://www.udir.no/); every school with its "
      "owner and kommunenummer")
entry("udir.nbr", "Nasjonalt barnehageregister (NBR)", "Udir", "oppvekst",
      ["kommunenummer", "orgnr"], ["orgnr", "kommunenummer"], "medium",
      "Udir: 'Nasjonalt barnehageregister (NBR)' (https://www.udir.no/); every kindergarten "
      "with its owner and kommunenummer")
entry("udir.basil", "BASIL (barnehagestatistikk)", "Udir", "oppvekst",
      ["kommunenummer", "orgnr"], ["kommunenummer", "orgnr"], "medium",
      "Udir: 'BASIL - barnehagestatistikk' (https://www.udir.no/); kindergartens report yearly")
entry("udir.pas", "PAS/PGS (prøver og eksamen)", "Udir", "oppvekst",
      ["fnr", "orgnr", "feide-id"], ["fnr", "orgnr"], "medium",
      "Udir: 'Prøveadministrasjonssystemet (PAS)' (https://www.udir.no/); national tests and "
      "exams")
entry("feide", "Feide", "Sikt", "oppvekst", ["orgnr", "feide-id"], ["feide-id", "orgnr"],
      "high",
      "Sikt: 'Feide' (https://docs.feide.no/); login for pupils and staff, the school owner "
      "identified by organisasjonsnummer (Feide was run by Uninett until 2022)")
entry("vigo", "VIGO", "VIGO IKS", "oppvekst", ["fnr", "orgnr"], ["fnr", "orgnr"], "medium",
      "VIGO IKS: 'VIGO' (https://www.vigoiks.no/); the counties' school and apprenticeship "
      "system, which receives pupils from the municipalities' lower secondary schools")
entry("statsforvalteren", "Statsforvalteren", "Statsforvalteren", "stat",
      ["kommunenummer", "orgnr", "saksnr"], ["kommunenummer", "orgnr", "saksnr"], "medium",
      "Statsforvalteren: 'Statsforvalteren' (https://www.statsforvalteren.no/); supervision of "
      "and appeals from the municipalities (the Fylkesmann until 2021)")
entry("imdi.nir", "Nasjonalt introduksjonsregister (NIR)", "IMDi", "integrering",
      ["kommunenummer", "fnr"], ["fnr", "kommunenummer"], "medium",
      "IMDi: 'Nasjonalt introduksjonsregister (NIR)' (https://www.imdi.no/); municipalities "
      "register introduction programme participants")
entry("bufetat", "Bufetat (statlig barnevern)", "Bufdir", "barnevern",
      ["kommunenummer", "fnr"], ["fnr", "kommunenummer"], "high",
      "Bufdir: 'Bufetat' (https://www.bufdir.no/); state child welfare services requested by the "
      "municipal child welfare service")
entry("dibk.fellestjenester-bygg", "Fellestjenester BYGG", "Direktoratet for byggkvalitet",
      "plan-bygg", ["kommunenummer", "fnr", "orgnr", "gnr-bnr", "adresse"],
      ["gnr-bnr", "kommunenummer", "orgnr", "adresse"], "medium",
      "DiBK: 'Fellestjenester BYGG' (https://dibk.no/verktoy-og-veivisere/andre-fagomrader/"
      "fellestjenester-bygg/); building applications sent to the municipality through Altinn")
entry("landbruksdir.landbruksregisteret", "Landbruksregisteret", "Landbruksdirektoratet",
      "landbruk", ["kommunenummer", "orgnr", "gnr-bnr"], ["orgnr", "gnr-bnr", "kommunenummer"],
      "medium",
      "Landbruksdirektoratet: 'Landbruksregisteret' (https://www.landbruksdirektoratet.no/); "
      "farms by matrikkelnummer, kept with the municipalities")
entry("landbruksdir.estil", "Produksjonstilskudd (eStil PT)", "Landbruksdirektoratet",
      "landbruk", ["kommunenummer", "orgnr"], ["orgnr", "kommunenummer"], "medium",
      "Landbruksdirektoratet: 'Produksjonstilskudd' (https://www.landbruksdirektoratet.no/); "
      "applications processed by the municipality")
entry("valg.eva", "EVA (valgadministrasjon)", "Valgdirektoratet", "valg",
      ["kommunenummer", "fnr", "adresse"], ["fnr", "kommunenummer", "adresse"], "high",
      "Valgdirektoratet: 'EVA - valgadministrasjonssystemet' (https://www.valg.no/); the "
      "electoral roll by municipality of residence, used by the municipalities")
entry("arkivverket.arkivportalen", "Arkivportalen", "Arkivverket", "arkiv",
      ["kommunenummer", "orgnr"], ["orgnr"], "low",
      "Arkivverket: 'Arkivportalen' (https://www.arkivportalen.no/); catalogue of archives, "
      "municipal ones included")
entry("politiet.politiattest", "Politiattest", "Politiet", "justis", ["fnr", "orgnr"],
      ["fnr", "orgnr"], "low",
      "Politiet: 'Politiattest' (https://www.politiet.no/tjenester/politiattest/); certificates "
      "requested by municipal employers")
entry("spk", "Statens pensjonskasse", "Statens pensjonskasse", "personal", ["fnr", "orgnr"],
      ["fnr", "orgnr"], "medium",
      "Statens pensjonskasse: 'Arbeidsgiver' (https://www.spk.no/); pension for teachers in "
      "municipal schools")
entry("klp.pensjon", "Kommunal pensjon (KLP)", "KLP", "personal",
      ["kommunenummer", "fnr", "orgnr"], ["fnr", "orgnr"], "medium",
      "KLP: 'Offentlig tjenestepensjon' (https://www.klp.no/); pension for municipal employees")
entry("svv.nvdb", "Nasjonal vegdatabank (NVDB)", "Statens vegvesen", "samferdsel",
      ["kommunenummer", "adresse"], ["kommunenummer"], "low",
      "Statens vegvesen: 'NVDB' (https://nvdbapiles.atlas.vegvesen.no/); roads with "
      "kommunenummer, municipal roads included")
entry("nve.atlas", "NVE Atlas (flom og skred)", "NVE", "beredskap", ["kommunenummer"],
      ["kommunenummer"], "low",
      "NVE: 'NVE Atlas' (https://atlas.nve.no/); flood and landslide hazard maps for municipal "
      "planning")
entry("dsb.bris", "Brannstatistikk (BRIS)", "DSB", "beredskap", ["kommunenummer", "adresse"],
      ["kommunenummer"], "low",
      "DSB: 'BRIS - rapportering av brann- og redningsoppdrag' (https://www.dsb.no/); fire "
      "services report by municipality")
entry("miljodir.naturbase", "Naturbase", "Miljødirektoratet", "miljo", ["kommunenummer"],
      ["kommunenummer"], "low",
      "Miljødirektoratet: 'Naturbase' (https://www.miljodirektoratet.no/); protected areas and "
      "species by municipality")
entry("ra.askeladden", "Askeladden (kulturminner)", "Riksantikvaren", "kulturminner",
      ["kommunenummer", "gnr-bnr"], ["kommunenummer", "gnr-bnr"], "low",
      "Riksantikvaren: 'Askeladden' (https://www.riksantikvaren.no/); protected heritage by "
      "matrikkelnummer")

# Integrations between catalogue systems that every municipality meets, with what they carry.
I = [
    ("folkeregisteret", "ks.fiks-folkeregister", ["fnr", "dnr", "kommunenummer", "adresse"]),
    ("folkeregisteret", "krr", ["fnr"]),
    ("folkeregisteret", "valg.eva", ["fnr", "kommunenummer", "adresse"]),
    ("matrikkelen", "folkeregisteret", ["adresse", "kommunenummer"]),
    ("matrikkelen", "kartverket.grunnbok", ["gnr-bnr", "kommunenummer"]),
    ("enhetsregisteret", "altinn", ["orgnr"]),
    ("krr", "digital-postkasse", ["fnr"]),
    ("ks.svarut", "altinn", ["orgnr", "fnr"]),
    ("ks.svarut", "digital-postkasse", ["fnr"]),
    ("ks.fiks-digisos", "nav.digisos", ["fnr", "kommunenummer", "nav-enhetsnummer"]),
    ("skatteetaten.a-ordningen", "nav.aa-registeret", ["fnr", "orgnr"]),
    ("dibk.fellestjenester-bygg", "altinn", ["gnr-bnr", "kommunenummer", "orgnr"]),
    ("nhn.adresseregisteret", "nhn.meldingsutveksling", ["her-id"]),
]

systems = []
for id, name, owner, domain, keys, carries, criticality, source in S:
    systems.append({
        "id": id, "name": name, "kind": "national", "owner": owner, "domain": domain,
        "keys": keys, "criticality": criticality,
        "source": source + ". Typical integrations with municipalities carry: " +
        ", ".join(carries) + ".",
    })
ids = {s["id"] for s in systems}
assert len(ids) == len(systems), "duplicate id"
integrations = []
for a, b, carries in I:
    assert a in ids and b in ids, (a, b)
    integrations.append({"from": a, "to": b, "carries": carries})
doc = {
    "format": "landskap/1",
    "name": "National catalogue: registers and common services municipalities integrate with",
    "keys": [{"id": k, "description": d} for k, d in KEYS],
    "systems": systems,
    "integrations": integrations,
}
print(json.dumps(doc, indent=2, ensure_ascii=False))
