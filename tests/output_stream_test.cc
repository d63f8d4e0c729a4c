// The streaming form of the output layer (cli/output.h OutputStream): a regular file appears
// only at Commit(), complete; without a commit nothing is left behind, not even the temporary
// file; stdout gets the bytes as they come.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "cli/output.h"
#include "tests/test_support.h"

namespace landskap::cli {
namespace {

namespace fs = std::filesystem;

size_t FilesIn(const std::string& folder) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++n;
  return n;
}

TEST(OutputStream, AFileAppearsOnlyAtCommitAndComplete) {
  std::string folder = testing::TempDir() + "/output_stream_commit";
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::string path = folder + "/answer.json";
  std::ostringstream out, err;
  std::string reason;
  auto stream = OutputStream::Open(path, Io{out, err}, &reason);
  ASSERT_TRUE(stream) << reason;
  std::string big(3 << 20, 'x');  // more than the buffer: some of it is written before Commit
  stream->Write("{");
  stream->Write(big);
  EXPECT_FALSE(fs::exists(path)) << "nothing under the name before Commit";
  stream->Write("}");
  EXPECT_EQ(stream->Commit(), "");
  stream.reset();
  EXPECT_EQ(testing::ReadFile(path), "{" + big + "}");
  EXPECT_EQ(FilesIn(folder), 1u) << "no temporary file left";
  EXPECT_EQ(out.str(), "");
}

TEST(OutputStream, WithoutCommitNothingIsLeftAndAnOldFileStays) {
  std::string folder = testing::TempDir() + "/output_stream_discard";
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::string path = folder + "/answer.json";
  ASSERT_EQ(WriteFile(path, "old"), "");
  std::ostringstream out, err;
  std::string reason;
  {
    auto stream = OutputStream::Open(path, Io{out, err}, &reason);
    ASSERT_TRUE(stream) << reason;
    stream->Write(std::string(3 << 20, 'y'));
  }  // an error on the way: never committed
  EXPECT_EQ(testing::ReadFile(path), "old");
  EXPECT_EQ(FilesIn(folder), 1u);
}

TEST(OutputStream, StdoutGetsTheBytesAndAMissingFolderIsAReason) {
  std::ostringstream out, err;
  std::string reason;
  auto stream = OutputStream::Open("-", Io{out, err}, &reason);
  ASSERT_TRUE(stream);
  stream->Write("a");
  stream->Write("b");
  EXPECT_EQ(stream->Commit(), "");
  EXPECT_EQ(out.str(), "ab");
  EXPECT_FALSE(
      OutputStream::Open(testing::TempDir() + "/no/such/folder/x.json", Io{out, err}, &reason));
  EXPECT_NE(reason.find("does not exist"), std::string::npos) << reason;
}

}  // namespace
}  // namespace landskap::cli
