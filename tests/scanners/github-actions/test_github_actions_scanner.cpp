// GitHub Actions: real workflows of Composer and Rails
// (tests/fixtures/github-actions/README.md), and the other forms of `uses`
// written here.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace kensa;
using namespace kensa::testing;

namespace {

// Writes `bytes` to `path`, making its folders first.
void write_workflow_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  native::write_bytes(path, bytes);
}

const model::Component& action_with_purl(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

} // namespace

TEST_CASE("GitHub Actions: pinned SHAs are the version, their comment a property",
          "[github-actions]") {
  auto document = native::scan_with(fixture("github-actions/composer"), "github-actions");
  CHECK(native::warnings(document).empty());
  // checkout and setup-php are used by both workflows: one component each.
  CHECK(document.components.size() == 5);
  const auto& checkout = action_with_purl(
      document, "pkg:github/actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1");
  CHECK(checkout.group == "actions");
  CHECK(checkout.name == "checkout");
  CHECK(checkout.version == "3d3c42e5aac5ba805825da76410c181273ba90b1");
  CHECK(checkout.scope == model::Scope::excluded);
  CHECK(native::property(checkout, "kensa:github-actions:ref-comment") == "v7.0.1");
  CHECK(native::property(checkout, "kensa:github-actions:kind") == "action");
  CHECK(checkout.evidence.size() == 2);
  CHECK(native::property(action_with_purl(document, "pkg:github/shivammathur/setup-php@"
                                                    "f3e473d116dcccaddc5834248c87452386958240"),
                         "kensa:github-actions:ref-comment") == "2.37.2");
}

TEST_CASE("GitHub Actions: tags as written, and a workflow's repeated uses once",
          "[github-actions]") {
  auto document = native::scan_with(fixture("github-actions/rails"), "github-actions");
  CHECK(native::warnings(document).empty());
  const auto& setup_ruby = action_with_purl(document, "pkg:github/ruby/setup-ruby@v1");
  CHECK(setup_ruby.version == "v1");
  CHECK_FALSE(native::property(setup_ruby, "kensa:github-actions:ref-comment"));
  const auto& ci = action_with_purl(
      document, "pkg:github/devcontainers/ci@8bf61b26e9c3a98f69cb6ce2f88d24ff59b785c6");
  CHECK(native::property(ci, "kensa:github-actions:ref-comment") == "v0.3.1900000417");
  CHECK(ci.evidence.size() == 1);
}

TEST_CASE("GitHub Actions: reusable workflows and subpath actions of a real repository",
          "[github-actions]") {
  // google/osv-scanner-action: a workflow calling two reusable workflows
  // (quoted, pinned, with the tag as a comment), the reusable workflow
  // itself with actions in subfolders, and a Docker action running an
  // image of a registry.
  auto document = native::scan_with(fixture("github-actions/osv-scanner-action"), "github-actions");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 9);
  const auto& image = action_with_purl(
      document, "pkg:docker/google/osv-scanner-action@v2.5.0?repository_url=ghcr.io");
  CHECK(image.type == model::ComponentType::container);
  CHECK(image.scope == model::Scope::excluded);
  CHECK(native::property(image, "kensa:github-actions:kind") == "docker");
  REQUIRE(image.evidence.size() == 1);
  CHECK(image.evidence.front().location == "osv-scanner-action/action.yml");
  const auto& reusable = action_with_purl(
      document, "pkg:github/google/osv-scanner-action@0c58c542420dfd23fcac08dd9c8ca3cca9c36f1a"
                "#.github/workflows/osv-scanner-reusable.yml");
  CHECK(native::property(reusable, "kensa:github-actions:kind") == "reusable-workflow");
  CHECK(native::property(reusable, "kensa:github-actions:ref-comment") == "v2.5.0");
  CHECK(reusable.name == "osv-scanner-action/.github/workflows/osv-scanner-reusable.yml");
  CHECK(reusable.scope == model::Scope::excluded);
  action_with_purl(document,
                   "pkg:github/google/osv-scanner-action@0c58c542420dfd23fcac08dd9c8ca3cca9c36f1a"
                   "#.github/workflows/osv-scanner-reusable-pr.yml");
  const auto& scanner = action_with_purl(
      document, "pkg:github/google/osv-scanner-action@06b2ab4348248b456ee06c9e953637f55e03504f"
                "#osv-scanner-action");
  CHECK(native::property(scanner, "kensa:github-actions:kind") == "action");
  CHECK(native::property(scanner, "kensa:github-actions:ref-comment") == "v2.5.0");
  action_with_purl(document,
                   "pkg:github/google/osv-scanner-action@06b2ab4348248b456ee06c9e953637f55e03504f"
                   "#osv-reporter-action");
  const auto& sarif = action_with_purl(
      document,
      "pkg:github/github/codeql-action@5595ccaf912efad79be6eef63a5619ff05969be3#upload-sarif");
  CHECK(native::property(sarif, "kensa:github-actions:ref-comment") == "v4.37.6");
  action_with_purl(document,
                   "pkg:github/actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1");
  action_with_purl(document,
                   "pkg:github/actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c");
  action_with_purl(document,
                   "pkg:github/actions/upload-artifact@043fb46d1a93c77aae656e7c1c64a875d1fc6a0a");
}

