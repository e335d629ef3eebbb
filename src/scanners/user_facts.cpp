#include "common/parsers/toml_text.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/model/license.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/scanner/user_facts.hpp>
#include <kensa/util/strings.hpp>
#include <kensa/util/url_text.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <system_error>

namespace kensa::scanner {

namespace {

// CycloneDX 1.5+ `metadata.lifecycles[].phase`.
constexpr std::array<std::string_view, 7> k_lifecycle_phases{
    "design", "pre-build", "build", "post-build", "operations", "discovery", "decommission"};

// A link or an e-mail address as a format's field can hold it.
Result<std::string> checked_address(std::string_view address, bool& is_link) {
  is_link = looks_like_web_link(address);
  if (is_link) {
    auto uri = uri_reference_of(address);
    if (!uri) {
      return fail("'" + std::string(address) + "' is not a web link an SBOM can hold");
    }
    return *uri;
  }
  if (!is_plain_email_address(address)) {
    return fail("'" + std::string(address) + "' is neither an e-mail address nor a web link");
  }
  return std::string(address);
}

Result<std::string> read_small_file(const std::filesystem::path& file) {
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) {
    return fail("is a folder");
  }
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  if (error) {
    return fail(error.message());
  }
  if (size > k_max_config_size) {
    return fail("is " + std::to_string(size) + " bytes, over the limit of " +
                std::to_string(k_max_config_size));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return fail("cannot be opened");
  }
  // One byte more than the cap tells a file that grew since it was
  // measured.
  std::string text(static_cast<std::size_t>(k_max_config_size) + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) {
    return fail("cannot be read");
  }
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > k_max_config_size) {
    return fail("is over the limit of " + std::to_string(k_max_config_size) + " bytes");
  }
  return text;
}

// The value of a key that holds one string.
Result<std::string> string_value(const toml::node& node, std::string_view key) {
  if (const auto* value = node.as_string()) {
    return value->get();
  }
  return fail("'" + std::string(key) + "' must be a string");
}

// A key that holds one string or an array of strings, each checked by
// `parse` ("author", "source-hash") and appended to `values`.
template <typename Value, typename Parse>
Status read_string_values(const toml::node& node, std::string_view key, Parse parse,
                          std::vector<Value>& values) {
  auto add = [&](const toml::node& item) -> Status {
    auto text = string_value(item, key);
    if (!text) {
      return fail(text.error());
    }
    auto value = parse(*text);
    if (!value) {
      return fail(value.error());
    }
    values.push_back(std::move(*value));
    return ok_status();
  };
  if (const auto* list = node.as_array()) {
    for (const auto& item : *list) {
      if (auto added = add(item); !added) {
        return added;
      }
    }
    return ok_status();
  }
  return add(node);
}

Status read_fact(std::string_view key, const toml::node& node, UserFacts& facts) {
  if (key == "author") {
    return read_string_values(node, key, parse_author, facts.authors);
  }
  if (key == "source-hash") {
    return read_string_values(node, key, parse_user_hash, facts.subject_hashes);
  }
  auto text = string_value(node, key);
  if (!text) {
    return fail(text.error());
  }
  if (key == "source-name") {
    facts.subject_name = *text;
  } else if (key == "source-version") {
    facts.subject_version = *text;
  } else if (key == "source-supplier") {
    auto supplier = parse_supplier(*text);
    if (!supplier) {
      return fail(supplier.error());
    }
    facts.subject_supplier = std::move(*supplier);
  } else if (key == "source-purl") {
    auto purl = parse_user_purl(*text);
    if (!purl) {
      return fail(purl.error());
    }
    facts.subject_purl = std::move(*purl);
  } else if (key == "source-license") {
    auto license = parse_user_license(*text);
    if (!license) {
      return fail(license.error());
    }
    facts.subject_license = std::move(*license);
  } else if (key == "lifecycle") {
    auto phase = parse_lifecycle(*text);
    if (!phase) {
      return fail(phase.error());
    }
    facts.lifecycle = std::move(*phase);
  } else {
    return fail("unknown key '" + std::string(key) +
                "' (known: author, source-name, source-version, source-supplier, source-purl, "
                "source-license, source-hash, lifecycle)");
  }
  return ok_status();
}

} // namespace

