// The key numbers of every golden file in tests/golden/, worked out by hand from the input file
// (the reasoning is in the comment above each test) and checked in the golden file itself. The
// golden tests (cli_test.cc, streamed_output_test.cc) say the program still prints the golden
// bytes; these say the golden bytes are right, so a golden regenerated from a wrong program
// (LANDSKAP_UPDATE_GOLDEN=1) fails here even if its diff was waved through.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace landskap {
namespace {

using nlohmann::json;

std::string Golden(const std::string& name) {
  std::string text = testing::ReadFile(testing::SourcePath("tests/golden/" + name));
  EXPECT_FALSE(text.empty()) << "tests/golden/" << name << " is missing or empty";
  return text;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool HasLine(const std::string& text, const std::string& line) {
  for (const std::string& l : Lines(text))
    if (l == line) return true;
  return false;
}

std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The rows of the text table whose header line starts with `header` (the lines after its
// dashes, up to the first empty line), as whitespace-separated words.
std::vector<std::vector<std::string>> TableRows(const std::string& text,
                                                const std::string& header) {
  std::vector<std::string> lines = Lines(text);
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind(header, 0) != 0) continue;
    for (size_t j = i + 2; j < lines.size() && !lines[j].empty(); ++j)
      rows.push_back(Words(lines[j]));
    return rows;
  }
  ADD_FAILURE() << "no table headed '" << header << "'";
  return rows;
}

// The rows of the Markdown table whose header row starts with `header`, split at " | ".
// A Markdown table cell as a reader sees it once rendered: `\|` is a bar and the three entities
// the writer uses (&amp; &lt; &gt;) are their characters.
std::string MarkdownCellText(const std::string& cell) {
  std::string text;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell.compare(i, 2, "\\|") == 0) {
      text += '|';
      ++i;
    } else if (cell.compare(i, 5, "&amp;") == 0) {
      text += '&';
      i += 4;
    } else if (cell.compare(i, 4, "&lt;") == 0) {
      text += '<';
      i += 3;
    } else if (cell.compare(i, 4, "&gt;") == 0) {
      text += '>';
      i += 3;
    } else {
      text += cell[i];
    }
  }
  return text;
}

std::vector<std::vector<std::string>> MarkdownRows(const std::string& text,
                                                   const std::string& header) {
  std::vector<std::string> lines = Lines(text);
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind(header, 0) != 0) continue;
    for (size_t j = i + 2; j < lines.size() && lines[j].rfind("| ", 0) == 0; ++j) {
      std::string row = lines[j].substr(2, lines[j].size() - 4);  // without "| " and " |"
      std::vector<std::string> cells;
      for (size_t start = 0;;) {
        size_t bar = row.find(" | ", start);
        cells.push_back(MarkdownCellText(row.substr(start, bar - start)));
        if (bar == std::string::npos) break;
        start = bar + 3;
      }
      rows.push_back(cells);
    }
    return rows;
  }
  ADD_FAILURE() << "no Markdown table headed '" << header << "'";
  return rows;
}

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks) as maps from the
// header's names to the fields.
std::vector<std::map<std::string, std::string>> CsvRecords(const std::string& text) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        records.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        records.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\n') {
      records.emplace_back(1);
    } else {
      records.back().back() += c;
    }
  }
  if (records.back() == std::vector<std::string>(1)) records.pop_back();
  std::vector<std::map<std::string, std::string>> out;
  for (size_t r = 1; r < records.size(); ++r) {
    EXPECT_EQ(records[r].size(), records[0].size()) << "record " << r;
    std::map<std::string, std::string> m;
    for (size_t c = 0; c < records[0].size() && c < records[r].size(); ++c)
      m[records[0][c]] = records[r][c];
    out.push_back(m);
  }
  return out;
}

