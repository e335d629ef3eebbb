#include "format_fixture.hpp"

#include "../support/test_support.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/writer.hpp>
#include <kensa/model/graph.hpp>

#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <map>

namespace kensa::testing {

model::Component numbered_package(std::size_t number) {
  model::Component component;
  component.name = "package-" + std::to_string(10000 + number);
  component.version = "1.0.0";
  component.purl = "pkg:npm/" + component.name + "@1.0.0";
  component.evidence.push_back({"usr/lib/" + component.name, "sha256:ab", "npm"});
  return component;
}

model::Document every_field_document() {
  model::ComponentGraph graph;

  model::Component subject;
  subject.type = model::ComponentType::container;
  subject.name = "registry.example/app";
  subject.version = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
  subject.id = "00000000000000aa";

  model::Component app;
  app.type = model::ComponentType::application;
  app.ecosystem = "npm";
  app.name = "demo-app";
  app.version = "1.0.0";
  app.purl = "pkg:npm/demo-app@1.0.0";
  app.description = "Demo \"app\" with <markup> & unicode: \xC3\xA9t\xC3\xA9";
  app.supplier = {"Example Corp", "oss@example.com", "https://example.com", true};
  app.authors.push_back({"Jane Doe", "jane@example.com", "", false});
  app.authors.push_back({"John Roe", "", "", false});
  app.licenses_declared.push_back({"Apache-2.0", "", ""});
  app.licenses_concluded.push_back({"Apache-2.0 AND MIT", "", ""});
  app.external_references.push_back({"website", "https://example.com/app"});
  app.external_references.push_back({"vcs", "git+https://example.com/app.git"});
  app.external_references.push_back({"distribution", "https://registry.example/app-1.0.0.tgz"});
  app.external_references.push_back({"funding", "https://example.com/fund"});
  app.scope = model::Scope::required;
  app.properties.push_back({"kensa:npm:private", "true"});
  app.properties.push_back({"kensa:copyright", "Copyright 2024 Example Corp"});
  app.evidence.push_back({"app/package.json", "sha256:2222", "npm"});

  model::Component lodash;
  lodash.ecosystem = "npm";
  lodash.name = "lodash";
  lodash.version = "4.17.21";
  lodash.purl = "pkg:npm/lodash@4.17.21";
  lodash.cpes.push_back("cpe:2.3:a:lodash:lodash:4.17.21:*:*:*:*:node.js:*:*");
  lodash.cpes.push_back("cpe:2.3:a:openjsf:lodash:4.17.21:*:*:*:*:*:*:*");
  lodash.licenses_declared.push_back({"MIT", "", "https://opensource.org/license/mit"});
  lodash.hashes.push_back({model::HashAlgorithm::sha1, std::string(40, 'a')});
  lodash.hashes.push_back({model::HashAlgorithm::sha512, std::string(128, 'b')});
  lodash.hashes.push_back({model::HashAlgorithm::blake3, std::string(64, 'c')});
  lodash.scope = model::Scope::required;
  lodash.evidence.push_back({"app/package-lock.json", "sha256:2222", "npm"});
  lodash.evidence.push_back({"app/node_modules/lodash/package.json", "sha256:2222", "npm"});

  model::Component dual;
  dual.ecosystem = "npm";
  dual.group = "@scope";
  dual.name = "dual";
  dual.version = "2.0.0";
  dual.purl = "pkg:npm/%40scope/dual@2.0.0";
  dual.licenses_declared.push_back(
      {"MIT OR GPL-2.0-or-later WITH Classpath-exception-2.0", "", ""});
  dual.licenses_declared.push_back({"", "Custom Commercial License", "https://example.com/l"});
  dual.scope = model::Scope::excluded;
  dual.development = true;
  dual.evidence.push_back({"app/package-lock.json", "", "npm"});

  model::Component optional;
  optional.ecosystem = "npm";
  optional.name = "fsevents";
  optional.version = "2.3.3";
  optional.purl = "pkg:npm/fsevents@2.3.3";
  optional.scope = model::Scope::optional;
  optional.evidence.push_back({"app/package-lock.json", "", "npm"});

  model::Component os;
  os.type = model::ComponentType::operating_system;
  os.name = "debian";
  os.version = "12";
  os.cpes.push_back("cpe:2.3:o:debian:debian_linux:12:*:*:*:*:*:*:*");
  os.evidence.push_back({"etc/os-release", "sha256:3333", "os-release"});

  model::Component deb;
  deb.ecosystem = "deb";
  deb.group = "debian";
  deb.name = "libc6";
  deb.version = "2.36-9+deb12u4";
  deb.purl = "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12";
  deb.supplier = {"GNU Libc Maintainers", "debian-glibc@lists.debian.org", "", false};
  deb.licenses_concluded.push_back({"LGPL-2.1-or-later", "", ""});
  deb.licenses_concluded.push_back({"", "public-domain", ""});
  deb.hashes.push_back({model::HashAlgorithm::md5, std::string(32, 'd')});
  deb.evidence.push_back({"var/lib/dpkg/status", "sha256:3333", "dpkg"});

  model::Component model_file;
  model_file.type = model::ComponentType::machine_learning_model;
  model_file.name = "classifier.onnx";
  model_file.hashes.push_back({model::HashAlgorithm::sha256, std::string(64, 'e')});
  model_file.evidence.push_back({"models/classifier.onnx", "", "file"});

  auto app_id = graph.add(app);
  auto lodash_id = graph.add(lodash);
  auto dual_id = graph.add(dual);
  auto optional_id = graph.add(optional);
  auto os_id = graph.add(os);
  auto deb_id = graph.add(deb);
  auto model_id = graph.add(model_file);
  graph.relate(subject.id, app_id, model::RelationshipType::describes);
  graph.relate(subject.id, os_id, model::RelationshipType::describes);
  graph.relate(app_id, lodash_id, model::RelationshipType::depends_on);
  graph.relate(app_id, dual_id, model::RelationshipType::dev_depends_on);
  graph.relate(app_id, optional_id, model::RelationshipType::optional_depends_on);
  graph.relate(os_id, deb_id, model::RelationshipType::contains);
  graph.relate(app_id, model_id, model::RelationshipType::contains);

  model::FileEntry libc_so;
  libc_so.path = "usr/lib/x86_64-linux-gnu/libc.so.6";
  libc_so.hashes.push_back({model::HashAlgorithm::sha1, std::string(40, '1')});
  libc_so.hashes.push_back({model::HashAlgorithm::sha256, std::string(64, '2')});
  libc_so.owner_ids.push_back(deb_id);
  graph.add_file(libc_so);
  model::FileEntry readme;
  readme.path = "app/README.md";
  readme.hashes.push_back({model::HashAlgorithm::sha256, std::string(64, '3')});
  graph.add_file(readme);
  graph.add_diagnostic({model::Severity::warning, "app/broken.json", "not JSON: line 1"});

  model::DocumentMetadata metadata;
  metadata.timestamp = "2024-01-02T03:04:05Z";
  metadata.tools.push_back({"kensa", "kensa", "0.1.0"});
  metadata.authors.push_back({"Release Team", "release@example.com", "", true});
  metadata.subject = subject;
  metadata.lifecycle = "post-build";
  metadata.completeness = model::Completeness::incomplete;
  metadata.properties.push_back({"kensa:scan:source", "image"});
  return std::move(graph).finish(metadata);
}

std::string render_as(const model::Document& document, const std::string& spec_text,
                      format::LossReport* losses) {
  auto spec = format::parse_output_spec(spec_text);
  REQUIRE(spec.ok());
  return format::render(document, *spec, losses);
}

std::string output_extension(std::string_view format) {
  if (format == "cyclonedx-json") {
    return "cdx.json";
  }
  if (format == "cyclonedx-xml") {
    return "cdx.xml";
  }
  if (format == "spdx-json") {
    return "spdx.json";
  }
  if (format == "spdx-yaml") {
    return "spdx.yaml";
  }
  if (format == "spdx-tag-value") {
    return "spdx";
  }
  if (format == "kensa-json") {
    return "kensa.json";
  }
  return "txt";
}

std::filesystem::path write_scratch(const std::string& folder, const std::string& name,
                                    const std::string& text) {
  static std::map<std::string, std::filesystem::path> folders;
  auto found = folders.find(folder);
  if (found == folders.end()) {
    found = folders.emplace(folder, scratch_dir(folder)).first;
  }
  auto path = found->second / name;
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

int run_shell(const std::string& command) {
  int status = std::system(command.c_str());
  if (status == -1 || !WIFEXITED(status)) {
    return -1;
  }
  return WEXITSTATUS(status);
}

bool have_program(const std::string& program) {
  return run_shell("command -v " + program + " >/dev/null 2>&1") == 0;
}

} // namespace kensa::testing
