// platform::read_file reads a regular file whole in as few reads as it can,
// and must still read to the end of files whose size fstat does not know
// (/proc) or that changed since.
#include <catch2/catch.hpp>

#include <string>

#include "platform/system.hpp"
#include "support/temp_dir.hpp"

using followup::testing::TempDir;
namespace platform = followup::platform;

TEST_CASE("read_file returns the bytes of files of every size, empty and past one read", "[platform]") {
  TempDir dir;
  for (size_t size : {size_t{0}, size_t{1}, size_t{760}, size_t{65535}, size_t{65536}, size_t{65537}, size_t{300000}}) {
    std::string bytes;
    for (size_t i = 0; i < size; ++i) bytes += static_cast<char>('a' + i % 26);
    std::string path = dir.write("draft-" + std::to_string(size) + ".txt", bytes);
    std::string error;
    auto read = platform::read_file(path, error);
    INFO(size << " bytes: " << error);
    REQUIRE(read);
    CHECK(read->size() == size);
    CHECK(*read == bytes);
  }
}

TEST_CASE("read_file reads a file whose size the system reports as 0 to its end", "[platform]") {
  std::string error;
  auto read = platform::read_file("/proc/self/status", error);  // st_size is 0, the text is not
  INFO(error);
  REQUIRE(read);
  CHECK(read->find("Name:") == 0);
  CHECK(read->find("VmRSS:") != std::string::npos);
}

TEST_CASE("read_file turns away what is not a regular file", "[platform]") {
  TempDir dir;
  std::string error;
  CHECK_FALSE(platform::read_file(dir.str(), error));
  CHECK(error == "not a regular file");
  CHECK_FALSE(platform::read_file(dir.str() + "/missing.txt", error));
  CHECK(error.rfind("cannot open: ", 0) == 0);
}