// tests/data/scope.json, `impact --key kommunenummer` (down): 1246 Fjell changes, 1247 Askøy
// does not. Holding kommunenummer and in scope (municipal systems of 1246, and every shared
// system): folkeregisteret, matrikkelen (national), fjell.sak, fjell.gis (1246); askoy.gis holds
// it but is Askøy's. Passed on along integrations that carry kommunenummer: fjell.sak →
// askoy.sak (fjell-sak-askoy-sak) and fjell.gis → bir.renovasjon (fjell-gis-bir), one step
// each; matrikkelen → askoy.gis ends at a system outside the scope; fjell.pleie receives only
// fnr. So 6 systems, 4 holds-key and 2 receives-key; the integrations into them that carry the
// key: fjell-gis-bir, fjell-sak-askoy-sak, fr-fjell-sak, matrikkel-fjell-gis (4). Most critical
// first: folkeregisteret, matrikkelen (critical), fjell.sak (high, 0), askoy.sak (high, 1),
// fjell.gis (medium), bir.renovasjon (low). By municipality: 1246 has fjell.sak and fjell.gis,
// 1247 askoy.sak, and folkeregisteret, matrikkelen and BIR's system are shared.
const std::vector<std::vector<std::string>> kScopeAffected = {
    {"critical", "0", "holds-key", "folkeregisteret"},
    {"critical", "0", "holds-key", "matrikkelen"},
    {"high", "0", "holds-key", "fjell.sak"},
    {"high", "1", "receives-key", "askoy.sak"},
    {"medium", "0", "holds-key", "fjell.gis"},
    {"low", "1", "receives-key", "bir.renovasjon"}};

TEST(GoldenCheck, ImpactScopeTxt) {
  std::string text = Golden("impact_scope.txt");
  auto rows = TableRows(text, "criticality  dist");
  ASSERT_EQ(rows.size(), kScopeAffected.size());
  for (size_t i = 0; i < rows.size(); ++i)
    EXPECT_EQ(std::vector<std::string>(rows[i].begin(), rows[i].begin() + 4), kScopeAffected[i]);
  std::vector<std::string> integrations;
  for (const auto& row : TableRows(text, "integration  ")) integrations.push_back(row[0]);
  EXPECT_EQ(integrations, (std::vector<std::string>{"fjell-gis-bir", "fjell-sak-askoy-sak",
                                                    "fr-fjell-sak", "matrikkel-fjell-gis"}));
  EXPECT_TRUE(HasLine(text,
                      "Summary: 6 systems and 4 integrations affected (4 holds-key, 2 "
                      "receives-key)."));
  EXPECT_TRUE(HasLine(text, "By municipality: 1246 Fjell: 2, 1247 Askøy: 1; shared systems: 3"));
  EXPECT_TRUE(HasLine(text,
                      "Scope: 1246 Fjell gets the number 4626 on 1 Jan 2020; shared systems are "
                      "in scope too."));
}

// The same answer as impact_scope.txt, as CSV: the evidence path of a receiving system is its
// holder then itself, and `via` the one integration between them.
TEST(GoldenCheck, ImpactScopeCsv) {
  auto records = CsvRecords(Golden("impact_scope.csv"));
  ASSERT_EQ(records.size(), kScopeAffected.size());
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i]["criticality"], kScopeAffected[i][0]);
    EXPECT_EQ(records[i]["distance"], kScopeAffected[i][1]);
    EXPECT_EQ(records[i]["reason"], kScopeAffected[i][2]);
    EXPECT_EQ(records[i]["id"], kScopeAffected[i][3]);
  }
  EXPECT_EQ(records[3]["path"], "fjell.sak > askoy.sak");
  EXPECT_EQ(records[3]["via"], "fjell-sak-askoy-sak");
  EXPECT_EQ(records[5]["path"], "fjell.gis > bir.renovasjon");
  EXPECT_EQ(records[5]["via"], "fjell-gis-bir");
  EXPECT_EQ(records[5]["name"], "Renovasjon (BIR, «Bergensområdets IKS»)");  // quoted: a comma
  EXPECT_EQ(records[0]["path"], "folkeregisteret");
  EXPECT_EQ(records[0]["via"], "");
}

