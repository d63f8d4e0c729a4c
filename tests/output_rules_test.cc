// The output layer's rules (cli/output.h, cli/pipeline.cc, issue 17 findings 7 to 11): -o is
// never a file the command reads (compared by device and inode), never a file the user may not
// write (also as root, where access() says yes), never an ending no format has unless --format
// names it; a failed write to standard output is an error with exit 2; `template` keeps an
// existing file unless --force. The tests run as root in CI, so "may not write" is a file
// without any write bit. tests/scripts/output_rules.py checks the same against the binary.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <streambuf>
#include <string>

#include "cli/io.h"
#include "cli/output.h"
#include "tests/test_support.h"

namespace landskap::cli {
namespace {

namespace fs = std::filesystem;
using landskap::testing::ReadFile;
using landskap::testing::RunCli;
using landskap::testing::SourcePath;
using landskap::testing::TempDir;

const std::string kTiny = SourcePath("datasets/tiny.json");

// A stream whose every write fails, like standard output onto a full disk.
class FullDisk : public std::streambuf {
 protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(SameFile, EverySpellingOfOneFileIsTheSameFile) {
  std::string dir = TempDir();
  std::string file = dir + "/in.json";
  Write(file, "{}");
  fs::create_symlink(file, dir + "/link.json");
  fs::create_hard_link(file, dir + "/hard.json");
  Write(dir + "/other.json", "{}");
  EXPECT_TRUE(SameFile(file, file));
  EXPECT_TRUE(SameFile(file, dir + "/./in.json"));
  EXPECT_TRUE(SameFile(file, dir + "/../" + fs::path(dir).filename().string() + "/in.json"));
  EXPECT_TRUE(SameFile(file, dir + "/link.json"));
  EXPECT_TRUE(SameFile(file, dir + "/hard.json"));
  EXPECT_FALSE(SameFile(file, dir + "/other.json"));  // same bytes, another file
  EXPECT_FALSE(SameFile(file, dir + "/new.json"));    // does not exist yet
  EXPECT_FALSE(SameFile("-", "-"));                   // standard output is no file
  // Two outputs that do not exist yet: the same path once absolute.
  EXPECT_TRUE(SameFile(dir + "/new.json", dir + "/./new.json"));
  EXPECT_FALSE(SameFile(dir + "/new.json", dir + "/new2.json"));
}

TEST(OutputLayer, AFileWithoutWriteBitsIsNotReplacedEvenForRoot) {
  std::string dir = TempDir();
  std::string path = dir + "/ro.txt";
  Write(path, "keep me\n");
  ::chmod(path.c_str(), 0444);
  std::ostringstream out, err;
  std::string reason;
  EXPECT_FALSE(OutputStream::Open(path, Io{out, err}, &reason));
  EXPECT_NE(reason.find("may not be written (mode 0444)"), std::string::npos) << reason;
  EXPECT_EQ(WriteFile(path, "new"), reason);
  EXPECT_EQ(ReadFile(path), "keep me\n");
  // Through a link to it, the same.
  fs::create_symlink(path, dir + "/link.txt");
  EXPECT_NE(WriteFile(dir + "/link.txt", "new"), "");
  EXPECT_EQ(ReadFile(path), "keep me\n");
  // Writable again, it is replaced as before.
  ::chmod(path.c_str(), 0644);
  EXPECT_EQ(WriteFile(path, "new"), "");
  EXPECT_EQ(ReadFile(path), "new");
}

TEST(OutputLayer, AFailedWriteToStandardOutputIsAnError) {
  FullDisk full;
  std::ostream out(&full);
  std::ostringstream err;
  std::string reason;
  auto stream = OutputStream::Open("-", Io{out, err}, &reason);
  ASSERT_TRUE(stream);
  stream->Write("{}");
  EXPECT_NE(stream->Commit(), "");
  std::ostream out2(&full);
  EXPECT_FALSE(WriteOutput("-", "{}", Io{out2, err}));
  EXPECT_NE(err.str().find("landskap: standard output: error: cannot write"), std::string::npos)
      << err.str();
}

TEST(OutputLayer, CommandsExitWith2WhenStandardOutputFails) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"fmt", kTiny},
        {"validate", kTiny},
        {"impact", kTiny, "--key", "kommunenummer"},
        {"--help"},
        {"synth", "--municipalities", "1", "--systems-per-municipality", "3"}}) {
    FullDisk full;
    std::ostream out(&full);
    std::ostringstream err;
    EXPECT_EQ(cli::Run(args, Io{out, err}), kExitInvalid) << args[0];
    EXPECT_NE(err.str().find("standard output: error: cannot write"), std::string::npos)
        << args[0] << ": " << err.str();
    // synth reports only what it wrote.
    EXPECT_EQ(err.str().find("systems ("), std::string::npos) << err.str();
  }
}

