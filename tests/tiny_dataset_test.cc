// datasets/tiny.json against the answers computed by hand in datasets/tiny.expected.md
// (sections 1 to 5), through the real command line.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace landskap {
namespace {

using nlohmann::json;

const std::string kTiny = testing::SourcePath("datasets/tiny.json");

json Impact(std::vector<std::string> extra) {
  std::vector<std::string> args = {"impact", kTiny, "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = testing::RunCli(args);
  EXPECT_EQ(r.code, 0) << r.err;
  return json::parse(r.out);
}

// "id distance reason path-joined-by->" per affected system, in the ranked order.
std::vector<std::string> Rows(const json& j) {
  std::vector<std::string> rows;
  for (const auto& a : j["affected"]) {
    std::string path;
    for (const auto& p : a["path"]) path += (path.empty() ? "" : ">") + p.get<std::string>();
    rows.push_back(a["id"].get<std::string>() + " " + std::to_string(a["distance"].get<int>()) +
                   " " + a["reason"].get<std::string>() + " " + path);
  }
  return rows;
}

std::vector<std::string> Integrations(const json& j) {
  std::vector<std::string> ids;
  for (const auto& i : j["integrations"]) ids.push_back(i["id"]);
  return ids;
}

const std::vector<std::string> kSection1Integrations = {"fjell.lonn:fjell.okonomi",
                                                        "fjell.okonomi:fjell.lonn",
                                                        "fjell.sak-arkiv:askoy.sak-arkiv",
                                                        "folkeregisteret:integrasjonsplattform",
                                                        "integrasjonsplattform:fjell.sak-arkiv",
                                                        "integrasjonsplattform:sund.sak-arkiv",
                                                        "matrikkelen:sund.gis",
                                                        "sund.gis:sund.eiendomsskatt"};

TEST(TinyDataset, Section1ScopedKeyChange) {
  json j = Impact({"--key", "kommunenummer"});
  EXPECT_EQ(
      Rows(j),
      (std::vector<std::string>{
          "folkeregisteret 0 holds-key folkeregisteret", "matrikkelen 0 holds-key matrikkelen",
          "fjell.lonn 0 holds-key fjell.lonn", "fjell.okonomi 0 holds-key fjell.okonomi",
          "fjell.sak-arkiv 0 holds-key fjell.sak-arkiv",
          "sund.sak-arkiv 0 holds-key sund.sak-arkiv",
          "askoy.sak-arkiv 1 receives-key fjell.sak-arkiv>askoy.sak-arkiv",
          "integrasjonsplattform 1 receives-key folkeregisteret>integrasjonsplattform",
          "sund.eiendomsskatt 2 receives-key matrikkelen>sund.gis>sund.eiendomsskatt",
          "sund.gis 1 receives-key matrikkelen>sund.gis"}));
  EXPECT_EQ(Integrations(j), kSection1Integrations);
}

TEST(TinyDataset, Section2ThroughAll) {
  json j = Impact({"--key", "kommunenummer", "--through-all"});
  std::vector<std::string> rows = Rows(j);
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(rows[2], "nav 1 depends-on fjell.lonn>nav");
  EXPECT_EQ(rows[9],
            "fjell.helsestasjon 2 depends-on folkeregisteret>integrasjonsplattform>"
            "fjell.helsestasjon");
  EXPECT_EQ(Integrations(j), kSection1Integrations);
}

TEST(TinyDataset, Section4OnlyFjellByHand) {
  json j = Impact({"--key", "kommunenummer", "--owner", "1246"});
  EXPECT_EQ(j["affected"].size(), 7u);
  EXPECT_EQ(
      Integrations(j),
      (std::vector<std::string>{
          "fjell.lonn:fjell.okonomi", "fjell.okonomi:fjell.lonn", "fjell.sak-arkiv:askoy.sak-arkiv",
          "folkeregisteret:integrasjonsplattform", "integrasjonsplattform:fjell.sak-arkiv"}));
}

TEST(TinyDataset, Section5OutageOfThePlatform) {
  json down = Impact({"--system", "integrasjonsplattform"});
  EXPECT_EQ(down["affected"].size(), 5u);
  EXPECT_EQ(Rows(down).back(),
            "askoy.sak-arkiv 2 depends-on integrasjonsplattform>fjell.sak-arkiv>askoy.sak-arkiv");
  EXPECT_EQ(Integrations(down),
            (std::vector<std::string>{
                "fjell.sak-arkiv:askoy.sak-arkiv", "integrasjonsplattform:fjell.helsestasjon",
                "integrasjonsplattform:fjell.sak-arkiv", "integrasjonsplattform:sund.sak-arkiv"}));
  json both = Impact({"--system", "integrasjonsplattform", "--direction", "both"});
  EXPECT_EQ(both["affected"].size(), 6u);
  EXPECT_EQ(both["integrations"].size(), 5u);
  EXPECT_EQ(Rows(both)[0], "folkeregisteret 1 provider integrasjonsplattform>folkeregisteret");
}

}  // namespace
}  // namespace landskap