std::span<const std::string_view> lifecycle_phases() {
  return k_lifecycle_phases;
}

std::string_view lifecycle_for(source::SourceKind kind) {
  switch (kind) {
  case source::SourceKind::folder:
    return "pre-build";
  case source::SourceKind::archive:
  case source::SourceKind::file:
    return "post-build";
  case source::SourceKind::root_file_system:
  case source::SourceKind::image:
    return "operations";
  }
  return "";
}

Result<model::Party> parse_author(std::string_view text) {
  text = trim(text);
  model::Party party;
  std::string_view name = text;
  if (const auto open = text.find('<'); open != std::string_view::npos) {
    if (text.back() != '>' || text.find('<', open + 1) != std::string_view::npos) {
      return fail("author '" + std::string(text) + "' must be NAME or NAME <ADDRESS>");
    }
    name = trim(text.substr(0, open));
    bool is_link = false;
    auto address = checked_address(trim(text.substr(open + 1, text.size() - open - 2)), is_link);
    if (!address) {
      return fail("author '" + std::string(text) + "': " + address.error());
    }
    (is_link ? party.url : party.email) = std::move(*address);
  }
  if (name.empty()) {
    return fail("author '" + std::string(text) + "' has no name");
  }
  party.name = std::string(name);
  return party;
}

Result<model::Party> parse_supplier(std::string_view text) {
  text = trim(text);
  model::Party party;
  party.is_organization = true;
  std::string_view name = text;
  // A comma before a web link separates the two; any other comma is part
  // of the name ("Example, Inc.").
  if (const auto comma = text.rfind(','); comma != std::string_view::npos) {
    const std::string_view link = trim(text.substr(comma + 1));
    if (looks_like_web_link(link)) {
      auto uri = uri_reference_of(link);
      if (!uri) {
        return fail("supplier '" + std::string(text) + "': '" + std::string(link) +
                    "' is not a web link an SBOM can hold");
      }
      name = trim(text.substr(0, comma));
      party.url = std::move(*uri);
    }
  }
  if (name.empty()) {
    return fail("supplier '" + std::string(text) + "' has no name");
  }
  party.name = std::string(name);
  return party;
}

Result<std::string> parse_user_purl(std::string_view text) {
  auto purl = model::parse_purl(trim(text));
  if (!purl) {
    return fail("purl '" + std::string(text) + "': " + purl.error());
  }
  return purl->to_string();
}

Result<std::string> parse_user_license(std::string_view text) {
  auto license = model::parse_license_expression(trim(text));
  if (!license) {
    return fail("license '" + std::string(text) + "': " + license.error());
  }
  return license->canonical;
}

Result<model::Hash> parse_user_hash(std::string_view text) {
  text = trim(text);
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    return fail("hash '" + std::string(text) + "' must be ALGORITHM:HEX, e.g. sha256:...");
  }
  const auto algorithm = model::parse_hash_algorithm(text.substr(0, colon));
  if (!algorithm) {
    return fail("hash '" + std::string(text) + "': unknown algorithm '" +
                std::string(text.substr(0, colon)) + "'");
  }
  const std::string_view hex = text.substr(colon + 1);
  if (hex.size() != model::hash_hex_length(*algorithm) ||
      !std::all_of(hex.begin(), hex.end(), is_ascii_hex_digit)) {
    return fail("hash '" + std::string(text) + "': a " +
                std::string(model::hash_algorithm_name(*algorithm)) + " digest is " +
                std::to_string(model::hash_hex_length(*algorithm)) + " hex digits");
  }
  return model::Hash{*algorithm, to_lower_ascii(hex)};
}

