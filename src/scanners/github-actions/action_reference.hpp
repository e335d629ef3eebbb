#pragma once

#include <optional>
#include <string>
#include <string_view>

// What a `uses:` of a GitHub Actions workflow or composite action names.
namespace kensa::scanner::github_actions {

enum class ReferenceKind {
  // owner/repo@ref or owner/repo/path@ref: an action, or a reusable
  // workflow (owner/repo/.github/workflows/x.yml@ref), in a repository.
  repository,
  // ./path: an action in the same repository as the workflow.
  local,
  // docker://image[:tag][@digest]: a container image run as a step.
  docker,
};

struct ActionReference {
  ReferenceKind kind = ReferenceKind::repository;
  // repository: the owner and the repository, and the path inside it
  // (empty for the top); the ref after '@' as written (a tag, a branch or
  // a commit SHA).
  std::string owner;
  std::string repository;
  std::string path;
  std::string ref;
  // docker: the registry host when the image names one ("ghcr.io"), the
  // path of the image before its last segment, its last segment, its tag
  // and its digest ("sha256:...").
  std::string registry;
  std::string image_namespace;
  std::string image_name;
  std::string tag;
  std::string digest;
};

// Reads the value of a `uses:`; nullopt, with the reason in `problem`, when
// it is none of the three forms (no '@ref', an empty owner or repository,
// an expression).
std::optional<ActionReference> parse_action_reference(std::string_view text, std::string& problem);

// Whether `ref` is a full commit SHA (40 hex digits): an action pinned to
// one commit.
bool is_commit_sha(std::string_view ref);

} // namespace kensa::scanner::github_actions