// tests/data/scope.json, `impact --system askoy.sak --direction both`. Downstream: askoy.sak
// sends nothing. Upstream: fjell.sak sends to it (fjell-sak-askoy-sak, 1 step), and
// folkeregisteret to fjell.sak (fr-fjell-sak, 2 steps); folkeregisteret has no provider. So 3
// systems (the source and 2 providers) and 2 integrations; folkeregisteret is critical, the two
// Sak/arkiv systems high (the source first, at distance 0). 1246: fjell.sak, 1247: askoy.sak,
// shared: folkeregisteret.
TEST(GoldenCheck, ImpactAskoyBoth) {
  std::string text = Golden("impact_askoy_both.txt");
  auto rows = TableRows(text, "criticality  dist");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(rows[0].begin(), rows[0].begin() + 4),
            (std::vector<std::string>{"critical", "2", "provider", "folkeregisteret"}));
  EXPECT_EQ(std::vector<std::string>(rows[1].begin(), rows[1].begin() + 4),
            (std::vector<std::string>{"high", "0", "source", "askoy.sak"}));
  EXPECT_EQ(std::vector<std::string>(rows[2].begin(), rows[2].begin() + 4),
            (std::vector<std::string>{"high", "1", "provider", "fjell.sak"}));
  std::vector<std::string> integrations;
  for (const auto& row : TableRows(text, "integration  ")) integrations.push_back(row[0]);
  EXPECT_EQ(integrations, (std::vector<std::string>{"fjell-sak-askoy-sak", "fr-fjell-sak"}));
  EXPECT_NE(text.find("askoy.sak ← fjell.sak ← folkeregisteret"), std::string::npos);
  EXPECT_TRUE(
      HasLine(text, "Summary: 3 systems and 2 integrations affected (2 provider, 1 source)."));
  EXPECT_TRUE(HasLine(text, "By municipality: 1246 Fjell: 1, 1247 Askøy: 1; shared systems: 1"));
}

// tests/data/scope.json, `stats`, counted from the file by hand: 8 systems, 7 integrations, 1
// change, every system has an integration. Kinds: national matrikkelen, folkeregisteret (2);
// municipal fjell.gis, fjell.sak, fjell.pleie, askoy.gis, askoy.sak (5); intermunicipal
// bir.renovasjon (1). Owners: 1246 has 3, 1247 2, BIR, Kartverket, Skatteetaten 1 each. No
// domains. fnr: held by folkeregisteret, fjell.sak, fjell.pleie (3), carried by fr-fjell-sak,
// fr-fjell-pleie, fjell-sak-pleie (3); kommunenummer: held by matrikkelen, folkeregisteret,
// fjell.gis, fjell.sak, askoy.gis (5), carried by all but fr-fjell-pleie and fjell-sak-pleie (5).
// Fan-out: fjell.sak, folkeregisteret, matrikkelen 2, fjell.gis 1, the rest 0; fan-in:
// fjell.pleie 2, the four other receivers 1 ... (7 in all, one per integration).
TEST(GoldenCheck, StatsScope) {
  std::string text = Golden("stats_scope.txt");
  EXPECT_TRUE(HasLine(text,
                      "8 systems, 7 integrations, 1 number change, 0 systems without "
                      "integrations"));
  auto counts = [&](const std::string& header) {
    std::map<std::string, std::string> m;
    for (const auto& row : TableRows(text, header)) {
      std::string name;
      for (size_t i = 0; i + 1 < row.size(); ++i) name += (i ? " " : "") + row[i];
      m[name] = row.back();
    }
    return m;
  };
  EXPECT_EQ(counts("kind  "), (std::map<std::string, std::string>{
                                  {"intermunicipal", "1"}, {"municipal", "5"}, {"national", "2"}}));
  EXPECT_EQ(counts("owner  "), (std::map<std::string, std::string>{{"1246 Fjell", "3"},
                                                                   {"1247 Askøy", "2"},
                                                                   {"BIR", "1"},
                                                                   {"Kartverket", "1"},
                                                                   {"Skatteetaten", "1"}}));
  EXPECT_EQ(counts("domain  "), (std::map<std::string, std::string>{{"(unspecified)", "8"}}));
  auto keys = TableRows(text, "key  ");
  EXPECT_EQ(keys, (std::vector<std::vector<std::string>>{{"fnr", "3", "3"},
                                                         {"kommunenummer", "5", "5"}}));
  std::map<std::string, std::string> fan_out, fan_in;
  for (const auto& row :
       TableRows(text, "system           name                                     fan-out"))
    fan_out[row[0]] = row.back();
  for (const auto& row :
       TableRows(text, "system           name                                     fan-in"))
    fan_in[row[0]] = row.back();
  EXPECT_EQ(fan_out, (std::map<std::string, std::string>{{"askoy.gis", "0"},
                                                         {"askoy.sak", "0"},
                                                         {"bir.renovasjon", "0"},
                                                         {"fjell.gis", "1"},
                                                         {"fjell.pleie", "0"},
                                                         {"fjell.sak", "2"},
                                                         {"folkeregisteret", "2"},
                                                         {"matrikkelen", "2"}}));
  EXPECT_EQ(fan_in, (std::map<std::string, std::string>{{"askoy.gis", "1"},
                                                        {"askoy.sak", "1"},
                                                        {"bir.renovasjon", "1"},
                                                        {"fjell.gis", "1"},
                                                        {"fjell.pleie", "2"},
                                                        {"fjell.sak", "1"},
                                                        {"folkeregisteret", "0"},
                                                        {"matrikkelen", "0"}}));
}

