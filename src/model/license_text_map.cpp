// Maps license names as manifests write them ("Apache 2.0", "GPLv2+",
// "License :: OSI Approved :: MIT License") to SPDX ids. The rules, and why
// each is safe, are listed in docs/licenses.md. Anything not covered by a
// rule stays unmapped: a wrong SPDX id in an SBOM is worse than none.

#include <kensa/model/license.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kensa::model {

namespace {

// Longer text is a license body or a sentence, not a name.
constexpr std::size_t k_max_text_length = 200;

using Words = std::vector<std::string>;

std::string join(const Words& words, std::size_t from = 0) {
  std::string joined;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (!joined.empty()) {
      joined += ' ';
    }
    joined += words[i];
  }
  return joined;
}

// "2", "2.0", "2.1": a version number as license names write it.
bool is_version(std::string_view word) {
  if (word.empty() || !is_ascii_digit(word.front()) || !is_ascii_digit(word.back())) {
    return false;
  }
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return is_ascii_digit(c) || c == '.'; }) &&
         word.find("..") == std::string_view::npos;
}

// "2" -> "2.0": SPDX ids spell major-only versions with ".0".
std::string full_version(std::string_view version) {
  std::string result(version);
  if (result.find('.') == std::string::npos) {
    result += ".0";
  }
  return result;
}

// Abbreviations that manifests glue to their version: "GPLv2", "apache2".
constexpr std::string_view k_glued_abbreviations[] = {
    "lgpl", "agpl", "gpl", "apache", "mpl", "epl", "cddl", "eupl", "afl", "osl", "ofl", "zpl"};

void push_word(Words& words, std::string word) {
  while (!word.empty() && word.back() == '.') {
    word.pop_back();
  }
  if (word.empty()) {
    return;
  }
  // "2.0+" and "gplv2+": the '+' is a word of its own.
  const bool plus = word.size() > 1 && word.back() == '+';
  if (plus) {
    word.pop_back();
  }
  for (const auto abbreviation : k_glued_abbreviations) {
    if (word.size() > abbreviation.size() && word.starts_with(abbreviation)) {
      std::string_view rest(word);
      rest.remove_prefix(abbreviation.size());
      if (rest.front() == 'v') {
        rest.remove_prefix(1);
      }
      if (is_version(rest)) {
        words.emplace_back(abbreviation);
        word = std::string(rest);
      }
      break;
    }
  }
  words.push_back(std::move(word));
  if (plus) {
    words.emplace_back("+");
  }
}