TEST(OutputLayer, OutputNamingAnInputIsRefusedAndTheInputKept) {
  std::string dir = TempDir();
  std::string in = dir + "/in.json";
  std::string original = ReadFile(kTiny);
  const std::vector<std::vector<std::string>> commands = {{"stats", in},
                                                          {"impact", in, "--key", "kommunenummer"},
                                                          {"plan", in, "--key", "kommunenummer"},
                                                          {"hotspots", in},
                                                          {"diff", kTiny, in},
                                                          {"export", "archimate", in},
                                                          {"render", in, "--format", "svg"}};
  for (const auto& command : commands) {
    for (const std::string& out :
         {in, dir + "/./in.json", dir + "/link.json", dir + "/hard.json"}) {
      fs::remove(in);
      fs::remove(dir + "/link.json");
      fs::remove(dir + "/hard.json");
      Write(in, original);
      fs::create_symlink(in, dir + "/link.json");
      fs::create_hard_link(in, dir + "/hard.json");
      std::vector<std::string> args = command;
      args.insert(args.end(), {"-o", out});
      auto r = RunCli(args);
      EXPECT_EQ(r.code, 2) << command[0] << " -o " << out;
      EXPECT_NE(r.err.find("the answer would replace it"), std::string::npos) << r.err;
      EXPECT_EQ(ReadFile(in), original) << command[0] << " -o " << out;
    }
  }
  // The files options read count too.
  Write(dir + "/closed.csv", "2019-12-23,2019-12-31\n");
  auto r = RunCli({"plan", in, "--key", "kommunenummer", "--closed", dir + "/closed.csv", "-o",
                   dir + "/./closed.csv"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(ReadFile(dir + "/closed.csv"), "2019-12-23,2019-12-31\n");
  r = RunCli({"render", in, "--diff", kTiny, "--format", "svg", "-o", kTiny});
  EXPECT_EQ(r.code, 2);
  // merge compares by file too, not by spelling.
  r = RunCli({"merge", in, kTiny, "--into", "4626", "-o", dir + "/./in.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("would overwrite the input"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(in), original);
  // fmt rewrites a file in place: the one exception.
  r = RunCli({"fmt", in, "-o", dir + "/./in.json"});
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST(OutputLayer, AnEndingNoFormatHasIsRefusedUnlessFormatNamesIt) {
  std::string dir = TempDir();
  auto r = RunCli({"plan", kTiny, "--key", "kommunenummer", "-o", dir + "/plan.docx"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no format ends in .docx"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("markdown (.md)"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/plan.docx"));
  r = RunCli({"impact", kTiny, "--key", "kommunenummer", "-o", dir + "/impact.xls"});
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(fs::exists(dir + "/impact.xls"));
  // With --format the user has named the format: the name is theirs.
  r = RunCli({"stats", kTiny, "--format", "json", "-o", dir + "/stats.dat"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir + "/stats.dat").rfind("{", 0), 0u);
  // No ending at all: the default format, as before.
  r = RunCli({"stats", kTiny, "-o", dir + "/stats"});
  EXPECT_EQ(r.code, 0) << r.err;
  // merge's --summary follows the same rule.
  r = RunCli({"merge", kTiny, "--into", "4626", "--summary", dir + "/summary.docx"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no format ends in .docx"), std::string::npos) << r.err;
  // --help says so (its lines are wrapped: compared with single spaces).
  std::string help = std::regex_replace(RunCli({"plan", "--help"}).out, std::regex("\\s+"), " ");
  EXPECT_NE(help.find("an ending no format has (unless --format names the format)"),
            std::string::npos)
      << help;
}

TEST(OutputLayer, TemplateKeepsAnExistingFileUnlessForced) {
  std::string dir = TempDir();
  std::string book = dir + "/inventar.xlsx";
  Write(book, "filled in by hand");
  auto r = RunCli({"template", "-o", book});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(book), "filled in by hand");
  // Through a link, the same.
  fs::create_symlink(book, dir + "/link.xlsx");
  EXPECT_EQ(RunCli({"template", "-o", dir + "/link.xlsx"}).code, 2);
  EXPECT_EQ(ReadFile(book), "filled in by hand");
  r = RunCli({"template", "-o", book, "--force"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(book).rfind("PK", 0), 0u);
  r = RunCli({"template", "-o", dir + "/ny.xlsx"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir + "/ny.xlsx").rfind("PK", 0), 0u);
}

// `report` onto a terminal is refused like `render`'s: the tests' standard output is no
// terminal, so the binary runs under `script`, which gives it one.
TEST(OutputLayer, ReportOntoATerminalIsRefused) {
  if (std::system("command -v script >/dev/null 2>&1") != 0)
    LANDSKAP_SKIP_UNLESS_CI("util-linux's script is not installed");
  std::string dir = TempDir();
  std::string command = "script -qec '" + std::string(LANDSKAP_BINARY) + " report " + kTiny +
                        " 2>" + dir + "/err' " + dir + "/typescript >/dev/null </dev/null";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_NE(ReadFile(dir + "/err").find("-o report.html"), std::string::npos)
      << ReadFile(dir + "/err");
  EXPECT_LT(ReadFile(dir + "/typescript").size(), 1000u);
}

}  // namespace
}  // namespace landskap::cli