// tests/data/control_chars.json, `stats --top 0`, by hand: 7 systems (soh, esc, nul, del, c1,
// lines, fffe) on one chain of 6 integrations (so none without integrations), 1 change. Kinds:
// national soh, vendor fffe, municipal the other 5. Owners: 1245 (Sund) del, c1, lines; 1246
// (Fjell) esc, nul; "Own\x01er" soh; "V\x1bAS" fffe. Domains: "bell\x07domain" soh and esc,
// "d\0d" nul, none for the other 4. Keys: kommunenummer held by soh and esc and carried by all
// 6 integrations; fnr held by none, carried by c1 → lines only. On the chain every system but
// the last sends one integration and every system but the first receives one.
TEST(GoldenCheck, StatsControlCharsJson) {
  json j = json::parse(Golden("stats_control_chars_all.json"));
  EXPECT_EQ(j["systems"], 7);
  EXPECT_EQ(j["integrations"], 6);
  EXPECT_EQ(j["changes"], 1);
  EXPECT_EQ(j["isolated"], 0);
  EXPECT_EQ(j["by_kind"], json::parse(R"({"municipal": 5, "national": 1, "vendor": 1})"));
  EXPECT_EQ(j["by_owner"], (json{{"1245", 3},
                                 {"1246", 2},
                                 {"Own\x01"
                                  "er",
                                  1},
                                 {"V\x1b"
                                  "AS",
                                  1}}));
  EXPECT_EQ(j["by_domain"], (json{{"(unspecified)", 4},
                                  {"bell\x07"
                                   "domain",
                                   2},
                                  {std::string("d\0d", 3), 1}}));
  EXPECT_EQ(j["keys"], json::parse(R"([{"key": "fnr", "holders": 0, "carriers": 1},
                                       {"key": "kommunenummer", "holders": 2, "carriers": 6}])"));
  std::map<std::string, int> fan_out, fan_in;
  for (const json& e : j["top_fan_out"]) fan_out[e["id"]] = e["degree"];
  for (const json& e : j["top_fan_in"]) fan_in[e["id"]] = e["degree"];
  EXPECT_EQ(
      fan_out,
      (std::map<std::string, int>{
          {"soh", 1}, {"esc", 1}, {"nul", 1}, {"del", 1}, {"c1", 1}, {"lines", 1}, {"fffe", 0}}));
  EXPECT_EQ(
      fan_in,
      (std::map<std::string, int>{
          {"soh", 0}, {"esc", 1}, {"nul", 1}, {"del", 1}, {"c1", 1}, {"lines", 1}, {"fffe", 1}}));
  EXPECT_EQ(j["top_fan_out"].back()["id"], "fffe");  // --top 0 lists all 7, the 0 last
  EXPECT_EQ(j["top_fan_in"].back()["id"], "soh");
}

// The same counts as the table, with the control characters shown as escapes.
TEST(GoldenCheck, StatsControlCharsTxt) {
  std::string text = Golden("stats_control_chars_all.txt");
  EXPECT_TRUE(HasLine(text,
                      "7 systems, 6 integrations, 1 number change, 0 systems without "
                      "integrations"));
  EXPECT_EQ(TableRows(text, "kind  "),
            (std::vector<std::vector<std::string>>{
                {"municipal", "5"}, {"national", "1"}, {"vendor", "1"}}));
  EXPECT_EQ(
      TableRows(text, "owner  "),
      (std::vector<std::vector<std::string>>{
          {"1245", "Sund", "3"}, {"1246", "Fjell", "2"}, {"Own\\x01er", "1"}, {"V\\x1bAS", "1"}}));
  EXPECT_EQ(TableRows(text, "domain  "),
            (std::vector<std::vector<std::string>>{
                {"(unspecified)", "4"}, {"bell\\x07domain", "2"}, {"d\\x00d", "1"}}));
  EXPECT_EQ(TableRows(text, "key  "), (std::vector<std::vector<std::string>>{
                                          {"fnr", "0", "1"}, {"kommunenummer", "2", "6"}}));
  EXPECT_EQ(TableRows(text, "system  name").size(), 7u);
}