// Lower case, "licence" spelt "license", split at spaces and punctuation that
// never carries meaning in a license name; "v2" and "version 2" become "2";
// a leading "the" goes.
Words words_of(std::string_view text) {
  std::string lower = to_lower_ascii(text);
  for (auto at = lower.find("licence"); at != std::string::npos; at = lower.find("licence", at)) {
    lower.replace(at, 7, "license");
  }
  Words raw;
  std::string current;
  for (const char c : lower) {
    const bool separator = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' ||
                           c == '_' || c == ',' || c == ';' || c == ':' || c == '"' || c == '\'';
    if (separator) {
      push_word(raw, std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  push_word(raw, std::move(current));

  Words words;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto& word = raw[i];
    const bool before_version = i + 1 < raw.size() && is_version(raw[i + 1]);
    if ((word == "v" || word == "version") && before_version) {
      continue;
    }
    if (word.size() > 1 && word.front() == 'v' && is_version(std::string_view(word).substr(1))) {
      words.push_back(word.substr(1));
      continue;
    }
    if (i == 0 && word == "the" && raw.size() > 1) {
      continue;
    }
    words.push_back(word);
  }
  return words;
}

bool starts_with_words(const Words& words, std::string_view prefix, std::size_t& consumed) {
  std::size_t count = 0;
  std::size_t start = 0;
  while (start <= prefix.size()) {
    auto end = prefix.find(' ', start);
    if (end == std::string_view::npos) {
      end = prefix.size();
    }
    if (count >= words.size() || words[count] != prefix.substr(start, end - start)) {
      return false;
    }
    ++count;
    start = end + 1;
  }
  consumed = count;
  return true;
}

// --- GNU licenses -----------------------------------------------------------

enum class GnuFamily { gpl, lgpl_lesser, lgpl_library, lgpl_unnamed, agpl_gnu, agpl_unnamed };

struct GnuName {
  std::string_view words;
  GnuFamily family;
};

// Longest first, so that "gnu general public license" wins over "gnu gpl".
constexpr GnuName k_gnu_names[] = {
    {"gnu lesser general public license", GnuFamily::lgpl_lesser},
    {"gnu library general public license", GnuFamily::lgpl_library},
    {"gnu affero general public license", GnuFamily::agpl_gnu},
    {"lesser general public license", GnuFamily::lgpl_lesser},
    {"library general public license", GnuFamily::lgpl_library},
    {"affero general public license", GnuFamily::agpl_unnamed},
    {"gnu general public license", GnuFamily::gpl},
    {"general public license", GnuFamily::gpl},
    {"gnu lgpl", GnuFamily::lgpl_unnamed},
    {"gnu agpl", GnuFamily::agpl_gnu},
    {"gnu gpl", GnuFamily::gpl},
    {"lgpl", GnuFamily::lgpl_unnamed},
    {"agpl", GnuFamily::agpl_unnamed},
    {"gpl", GnuFamily::gpl},
};

// What follows the version: nothing or "only" means that version only (the
// GPL's own rule for a program naming one version), the rest "or later".
std::optional<bool> parse_or_later(const Words& words, std::size_t from) {
  const std::string rest = join(words, from);
  if (rest.empty() || rest == "only") {
    return false;
  }
  if (rest == "+" || rest == "or later" || rest == "or any later version" ||
      rest == "or any later" || rest == "or later version" || rest == "or newer") {
    return true;
  }
  return std::nullopt;
}

std::optional<std::string> map_gnu(const Words& words) {
  std::size_t consumed = 0;
  const GnuName* name = nullptr;
  for (const auto& candidate : k_gnu_names) {
    if (starts_with_words(words, candidate.words, consumed)) {
      name = &candidate;
      break;
    }
  }
  // A version is required: an unversioned GPL lets the recipient pick any
  // version, which no single id says.
  if (name == nullptr || consumed >= words.size() || !is_version(words[consumed])) {
    return std::nullopt;
  }
  const std::string& written = words[consumed];
  const std::string version = full_version(written);
  const auto or_later = parse_or_later(words, consumed + 1);
  if (!or_later) {
    return std::nullopt;
  }
  std::string prefix;
  switch (name->family) {
  case GnuFamily::gpl:
    if (version != "1.0" && version != "2.0" && version != "3.0") {
      return std::nullopt;
    }
    prefix = "GPL-";
    break;
  case GnuFamily::lgpl_lesser:
  case GnuFamily::lgpl_library:
  case GnuFamily::lgpl_unnamed:
    // 2.0 was the "Library" GPL, 2.1 and 3 the "Lesser" one: a name that
    // contradicts its version is unsure. A bare "LGPLv2" is often written
    // for 2.1, so only an explicit "2.0" or the Library name gives 2.0.
    if (version == "2.0") {
      const bool explicit_two = written == "2.0" || name->family == GnuFamily::lgpl_library;
      if (!explicit_two || name->family == GnuFamily::lgpl_lesser) {
        return std::nullopt;
      }
    } else if (version == "2.1" || version == "3.0") {
      if (name->family == GnuFamily::lgpl_library) {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    prefix = "LGPL-";
    break;
  case GnuFamily::agpl_gnu:
  case GnuFamily::agpl_unnamed:
    // Affero GPL 1.0 was not a GNU license; 3.0 is.
    if (version != "3.0" && !(version == "1.0" && name->family == GnuFamily::agpl_unnamed)) {
      return std::nullopt;
    }
    prefix = "AGPL-";
    break;
  }
  return prefix + version + (*or_later ? "-or-later" : "-only");
}

// --- Other versioned families -------------------------------------------------

struct VersionedFamily {
  std::vector<std::string_view> names;
  std::string_view id_prefix;
  std::vector<std::string_view> versions;
  // The id for the name without a version, where only one version exists.
  std::string_view unversioned_id;
};

const std::vector<VersionedFamily>& versioned_families() {
  static const std::vector<VersionedFamily> k_families = {
      {{"apache", "apache license", "apache software license", "asl"},
       "Apache-",
       {"1.0", "1.1", "2.0"},
       {}},
      {{"mpl", "mozilla public license"}, "MPL-", {"1.0", "1.1", "2.0"}, {}},
      {{"epl", "eclipse public license"}, "EPL-", {"1.0", "2.0"}, {}},
      {{"cddl", "common development and distribution license"}, "CDDL-", {"1.0", "1.1"}, {}},
      {{"eupl", "european union public license"}, "EUPL-", {"1.0", "1.1", "1.2"}, {}},
      {{"artistic", "artistic license"}, "Artistic-", {"1.0", "2.0"}, {}},
      {{"afl", "academic free license"}, "AFL-", {"1.1", "1.2", "2.0", "2.1", "3.0"}, {}},
      {{"osl", "open software license"}, "OSL-", {"1.0", "1.1", "2.0", "2.1", "3.0"}, {}},
      {{"ofl", "sil ofl", "open font license", "sil open font license"},
       "OFL-",
       {"1.0", "1.1"},
       {}},
      {{"zpl", "zope public license"}, "ZPL-", {"1.1", "2.0", "2.1"}, {}},
      {{"cc0", "creative commons zero"}, "CC0-", {"1.0"}, "CC0-1.0"},
      {{"boost", "boost license", "boost software license"}, "BSL-", {"1.0"}, "BSL-1.0"},
      {{"psf", "psfl", "psf license", "python software foundation",
        "python software foundation license"},
       "PSF-",
       {"2.0"},
       "PSF-2.0"},
      {{"upl", "universal permissive license"}, "UPL-", {"1.0"}, "UPL-1.0"},
  };
  return k_families;
}

// <name> [<version>] ["license"]
std::optional<std::string> map_versioned(const Words& words) {
  for (const auto& family : versioned_families()) {
    for (const auto name : family.names) {
      std::size_t consumed = 0;
      if (!starts_with_words(words, name, consumed)) {
        continue;
      }
      std::size_t end = words.size();
      if (end > consumed && words[end - 1] == "license") {
        --end;
      }
      if (consumed == end) {
        if (!family.unversioned_id.empty()) {
          return std::string(family.unversioned_id);
        }
        continue;
      }
      if (consumed + 1 != end || !is_version(words[consumed])) {
        continue;
      }
      const std::string version = full_version(words[consumed]);
      if (std::find(family.versions.begin(), family.versions.end(), version) !=
          family.versions.end()) {
        return std::string(family.id_prefix) + version;
      }
    }
  }
  return std::nullopt;
}

// --- Fixed names ----------------------------------------------------------------

const std::unordered_map<std::string, std::string_view>& aliases() {
  static const std::unordered_map<std::string, std::string_view> k_aliases = {
      {"mit", "MIT"},
      {"mit license", "MIT"},
      {"expat", "MIT"},
      {"expat license", "MIT"},
      {"mit no attribution", "MIT-0"},
      {"mit no attribution license", "MIT-0"},
      {"isc", "ISC"},
      {"isc license", "ISC"},
      {"iscl", "ISC"},
      {"unlicense", "Unlicense"},
      {"unlicense license", "Unlicense"},
      {"zlib", "Zlib"},
      {"zlib license", "Zlib"},
      {"zlib/libpng", "Zlib"},
      {"zlib/libpng license", "Zlib"},
      {"cc0 universal", "CC0-1.0"},
      {"cc0 1.0 universal", "CC0-1.0"},
      {"cc0 1.0 universal public domain dedication", "CC0-1.0"},
      {"0bsd", "0BSD"},
      {"bsd 0 clause", "0BSD"},
      {"bsd zero clause", "0BSD"},
      {"bsd 2", "BSD-2-Clause"},
      {"bsd 2 clause", "BSD-2-Clause"},
      {"bsd 2 clause license", "BSD-2-Clause"},
      {"2 clause bsd", "BSD-2-Clause"},
      {"2 clause bsd license", "BSD-2-Clause"},
      {"simplified bsd", "BSD-2-Clause"},
      {"simplified bsd license", "BSD-2-Clause"},
      {"bsd simplified", "BSD-2-Clause"},
      {"bsd 3", "BSD-3-Clause"},
      {"bsd 3 clause", "BSD-3-Clause"},
      {"bsd 3 clause license", "BSD-3-Clause"},
      {"3 clause bsd", "BSD-3-Clause"},
      {"3 clause bsd license", "BSD-3-Clause"},
      {"new bsd", "BSD-3-Clause"},
      {"new bsd license", "BSD-3-Clause"},
      {"bsd new", "BSD-3-Clause"},
      {"modified bsd", "BSD-3-Clause"},
      {"modified bsd license", "BSD-3-Clause"},
      {"revised bsd", "BSD-3-Clause"},
      {"revised bsd license", "BSD-3-Clause"},
      {"bsd 4", "BSD-4-Clause"},
      {"bsd 4 clause", "BSD-4-Clause"},
      {"bsd 4 clause license", "BSD-4-Clause"},
      {"4 clause bsd", "BSD-4-Clause"},
      {"original bsd", "BSD-4-Clause"},
      {"original bsd license", "BSD-4-Clause"},
  };
  return k_aliases;
}

// Names that look like licenses but name none, or several: they must never
// reach a rule that might match them by accident.
bool is_refused(const std::string& key) {
  // "UNLICENSED" is npm's word for "no license granted", the opposite of
  // the Unlicense.
  static constexpr std::string_view k_refused[] = {
      "public domain", "bsd",         "bsd license", "bsd style", "bsd like", "mit style",
      "mit like",      "gpl",         "lgpl",        "gnu gpl",   "apache",   "apache license",
      "unlicensed",    "proprietary", "commercial",  "other"};
  return std::find(std::begin(k_refused), std::end(k_refused), key) != std::end(k_refused);
}

// --- Names and ids from the list --------------------------------------------

// Current (not deprecated) ids keyed by the normalised words of their full
// name and of the id itself ("Apache License 2.0", "apache 2.0"). A key
// shared by two ids maps to neither.
const std::unordered_map<std::string, std::string>& list_keys() {
  static const auto k_keys = [] {
    std::unordered_map<std::string, std::string> keys;
    std::vector<std::string> ambiguous;
    auto add = [&](const std::string& key, const std::string& id) {
      auto [it, inserted] = keys.emplace(key, id);
      if (!inserted && it->second != id) {
        ambiguous.push_back(key);
      }
    };
    for (const auto& entry : LicenseList::bundled().licenses) {
      if (entry.deprecated) {
        continue;
      }
      add(join(words_of(entry.name)), entry.id);
      add(join(words_of(entry.id)), entry.id);
    }
    for (const auto& key : ambiguous) {
      keys.erase(key);
    }
    return keys;
  }();
  return k_keys;
}

std::optional<std::string> map_name(std::string_view text) {
  const auto words = words_of(text);
  if (words.empty()) {
    return std::nullopt;
  }
  const std::string key = join(words);
  if (is_refused(key)) {
    return std::nullopt;
  }
  if (auto id = map_gnu(words)) {
    return id;
  }
  if (auto id = map_versioned(words)) {
    return id;
  }
  if (const auto it = aliases().find(key); it != aliases().end()) {
    return std::string(it->second);
  }
  if (const auto it = list_keys().find(key); it != list_keys().end()) {
    return it->second;
  }
  // An id as such, in any case, even a deprecated one: it is what the text
  // says. GNU ids never get here, the first rule took them.
  std::string_view id = text;
  const bool plus = !id.empty() && id.back() == '+';
  if (plus) {
    id.remove_suffix(1);
  }
  if (const auto* entry = LicenseList::bundled().find_license(id)) {
    return entry->id + (plus ? "+" : "");
  }
  return std::nullopt;
}

// "Name (ABBR)", as in trove classifiers: both halves must map, to the same
// id, or the text is unsure.
std::optional<std::string> map_with_abbreviation(std::string_view text) {
  // Some full names have parentheses of their own: "Artistic License 1.0 (Perl)".
  const std::string key = join(words_of(text));
  if (is_refused(key)) {
    return std::nullopt;
  }
  if (const auto it = list_keys().find(key); it != list_keys().end()) {
    return it->second;
  }
  const auto open = text.find('(');
  const auto close = text.find(')');
  if (open == std::string_view::npos && close == std::string_view::npos) {
    return map_name(text);
  }
  // Exactly one pair, closing the text.
  if (open == std::string_view::npos || close != text.size() - 1 ||
      text.find('(', open + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const auto name = trim(text.substr(0, open));
  const auto abbreviation = trim(text.substr(open + 1, text.size() - open - 2));
  if (name.empty() || abbreviation.empty()) {
    return std::nullopt;
  }
  auto from_name = map_name(name);
  const auto from_abbreviation = map_name(abbreviation);
  if (!from_name || from_name != from_abbreviation) {
    return std::nullopt;
  }
  return from_name;
}

// Trove classifiers whose name part the general rules cannot read.
constexpr std::pair<std::string_view, std::string_view> k_trove_names[] = {
    {"CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0"},
};

} // namespace

std::optional<std::string> map_license_text(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > k_max_text_length) {
    return std::nullopt;
  }
  // "License :: OSI Approved :: MIT License": the last part names the license.
  if (starts_with_ignore_case(text, "License ::")) {
    const auto last = text.rfind("::");
    text = trim(text.substr(last + 2));
    if (text.empty() || equals_ignore_case(text, "OSI Approved") ||
        equals_ignore_case(text, "DFSG approved")) {
      return std::nullopt;
    }
    for (const auto& [name, id] : k_trove_names) {
      if (equals_ignore_case(text, name)) {
        return std::string(id);
      }
    }
  }
  auto mapped = map_with_abbreviation(text);
  // Every rule yields a listed id; checked here so that a table typo can
  // never put an unknown id into an SBOM.
  if (mapped) {
    std::string_view id = *mapped;
    if (id.ends_with('+')) {
      id.remove_suffix(1);
    }
    if (LicenseList::bundled().find_license(id) == nullptr) {
      return std::nullopt;
    }
  }
  return mapped;
}

} // namespace kensa::model
