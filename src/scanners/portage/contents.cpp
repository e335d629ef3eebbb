#include "portage_package.hpp"

#include <kensa/util/lines.hpp>

#include <string>

namespace kensa::scanner::portage {

namespace {

// "/usr/bin/x" -> "usr/bin/x": the scan's locations are root-relative.
std::string relative(std::string_view path) {
  while (!path.empty() && path.front() == '/') {
    path.remove_prefix(1);
  }
  return std::string(path);
}

bool is_md5(std::string_view text) {
  if (text.size() != 32) {
    return false;
  }
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

} // namespace

void parse_contents(std::string_view text, PortagePackage& package, ProblemList& problems) {
  std::size_t line_number = 0;
  for (std::string_view line : lines(text)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      continue;
    }
    std::string where = "line " + std::to_string(line_number) + ": ";
    std::size_t space = line.find(' ');
    std::string_view kind = line.substr(0, space);
    std::string_view rest =
        space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    if (kind == "dir" || kind == "fif" || kind == "dev") {
      continue;
    }
    if (kind != "obj" && kind != "sym") {
      problems.push_back(where + "not obj, sym, dir, fif or dev");
      continue;
    }
    if (package.files.size() >= k_max_contents) {
      problems.push_back("more than " + std::to_string(k_max_contents) +
                         " files; the rest was not read");
      return;
    }
    // Paths may hold blanks: the fields after them are taken from the end.
    if (kind == "obj") {
      std::size_t mtime = rest.rfind(' ');
      std::size_t md5 = mtime == std::string_view::npos || mtime == 0 ? std::string_view::npos
                                                                      : rest.rfind(' ', mtime - 1);
      if (md5 == std::string_view::npos || !is_md5(rest.substr(md5 + 1, mtime - md5 - 1))) {
        problems.push_back(where + "obj line without path, MD5 and time");
        continue;
      }
      package.files.push_back(relative(rest.substr(0, md5)));
      package.file_md5s.emplace_back(rest.substr(md5 + 1, mtime - md5 - 1));
    } else {
      std::size_t arrow = rest.find(" -> ");
      if (arrow == std::string_view::npos) {
        problems.push_back(where + "sym line without ' -> '");
        continue;
      }
      package.files.push_back(relative(rest.substr(0, arrow)));
      package.file_md5s.emplace_back();
    }
  }
}

} // namespace kensa::scanner::portage