// tests/data/control_chars.json, `plan --all --start 2019-08-01 --deadline 2019-12-01
// --vendor-capacity 2`, by hand. The 6 integrations make one chain soh → esc → nul → del → c1 →
// lines → fffe: 6 precedence pairs, 7 waves of 1 system, and the whole chain is the critical
// path. No system has an estimate: 5 working days each, 35 in all. Working days from Thursday
// 2019-08-01 (no Norwegian public holiday from August to November): system k (from 0) works days
// 5k to 5k+5: 1-7 Aug, 8-14 Aug, 15-21 Aug, 22-28 Aug, 29 Aug-4 Sep, 5-11 Sep, 12-18 Sep. The
// vendors are esc's and nul's, one system each, so capacity 2 holds nobody back: the same 35
// days with and without limits. Working days to Sunday 2019-12-01: August 22 (from Thursday
// the 1st), September 21, October 23, November 21 = 87, so 87 - 35 = 52 to spare. The change
// is 1246 → 4626: ours are 1246's esc and nul (no 4626 or intermunicipal system), the other 5
// are external. Effort: 1245 3 systems 15 days, 1246 2/10, the other two owners 1/5; vendors:
// none for 5 systems (25 days), each of the two vendors 1/5.
const std::vector<std::string> kChain = {"soh", "esc", "nul", "del", "c1", "lines", "fffe"};
const std::vector<std::pair<std::string, std::string>> kChainDates = {
    {"2019-08-01", "2019-08-07"}, {"2019-08-08", "2019-08-14"}, {"2019-08-15", "2019-08-21"},
    {"2019-08-22", "2019-08-28"}, {"2019-08-29", "2019-09-04"}, {"2019-09-05", "2019-09-11"},
    {"2019-09-12", "2019-09-18"}};

TEST(GoldenCheck, PlanControlCharsJson) {
  json j = json::parse(Golden("plan_control_chars_capacity.json"));
  EXPECT_EQ(j["duration_days"], 35);
  EXPECT_EQ(j["unconstrained_duration_days"], 35);
  EXPECT_EQ(j["finish_date"], "2019-09-18");
  EXPECT_EQ(j["unconstrained_finish_date"], "2019-09-18");
  EXPECT_EQ(j["precedence_count"], 6);
  EXPECT_EQ(j["calendar"]["working_days"], 87);
  EXPECT_EQ(j["vendor_capacity"], 2);
  EXPECT_TRUE(j["bottleneck"].is_null());
  EXPECT_EQ(j["owner_tasks"], (json{"1246", "4626"}));
  EXPECT_EQ(j["critical_paths"], (json{kChain}));
  ASSERT_EQ(j["tasks"].size(), kChain.size());
  for (size_t k = 0; k < kChain.size(); ++k) {
    const json& t = j["tasks"][k];
    EXPECT_EQ(t["id"], kChain[k]);
    EXPECT_EQ(t["wave"], k + 1);
    EXPECT_EQ(t["duration"], 5);
    EXPECT_EQ(t["es"], 5 * k);
    EXPECT_EQ(t["ef"], 5 * k + 5);
    EXPECT_EQ(t["slack"], 0);
    EXPECT_EQ(t["start_date"], kChainDates[k].first);
    EXPECT_EQ(t["finish_date"], kChainDates[k].second);
    EXPECT_EQ(t["external"], kChain[k] != "esc" && kChain[k] != "nul") << kChain[k];
    EXPECT_EQ(t["wait_days"], 0);
  }
  ASSERT_EQ(j["resources"].size(), 2u);
  for (const json& r : j["resources"]) {
    EXPECT_EQ(r["systems"], 1);
    EXPECT_EQ(r["effort_days"], 5);
    EXPECT_EQ(r["waiting"], 0);
  }
  EXPECT_EQ(j["waves"].size(), 7u);
}

