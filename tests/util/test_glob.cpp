#include <kensa/util/glob.hpp>

#include <catch2/catch.hpp>

using kensa::glob_match;

TEST_CASE("glob: literal paths match only themselves", "[util][glob]") {
  CHECK(glob_match("package-lock.json", "package-lock.json"));
  CHECK_FALSE(glob_match("package-lock.json", "a/package-lock.json"));
  CHECK_FALSE(glob_match("package-lock.json", "package-lock.jsonx"));
}

TEST_CASE("glob: single star stays within one segment", "[util][glob]") {
  CHECK(glob_match("*.json", "x.json"));
  CHECK_FALSE(glob_match("*.json", "a/x.json"));
  CHECK(glob_match("a/*/c", "a/b/c"));
  CHECK_FALSE(glob_match("a/*/c", "a/b/b/c"));
  CHECK(glob_match("lib*.so*", "libssl.so.3"));
}

TEST_CASE("glob: double star crosses segments and may match none", "[util][glob]") {
  CHECK(glob_match("**/package-lock.json", "package-lock.json"));
  CHECK(glob_match("**/package-lock.json", "a/b/c/package-lock.json"));
  CHECK_FALSE(glob_match("**/package-lock.json", "a/b/c/not-package-lock.json"));
  CHECK(glob_match("a/**/d", "a/d"));
  CHECK(glob_match("a/**/d", "a/b/c/d"));
  CHECK(glob_match("node_modules/**", "node_modules/x/package.json"));
  CHECK(glob_match("**/node_modules/**", "app/node_modules/x/y"));
  CHECK_FALSE(glob_match("**/node_modules/**", "app/node_modules_x/y"));
  CHECK(glob_match("**/*.dist-info/METADATA",
                   "usr/lib/python3/site-packages/six-1.16.dist-info/METADATA"));
  CHECK(glob_match("**", "anything/at/all"));
}

TEST_CASE("glob: question marks and bracket sets", "[util][glob]") {
  CHECK(glob_match("file?.txt", "file1.txt"));
  CHECK_FALSE(glob_match("file?.txt", "file/.txt"));
  CHECK(glob_match("[abc].txt", "b.txt"));
  CHECK_FALSE(glob_match("[abc].txt", "d.txt"));
  CHECK(glob_match("[a-c]x", "cx"));
  CHECK(glob_match("[!a-c]x", "dx"));
  CHECK_FALSE(glob_match("[!a-c]x", "ax"));
  CHECK(glob_match("[x", "[x")); // unterminated set is literal
}

TEST_CASE("glob: backtracking stays fast on adversarial patterns", "[util][glob]") {
  std::string path(200, 'a');
  // Would be exponential with naive recursion on several stars.
  CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*b", path));
  std::string deep;
  for (int i = 0; i < 200; ++i) {
    deep += "d/";
  }
  deep += "x";
  CHECK(glob_match("**/d/**/x", deep));
  CHECK_FALSE(glob_match("**/e/**/x", deep));
}
