#include "portage_package.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::portage {

namespace {

std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> result;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() &&
           (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
      ++at;
    }
    std::size_t start = at;
    while (at < text.size() &&
           !(text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
      ++at;
    }
    if (at > start) {
      result.push_back(text.substr(start, at - start));
    }
  }
  return result;
}

bool is_name_char(char c) {
  return is_ascii_alnum(c) || c == '_' || c == '+' || c == '-' || c == '.';
}

// "cat/name" with the characters the specification allows.
bool is_package_name(std::string_view text) {
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size() ||
      text.find('/', slash + 1) != std::string_view::npos) {
    return false;
  }
  for (char c : text) {
    if (c != '/' && !is_name_char(c)) {
      return false;
    }
  }
  return true;
}

} // namespace

std::vector<DependencyAtom> parse_dependencies(std::string_view text, ProblemList& problems) {
  std::vector<DependencyAtom> atoms;
  for (std::string_view token : tokens(text)) {
    if (token == "||" || token == "(" || token == ")" || token.ends_with('?') ||
        token.starts_with('!')) {
      continue;
    }
    if (atoms.size() >= k_max_atoms) {
      problems.push_back("more than " + std::to_string(k_max_atoms) +
                         " dependencies; the rest was not read");
      break;
    }
    std::string_view atom = token;
    bool versioned = false;
    for (std::string_view op : {">=", "<=", "=", "~", "<", ">"}) {
      if (atom.starts_with(op)) {
        atom.remove_prefix(op.size());
        versioned = true;
        break;
      }
    }
    atom = atom.substr(0, atom.find('['));
    std::string slot;
    if (std::size_t colon = atom.find(':'); colon != std::string_view::npos) {
      std::string_view slot_part = atom.substr(colon + 1);
      slot = std::string(slot_part.substr(0, slot_part.find_first_of("/=*")));
      atom = atom.substr(0, colon);
    }
    if (versioned) {
      if (atom.ends_with('*')) {
        atom.remove_suffix(1);
      }
      std::size_t slash = atom.find('/');
      auto without_version = slash == std::string_view::npos
                                 ? std::nullopt
                                 : split_name_version(atom.substr(slash + 1));
      if (!without_version) {
        problems.push_back("\"" + std::string(token.substr(0, 200)) +
                           "\" has an operator but no version");
        continue;
      }
      atom = atom.substr(0, slash + 1 + without_version->name.size());
    }
    if (!is_package_name(atom)) {
      problems.push_back("\"" + std::string(token.substr(0, 200)) + "\" is not a package atom");
      continue;
    }
    atoms.push_back(DependencyAtom{std::string(atom), std::move(slot)});
  }
  return atoms;
}

} // namespace kensa::scanner::portage
