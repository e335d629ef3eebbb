#include "python_component.hpp"

#include "requirement.hpp"

#include <kensa/model/license.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::scanner::python {

namespace {

bool is_followable_url(std::string_view url) {
  bool scheme = url.starts_with("https://") || url.starts_with("http://") ||
                url.starts_with("git+") || url.starts_with("git://") || url.starts_with("hg+") ||
                url.starts_with("svn+") || url.starts_with("bzr+");
  return scheme && url.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

std::string describe(const PackageFacts& facts) {
  std::string text = "package " + (facts.name.empty() ? std::string("(unnamed)") : facts.name);
  if (!facts.version.empty()) {
    text += ' ' + facts.version;
  }
  return text;
}

// Splits "A <a@x>, B <b@x>" at commas outside quotes and angle brackets.
std::vector<std::string_view> split_people(std::string_view text) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  int angle = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '<') {
      ++angle;
    } else if (!quoted && c == '>' && angle > 0) {
      --angle;
    } else if (!quoted && angle == 0 && c == ',') {
      parts.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trim(text.substr(start)));
  std::erase_if(parts, [](std::string_view part) { return part.empty(); });
  return parts;
}

std::string unquote(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

} // namespace

void PackageFacts::add_property(std::string_view property_name, std::string value) {
  model::Property property{std::string(property_name), std::move(value)};
  if (std::find(properties.begin(), properties.end(), property) == properties.end()) {
    properties.push_back(std::move(property));
  }
}

void PackageFacts::add_reference(std::string reference_type, std::string_view url) {
  url = trim(url);
  if (!is_followable_url(url)) {
    return;
  }
  model::ExternalReference reference{std::move(reference_type), std::string(url)};
  if (std::find(references.begin(), references.end(), reference) == references.end()) {
    references.push_back(std::move(reference));
  }
}

void PackageFacts::add_hash(model::Hash hash) {
  if (std::find(hashes.begin(), hashes.end(), hash) == hashes.end()) {
    hashes.push_back(std::move(hash));
  }
}

bool is_meaningful(std::string_view value) {
  value = trim(value);
  return !value.empty() && !equals_ignore_case(value, "UNKNOWN") &&
         !equals_ignore_case(value, "None");
}

std::string make_pypi_purl(std::string_view name, std::string_view version, std::string& problem) {
  if (version.empty() || name.empty()) {
    return {};
  }
  auto purl = model::make_purl("pypi", "", normalize_name(name), version);
  if (!purl) {
    problem = purl.error();
    return {};
  }
  return purl->to_string();
}

model::Component make_component(const PackageFacts& facts, const model::Evidence& evidence,
                                FileReport& report) {
  model::Component component;
  component.type = facts.type;
  component.ecosystem = "pypi";
  component.name = facts.name;
  component.version = facts.version;
  if (!facts.name.empty() && !is_valid_name(facts.name)) {
    // A project named after its folder need not be publishable.
    if (facts.type != model::ComponentType::application && !facts.name_is_location) {
      report.warn(describe(facts) + ": \"" + facts.name + "\" is not a valid package name");
    }
  } else {
    std::string problem;
    component.purl = make_pypi_purl(facts.name, facts.version, problem);
    if (!problem.empty()) {
      report.warn(describe(facts) + ": " + problem);
    }
  }
  component.licenses_declared = facts.licenses;
  component.hashes = facts.hashes;
  component.supplier = facts.supplier;
  component.authors = facts.authors;
  component.description = facts.description;
  component.external_references = facts.references;
  component.scope = facts.scope;
  component.development = facts.development;
  component.properties = facts.properties;
  component.evidence.push_back(evidence);
  return component;
}