TEST(GoldenCheck, PlanControlCharsCsv) {
  auto records = CsvRecords(Golden("plan_control_chars_capacity.csv"));
  ASSERT_EQ(records.size(), kChain.size());
  for (size_t k = 0; k < kChain.size(); ++k) {
    EXPECT_EQ(records[k]["id"], kChain[k]);
    EXPECT_EQ(records[k]["wave"], std::to_string(k + 1));
    EXPECT_EQ(records[k]["es"], std::to_string(5 * k));
    EXPECT_EQ(records[k]["ef"], std::to_string(5 * k + 5));
    EXPECT_EQ(records[k]["slack"], "0");
    EXPECT_EQ(records[k]["critical"], "yes");
    EXPECT_EQ(records[k]["start_date"], kChainDates[k].first);
    EXPECT_EQ(records[k]["finish_date"], kChainDates[k].second);
    EXPECT_EQ(records[k]["external"], kChain[k] == "esc" || kChain[k] == "nul" ? "no" : "yes");
    EXPECT_EQ(records[k]["days_late"], "0");
  }
  // The name with line breaks stays one field.
  EXPECT_EQ(records[5]["name"], "carriage\nreturn tab\ncr a long name that wraps \\x1b over lines");
}

// The summary lines both text goldens of this plan share (Markdown puts "- " before them).
const std::vector<std::string> kChainSummary = {
    "Cutover plan for all 7 systems.",
    "Calendar: working days (Monday to Friday without Norwegian public holidays); from "
    "2019-08-01 to 2019-12-01: 87 working days, no public holiday on a weekday.",
    "Without capacity limits (the critical path): 35 working days, from 2019-08-01 to "
    "2019-09-18.",
    "With capacity limits: 35 working days, from 2019-08-01 to 2019-09-18; no system waited for "
    "a resource.",
    "Deadline 2019-12-01 (with the capacity limits): met, 52 working days to spare.",
    "Order: 6 precedence pairs (an integration converts the provider before the consumer; "
    "cutover.after adds more)."};

TEST(GoldenCheck, PlanControlCharsTxt) {
  std::string text = Golden("plan_control_chars_capacity.txt");
  for (const std::string& line : kChainSummary) EXPECT_TRUE(HasLine(text, line)) << line;
  EXPECT_NE(text.find("Our work: 2 systems of 1246 Fjell, 4626 Øygarden"), std::string::npos);
  EXPECT_NE(text.find("; 5 external dependencies"), std::string::npos);
  for (size_t k = 0; k < kChain.size(); ++k)
    EXPECT_TRUE(HasLine(text, "  wave " + std::to_string(k + 1) + ": " + kChainDates[k].first +
                                  " to " + kChainDates[k].second + ", 1 system"));
  EXPECT_TRUE(HasLine(text, "  soh → esc → nul → del → c1 → lines → fffe"));
  std::vector<std::string> ours;
  for (const auto& row : TableRows(text, "wave  system  name                owner"))
    ours.push_back(row[1]);
  EXPECT_EQ(ours, (std::vector<std::string>{"esc", "nul"}));
  EXPECT_EQ(TableRows(text, "owner       work"),
            (std::vector<std::vector<std::string>>{{"1245", "Sund", "external", "3", "15"},
                                                   {"1246", "Fjell", "ours", "2", "10"},
                                                   {"Own\\x01er", "external", "1", "5"},
                                                   {"V\\x1bAS", "external", "1", "5"}}));
}

TEST(GoldenCheck, PlanControlCharsMarkdown) {
  std::string text = Golden("plan_control_chars_capacity.md");
  for (const std::string& line : kChainSummary) EXPECT_TRUE(HasLine(text, "- " + line)) << line;
  for (size_t k = 0; k < kChain.size(); ++k)
    EXPECT_TRUE(HasLine(text, "- wave " + std::to_string(k + 1) + ": " + kChainDates[k].first +
                                  " to " + kChainDates[k].second + ", 1 system"));
  EXPECT_TRUE(HasLine(text, "- soh → esc → nul → del → c1 → lines → fffe"));
  auto ours = MarkdownRows(text, "| wave | system |");
  ASSERT_EQ(ours.size(), 2u);
  EXPECT_EQ(ours[0][1], "esc");
  EXPECT_EQ(ours[0][6], "2019-08-08");
  EXPECT_EQ(ours[1][1], "nul");
  EXPECT_EQ(ours[1][7], "2019-08-21");
  EXPECT_EQ(MarkdownRows(text, "| owner | work |"),
            (std::vector<std::vector<std::string>>{{"1245 Sund", "external", "3", "15"},
                                                   {"1246 Fjell", "ours", "2", "10"},
                                                   {"Own\\x01er", "external", "1", "5"},
                                                   {"V\\x1bAS", "external", "1", "5"}}));
  EXPECT_EQ(MarkdownRows(text, "| vendor | work |"),
            (std::vector<std::vector<std::string>>{{"-", "external", "5", "25"},
                                                   {"Ven\\x1b]0;title\\x07dor", "ours", "1", "5"},
                                                   {"v\\x00v", "ours", "1", "5"}}));
}

