// The national catalogue (datasets/catalogue.json, embedded) and the municipality names
// (datasets/kommunenavn.csv, embedded): hand-checked facts, and that commands use them.
#include "engine/file/catalogue.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "engine/file/load.h"
#include "engine/model/municipality.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

// A municipality's file that names Folkeregisteret and KS SvarUt without defining them.
const char* kOwnSystemsOnly = R"({
  "format": "landskap/1",
  "keys": ["kommunenummer", "fnr"],
  "systems": [
    {"id": "fjell.sak-arkiv", "kind": "municipal", "owner": "1246", "keys": ["fnr"]},
    {"id": "fjell.skole", "kind": "municipal", "owner": "1246", "keys": ["fnr"],
     "cutover": {"after": ["altinn"]}}
  ],
  "integrations": [
    {"from": "folkeregisteret", "to": "fjell.sak-arkiv", "carries": ["kommunenummer", "fnr"]},
    {"from": "fjell.sak-arkiv", "to": "ks.svarut", "carries": ["fnr"]}
  ]
})";

TEST(Catalogue, LoadsWithoutErrorsAndEveryEntryHasASource) {
  std::string text = testing::ReadFile(testing::SourcePath("datasets/catalogue.json"));
  Landscape file;
  Diagnostics diagnostics("catalogue.json");
  ASSERT_TRUE(LoadLandscapeText(text, "catalogue.json", &file, &diagnostics));
  EXPECT_EQ(diagnostics.Items().size(), 0u);
  const Landscape& embedded = Catalogue();
  EXPECT_EQ(embedded.systems.size(), file.systems.size());  // the binary holds the same file
  EXPECT_GE(embedded.systems.size(), 40u);
  EXPECT_LE(embedded.systems.size(), 70u);
  for (const System& s : embedded.systems) {
    EXPECT_FALSE(s.source.empty()) << s.id;
    EXPECT_NE(s.source.find("http"), std::string::npos) << s.id;  // names a public page
    EXPECT_FALSE(s.owner.empty()) << s.id;
    EXPECT_EQ(s.kind, Kind::kNational) << s.id;
  }
  for (const char* id : {"folkeregisteret",
                         "enhetsregisteret",
                         "matrikkelen",
                         "kartverket.grunnbok",
                         "altinn",
                         "id-porten",
                         "maskinporten",
                         "krr",
                         "digital-postkasse",
                         "eformidling",
                         "ks.svarut",
                         "ks.svarinn",
                         "ssb.kostra",
                         "husbanken.bostotte",
                         "nhn.e-resept",
                         "nhn.kjernejournal",
                         "udir.gsi",
                         "feide",
                         "vigo",
                         "statsforvalteren"})
    EXPECT_TRUE(embedded.FindSystem(id)) << id;
  // Facts checked by hand against the agencies' pages named in the sources.
  auto owner = [&](const char* id) { return embedded.systems[*embedded.FindSystem(id)].owner; };
  EXPECT_EQ(owner("folkeregisteret"), "Skatteetaten");
  EXPECT_EQ(owner("enhetsregisteret"), "Brønnøysundregistrene");
  EXPECT_EQ(owner("matrikkelen"), "Kartverket");
  EXPECT_EQ(owner("krr"), "Digdir");
  EXPECT_EQ(owner("ks.svarut"), "KS");
}

TEST(Catalogue, NamedButUndefinedSystemsComeFromTheCatalogue) {
  Landscape l;
  Diagnostics diagnostics("mine.json");
  LoadOptions options;
  options.use_catalogue = true;
  ASSERT_TRUE(LoadLandscapeText(kOwnSystemsOnly, "mine.json", &l, &diagnostics, nullptr, options))
      << (diagnostics.Items().empty() ? "" : diagnostics.Items()[0].message);
  EXPECT_EQ(diagnostics.WarningCount(), 0u);  // catalogue keys are not the file's typos
  EXPECT_EQ(l.catalogue_used, (std::vector<std::string>{"folkeregisteret", "ks.svarut", "altinn"}));
  ASSERT_TRUE(l.FindSystem("folkeregisteret"));
  EXPECT_EQ(l.systems[*l.FindSystem("folkeregisteret")].owner, "Skatteetaten");
  // The impact of kommunenummer goes through Folkeregisteret: it holds the key, and
  // fjell.sak-arkiv (which does not) receives it from there.
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  ImpactResult result = ComputeImpact(graph, query);
  bool through = false;
  for (const AffectedSystem& a : result.affected) {
    if (l.systems[a.system].id != "fjell.sak-arkiv") continue;
    EXPECT_EQ(a.reason, Reason::kReceivesKey);
    EXPECT_EQ(a.distance, 1);
    ASSERT_EQ(a.path.size(), 2u);
    EXPECT_EQ(l.systems[a.path[0]].id, "folkeregisteret");
    through = true;
  }
  EXPECT_TRUE(through);
  // Without the option, the same file is an error (fmt and the library's default).
  Landscape plain;
  Diagnostics errors("mine.json");
  EXPECT_FALSE(LoadLandscapeText(kOwnSystemsOnly, "mine.json", &plain, &errors));
}

