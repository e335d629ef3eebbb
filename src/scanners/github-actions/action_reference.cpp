#include "action_reference.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::scanner::github_actions {

namespace {

// docker://[registry/]path[:tag][@digest]. The first segment is a registry
// when it has a '.' or a ':' or is "localhost", as Docker reads it.
std::optional<ActionReference> parse_docker(std::string_view image, std::string& problem) {
  ActionReference reference;
  reference.kind = ReferenceKind::docker;
  std::size_t at = image.find('@');
  if (at != std::string_view::npos) {
    reference.digest = std::string(image.substr(at + 1));
    image = image.substr(0, at);
  }
  std::size_t slash = image.find('/');
  if (slash != std::string_view::npos) {
    std::string_view first = image.substr(0, slash);
    if (first.find('.') != std::string_view::npos || first.find(':') != std::string_view::npos ||
        first == "localhost") {
      reference.registry = std::string(first);
      image = image.substr(slash + 1);
    }
  }
  std::size_t last_slash = image.rfind('/');
  std::size_t colon = image.rfind(':');
  if (colon != std::string_view::npos &&
      (last_slash == std::string_view::npos || colon > last_slash)) {
    reference.tag = std::string(image.substr(colon + 1));
    image = image.substr(0, colon);
  }
  last_slash = image.rfind('/');
  if (last_slash != std::string_view::npos) {
    reference.image_namespace = std::string(image.substr(0, last_slash));
    image = image.substr(last_slash + 1);
  }
  reference.image_name = std::string(image);
  if (reference.image_name.empty()) {
    problem = "docker:// names no image";
    return std::nullopt;
  }
  return reference;
}

} // namespace

bool is_commit_sha(std::string_view ref) {
  return ref.size() == 40 &&
         std::all_of(ref.begin(), ref.end(), [](char c) { return hex_digit_value(c) >= 0; });
}

std::optional<ActionReference> parse_action_reference(std::string_view text, std::string& problem) {
  text = trim(text);
  if (text.find("${{") != std::string_view::npos) {
    problem = "an expression, which GitHub does not allow in uses";
    return std::nullopt;
  }
  if (text.starts_with("docker://")) {
    return parse_docker(text.substr(9), problem);
  }
  if (text.starts_with("./") || text.starts_with("../") || text == ".") {
    ActionReference reference;
    reference.kind = ReferenceKind::local;
    reference.path = std::string(text);
    return reference;
  }
  std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at + 1 == text.size()) {
    problem = "no @ref (owner/repo@ref)";
    return std::nullopt;
  }
  ActionReference reference;
  reference.ref = std::string(text.substr(at + 1));
  std::string_view where = text.substr(0, at);
  std::size_t first = where.find('/');
  if (first == std::string_view::npos || first == 0) {
    problem = "not owner/repo@ref";
    return std::nullopt;
  }
  reference.owner = std::string(where.substr(0, first));
  where = where.substr(first + 1);
  std::size_t second = where.find('/');
  reference.repository = std::string(where.substr(0, second));
  if (second != std::string_view::npos) {
    reference.path = std::string(where.substr(second + 1));
    while (!reference.path.empty() && reference.path.back() == '/') {
      reference.path.pop_back();
    }
  }
  if (reference.repository.empty()) {
    problem = "not owner/repo@ref";
    return std::nullopt;
  }
  return reference;
}

} // namespace kensa::scanner::github_actions