TEST_CASE("GitHub Actions: a real composite action, and ./ uses of the repository itself",
          "[github-actions]") {
  // actions/upload-pages-artifact: its action.yml is a composite action
  // whose one uses is pinned; its test workflow uses the action of the
  // repository itself (uses: ./), which is no component.
  auto document =
      native::scan_with(fixture("github-actions/upload-pages-artifact"), "github-actions");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 3);
  const auto& upload = action_with_purl(
      document, "pkg:github/actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f");
  CHECK(native::property(upload, "kensa:github-actions:ref-comment") == "v7.0.0");
  REQUIRE(upload.evidence.size() == 1);
  CHECK(upload.evidence.front().location == "action.yml");
  const auto& checkout = action_with_purl(document, "pkg:github/actions/checkout@v4");
  CHECK(checkout.evidence.size() == 1);
  CHECK(checkout.evidence.front().location == ".github/workflows/test-hosted-runners.yml");
  action_with_purl(document, "pkg:github/actions/download-artifact@v4");
}

TEST_CASE("GitHub Actions: paths, reusable workflows, docker images, local and composite",
          "[github-actions]") {
  auto root = scratch_dir("github-actions-forms");
  write_workflow_file(root / ".github/workflows/ci.yaml", R"(on: push
jobs:
  call:
    uses: octo-org/shared/.github/workflows/build.yml@v2
  local-call:
    uses: ./.github/workflows/local.yml
  steps:
    runs-on: ubuntu-latest
    steps:
      - uses: github/codeql-action/init@v3
      - uses: ./.github/actions/setup
      - uses: docker://alpine:3.8
      - uses: docker://gcr.io/cloud-builders/gradle
      - uses: "docker://ghcr.io/owner/image:1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
      - run: 'echo "uses: not/an-action@v1"'
)");
  write_workflow_file(root / ".github/actions/setup/action.yml", R"(name: setup
runs:
  using: composite
  steps:
    - uses: actions/setup-node@v4
    - run: npm ci
      shell: bash
)");
  write_workflow_file(root / "node-action/action.yml",
                      "name: x\nruns:\n  using: node20\n  main: index.js\n");
  // A Docker action built from its own Dockerfile names no image.
  write_workflow_file(root / "docker-action/action.yml",
                      "name: x\nruns:\n  using: docker\n  image: Dockerfile\n");
  auto document = native::scan_with(root, "github-actions");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 6);

  auto purl_of = [&](std::string_view text) { return model::parse_purl(text).value(); };
  const auto& workflow =
      action_with_purl(document, "pkg:github/octo-org/shared@v2#.github/workflows/build.yml");
  CHECK(native::property(workflow, "kensa:github-actions:kind") == "reusable-workflow");
  CHECK(workflow.name == "shared/.github/workflows/build.yml");
  const auto& init = action_with_purl(document, "pkg:github/github/codeql-action@v3#init");
  CHECK(purl_of(init.purl).subpath == "init");
  action_with_purl(document, "pkg:github/actions/setup-node@v4");

  const auto& alpine = action_with_purl(document, "pkg:docker/alpine@3.8");
  CHECK(alpine.type == model::ComponentType::container);
  action_with_purl(document, "pkg:docker/cloud-builders/gradle?repository_url=gcr.io");
  const auto& image =
      action_with_purl(document, "pkg:docker/owner/image@sha256:"
                                 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                                 "?repository_url=ghcr.io");
  CHECK(native::property(image, "kensa:github-actions:docker-tag") == "1.2");
  // ./ uses are the repository's own code: no component.
  CHECK(native::components_named(document, "setup").empty());
}

TEST_CASE("GitHub Actions: malformed workflows give warnings naming them", "[github-actions]") {
  auto root = scratch_dir("github-actions-malformed");
  write_workflow_file(root / ".github/workflows/bad.yml", R"(jobs:
  a:
    steps:
      - uses: actions/checkout
      - uses: ${{ matrix.action }}
      - uses: [1, 2]
      - uses: /@v1
      - uses: docker://
)");
  write_workflow_file(root / ".github/workflows/not-yaml.yml", "jobs: [\n  {a: 1\n");
  write_workflow_file(root / ".github/workflows/list.yml", "- a\n- b\n");
  write_workflow_file(root / ".github/workflows/deep.yml", std::string(5000, '[') + "\n");
  auto document = native::scan_with(root, "github-actions");
  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  auto has = [&](std::string_view location, std::string_view text) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
      return warning.starts_with(location) && warning.find(text) != std::string::npos;
    });
  };
  CHECK(has(".github/workflows/bad.yml", "line 4: uses \"actions/checkout\": no @ref"));
  CHECK(has(".github/workflows/bad.yml", "line 5: uses \"${{ matrix.action }}\": an expression"));
  CHECK(has(".github/workflows/bad.yml", "line 6: uses is not a string"));
  CHECK(has(".github/workflows/bad.yml", "line 7: uses \"/@v1\": not owner/repo@ref"));
  CHECK(has(".github/workflows/bad.yml", "line 8: uses \"docker://\": docker:// names no image"));
  CHECK(has(".github/workflows/not-yaml.yml", ""));
  CHECK(has(".github/workflows/list.yml", "not a mapping"));
  CHECK(has(".github/workflows/deep.yml", ""));
  CHECK(document.components.empty());
}
