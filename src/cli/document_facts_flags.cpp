#include "document_facts_flags.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kensa::cli {

namespace {

// The facts the flags give, each checked as the configuration file's are.
Result<scanner::UserFacts> facts_of_flags(const DocumentFactsArguments& arguments) {
  scanner::UserFacts facts;
  for (const auto& text : arguments.authors) {
    auto author = scanner::parse_author(text);
    if (!author) {
      return fail("--author: " + author.error());
    }
    facts.authors.push_back(std::move(*author));
  }
  facts.subject_name = arguments.source_name;
  facts.subject_version = arguments.source_version;
  if (!arguments.source_supplier.empty()) {
    auto supplier = scanner::parse_supplier(arguments.source_supplier);
    if (!supplier) {
      return fail("--source-supplier: " + supplier.error());
    }
    facts.subject_supplier = std::move(*supplier);
  }
  if (!arguments.source_purl.empty()) {
    auto purl = scanner::parse_user_purl(arguments.source_purl);
    if (!purl) {
      return fail("--source-purl: " + purl.error());
    }
    facts.subject_purl = std::move(*purl);
  }
  if (!arguments.source_license.empty()) {
    auto license = scanner::parse_user_license(arguments.source_license);
    if (!license) {
      return fail("--source-license: " + license.error());
    }
    facts.subject_license = std::move(*license);
  }
  for (const auto& text : arguments.source_hashes) {
    auto hash = scanner::parse_user_hash(text);
    if (!hash) {
      return fail("--source-hash: " + hash.error());
    }
    facts.subject_hashes.push_back(std::move(*hash));
  }
  if (!arguments.lifecycle.empty()) {
    auto phase = scanner::parse_lifecycle(arguments.lifecycle);
    if (!phase) {
      return fail("--lifecycle: " + phase.error());
    }
    facts.lifecycle = std::move(*phase);
  }
  return facts;
}

} // namespace

void add_document_facts_flags(CLI::App& command, DocumentFactsArguments& arguments) {
  const std::string group = "Document facts (also in a configuration file, docs/cli.md)";
  command
      .add_option("--author", arguments.authors,
                  "An author of the SBOM, NAME or NAME <EMAIL|URL>; repeatable")
      ->type_name("NAME[<ADDRESS>]")
      ->envname("KENSA_AUTHOR")
      ->group(group);
  command
      .add_option("--source-name", arguments.source_name,
                  "Name of what is scanned (default: from its manifest, its distribution or the "
                  "folder)")
      ->type_name("NAME")
      ->envname("KENSA_SOURCE_NAME")
      ->group(group);
  command
      .add_option("--source-version", arguments.source_version,
                  "Version of what is scanned (default: from its manifest or distribution)")
      ->type_name("VERSION")
      ->envname("KENSA_SOURCE_VERSION")
      ->group(group);
  command
      .add_option("--source-supplier", arguments.source_supplier,
                  "Supplier of what is scanned: an organisation and, after a comma, its web site")
      ->type_name("NAME[,URL]")
      ->envname("KENSA_SOURCE_SUPPLIER")
      ->group(group);
  command
      .add_option("--source-purl", arguments.source_purl,
                  "Package URL of what is scanned (sets its name and version unless given)")
      ->type_name("PURL")
      ->envname("KENSA_SOURCE_PURL")
      ->group(group);
  command
      .add_option("--source-license", arguments.source_license,
                  "Declared license of what is scanned, an SPDX expression (default: the one "
                  "its own manifest declares)")
      ->type_name("EXPRESSION")
      ->envname("KENSA_SOURCE_LICENSE")
      ->group(group);
  command
      .add_option("--source-hash", arguments.source_hashes,
                  "Digest of the artifact what is scanned is released as (kensa computes none "
                  "for a folder); repeatable, one per algorithm")
      ->type_name("ALGORITHM:HEX")
      ->envname("KENSA_SOURCE_HASH")
      ->group(group);
  command
      .add_option("--lifecycle", arguments.lifecycle,
                  "The SBOM's generation context, a CycloneDX lifecycle phase: design, "
                  "pre-build, build, post-build, operations, discovery or decommission "
                  "(default: pre-build for a folder, post-build for an archive or file, "
                  "operations for a root file system or image)")
      ->type_name("PHASE")
      ->envname("KENSA_LIFECYCLE")
      ->group(group);
  command
      .add_option("--config", arguments.config,
                  "Read document facts from this TOML file instead of the per-user one "
                  "($XDG_CONFIG_HOME/kensa/config.toml); flags win over it")
      ->type_name("FILE")
      ->envname("KENSA_CONFIG")
      ->group(group);
  command.add_flag("--no-config", arguments.no_config, "Read no configuration file")->group(group);
}

std::string default_config_path() {
  if (const char* config_home = std::getenv("XDG_CONFIG_HOME");
      config_home != nullptr && *config_home != '\0') {
    return (std::filesystem::path(config_home) / "kensa" / "config.toml").string();
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return (std::filesystem::path(home) / ".config" / "kensa" / "config.toml").string();
  }
  return {};
}

Result<scanner::UserFacts> collect_user_facts(const DocumentFactsArguments& arguments) {
  if (arguments.no_config && !arguments.config.empty()) {
    return fail("--no-config contradicts --config " + arguments.config);
  }
  scanner::UserFacts facts;
  if (!arguments.no_config) {
    std::string file = arguments.config;
    if (file.empty()) {
      // The per-user file is optional; one given by name must be there.
      std::error_code error;
      if (std::string user_file = default_config_path();
          !user_file.empty() && std::filesystem::exists(user_file, error)) {
        file = std::move(user_file);
      }
    }
    if (!file.empty()) {
      auto read = scanner::read_user_facts(file);
      if (!read) {
        return fail("configuration file " + read.error());
      }
      facts = std::move(*read);
    }
  }
  auto flags = facts_of_flags(arguments);
  if (!flags) {
    return fail(flags.error());
  }
  return scanner::merge_user_facts(std::move(facts), *flags);
}

} // namespace kensa::cli
