// The terraform scanner: a real lock file (tests/fixtures/terraform), and
// lock files built to break the HCL reader.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

using kensa::testing::fixture;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::scan_files;
using kensa::testing::os::scan_folder;

namespace {

constexpr const char* k_terraform_aws = "pkg:generic/registry.terraform.io/hashicorp/aws@5.72.1";

std::vector<std::string> terraform_properties(const kensa::model::Component& component,
                                              std::string_view name) {
  std::vector<std::string> values;
  for (const auto& property : component.properties) {
    if (property.name == name) {
      values.push_back(property.value);
    }
  }
  return values;
}

} // namespace

TEST_CASE("terraform fixture: providers, versions, constraints, hashes", "[scanner][terraform]") {
  auto scan = scan_folder(fixture("terraform/two-providers"), {"terraform"});
  CHECK(scan.warnings().empty());
  CHECK(scan.purls("terraform") ==
        std::set<std::string>{k_terraform_aws,
                              "pkg:generic/registry.terraform.io/hashicorp/google@6.8.0"});
  const auto& aws = scan.component(k_terraform_aws);
  CHECK(aws.group == "registry.terraform.io/hashicorp");
  CHECK(aws.name == "aws");
  CHECK(aws.version == "5.72.1");
  CHECK(aws.ecosystem == "terraform");
  CHECK(kensa::testing::property(aws, "kensa:terraform:constraints") == "> 5.72.0");
  CHECK(kensa::testing::property(aws, "kensa:terraform:source-address") ==
        "registry.terraform.io/hashicorp/aws");
  auto hashes = terraform_properties(aws, "kensa:terraform:hash");
  REQUIRE(hashes.size() == 16);
  CHECK(hashes.front() == "h1:jhd5O5o0CfZCNEwwN0EiDAzb7ApuFrtxJqa6HXW4EKE=");
  CHECK(hashes.back() == "zh:c9764065a9c5d324db0b02bd201b9e3a2118e49c4960884acdeea377173302e9");
  // h1: and zh: are not digests of one file: no component hash.
  CHECK(aws.hashes.empty());
  CHECK(aws.evidence.at(0).location == ".terraform.lock.hcl");
  const auto& google = scan.component("pkg:generic/registry.terraform.io/hashicorp/google@6.8.0");
  CHECK(kensa::testing::property(google, "kensa:terraform:constraints").empty());
}

TEST_CASE("terraform: HCL the lock file may hold", "[scanner][terraform]") {
  SECTION("comments of every kind, escapes, other blocks and attributes, OpenTofu") {
    auto scan =
        scan_files("terraform", {file("infra/.terraform.lock.hcl",
                                      "// a comment\n/* a block\ncomment */\n"
                                      "provider \"registry.opentofu.org/Integrations/GitHub\" {\n"
                                      "  version = \"6.2.1\" # trailing\n"
                                      "  future = { a = [1, {b = 2}] }\n"
                                      "  nested \"x\" { y = \"}\" }\n"
                                      "  hashes = [\"h1:a\\\"b=\", /* inside */ \"zh:01\"]\n"
                                      "}\n"
                                      "module \"m\" { source = \"x\" }\n")});
    CHECK(scan.warnings().empty());
    CHECK(scan.purls("terraform") ==
          std::set<std::string>{"pkg:generic/registry.opentofu.org/integrations/github@6.2.1"});
    const auto& github =
        scan.component("pkg:generic/registry.opentofu.org/integrations/github@6.2.1");
    CHECK(terraform_properties(github, "kensa:terraform:hash") ==
          std::vector<std::string>{"h1:a\"b=", "zh:01"});
  }
  SECTION("a lock file inside .terraform/ is a module's, not read") {
    auto scan = scan_files(
        "terraform",
        {file("app/.terraform/modules/vpc/.terraform.lock.hcl",
              "provider \"registry.terraform.io/hashicorp/aws\" {\n  version = \"1.0.0\"\n}\n")});
    CHECK(scan.document.components.empty());
  }
}

TEST_CASE("terraform: broken lock files give warnings naming the file", "[scanner][terraform]") {
  auto warnings_of = [](const std::string& text) {
    return scan_files("terraform", {file("p/.terraform.lock.hcl", text)});
  };
  SECTION("an unclosed provider keeps the providers before it") {
    auto scan = warnings_of("provider \"registry.terraform.io/a/b\" {\n  version = \"1.0.0\"\n}\n"
                            "provider \"registry.terraform.io/a/c\" {\n  version = \"2.0.0\"\n");
    CHECK(scan.purls("terraform") ==
          std::set<std::string>{"pkg:generic/registry.terraform.io/a/b@1.0.0"});
    CHECK(has_warning(scan.warnings(), {"p/.terraform.lock.hcl",
                                        "provider \"registry.terraform.io/a/c\" (line 4) is not "
                                        "closed; the rest of the file was not read"}));
  }
  SECTION("an unclosed string, a bad address, a missing version, stray braces") {
    auto scan = warnings_of("}}\nprovider \"hashicorp/aws\" {\n  hashes = \"x\"\n}\n"
                            "provider \"registry.terraform.io/a/b\" {\n  version = \"1.0\n}\n");
    auto warnings = scan.warnings();
    CHECK(has_warning(warnings, {"p/.terraform.lock.hcl", "line 1: expected a block"}));
    CHECK(has_warning(warnings,
                      {"line 2: provider \"hashicorp/aws\" is not hostname/namespace/type"}));
    CHECK(has_warning(warnings, {"line 2: provider \"hashicorp/aws\" has no version"}));
    CHECK(has_warning(warnings, {"line 3: hashes is not a list"}));
    CHECK(has_warning(warnings, {"line 6: a string is not closed"}));
  }
  SECTION("deep nesting stops at the cap, not the stack") {
    auto scan = warnings_of("x = " + std::string(100'000, '[') + "\n");
    CHECK(has_warning(scan.warnings(), {"nesting deeper than 64"}));
  }
  SECTION("too many hashes are cut short") {
    std::string text =
        "provider \"registry.terraform.io/a/b\" {\n  version = \"1\"\n  hashes = [\n";
    for (int i = 0; i < 1'001; ++i) {
      text += "\"zh:" + std::to_string(i) + "\",\n";
    }
    text += "]\n}\n";
    auto scan = warnings_of(text);
    CHECK(has_warning(scan.warnings(), {"more than 1000 hashes; the rest was not read"}));
    CHECK(scan.purls("terraform").size() == 1);
  }
  SECTION("binary garbage") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
      garbage += static_cast<char>((i * 7919 + 13) % 256);
    }
    auto scan = warnings_of(garbage);
    CHECK_FALSE(scan.warnings().empty());
  }
}
