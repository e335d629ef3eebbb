#include "../support/test_support.hpp"

#include <kensa/source/source.hpp>

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace kensa;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// Records the walk: every entry offered, what was delivered, warnings.
class RecordingSink : public source::EntrySink {
 public:
  explicit RecordingSink(std::string wanted_suffix) : m_suffix(std::move(wanted_suffix)) {}
  bool wants(const source::EntryInfo& entry) override {
    offered.emplace_back(entry.location);
    return std::string_view(entry.path).ends_with(m_suffix);
  }
  void receive(source::SourceFile file) override { delivered.push_back(std::move(file)); }
  void warn(std::string location, std::string message) override {
    warnings.push_back(location + ": " + message);
  }

  std::vector<std::string> offered;
  std::vector<source::SourceFile> delivered;
  std::vector<std::string> warnings;

 private:
  std::string m_suffix;
};

} // namespace

TEST_CASE("directory walk: sorted, relative paths, only wanted files read", "[source]") {
  auto root = testing::scratch_dir("walk-basic");
  write(root / "b/package-lock.json", "{}");
  write(root / "a/readme.txt", "hello");
  write(root / "a/z/package-lock.json", "{\"x\":1}");

  source::SourceOptions options;
  auto opened = source::open_source(root, options);
  REQUIRE(opened.ok());
  RecordingSink sink("package-lock.json");
  REQUIRE((*opened)->walk(sink).ok());
  CHECK(sink.offered ==
        std::vector<std::string>{"a/readme.txt", "a/z/package-lock.json", "b/package-lock.json"});
  REQUIRE(sink.delivered.size() == 2);
  CHECK(sink.delivered[0].path == "a/z/package-lock.json");
  CHECK(sink.delivered[0].contents == "{\"x\":1}");
  CHECK(sink.warnings.empty());
  CHECK((*opened)->subject().name == "walk-basic");
}

TEST_CASE("directory walk: excludes prune files and whole folders", "[source]") {
  auto root = testing::scratch_dir("walk-exclude");
  write(root / "app/package-lock.json", "{}");
  write(root / "app/node_modules/x/package-lock.json", "{}");
  write(root / "test/package-lock.json", "{}");

  source::SourceOptions options;
  options.exclude = {"**/node_modules/**", "./test"};
  auto opened = source::open_source(root, options);
  REQUIRE(opened.ok());
  RecordingSink sink("package-lock.json");
  REQUIRE((*opened)->walk(sink).ok());
  CHECK(sink.offered == std::vector<std::string>{"app/package-lock.json"});
}

TEST_CASE("directory walk: symlinks never leave the root and never loop", "[source]") {
  auto root = testing::scratch_dir("walk-links");
  auto outside = testing::scratch_dir("walk-links-outside");
  write(outside / "package-lock.json", "secret");
  write(root / "real/package-lock.json", "{}");
  fs::create_directory_symlink(outside, root / "escape");
  fs::create_directory_symlink(root, root / "real/loop");
  fs::create_symlink(root / "missing", root / "dangling");

  auto opened = source::open_source(root, {});
  REQUIRE(opened.ok());
  RecordingSink sink("package-lock.json");
  REQUIRE((*opened)->walk(sink).ok());
  REQUIRE(sink.delivered.size() == 1);
  CHECK(sink.delivered[0].path == "real/package-lock.json");
}

TEST_CASE("directory walk: unreadable files are warnings, the walk goes on", "[source]") {
  if (geteuid() == 0) {
    // root reads everything regardless of mode; use a file that is too big
    // to buffer instead, which takes the same warning path.
    auto root = testing::scratch_dir("walk-too-big");
    write(root / "a/package-lock.json", std::string(2048, 'x'));
    write(root / "b/package-lock.json", "{}");
    source::SourceOptions options;
    options.limits.max_buffered_file_size = 1024;
    auto opened = source::open_source(root, options);
    REQUIRE(opened.ok());
    RecordingSink sink("package-lock.json");
    REQUIRE((*opened)->walk(sink).ok());
    REQUIRE(sink.warnings.size() == 1);
    CHECK(sink.warnings[0].starts_with("a/package-lock.json: file is 2048 bytes"));
    REQUIRE(sink.delivered.size() == 1);
    CHECK(sink.delivered[0].path == "b/package-lock.json");
    return;
  }
  auto root = testing::scratch_dir("walk-unreadable");
  write(root / "a/package-lock.json", "{}");
  write(root / "b/package-lock.json", "{}");
  chmod((root / "a/package-lock.json").c_str(), 0);
  auto opened = source::open_source(root, {});
  REQUIRE(opened.ok());
  RecordingSink sink("package-lock.json");
  REQUIRE((*opened)->walk(sink).ok());
  REQUIRE(sink.warnings.size() == 1);
  CHECK(sink.warnings[0].starts_with("a/package-lock.json: cannot read"));
  CHECK(sink.delivered.size() == 1);
}

TEST_CASE("directory walk: the entry cap stops the walk with a warning", "[source]") {
  auto root = testing::scratch_dir("walk-cap");
  for (int i = 0; i < 10; ++i) {
    write(root / ("f" + std::to_string(i)), "x");
  }
  source::SourceOptions options;
  options.limits.max_entries = 5;
  auto opened = source::open_source(root, options);
  REQUIRE(opened.ok());
  RecordingSink sink("nothing");
  REQUIRE((*opened)->walk(sink).ok());
  CHECK(sink.offered.size() == 5);
  REQUIRE(sink.warnings.size() == 1);
  CHECK(sink.warnings[0].find("more than 5 entries") != std::string::npos);
}

TEST_CASE("open_source: a missing path fails with one line naming it", "[source]") {
  auto opened = source::open_source("/no/such/path/anywhere", {});
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error() == "cannot read /no/such/path/anywhere: No such file or directory");
}

TEST_CASE("open_source: a single file is scanned as itself", "[source]") {
  auto root = testing::scratch_dir("single-file");
  write(root / "package-lock.json", "{}");
  auto opened = source::open_source(root / "package-lock.json", {});
  REQUIRE(opened.ok());
  RecordingSink sink("package-lock.json");
  REQUIRE((*opened)->walk(sink).ok());
  REQUIRE(sink.delivered.size() == 1);
  CHECK(sink.delivered[0].path == "package-lock.json");
  CHECK((*opened)->subject().type == model::ComponentType::file);
}
