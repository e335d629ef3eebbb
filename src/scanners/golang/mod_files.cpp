#include "mod_files.hpp"

#include <kensa/util/lines.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <charconv>

namespace kensa::scanner::golang {

namespace {

// A go.mod line cut into tokens, with the text of its trailing comment.
struct Line {
  std::vector<std::string> tokens;
  std::string comment;
  bool bad_quote = false;
};

Line tokenize(std::string_view text) {
  Line line;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (text.substr(i, 2) == "//") {
      line.comment = std::string(trim(text.substr(i + 2)));
      break;
    } else if (c == '"' || c == '`') {
      std::size_t end = i + 1;
      while (end < text.size() && text[end] != c) {
        end += (c == '"' && text[end] == '\\') ? 2 : 1;
      }
      if (end >= text.size()) {
        line.bad_quote = true;
        return line;
      }
      line.tokens.emplace_back(text.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '(' || c == ')') {
      line.tokens.emplace_back(1, c);
      ++i;
    } else if (text.substr(i, 2) == "=>") {
      line.tokens.emplace_back("=>");
      i += 2;
    } else {
      std::size_t end = i;
      while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\r' &&
             text.substr(end, 2) != "//" && text[end] != '(' && text[end] != ')') {
        ++end;
      }
      line.tokens.emplace_back(text.substr(i, end - i));
      i = end;
    }
  }
  return line;
}

bool is_indirect(std::string_view comment) {
  return comment == "indirect" || comment.starts_with("indirect;");
}

// "line N", for a problem's message.
std::string where(std::size_t number) {
  return "line " + std::to_string(number);
}

void apply(const std::string& verb, const Line& line, ModFile& file, std::size_t number,
           ProblemList& problems) {
  const auto& t = line.tokens;
  auto bad = [&](std::string_view why) {
    problems.push_back(where(number) + ": " + std::string(why));
  };
  if (verb == "module") {
    if (t.size() != 1) {
      bad("module directive needs one path");
      return;
    }
    file.module = t[0];
  } else if (verb == "go") {
    if (t.size() == 1) {
      file.go = t[0];
    }
  } else if (verb == "toolchain") {
    if (t.size() == 1) {
      file.toolchain = t[0];
    }
  } else if (verb == "require") {
    if (t.size() != 2) {
      bad("require needs a module path and a version");
      return;
    }
    file.requirements.push_back(Requirement{t[0], t[1], is_indirect(line.comment)});
  } else if (verb == "exclude") {
    if (t.size() != 2) {
      bad("exclude needs a module path and a version");
      return;
    }
    file.excludes.emplace_back(t[0], t[1]);
  } else if (verb == "replace") {
    auto arrow = std::find(t.begin(), t.end(), "=>");
    auto before = arrow - t.begin();
    auto after = t.end() - arrow - 1;
    if (arrow == t.end() || before < 1 || before > 2 || after < 1 || after > 2) {
      bad("replace needs 'path [version] => path [version]'");
      return;
    }
    Replacement replacement;
    replacement.old_path = t[0];
    replacement.old_version = before == 2 ? t[1] : "";
    replacement.new_path = *(arrow + 1);
    replacement.new_version = after == 2 ? *(arrow + 2) : "";
    if (!replacement.is_local() && replacement.new_version.empty()) {
      bad("replacement by a module needs a version");
      return;
    }
    file.replaces.push_back(std::move(replacement));
  } else if (verb == "use") {
    if (t.size() == 1) {
      file.uses.push_back(t[0]);
    } else {
      bad("use needs one folder");
    }
  }
}

// A version's numeric core and pre-release, split for comparison.
struct VersionParts {
  std::vector<std::uint64_t> numbers;
  std::string prerelease;
  bool valid = false;
};

VersionParts version_parts(std::string_view text) {
  VersionParts parts;
  if (!text.starts_with('v')) {
    return parts;
  }
  text.remove_prefix(1);
  text = text.substr(0, text.find('+'));
  std::size_t dash = text.find('-');
  std::string_view core = text.substr(0, dash);
  if (dash != std::string_view::npos) {
    parts.prerelease = std::string(text.substr(dash + 1));
  }
  for (std::string_view number : split(core, '.')) {
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size()) {
      return parts;
    }
    parts.numbers.push_back(value);
  }
  parts.valid = !parts.numbers.empty();
  return parts;
}