Result<std::string> parse_lifecycle(std::string_view text) {
  const std::string phase = to_lower_ascii(trim(text));
  if (std::find(k_lifecycle_phases.begin(), k_lifecycle_phases.end(), phase) ==
      k_lifecycle_phases.end()) {
    return fail("lifecycle '" + std::string(text) +
                "' is not one of design, pre-build, build, post-build, operations, discovery, "
                "decommission");
  }
  return phase;
}

Result<UserFacts> read_user_facts(const std::filesystem::path& file) {
  const std::string name = file.string();
  auto text = read_small_file(file);
  if (!text) {
    return fail(name + ": " + text.error());
  }
  auto table = parse_toml(*text);
  if (!table) {
    return fail(name + ": " + table.error());
  }
  UserFacts facts;
  for (const auto& [key, node] : *table) {
    if (auto read = read_fact(key.str(), node, facts); !read) {
      return fail(name + ": " + read.error());
    }
  }
  return facts;
}

UserFacts merge_user_facts(UserFacts base, const UserFacts& overrides) {
  if (!overrides.authors.empty()) {
    base.authors = overrides.authors;
  }
  auto take = [](std::string& into, const std::string& from) {
    if (!from.empty()) {
      into = from;
    }
  };
  take(base.subject_name, overrides.subject_name);
  take(base.subject_version, overrides.subject_version);
  take(base.subject_purl, overrides.subject_purl);
  take(base.subject_license, overrides.subject_license);
  take(base.lifecycle, overrides.lifecycle);
  if (!overrides.subject_supplier.empty()) {
    base.subject_supplier = overrides.subject_supplier;
  }
  if (!overrides.subject_hashes.empty()) {
    base.subject_hashes = overrides.subject_hashes;
  }
  return base;
}

void apply_user_facts(model::Document& document, const UserFacts& facts, source::SourceKind kind) {
  model::DocumentMetadata& metadata = document.metadata;
  metadata.authors.insert(metadata.authors.end(), facts.authors.begin(), facts.authors.end());
  metadata.lifecycle = facts.lifecycle.empty() ? std::string(lifecycle_for(kind)) : facts.lifecycle;
  if (!metadata.subject) {
    return;
  }
  model::Component& subject = *metadata.subject;
  if (!facts.subject_purl.empty()) {
    subject.purl = facts.subject_purl;
    // A purl names the subject as well, unless the user named it apart.
    if (auto purl = model::parse_purl(facts.subject_purl); purl && facts.subject_name.empty()) {
      subject.group = purl->namespace_;
      subject.name = purl->name;
      if (facts.subject_version.empty() && !purl->version.empty()) {
        subject.version = purl->version;
      }
    }
  }
  if (!facts.subject_name.empty()) {
    // The user's name is the whole name: no group from a manifest stays
    // in front of it.
    subject.group.clear();
    subject.name = facts.subject_name;
  }
  if (!facts.subject_version.empty()) {
    subject.version = facts.subject_version;
  }
  if (!facts.subject_supplier.empty()) {
    subject.supplier = facts.subject_supplier;
  }
  if (!facts.subject_license.empty()) {
    // The user states the license the subject is released under: it is
    // the declared one, not an addition to the manifest's.
    subject.licenses_declared = {model::License{facts.subject_license, {}, {}}};
  }
  for (const auto& hash : facts.subject_hashes) {
    // One digest per algorithm: the user's wins over one the scan computed
    // for an archive, since the user names what the subject is.
    auto same = std::find_if(
        subject.hashes.begin(), subject.hashes.end(),
        [&hash](const model::Hash& known) { return known.algorithm == hash.algorithm; });
    if (same != subject.hashes.end()) {
      *same = hash;
    } else {
      subject.hashes.push_back(hash);
    }
  }
}

} // namespace kensa::scanner
