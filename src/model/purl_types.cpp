// The rules of the registered purl types, one table row per type, written
// from the type definitions of the purl specification (types/*-definition.json
// in package-url/purl-spec) and, for npm, from the specification text.
// docs/purl.md lists what each row does and where kensa deviates.
#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace kensa::model {

namespace {

enum class Requirement { optional, required, prohibited };

// How a component's letters are folded in the canonical form.
enum class Case { preserved, lower, upper };

using Special = Status (*)(Purl&);

struct TypeRules {
  std::string_view type;
  Requirement namespace_requirement = Requirement::optional;
  Case namespace_case = Case::preserved;
  Case name_case = Case::preserved;
  Case version_case = Case::preserved;
  // A qualifier the definition marks as required, or empty.
  std::string_view required_qualifier = {};
  // The name is a '/'-separated path rather than a single segment.
  bool name_is_path = false;
  // Type-specific rewriting and checks that do not fit the columns above; run
  // after case folding, before the requirement checks.
  Special special = nullptr;
};

bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

void fold(std::string& text, Case folding) {
  for (char& c : text) {
    c = folding == Case::lower ? to_lower_ascii(c) : folding == Case::upper ? to_upper_ascii(c) : c;
  }
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string* find_qualifier(Purl& purl, std::string_view key) {
  for (auto& [name, value] : purl.qualifiers) {
    if (name == key) {
      return &value;
    }
  }
  return nullptr;
}

// The host of a URL such as "https://host:port/path", lowercased; empty when
// there is none.
std::string url_host(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos) {
    url.remove_prefix(scheme_end + 3);
  }
  url = url.substr(0, url.find_first_of("/?#"));
  if (const std::size_t at = url.rfind('@'); at != std::string_view::npos) {
    url.remove_prefix(at + 1);
  }
  std::string host(url.substr(0, url.find(':')));
  fold(host, Case::lower);
  return host;
}

// chrome-extension: the id is 32 letters in a-p, the version one to four
// dot-separated numbers.
Status chrome_extension_rules(Purl& purl) {
  const bool id_ok =
      purl.name.size() == 32 &&
      std::all_of(purl.name.begin(), purl.name.end(), [](char c) { return c >= 'a' && c <= 'p'; });
  if (!id_ok) {
    return fail("a chrome-extension name is an id of 32 letters from 'a' to 'p', not " +
                quoted(purl.name));
  }
  if (purl.version.empty()) {
    return ok_status();
  }
  std::size_t parts = 0;
  bool version_ok = true;
  for (std::string_view rest = purl.version; version_ok;) {
    const std::size_t dot = rest.find('.');
    const std::string_view part = rest.substr(0, dot);
    version_ok = !part.empty() && std::all_of(part.begin(), part.end(), is_ascii_digit);
    ++parts;
    if (dot == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(dot + 1);
  }
  if (!version_ok || parts > 4) {
    return fail("a chrome-extension version is one to four dot-separated numbers, not " +
                quoted(purl.version));
  }
  return ok_status();
}

Status cocoapods_rules(Purl& purl) {
  const bool bad_character = std::any_of(purl.name.begin(), purl.name.end(), [](char c) {
    return c == '+' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
  if (bad_character || purl.name.starts_with('.')) {
    return fail("a cocoapods pod name cannot contain whitespace or '+', or start with '.': " +
                quoted(purl.name));
  }
  return ok_status();
}

// cpan: the name is a distribution ("URI-PackageURL"), never a module
// ("URI::PackageURL").
Status cpan_rules(Purl& purl) {
  if (purl.name.find("::") != std::string::npos) {
    return fail("a cpan name is a distribution name, which cannot contain \"::\": " +
                quoted(purl.name));
  }
  return ok_status();
}

// git: the namespace is the host alone and the name is the repository path on
// it, so "pkg:git/codeberg.org/forgejo/forgejo" has the name "forgejo/forgejo".
Status git_rules(Purl& purl) {
  std::string path;
  if (const std::size_t slash = purl.namespace_.find('/'); slash != std::string::npos) {
    path = purl.namespace_.substr(slash + 1) + '/';
    purl.namespace_.resize(slash);
  }
  path += purl.name;
  std::string name;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) {
      end = path.size();
    }
    if (end > start) {
      if (!name.empty()) {
        name += '/';
      }
      name.append(path, start, end - start);
    }
    start = end + 1;
  }
  purl.name = std::move(name);
  if (purl.name.empty()) {
    return fail("the name is required");
  }
  return ok_status();
}

// hackage: names are kebab-case; an underscore is a misspelt word separator.
Status hackage_rules(Purl& purl) {
  std::replace(purl.name.begin(), purl.name.end(), '_', '-');
  return ok_status();
}

// mlflow: case sensitivity depends on the tracking server. Databricks treats
// model names case-insensitively and wants them lowercase; Azure ML and others
// keep the case.
Status mlflow_rules(Purl& purl) {
  if (const std::string* url = find_qualifier(purl, "repository_url")) {
    if (url_host(*url).find("databricks.") != std::string::npos) {
      fold(purl.name, Case::lower);
    }
  }
  return ok_status();
}

Status otp_rules(Purl& purl) {
  fold(purl.subpath, Case::lower);
  return ok_status();
}

// pub: package names only hold [a-z0-9_]; anything else becomes '_'.
Status pub_rules(Purl& purl) {
  std::replace_if(
      purl.name.begin(), purl.name.end(),
      [](char c) { return !(is_ascii_lower(c) || is_ascii_digit(c) || c == '_'); }, '_');
  return ok_status();
}

// pypi: PyPI treats '-' and '_' alike, so '-' is canonical.
Status pypi_rules(Purl& purl) {
  std::replace(purl.name.begin(), purl.name.end(), '_', '-');
  return ok_status();
}

bool is_guid(std::string_view text) {
  if (text.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? text[i] != '-' : !is_ascii_hex_digit(text[i])) {
      return false;
    }
  }
  return true;
}

// swid: the namespace is the software creator's name and optionally its regid
// (at most two segments); a GUID tag_id is lowercase.
Status swid_rules(Purl& purl) {
  if (std::count(purl.namespace_.begin(), purl.namespace_.end(), '/') > 1) {
    return fail("a swid namespace has at most two segments (creator name and regid): " +
                quoted(purl.namespace_));
  }
  if (std::string* tag_id = find_qualifier(purl, "tag_id"); tag_id && is_guid(*tag_id)) {
    fold(*tag_id, Case::lower);
  }
  return ok_status();
}

using enum Requirement;
using enum Case;

// Registered types, alphabetical. Columns not named keep their defaults:
// namespace optional, every component's case preserved, no required
// qualifier, no special rule.
constexpr std::array k_type_rules = {
    TypeRules{.type = "alpm",
              .namespace_requirement = required,
              .namespace_case = lower,
              .name_case = lower},
    TypeRules{.type = "apk",
              .namespace_requirement = required,
              .namespace_case = lower,
              .name_case = lower},
    TypeRules{.type = "bazel", .namespace_requirement = prohibited},
    TypeRules{.type = "bitbucket",
              .namespace_requirement = required,
              .namespace_case = lower,
              .name_case = lower},
    TypeRules{.type = "bitnami", .namespace_requirement = prohibited, .name_case = lower},
    TypeRules{.type = "brew", .namespace_case = lower, .name_case = lower},
    TypeRules{.type = "cargo", .namespace_requirement = prohibited},
    TypeRules{.type = "chrome-extension",
              .namespace_requirement = prohibited,
              .name_case = lower,
              .special = chrome_extension_rules},
    TypeRules{.type = "cocoapods", .namespace_requirement = prohibited, .special = cocoapods_rules},
    TypeRules{.type = "composer",
              .namespace_requirement = required,
              .namespace_case = lower,
              .name_case = lower},
    TypeRules{.type = "conan"},
    TypeRules{.type = "conda", .namespace_requirement = prohibited},
    TypeRules{.type = "cpan", .namespace_case = upper, .special = cpan_rules},
    TypeRules{.type = "cran", .namespace_requirement = prohibited},
    TypeRules{.type = "deb",
              .namespace_requirement = required,
              .namespace_case = lower,
              .name_case = lower},
    TypeRules{.type = "docker"},
    TypeRules{.type = "gem", .namespace_requirement = prohibited},
    TypeRules{.type = "generic"},
    TypeRules{.type = "git",
              .namespace_requirement = required,
              .name_is_path = true,
              .special = git_rules},
    TypeRules{.type = "github",
              .namespace_requirement = required,
              .namespace_case = lower,
              .name_case = lower},
    TypeRules{.type = "golang", .namespace_requirement = required},
    TypeRules{.type = "hackage", .namespace_requirement = prohibited, .special = hackage_rules},
    TypeRules{.type = "hex", .namespace_case = lower, .name_case = lower},
    TypeRules{.type = "huggingface", .namespace_requirement = required, .version_case = lower},
    TypeRules{.type = "julia", .namespace_requirement = prohibited, .required_qualifier = "uuid"},
    TypeRules{.type = "luarocks", .namespace_case = lower, .name_case = lower},
    TypeRules{.type = "maven", .namespace_requirement = required},
    TypeRules{.type = "mlflow", .namespace_requirement = prohibited, .special = mlflow_rules},
    // npm has no definition file; the specification text lowercases the name
    // (npm forbids uppercase in new package names) and says nothing of the scope.
    TypeRules{.type = "npm", .name_case = lower},
    TypeRules{.type = "nuget", .namespace_requirement = prohibited},
    TypeRules{.type = "oci",
              .namespace_requirement = prohibited,
              .name_case = lower,
              .version_case = lower},
    TypeRules{.type = "opam", .namespace_requirement = prohibited},
    TypeRules{.type = "otp",
              .namespace_requirement = prohibited,
              .name_case = lower,
              .special = otp_rules},
    TypeRules{.type = "pub",
              .namespace_requirement = prohibited,
              .name_case = lower,
              .special = pub_rules},
    TypeRules{.type = "pypi",
              .namespace_requirement = prohibited,
              .name_case = lower,
              .version_case = lower,
              .special = pypi_rules},
    TypeRules{.type = "qpkg", .namespace_requirement = required, .namespace_case = lower},
    TypeRules{.type = "rpm", .namespace_requirement = required, .namespace_case = lower},
    TypeRules{.type = "swid", .required_qualifier = "tag_id", .special = swid_rules},
    TypeRules{.type = "swift", .namespace_requirement = required},
    TypeRules{.type = "vcpkg", .namespace_requirement = prohibited},
    TypeRules{.type = "vscode-extension",
              .namespace_requirement = required,
              .namespace_case = lower,
              .name_case = lower,
              .version_case = lower},
    TypeRules{.type = "yocto", .namespace_case = lower},
};

// Types not in the registry get only the rules every type shares.
constexpr TypeRules k_unregistered_type = {};

const TypeRules& rules_for(std::string_view type) {
  const auto* found = std::find_if(k_type_rules.begin(), k_type_rules.end(),
                                   [type](const TypeRules& rules) { return rules.type == type; });
  return found == k_type_rules.end() ? k_unregistered_type : *found;
}

// The checksum qualifier is a list of "algorithm:hex" items whose canonical
// form is lowercase, whatever the type.
void normalize_checksums(Purl& purl) {
  if (std::string* checksums = find_qualifier(purl, "checksum")) {
    fold(*checksums, Case::lower);
  }
}

} // namespace

