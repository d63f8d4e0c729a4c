// The command pipeline against the mistakes found by trying landskap as a new user and with a
// shell loop of odd inputs (issue 7): a misspelled key with change tables, folders and endless
// devices as inputs, pipes, devices and links as outputs, -1 as a number, the format from -o's
// ending, and the shared options meaning the same in every command. Each test failed before
// the pipeline was built.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/test_support.h"

namespace landskap {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunCli;
using testing::SourcePath;
using testing::TempDir;

const std::string kTiny = SourcePath("datasets/tiny.json");

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string Write(const std::string& dir, const std::string& name, const std::string& text) {
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Runs a shell command line (bash, for process substitution) with the binary as $L.
testing::CliResult Shell(const std::string& line) {
  // Not TempDir(): that empties the test's folder, which holds the test's pipes and files.
  static int run = 0;
  std::string dir = (fs::temp_directory_path() /
                     ("landskap-shell-" + std::to_string(getpid()) + "-" + std::to_string(++run)))
                        .string();
  fs::create_directories(dir);
  std::string script = Write(dir, "run.sh", "L=" + std::string(LANDSKAP_BINARY) + "\n" + line);
  int status = std::system(("bash " + script + " >" + dir + "/out 2>" + dir + "/err").c_str());
  testing::CliResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir + "/out");
  r.err = ReadFile(dir + "/err");
  fs::remove_all(dir);
  return r;
}

// Finding 1: the key is checked before change tables add changes of it to the model.
TEST(Pipeline, MisspelledKeyWithChangeTableIsAnErrorInEveryCommand) {
  std::string dir = TempDir();
  std::string table = Write(dir, "changes.csv", "gammel;ny\n1246;4626\n1245;4626\n");
  std::string out = dir + "/out";
  for (std::vector<std::string> args :
       {std::vector<std::string>{"impact", kTiny, "--key", "kommunenumer", "--changes", table},
        {"plan", kTiny, "--key", "kommunenumer", "--changes", table},
        {"render", kTiny, "--key", "kommunenumer", "--changes", table, "-o", out + ".svg"},
        {"report", kTiny, "--key", "kommunenumer", "--changes", table, "-o", out + ".html"}}) {
    auto r = RunCli(args);
    EXPECT_EQ(r.code, 2) << args[0] << ": " << r.out;
    EXPECT_TRUE(Has(r.err, "did you mean 'kommunenummer'")) << args[0] << ": " << r.err;
    EXPECT_FALSE(fs::exists(out + ".svg") || fs::exists(out + ".html"));
  }
  // Spelled right, the table scopes the change.
  auto r = RunCli({"impact", kTiny, "--key", "kommunenummer", "--changes", table});
  EXPECT_EQ(r.code, 0) << r.err;
}

// Finding 2: a folder and an endless device as change tables.
TEST(Pipeline, FolderAndEndlessDeviceAsChangeTablesAreClearErrors) {
  std::string dir = TempDir();
  for (std::string command : {"impact", "plan", "render", "report"}) {
    std::vector<std::string> base = {command, kTiny, "--key", "kommunenummer"};
    if (command == "render") base.insert(base.end(), {"-o", dir + "/x.svg"});
    auto folder = base;
    folder.insert(folder.end(), {"--changes", dir});
    auto r = RunCli(folder);
    EXPECT_EQ(r.code, 2) << command;
    EXPECT_TRUE(Has(r.err, dir + ": error: this is a folder, not a change table")) << r.err;
    auto zero = base;
    zero.insert(zero.end(), {"--changes", "/dev/zero"});
    r = RunCli(zero);
    EXPECT_EQ(r.code, 2) << command;
    EXPECT_TRUE(Has(r.err, "/dev/zero:1:1: error: this is not a text file")) << r.err;
  }
}

TEST(Pipeline, ChangesWithoutTheKeyInTheFileSayWhatToDo) {
  std::string dir = TempDir();
  std::string file =
      Write(dir, "nokey.json",
            R"({"format": "landskap/1", "systems": [{"id": "a", "keys": ["orgnr"]}]})");
  std::string table = Write(dir, "changes.csv", "gammel;ny\n1246;4626\n");
  auto r = RunCli({"impact", file, "--key", "orgnr", "--changes", table});
  EXPECT_EQ(r.code, 0) << r.err;  // the tables change orgnr, as asked
  r = RunCli({"render", file, "--system", "a", "--changes", table, "-o", dir + "/x.svg"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "has no key 'kommunenummer'; name the key")) << r.err;
}

// Finding 3, inputs: a pipe nobody writes to, /dev/stdin, process substitution, "-".
TEST(Pipeline, PipeWithoutWriterGivesUpWithAMessage) {
  std::string dir = TempDir();
  std::string fifo = dir + "/pipe";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  auto r = Shell("LANDSKAP_PIPE_WAIT_SECONDS=1 $L validate " + fifo);
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, fifo + ": error: nothing arrived within 1 s; no program is writing"))
      << r.err;
}

