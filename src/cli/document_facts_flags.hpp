#pragma once

#include <kensa/scanner/user_facts.hpp>
#include <kensa/util/result.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

// The flags that state what only the user knows about an SBOM (--author,
// --source-name, ..., --lifecycle) and the configuration file that can
// hold them (docs/cli.md, "Document facts").
namespace kensa::cli {

struct DocumentFactsArguments {
  std::vector<std::string> authors;
  std::string source_name;
  std::string source_version;
  std::string source_supplier;
  std::string source_purl;
  std::string source_license;
  std::vector<std::string> source_hashes;
  std::string lifecycle;
  // --config FILE; empty: the per-user file, when there is one.
  std::string config;
  bool no_config = false;
};

void add_document_facts_flags(CLI::App& command, DocumentFactsArguments& arguments);

// The per-user configuration file: $XDG_CONFIG_HOME/kensa/config.toml, or
// ~/.config/kensa/config.toml without XDG_CONFIG_HOME; empty when neither
// variable is set.
std::string default_config_path();

// The facts of the configuration file (--config, else the per-user file
// when it exists, none with --no-config), with those of the flags over
// them. Fails with one message naming the flag or file that is wrong.
Result<scanner::UserFacts> collect_user_facts(const DocumentFactsArguments& arguments);

} // namespace kensa::cli
