#include "file_lists.hpp"

#include <kensa/util/lines.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::dpkg {

namespace {

bool is_hex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

} // namespace

std::vector<std::string_view> parse_file_list(std::string_view text) {
  std::vector<std::string_view> paths;
  for (std::string_view line : lines(text)) {
    line = trim(line);
    if (line.size() < 2 || line.front() != '/' || line == "/.") {
      continue;
    }
    paths.push_back(line);
  }
  return paths;
}

Md5sumsParse parse_md5sums(std::string_view text) {
  Md5sumsParse result;
  std::size_t line_number = 0;
  for (std::string_view line : lines(text)) {
    ++line_number;
    if (trim(line).empty()) {
      continue;
    }
    // md5sum(1) output: 32 hex digits, two separators ("  " or " *"), path.
    if (line.size() < 35 || !is_hex(line.substr(0, 32)) || line[32] != ' ') {
      result.problems.push_back("line " + std::to_string(line_number) + ": not \"<md5>  <path>\"");
      continue;
    }
    std::string_view path = trim(line.substr(34));
    if (line[33] != ' ' && line[33] != '*') {
      path = trim(line.substr(33));
    }
    result.digests.push_back(FileDigest{
        path, model::Hash{model::HashAlgorithm::md5, to_lower_ascii(line.substr(0, 32))}});
  }
  return result;
}

} // namespace kensa::scanner::dpkg
