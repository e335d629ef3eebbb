#pragma once

#include <kensa/model/hash.hpp>
#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// dpkg's per-package file lists: var/lib/dpkg/info/<package>[:<arch>].list
// (every path the package installed, folders included) and .md5sums
// ("<md5>  <path>" for each regular file).
namespace kensa::scanner::dpkg {

// The absolute paths in a .list file, without the "/." entry every package
// lists for the root folder; each starts with '/'.
std::vector<std::string_view> parse_file_list(std::string_view text);

struct FileDigest {
  // Root-relative, as .md5sums writes it ("usr/bin/dpkg").
  std::string_view path;
  model::Hash md5;
};

struct Md5sumsParse {
  std::vector<FileDigest> digests;
  // Malformed lines: "line 3: not '<md5>  <path>'".
  ProblemList problems;
};

Md5sumsParse parse_md5sums(std::string_view text);

} // namespace kensa::scanner::dpkg
