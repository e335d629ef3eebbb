// Paths as text: the folder and name of a path, joining, and resolving a
// relative path the way every reader of paths a file names does.
#include <kensa/util/path_text.hpp>

#include <catch2/catch.hpp>

using namespace kensa;

TEST_CASE("path text: folder and file name", "[util][paths]") {
  CHECK(folder_of("a/b/c") == "a/b");
  CHECK(folder_of("c") == "");
  CHECK(folder_of("x.tar!/etc/os-release") == "x.tar!/etc");
  CHECK(file_name_of("a/b/c") == "c");
  CHECK(file_name_of("c") == "c");
  CHECK(file_name_of("a/") == "");
  CHECK(join_path("a", "b") == "a/b");
  CHECK(join_path("", "b") == "b");
  CHECK(join_path("a", "") == "a");
}

TEST_CASE("path text: resolving drops '.' and empty segments, '..' climbs", "[util][paths]") {
  CHECK(resolve_path("a/b", "../c").path == "a/c");
  CHECK(resolve_path("a/b", "./c//d/.").path == "a/b/c/d");
  CHECK(resolve_path("", "/etc/passwd").path == "etc/passwd");
  CHECK_FALSE(resolve_path("a/b", "../../c").climbed_out);
  const ResolvedPath escaped = resolve_path("a", "../../etc/passwd");
  CHECK(escaped.climbed_out);
  CHECK(escaped.path == "etc/passwd");
  CHECK(resolve_path("a", "..").path.empty());
}

TEST_CASE("path text: a path a file names resolves inside the scan or not at all",
          "[util][paths]") {
  CHECK(resolve_inside("app/base", "../requirements.txt") == "app/requirements.txt");
  CHECK(resolve_inside("", "packages/util") == "packages/util");
  CHECK(resolve_inside("a", "..") == "");
  CHECK_FALSE(resolve_inside("a", "../..").has_value());
  CHECK_FALSE(resolve_inside("a", "/etc/passwd").has_value());
}