TEST(Catalogue, UnknownIdsStillGetDidYouMean) {
  std::string text = kOwnSystemsOnly;
  text.replace(text.find("\"folkeregisteret\""), 17, "\"folkeregistret\"");
  Landscape l;
  Diagnostics diagnostics("mine.json");
  LoadOptions options;
  options.use_catalogue = true;
  EXPECT_FALSE(LoadLandscapeText(text, "mine.json", &l, &diagnostics, nullptr, options));
  ASSERT_EQ(diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(diagnostics.Items()[0].location, "/integrations/0/from");
  EXPECT_NE(diagnostics.Items()[0].message.find("did you mean 'folkeregisteret'?"),
            std::string::npos)
      << diagnostics.Items()[0].message;
}

TEST(Catalogue, CommandsSayWhichEntriesWereUsed) {
  std::string path = testing::TempDir() + "/mine.json";
  { std::ofstream(path) << kOwnSystemsOnly; }
  testing::CliResult v = testing::RunCli({"validate", path});
  EXPECT_EQ(v.code, 0) << v.err;
  EXPECT_NE(v.out.find("OK: 5 systems (3 from the national catalogue: folkeregisteret, ks.svarut, "
                       "altinn), 2 integrations"),
            std::string::npos)
      << v.out;
  testing::CliResult i = testing::RunCli({"impact", path, "--key", "kommunenummer"});
  EXPECT_EQ(i.code, 0) << i.err;
  EXPECT_NE(i.err.find("3 systems taken from the national catalogue"), std::string::npos);
  EXPECT_NE(i.out.find("folkeregisteret"), std::string::npos);
}

// The bundled datasets define their national systems: nothing is taken, answers unchanged.
TEST(Catalogue, BundledDatasetsTakeNothing) {
  for (const char* file : {"datasets/tiny.json", "datasets/oygarden-2020.json"}) {
    Landscape l;
    Diagnostics diagnostics(file);
    LoadOptions options;
    options.use_catalogue = true;
    ASSERT_TRUE(LoadLandscapeFile(testing::SourcePath(file), &l, &diagnostics, options));
    EXPECT_TRUE(l.catalogue_used.empty()) << file;
  }
}

// Facts from SSB's classification (KLASS 131), checked by hand in SSB's lists.
TEST(MunicipalityNames, HandCheckedFacts) {
  EXPECT_EQ(MunicipalityName("1246", 2019), "Fjell");
  EXPECT_EQ(MunicipalityName("1246"), "Fjell");  // the last year it was in use
  EXPECT_EQ(MunicipalityName("1246", 2020), std::nullopt);
  EXPECT_EQ(MunicipalityName("4626", 2020), "Øygarden");
  EXPECT_EQ(MunicipalityName("4626"), "Øygarden");
  EXPECT_EQ(MunicipalityName("1259", 2019), "Øygarden");  // the old Øygarden
  EXPECT_EQ(MunicipalityName("4624", 2020), "Bjørnafjorden");
  EXPECT_EQ(MunicipalityName("5001", 2020), "Trondheim");
  EXPECT_EQ(MunicipalityName("5001", 2024), "Trondheim - Tråante");
  EXPECT_EQ(MunicipalityName("0219", 2019), "Bærum");
  EXPECT_EQ(MunicipalityName("3024", 2020), "Bærum");
  EXPECT_EQ(MunicipalityName("3024", 2024), std::nullopt);
  EXPECT_EQ(MunicipalityName("3201", 2024), "Bærum");
  EXPECT_EQ(MunicipalityName("0301", 2024), "Oslo");
  EXPECT_EQ(MunicipalityName("1580", 2024), "Haram");  // split from Ålesund in 2024
  EXPECT_EQ(MunicipalityName("9999"), std::nullopt);
  EXPECT_EQ(MunicipalityName("Skatteetaten"), std::nullopt);
  EXPECT_EQ(MunicipalityName("124"), std::nullopt);
  EXPECT_EQ(OwnerLabel("1246"), "1246 Fjell");
  EXPECT_EQ(OwnerLabel("4626"), "4626 Øygarden");
  EXPECT_EQ(OwnerLabel("Kartverket"), "Kartverket");
  EXPECT_EQ(OwnerLabel("0000"), "0000");
}

// SSB's names keep every letter: the Sámi ŋ and š that the reference copies lost (issue 19).
TEST(MunicipalityNames, KeepSamiLetters) {
  EXPECT_EQ(MunicipalityName("5436", 2020), "Porsanger - Pors\u00e1\u014bgu - Porsanki");
  EXPECT_EQ(MunicipalityName("2021", 2019), "K\u00e1r\u00e1\u0161johka - Karasjok");
  EXPECT_EQ(MunicipalityName("5610", 2024), "K\u00e1r\u00e1\u0161johka - Karasjok");
  std::string text = testing::ReadFile(testing::SourcePath("datasets/kommunenavn.csv"));
  EXPECT_EQ(text.find('?'), std::string::npos) << "a name lost a letter";
}

// As many municipalities each year as SSB had: 422 in 2019, 356 in 2020-2023, 357 in 2024.
TEST(MunicipalityNames, CountsPerYear) {
  std::string text = testing::ReadFile(testing::SourcePath("datasets/kommunenavn.csv"));
  std::map<int, std::set<std::string>> numbers;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::string number = line.substr(0, 4);
    int last = std::stoi(line.substr(line.rfind(';') + 1));
    int first = std::stoi(line.substr(line.rfind(';') - 4, 4));
    for (int y = first; y <= last; ++y) numbers[y].insert(number);
  }
  EXPECT_EQ(numbers[2019].size(), 422u);
  for (int y = 2020; y <= 2023; ++y) EXPECT_EQ(numbers[y].size(), 356u) << y;
  EXPECT_EQ(numbers[2024].size(), 357u);
}

}  // namespace
}  // namespace landskap