TEST(Pipeline, StandardInputAndProcessSubstitutionAreRead) {
  for (const std::string& line :
       {"cat " + kTiny + " | $L validate /dev/stdin", "$L validate <(cat " + kTiny + ")",
        "$L validate - < " + kTiny, "cat " + kTiny + " | $L impact - --key kommunenummer"}) {
    auto r = Shell(line);
    EXPECT_EQ(r.code, 0) << line << "\n" << r.err;
    EXPECT_TRUE(Has(r.out, "13 systems") || Has(r.out, "Blast radius")) << line << "\n" << r.out;
  }
  auto r = Shell("$L validate - < /dev/null");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "stdin:")) << r.err;
}

// Finding 3, outputs: never replace a pipe, a device or a link with a regular file.
TEST(Pipeline, OutputOntoDeviceIsWrittenNotReplaced) {
  auto r = RunCli({"stats", kTiny, "-o", "/dev/null"});
  EXPECT_EQ(r.code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  if (access("/dev/full", W_OK) == 0) {
    r = RunCli({"stats", kTiny, "-o", "/dev/full"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(Has(r.err, "/dev/full: error: cannot write")) << r.err;
    ASSERT_EQ(stat("/dev/full", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
  }
}

TEST(Pipeline, OutputOntoPipeIsStreamed) {
  std::string dir = TempDir();
  std::string fifo = dir + "/pipe";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = ReadFile(fifo); });
  auto r = RunCli({"stats", kTiny, "--format", "json", "-o", fifo});
  reader.join();
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(got)["systems"], 13);
  struct stat st {};
  ASSERT_EQ(lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  // Nobody reading: a bounded wait, then a message.
  r = Shell("LANDSKAP_PIPE_WAIT_SECONDS=1 $L stats " + kTiny + " -o " + fifo);
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "no program read from this pipe within 1 s")) << r.err;
}

TEST(Pipeline, OutputThroughALinkKeepsTheLink) {
  std::string dir = TempDir();
  std::string target = Write(dir, "real.json", "old");
  std::string link = dir + "/link.json";
  fs::create_symlink(target, link);
  auto r = RunCli({"stats", kTiny, "-o", link});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(nlohmann::json::parse(ReadFile(target))["systems"], 13);
  fs::create_symlink(dir + "/nowhere/x.json", dir + "/dangling.json");
  r = RunCli({"stats", kTiny, "-o", dir + "/dangling.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(fs::is_symlink(dir + "/dangling.json"));
}

// Finding 4: -1 is not "not given".
TEST(Pipeline, MinusOneIsRefusedHoweverItIsSpelled) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"impact", kTiny, "--key", "kommunenummer", "--depth=-1"},
        {"impact", kTiny, "--key", "kommunenummer", "--dep", "-1"},
        {"impact", kTiny, "--key", "kommunenummer", "--depth", "-1"},
        {"hotspots", kTiny, "--samples=-1"},
        {"hotspots", kTiny, "--samples", "0"},
        {"hotspots", kTiny, "--top=-1"},
        {"stats", kTiny, "--top=-1"},
        {"render", kTiny, "--focus", "fjell.sak", "--hops=-1", "-o", "x.svg"},
        {"plan", kTiny, "--all", "--capacity=-1"}}) {
    auto r = RunCli(args);
    EXPECT_EQ(r.code, 2) << args[0] << " " << args.back();
    EXPECT_TRUE(Has(r.err, "error:")) << r.err;
  }
  auto r = RunCli({"impact", kTiny, "--key", "kommunenummer", "--depth=0", "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  // Keep the parsed document alive: a range-for over a member of a temporary reads freed memory.
  nlohmann::json parsed = nlohmann::json::parse(r.out);
  ASSERT_FALSE(parsed["affected"].empty());
  for (const auto& a : parsed["affected"]) EXPECT_EQ(a["distance"], 0);
}

// --top means the same in stats and hotspots: 0 lists everything.
TEST(Pipeline, TopZeroListsEverythingInStatsAndHotspots) {
  auto r = RunCli({"stats", kTiny, "--top", "0", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["top_fan_in"].size(), 13u);
  r = RunCli({"stats", kTiny, "--top", "2", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(r.out)["top_fan_in"].size(), 2u);
}

// Finding 5: the format follows -o's ending.
TEST(Pipeline, FormatFollowsTheOutputFilesEnding) {
  std::string dir = TempDir();
  auto r = RunCli({"impact", kTiny, "--key", "kommunenummer", "-o", dir + "/impact.csv"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir + "/impact.csv").rfind("id,name,owner,", 0), 0u);
  r = RunCli({"impact", kTiny, "--key", "kommunenummer", "-o", dir + "/impact.JSON"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NO_THROW(nlohmann::json::parse(ReadFile(dir + "/impact.JSON")));
  // Markdown speaks bokmål unless --lang en (docs/pictures.md § Language).
  r = RunCli({"plan", kTiny, "--key", "kommunenummer", "-o", dir + "/plan.md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir + "/plan.md").rfind("## Omleggingsplan", 0), 0u);
  r = RunCli({"impact", kTiny, "--key", "kommunenummer", "-o", dir + "/impact.md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir + "/impact.md").rfind("## Konsekvenser\n", 0), 0u);
  // A contradiction is an error, and writes nothing.
  r = RunCli({"impact", kTiny, "--key", "kommunenummer", "--format", "json", "-o", dir + "/x.csv"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "--format json does not match the ending of")) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/x.csv"));
  // A format the command does not write.
  r = RunCli({"impact", kTiny, "--key", "kommunenummer", "-o", dir + "/x.mmd"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "impact writes table, json, csv, xlsx or markdown")) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/x.mmd"));
  // An ending no format has is refused (issue 17, finding 11: a table under plan.docx opens as
  // garbage); with --format the name is the user's; a name without an ending keeps the default.
  r = RunCli({"stats", kTiny, "-o", dir + "/stats.out"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "no format ends in .out")) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/stats.out"));
  r = RunCli({"stats", kTiny, "--format", "table", "-o", dir + "/stats.out"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Has(ReadFile(dir + "/stats.out"), "13 systems, 11 integrations"));
  r = RunCli({"stats", kTiny, "-o", dir + "/stats"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Has(ReadFile(dir + "/stats"), "13 systems, 11 integrations"));
}

// One declaration per shared option: the same words in every command's help.
TEST(Pipeline, SharedOptionsHaveOneHelpText) {
  std::string key_help;
  for (std::string command : {"impact", "plan", "render", "report"}) {
    auto r = RunCli({command, "--help"});
    ASSERT_EQ(r.code, 0);
    size_t at = r.out.find("\n  --key K");
    ASSERT_NE(at, std::string::npos) << command;
    std::string line = r.out.substr(at, r.out.find('\n', at) - at);
    if (key_help.empty()) key_help = line;
    EXPECT_EQ(line, key_help) << command;
  }
}

// render --impact is the old spelling of --key, kept for one release.
TEST(Pipeline, RenderAcceptsImpactAsTheOldNameOfKey) {
  std::string dir = TempDir();
  // Separate processes: Graphviz numbers clusters per process.
  auto a = testing::RunBinary("render " + kTiny + " --key kommunenummer -o " + dir + "/a.dot");
  auto b = testing::RunBinary("render " + kTiny + " --impact kommunenummer -o " + dir + "/b.dot");
  ASSERT_EQ(a.code, 0) << a.err;
  ASSERT_EQ(b.code, 0) << b.err;
  EXPECT_EQ(ReadFile(dir + "/a.dot"), ReadFile(dir + "/b.dot"));
  EXPECT_TRUE(Has(RunCli({"render", "--help"}).out, "old name of --key"));
  auto c =
      RunCli({"render", kTiny, "--key", "kommunenummer", "--impact", "fnr", "-o", dir + "/c.dot"});
  EXPECT_EQ(c.code, 2);
}

// Every usage mistake at once, before the file is read.
TEST(Pipeline, UsageErrorsComeTogetherBeforeLoading) {
  auto r = RunCli({"plan", "/nonexistent.json", "--all", "--start", "2019-13-01", "--capacity", "0",
                   "--format", "xml"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "--start takes a date")) << r.err;
  EXPECT_TRUE(Has(r.err, "--capacity takes a number")) << r.err;
  EXPECT_TRUE(Has(r.err, "unknown --format 'xml'")) << r.err;
  EXPECT_FALSE(Has(r.err, "/nonexistent.json")) << r.err;
}

TEST(Pipeline, MissingInputFileSaysSo) {
  auto r = RunCli({"validate", "/nonexistent/landscape.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "/nonexistent/landscape.json: error: there is no such file")) << r.err;
}

}  // namespace
}  // namespace landskap