// tests/data/hostile.json, `plan --all --start 2019-08-01 --deadline 2019-09-01 --capacity 1`,
// by hand. 10 systems, none with an estimate: 5 working days each. 10 integrations, two of them
// inject → script, so 9 precedence pairs: inject → newline → escapes → html-label → entities →
// odd.id_with-chars:1/2@x+y (6 systems, 30 days) and inject → script → img → quotes → unicode
// (5 systems, 25 days, so 5 days of slack on that branch). Waves by depth: inject; script,
// newline; img, escapes; quotes, html-label; unicode, entities; odd (1, 2, 2, 2, 2, 1).
// Without limits the critical path ends on the 30th working day from Thursday 1 August:
// Wednesday 2019-09-11. --capacity 1 limits our work only (issue 19): ours (1246 and
// intermunicipal) are script, img, newline and quotes (4), the other 6 are external and never
// wait for it. inject (external) takes working days 1-5 (1-7 August); newline (critical, least
// latest start) 6-10, so script, ready on day 6 too, waits 5 days for the one place: 11-15;
// escapes 11-15, img and html-label 16-20, quotes and entities 21-25, unicode and odd 26-30.
// The finish is day 30, Wednesday 2019-09-11, as without limits. The deadline is Sunday 1
// September, so work must end by Friday 30 August, working day 22: quotes and entities (day
// 25) are 3 days late, unicode and odd (day 30) 8. Effort: 1245 Sund and 1246 Fjell 3 systems and
// 15 days each, the four other owners 1 and 5; vendor: only unicode has one (O'Brien & Søn), so 9
// systems (45 days) without one. The one resource, all work, has our 4 systems and 20 days.
TEST(GoldenCheck, PlanHostileTxt) {
  std::string text = Golden("plan_hostile_capacity.txt");
  for (const char* line :
       {"Cutover plan for all 10 systems.",
        "Calendar: working days (Monday to Friday without Norwegian public holidays); from "
        "2019-08-01 to 2019-09-11: 30 working days, no public holiday on a weekday.",
        "Without capacity limits (the critical path): 30 working days, from 2019-08-01 to "
        "2019-09-11.",
        "Deadline 2019-09-01 (with the capacity limits): 4 systems finish late, by up to 8 "
        "working days.",
        "Order: 9 precedence pairs (an integration converts the provider before the consumer; "
        "cutover.after adds more).",
        "  inject → newline → escapes → html-label → entities → odd.id_with-chars:1/2@x+y"})
    EXPECT_TRUE(HasLine(text, line)) << line;
  EXPECT_NE(text.find("With capacity limits: 30 working days, from 2019-08-01 to 2019-09-11; "
                      "bottleneck: all work (--capacity) (1 at a time): 1 system waited 5 "
                      "working days"),
            std::string::npos);
  EXPECT_NE(text.find("Our work: 4 systems of 1246 Fjell, 4626 Øygarden and the intermunicipal "
                      "systems (--owner-tasks); 6 external dependencies"),
            std::string::npos);
  std::vector<std::string> waves;
  for (const std::string& line : Lines(text))
    if (line.rfind("  wave ", 0) == 0) waves.push_back(line.substr(line.rfind(", ") + 2));
  EXPECT_EQ(waves, (std::vector<std::string>{"1 system", "2 systems", "2 systems", "2 systems",
                                             "2 systems", "1 system"}));
  EXPECT_TRUE(HasLine(text, "  wave 1: 2019-08-01 to 2019-08-07, 1 system"));
  std::multiset<std::string> late;
  for (const auto& row : TableRows(text, "system                     owner             vendor"))
    late.insert(row.back());
  EXPECT_EQ(late, (std::multiset<std::string>{"3", "3", "8", "8"}));
  auto capacity = TableRows(text, "resource  ");
  ASSERT_EQ(capacity.size(), 1u);
  EXPECT_EQ(
      std::vector<std::string>(capacity[0].begin(), capacity[0].begin() + 7),
      (std::vector<std::string>{"all", "work", "(--capacity)", "1", "--capacity", "4", "20"}));
  auto vendors = TableRows(text, "vendor         work");
  EXPECT_EQ(vendors,
            (std::vector<std::vector<std::string>>{{"-", "ours", "and", "external", "9", "45"},
                                                   {"O'Brien", "&", "Søn", "external", "1", "5"}}));
  std::map<std::string, std::string> owners;
  for (const auto& row : TableRows(text, "owner                      work")) {
    std::string name;
    for (size_t i = 0; i + 3 < row.size(); ++i) name += (i ? " " : "") + row[i];
    owners[name] = row[row.size() - 3] + " " + row[row.size() - 2] + " " + row.back();
  }
  EXPECT_EQ(owners,
            (std::map<std::string, std::string>{{"1245 Sund", "external 3 15"},
                                                {"1246 Fjell", "ours 3 15"},
                                                {"\"} subgraph cluster_x { y", "external 1 5"},
                                                {"<Leverandør>", "external 1 5"},
                                                {"Skatteetaten", "external 1 5"},
                                                {"Ærlig & åpen IKS", "ours 1 5"}}));
}