int compare_prerelease(std::string_view a, std::string_view b) {
  auto left = split(a, '.');
  auto right = split(b, '.');
  for (std::size_t i = 0; i < std::min(left.size(), right.size()); ++i) {
    bool left_number = !left[i].empty() && std::all_of(left[i].begin(), left[i].end(), ::isdigit);
    bool right_number =
        !right[i].empty() && std::all_of(right[i].begin(), right[i].end(), ::isdigit);
    if (left_number && right_number) {
      if (left[i].size() != right[i].size()) {
        return left[i].size() < right[i].size() ? -1 : 1;
      }
    } else if (left_number != right_number) {
      return left_number ? -1 : 1;
    }
    if (int order = left[i].compare(right[i]); order != 0) {
      return order < 0 ? -1 : 1;
    }
  }
  return left.size() == right.size() ? 0 : left.size() < right.size() ? -1 : 1;
}

} // namespace

bool Replacement::is_local() const {
  return new_path.starts_with("./") || new_path.starts_with("../") || new_path.starts_with("/") ||
         new_path == "." || new_path == "..";
}

ModFile parse_mod_file(std::string_view text, ProblemList& problems) {
  ModFile file;
  std::string block;
  std::size_t number = 0;
  for (std::string_view raw : lines(text)) {
    ++number;
    Line line = tokenize(raw);
    if (line.bad_quote) {
      problems.push_back(where(number) + ": unterminated quoted string");
      continue;
    }
    if (line.tokens.empty()) {
      continue;
    }
    if (!block.empty()) {
      if (line.tokens.size() == 1 && line.tokens[0] == ")") {
        block.clear();
        continue;
      }
      apply(block, line, file, number, problems);
      continue;
    }
    std::string verb = line.tokens.front();
    line.tokens.erase(line.tokens.begin());
    if (!line.tokens.empty() && line.tokens.front() == "(") {
      if (line.tokens.size() != 1) {
        problems.push_back(where(number) + ": text after '(' ");
      }
      block = verb;
      continue;
    }
    apply(verb, line, file, number, problems);
  }
  if (!block.empty()) {
    problems.push_back("the " + block + " block is not closed");
  }
  return file;
}

SumFile parse_sum_file(std::string_view text, ProblemList& problems) {
  SumFile file;
  std::size_t number = 0;
  for (std::string_view raw : lines(text)) {
    ++number;
    std::string_view line = trim(raw);
    if (line.empty()) {
      continue;
    }
    std::vector<std::string_view> fields;
    for (std::string_view field : split(line, ' ')) {
      if (!field.empty()) {
        fields.push_back(field);
      }
    }
    if (fields.size() != 3 || !fields[2].starts_with("h1:")) {
      problems.push_back("line " + std::to_string(number) + ": expected 'module version h1:hash'");
      continue;
    }
    std::string version(fields[1]);
    if (version.ends_with("/go.mod")) {
      version.resize(version.size() - 7);
      file.go_mod_hashes[{std::string(fields[0]), version}] = std::string(fields[2]);
    } else {
      file.module_hashes[{std::string(fields[0]), version}] = std::string(fields[2]);
    }
  }
  return file;
}

int compare_versions(std::string_view a, std::string_view b) {
  VersionParts left = version_parts(a);
  VersionParts right = version_parts(b);
  if (left.valid != right.valid) {
    return left.valid ? 1 : -1;
  }
  if (!left.valid) {
    int order = a.compare(b);
    return order < 0 ? -1 : order > 0 ? 1 : 0;
  }
  for (std::size_t i = 0; i < std::max(left.numbers.size(), right.numbers.size()); ++i) {
    std::uint64_t x = i < left.numbers.size() ? left.numbers[i] : 0;
    std::uint64_t y = i < right.numbers.size() ? right.numbers[i] : 0;
    if (x != y) {
      return x < y ? -1 : 1;
    }
  }
  // A release sorts after its pre-releases.
  if (left.prerelease.empty() != right.prerelease.empty()) {
    return left.prerelease.empty() ? 1 : -1;
  }
  return compare_prerelease(left.prerelease, right.prerelease);
}

} // namespace kensa::scanner::golang
