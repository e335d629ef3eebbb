#include "debian_licenses.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <vector>

namespace kensa::scanner::dpkg {

namespace {

struct Alias {
  std::string_view name;
  std::string_view spdx;
};

// Short names whose meaning DEP-5 fixes but whose spelling is not SPDX's.
// "Artistic" is the Artistic License that comes with Perl
// (/usr/share/common-licenses/Artistic), which SPDX calls
// Artistic-1.0-Perl; DEP-5 defines "Perl" as "GPL-1+ or Artistic".
constexpr std::array k_aliases{
    Alias{"expat", "MIT"},
    Alias{"artistic", "Artistic-1.0-Perl"},
    Alias{"perl", "GPL-1.0-or-later OR Artistic-1.0-Perl"},
    Alias{"cc0", "CC0-1.0"},
};

struct GnuFamily {
  std::string_view prefix;
  std::string_view spdx;
  // Versions that exist, with ".0" spelt out.
  std::array<std::string_view, 3> versions;
  std::string_view only_suffix;
  std::string_view later_suffix;
};

// Longest prefixes first: "gfdl-niv" before "gfdl", "lgpl"/"agpl" before
// "gpl".
constexpr std::array k_gnu{
    GnuFamily{"gfdl-niv",
              "GFDL",
              {"1.1", "1.2", "1.3"},
              "-no-invariants-only",
              "-no-invariants-or-later"},
    GnuFamily{"gfdl", "GFDL", {"1.1", "1.2", "1.3"}, "-only", "-or-later"},
    GnuFamily{"lgpl", "LGPL", {"2.0", "2.1", "3.0"}, "-only", "-or-later"},
    GnuFamily{"agpl", "AGPL", {"1.0", "3.0", ""}, "-only", "-or-later"},
    GnuFamily{"gpl", "GPL", {"1.0", "2.0", "3.0"}, "-only", "-or-later"},
};

bool is_version(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') {
    return false;
  }
  for (char c : text) {
    if ((c < '0' || c > '9') && c != '.') {
      return false;
    }
  }
  return true;
}

// "GPL-2+", "LGPL-2.1", "GFDL-NIV-1.3+", "GPL-2.0+": DEP-5 writes "+" for
// "or any later version" and a bare version for that version only.
std::optional<std::string> gnu_name(std::string_view lower) {
  for (const auto& family : k_gnu) {
    if (!lower.starts_with(family.prefix)) {
      continue;
    }
    std::string_view rest = lower.substr(family.prefix.size());
    if (!rest.starts_with('-')) {
      return std::nullopt;
    }
    rest.remove_prefix(1);
    bool later = rest.ends_with('+');
    if (later) {
      rest.remove_suffix(1);
    }
    if (!is_version(rest)) {
      return std::nullopt;
    }
    std::string version(rest);
    if (version.find('.') == std::string::npos) {
      version += ".0";
    }
    for (std::string_view known : family.versions) {
      if (!known.empty() && known == version) {
        return std::string(family.spdx) + "-" + version +
               std::string(later ? family.later_suffix : family.only_suffix);
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// A single listed license id, in list case, or nullopt.
std::optional<std::string> listed_id(std::string_view name) {
  if (name.empty() || name.find(' ') != std::string_view::npos) {
    return std::nullopt;
  }
  const auto* entry = model::LicenseList::bundled().find_license(name);
  if (entry == nullptr) {
    return std::nullopt;
  }
  return entry->id;
}

// "Apache-2" -> "Apache-2.0": a whole-number version stands for ".0" only
// when the list has no other minor version of that license ("MPL-1" could be
// 1.0 or 1.1, so this rule leaves it to map_license_text).
std::optional<std::string> whole_version(std::string_view name) {
  std::size_t dash = name.rfind('-');
  if (dash == std::string_view::npos || dash + 1 >= name.size()) {
    return std::nullopt;
  }
  std::string_view number = name.substr(dash + 1);
  for (char c : number) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  auto with_zero = listed_id(std::string(name) + ".0");
  if (!with_zero) {
    return std::nullopt;
  }
  std::string prefix = to_lower_ascii(name) + ".";
  for (const auto& entry : model::LicenseList::bundled().licenses) {
    std::string id = to_lower_ascii(entry.id);
    if (id.starts_with(prefix) && id.size() > prefix.size() && id[prefix.size()] != '0') {
      return std::nullopt;
    }
  }
  return with_zero;
}

// One short name without an exception.
std::optional<std::string> plain_name(std::string_view name) {
  std::string lower = to_lower_ascii(name);
  for (const auto& alias : k_aliases) {
    if (alias.name == lower) {
      return std::string(alias.spdx);
    }
  }
  if (auto gnu = gnu_name(lower)) {
    return gnu;
  }
  bool later = name.ends_with('+');
  std::string_view base = later ? name.substr(0, name.size() - 1) : name;
  std::optional<std::string> id = listed_id(base);
  if (!id) {
    id = whole_version(base);
  }
  if (id) {
    return later ? *id + "+" : *id;
  }
  if (later) {
    return std::nullopt;
  }
  return model::map_license_text(name);
}

// "with <keyword> exception": the keywords DEP-5 and Debian packages use,
// where the SPDX exception is certain; any keyword that is itself an SPDX
// exception id (or is one with "-exception" added) is used as that id.
std::optional<std::string> exception_id(std::string_view keyword, std::string_view license) {
  std::string lower = to_lower_ascii(keyword);
  bool gpl2 = license.starts_with("GPL-2.0");
  bool gpl3 = license.starts_with("GPL-3.0");
  if (lower == "font" && (gpl2 || gpl3)) {
    return "Font-exception-2.0";
  }
  if (lower == "autoconf" && gpl2) {
    return "Autoconf-exception-2.0";
  }
  if (lower == "autoconf" && gpl3) {
    return "Autoconf-exception-3.0";
  }
  // The exception text in GPL-3 Bison skeletons is the one first added in
  // Bison 2.2.
  if (lower == "bison" && gpl3) {
    return "Bison-exception-2.2";
  }
  const auto& list = model::LicenseList::bundled();
  for (const std::string& candidate : {std::string(keyword), std::string(keyword) + "-exception"}) {
    if (const auto* entry = list.find_exception(candidate)) {
      return entry->id;
    }
  }
  return std::nullopt;
}

bool is_operator(std::string_view word, std::string_view op) {
  return equals_ignore_case(word, op);
}

} // namespace

std::optional<std::string> spdx_for_short_name(std::string_view name) {
  name = trim(name);
  if (name.empty()) {
    return std::nullopt;
  }
  std::vector<std::string_view> words;
  for (std::string_view word : split(name, ' ')) {
    if (!word.empty()) {
      words.push_back(word);
    }
  }
  std::size_t with = words.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (is_operator(words[i], "with")) {
      with = i;
      break;
    }
  }
  if (with == words.size()) {
    return plain_name(name);
  }
  if (with != 1 || with + 1 >= words.size()) {
    return std::nullopt;
  }
  auto license = plain_name(words[0]);
  // Only a single license can take an exception.
  if (!license || license->find(' ') != std::string::npos) {
    return std::nullopt;
  }
  std::size_t last = words.size();
  if (is_operator(words.back(), "exception")) {
    --last;
  }
  if (last != with + 2) {
    return std::nullopt; // The keyword is one word: "with OpenSSL exception".
  }
  auto exception = exception_id(words[with + 1], *license);
  if (!exception) {
    return std::nullopt;
  }
  return *license + " WITH " + *exception;
}

model::License license_from_synopsis(std::string_view synopsis) {
  synopsis = trim(synopsis);
  if (synopsis.empty()) {
    return {};
  }
  // What no short-name reading maps: a name, unless it already is a
  // compound SPDX expression ("(MIT OR Apache-2.0) AND Unicode-DFS-2016"),
  // as more and more packages write. Upper-case operators only: in DEP-5 a
  // lower-case "and"/"or" mix without commas is ambiguous, not SPDX
  // precedence; and a single name is read as a short name or not at all.
  const auto spdx_compound = [](std::string_view text) {
    return text.find(" AND ") != std::string_view::npos ||
           text.find(" OR ") != std::string_view::npos ||
           text.find(" WITH ") != std::string_view::npos;
  };
  const auto upper_case_operators = [](const model::ParsedLicenseExpression& parsed) {
    return std::none_of(parsed.notices.begin(), parsed.notices.end(),
                        [](const model::LicenseNotice& notice) {
                          return notice.message.starts_with("operator '");
                        });
  };
  model::License as_name;
  auto as_spdx = spdx_compound(synopsis)
                     ? model::parse_license_expression(synopsis)
                     : Result<model::ParsedLicenseExpression>(fail("no operator"));
  if (as_spdx && upper_case_operators(*as_spdx)) {
    as_name.expression = std::move(as_spdx->canonical);
  } else {
    as_name.name = std::string(synopsis);
  }

  // Commas group: "A or B, and C" is (A or B) and C.
  std::string expression;
  bool first_segment = true;
  for (std::string_view segment : split(synopsis, ',')) {
    segment = trim(segment);
    std::string joiner;
    if (!first_segment) {
      std::size_t space = segment.find(' ');
      std::string_view op = segment.substr(0, space);
      if (space == std::string_view::npos || (!is_operator(op, "and") && !is_operator(op, "or"))) {
        return as_name; // A bare comma list does not say "and" or "or".
      }
      joiner = is_operator(op, "and") ? " AND " : " OR ";
      segment = trim(segment.substr(space + 1));
    }

    // Within a segment, terms are joined by one kind of operator only;
    // mixing them without commas is ambiguous in DEP-5.
    std::vector<std::string> terms;
    std::string current;
    std::string segment_operator;
    for (std::string_view word : split(segment, ' ')) {
      if (word.empty()) {
        continue;
      }
      if (is_operator(word, "and") || is_operator(word, "or")) {
        std::string op = is_operator(word, "and") ? "AND" : "OR";
        if (!segment_operator.empty() && segment_operator != op) {
          return as_name;
        }
        segment_operator = op;
        terms.push_back(std::move(current));
        current.clear();
        continue;
      }
      if (!current.empty()) {
        current += ' ';
      }
      current += word;
    }
    terms.push_back(std::move(current));

    std::string segment_expression;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      auto spdx = spdx_for_short_name(terms[i]);
      if (!spdx) {
        return as_name;
      }
      if (i > 0) {
        segment_expression += " " + segment_operator + " ";
      }
      segment_expression += "(" + *spdx + ")";
    }
    expression = first_segment ? segment_expression
                               : "(" + expression + ")" + joiner + "(" + segment_expression + ")";
    first_segment = false;
  }

  auto parsed = model::parse_license_expression(expression);
  if (!parsed) {
    return as_name;
  }
  model::License license;
  license.expression = parsed->canonical;
  return license;
}

} // namespace kensa::scanner::dpkg