TEST(GoldenCheck, PlanHostileMarkdown) {
  std::string text = Golden("plan_hostile_capacity.md");
  EXPECT_TRUE(HasLine(text, "- Cutover plan for all 10 systems."));
  EXPECT_TRUE(HasLine(text,
                      "- Without capacity limits (the critical path): 30 working days, from "
                      "2019-08-01 to 2019-09-11."));
  EXPECT_TRUE(HasLine(text,
                      "- Deadline 2019-09-01 (with the capacity limits): 4 systems finish late, "
                      "by up to 8 working days."));
  EXPECT_NE(text.find("- With capacity limits: 30 working days, from 2019-08-01 to 2019-09-11;"),
            std::string::npos);
  EXPECT_TRUE(HasLine(text,
                      "- inject → newline → escapes → html-label → entities → "
                      "odd.id_with-chars:1/2@x+y"));
  std::multiset<std::string> late;
  for (const auto& row : MarkdownRows(text, "| system | owner | vendor | finish |"))
    late.insert(row.back());
  EXPECT_EQ(late, (std::multiset<std::string>{"3", "3", "8", "8"}));
  std::set<std::string> ours, owners;
  for (const auto& row : MarkdownRows(text, "| wave | system |")) {  // the first: ours
    ours.insert(row[1]);
    owners.insert(row[3]);
  }
  EXPECT_EQ(ours, (std::set<std::string>{"img", "newline", "quotes", "script"}));
  EXPECT_EQ(owners, (std::set<std::string>{"1246 Fjell", "Ærlig & åpen IKS"}));
  EXPECT_EQ(MarkdownRows(text, "| vendor | work |"),
            (std::vector<std::vector<std::string>>{{"-", "ours and external", "9", "45"},
                                                   {"O'Brien & Søn", "external", "1", "5"}}));
}

// Every golden file has its test here: a new golden without hand-made numbers fails.
TEST(GoldenCheck, EveryGoldenFileIsChecked) {
  std::set<std::string> checked = {"impact_askoy_both.txt",
                                   "impact_scope.csv",
                                   "impact_scope.txt",
                                   "plan_control_chars_capacity.csv",
                                   "plan_control_chars_capacity.json",
                                   "plan_control_chars_capacity.md",
                                   "plan_control_chars_capacity.txt",
                                   "plan_hostile_capacity.md",
                                   "plan_hostile_capacity.txt",
                                   "stats_control_chars_all.json",
                                   "stats_control_chars_all.txt",
                                   "stats_scope.txt"};
  std::set<std::string> present;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SourcePath("tests/golden")))
    present.insert(entry.path().filename().string());
  EXPECT_EQ(present, checked) << "a golden file without a hand-computed check in this file";
}

}  // namespace
}  // namespace landskap
