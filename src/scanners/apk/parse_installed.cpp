#include "apk_package.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/util/lines.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::apk {

namespace {

constexpr std::size_t k_max_packages = 1'000'000;

std::vector<std::string> words(std::string_view value) {
  std::vector<std::string> result;
  for (std::string_view word : split(value, ' ')) {
    word = trim(word);
    if (!word.empty()) {
      result.emplace_back(word);
    }
  }
  return result;
}

// "Q1" + base64 of a SHA-1 (apk's checksum notation) as hex; empty for
// anything else.
std::string sha1_of_checksum(std::string_view value) {
  if (!value.starts_with("Q1")) {
    return {};
  }
  auto bytes = model::decode_base64(value.substr(2));
  if (!bytes || bytes->size() != 20) {
    return {};
  }
  return model::to_hex(*bytes);
}

// Sets what the field `letter` says on `package`. `folder` is the folder of
// the R (file) lines that follow an F line.
void read_field(char letter, std::string_view value, ApkPackage& package, std::string& folder) {
  switch (letter) {
  case 'P':
    package.name = std::string(value);
    break;
  case 'V':
    package.version = std::string(value);
    break;
  case 'A':
    package.architecture = std::string(value);
    break;
  case 'L':
    package.license = std::string(value);
    break;
  case 'T':
    package.description = std::string(value);
    break;
  case 'U':
    package.url = std::string(value);
    break;
  case 'o':
    package.origin = std::string(value);
    break;
  case 'm':
    package.maintainer = std::string(value);
    break;
  case 'C':
    package.checksum = std::string(value);
    break;
  case 'S':
    package.size = std::string(value);
    break;
  case 'I':
    package.installed_size = std::string(value);
    break;
  case 'c':
    package.commit = std::string(value);
    break;
  case 'k':
    package.provider_priority = std::string(value);
    break;
  case 'D':
    package.depends = words(value);
    break;
  case 'p':
    package.provides = words(value);
    break;
  case 'F':
    folder = std::string(value);
    break;
  case 'R':
    package.files.push_back(join_path(folder, value));
    package.file_sha1s.emplace_back();
    break;
  case 'Z':
    ++package.file_digests;
    if (!package.file_sha1s.empty()) {
      package.file_sha1s.back() = sha1_of_checksum(value);
    }
    break;
  default:
    break; // M, a, t, q, r, i and letters newer apk versions add
  }
}

} // namespace

std::string_view dependency_name(std::string_view token) {
  std::size_t end = token.find_first_of("<>=~");
  return token.substr(0, end);
}

InstalledParse parse_installed(std::string_view text) {
  InstalledParse result;
  ApkPackage current;
  std::string folder;
  bool in_record = false;
  bool stopped = false;
  auto problem = [&](std::string message) { result.problems.push_back(std::move(message)); };
  auto finish = [&] {
    if (!in_record) {
      return;
    }
    std::string where = "record at line " + std::to_string(current.line);
    if (!current.name.empty()) {
      where += " (" + current.name.substr(0, 100) + ")";
    }
    if (current.name.empty()) {
      problem(where + ": no P (package name)");
    } else if (current.version.empty()) {
      problem(where + ": no V (version)");
    } else if (result.packages.size() >= k_max_packages) {
      problem("more than " + std::to_string(k_max_packages) + " packages; the rest was not read");
      stopped = true;
    } else {
      result.packages.push_back(std::move(current));
    }
    current = ApkPackage{};
    folder.clear();
    in_record = false;
  };

  std::size_t line_number = 0;
  for (std::string_view line : lines(text)) {
    if (stopped) {
      break;
    }
    ++line_number;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      finish();
      continue;
    }
    if (line.size() < 2 || line[1] != ':') {
      problem("line " + std::to_string(line_number) + ": not a field");
      continue;
    }
    if (!in_record) {
      in_record = true;
      current.line = line_number;
    }
    read_field(line[0], line.substr(2), current, folder);
  }
  finish();
  return result;
}

} // namespace kensa::scanner::apk