Status apply_purl_type_rules(Purl& purl) {
  return apply_purl_type_rules(purl, PurlParseOptions{});
}

Status apply_purl_type_rules(Purl& purl, const PurlParseOptions& options) {
  const TypeRules& rules = rules_for(purl.type);
  fold(purl.namespace_, rules.namespace_case);
  fold(purl.name, rules.name_case);
  fold(purl.version, rules.version_case);
  normalize_checksums(purl);
  if (rules.special != nullptr) {
    if (auto applied = rules.special(purl); !applied) {
      return applied;
    }
  }

  const bool namespace_waived = options.golang_namespace_optional && purl.type == "golang";
  if (rules.namespace_requirement == Requirement::required && purl.namespace_.empty() &&
      !namespace_waived) {
    return fail("a " + purl.type + " purl needs a namespace");
  }
  if (rules.namespace_requirement == Requirement::prohibited && !purl.namespace_.empty()) {
    return fail("a " + purl.type + " purl has no namespace, but " + quoted(purl.namespace_) +
                " was given");
  }
  if (purl.name.empty()) {
    return fail("the name is required");
  }
  // Only git names are paths; anywhere else a '/' would be read back as a
  // namespace separator.
  if (!rules.name_is_path && purl.name.find('/') != std::string::npos) {
    return fail("the name " + quoted(purl.name) + " must not contain '/'");
  }
  if (!rules.required_qualifier.empty() && purl.qualifier(rules.required_qualifier).empty()) {
    return fail("a " + purl.type + " purl needs the " + quoted(rules.required_qualifier) +
                " qualifier");
  }
  return ok_status();
}

} // namespace kensa::model