std::optional<model::Hash> parse_hex_hash(std::string_view algorithm, std::string_view hex,
                                          std::string& problem) {
  auto parsed = model::parse_hash_algorithm(algorithm);
  if (!parsed) {
    problem = "unknown hash algorithm \"" + std::string(algorithm) + "\"";
    return std::nullopt;
  }
  std::string digest = to_lower_ascii(trim(hex));
  bool is_hex = std::all_of(digest.begin(), digest.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (!is_hex || digest.size() != model::hash_hex_length(*parsed)) {
    problem = "\"" + std::string(hex) + "\" is not a " +
              std::string(model::hash_algorithm_name(*parsed)) + " digest";
    return std::nullopt;
  }
  return model::Hash{*parsed, std::move(digest)};
}

std::optional<model::Hash> parse_prefixed_hex_hash(std::string_view text, char separator,
                                                   std::string& problem) {
  std::size_t at = text.find(separator);
  if (at == std::string_view::npos) {
    problem = "hash \"" + std::string(text) + "\" names no algorithm";
    return std::nullopt;
  }
  return parse_hex_hash(text.substr(0, at), text.substr(at + 1), problem);
}

std::vector<model::Party> parse_people(std::string_view names, std::string_view emails) {
  std::vector<model::Party> people;
  for (std::string_view entry : split_people(emails)) {
    if (!is_meaningful(entry)) {
      continue;
    }
    model::Party party;
    std::size_t open = entry.find('<');
    std::size_t close = entry.rfind('>');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
      party.name = unquote(entry.substr(0, open));
      model::set_party_address(party, entry.substr(open + 1, close - open - 1));
    } else {
      party.email = std::string(entry);
    }
    people.push_back(std::move(party));
  }
  names = trim(names);
  if (is_meaningful(names)) {
    // The name field fills in an email-only entry: "Author: A" with
    // "Author-email: a@x" is one person.
    if (people.size() == 1 && people[0].name.empty()) {
      people[0].name = std::string(names);
    } else {
      bool named = std::any_of(people.begin(), people.end(),
                               [&](const model::Party& party) { return party.name == names; });
      if (!named) {
        people.insert(people.begin(), model::Party{std::string(names), "", "", false});
      }
    }
  }
  std::erase_if(people, [](const model::Party& party) { return party.empty(); });
  return people;
}

std::string reference_type_for_label(std::string_view label) {
  std::string key = to_lower_ascii(trim(label));
  std::erase_if(key, [](char c) { return c == ' ' || c == '-' || c == '_' || c == '.'; });
  if (key == "homepage" || key == "home" || key == "website") {
    return "website";
  }
  if (key == "source" || key == "sourcecode" || key == "repository" || key == "code" ||
      key == "github" || key == "gitlab" || key == "git") {
    return "vcs";
  }
  if (key == "documentation" || key == "docs") {
    return "documentation";
  }
  if (key == "issues" || key == "issuetracker" || key == "bugtracker" || key == "tracker" ||
      key == "bugreports" || key == "bugs") {
    return "issue-tracker";
  }
  if (key == "changelog" || key == "changes" || key == "releasenotes" || key == "history") {
    return "release-notes";
  }
  if (key == "download") {
    return "distribution";
  }
  if (key == "chat") {
    return "chat";
  }
  return "other";
}

std::vector<model::License> licenses_from(std::string_view expression, std::string_view license,
                                          const std::vector<std::string_view>& classifiers) {
  std::vector<model::License> licenses;
  auto add = [&](model::License found) {
    if ((!found.expression.empty() || !found.name.empty()) &&
        std::find(licenses.begin(), licenses.end(), found) == licenses.end()) {
      licenses.push_back(std::move(found));
    }
  };
  if (is_meaningful(expression)) {
    add(model::license_from_text(expression));
    return licenses;
  }
  if (is_meaningful(license)) {
    // Some packages put the whole license text in the field; its first line
    // is usually the name ("BSD 3-Clause License").
    std::string_view text = trim(license);
    if (std::size_t newline = text.find('\n'); newline != std::string_view::npos) {
      text = trim(text.substr(0, newline));
    }
    add(model::license_from_text(text));
  }
  for (std::string_view classifier : classifiers) {
    classifier = trim(classifier);
    if (!classifier.starts_with("License ::") || classifier == "License :: OSI Approved") {
      continue;
    }
    add(model::license_from_text(classifier));
  }
  bool any_expression = std::any_of(licenses.begin(), licenses.end(),
                                    [](const model::License& l) { return !l.expression.empty(); });
  if (any_expression) {
    std::erase_if(licenses, [](const model::License& l) { return l.expression.empty(); });
  }
  return licenses;
}

} // namespace kensa::scanner::python
