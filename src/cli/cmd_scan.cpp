#include "cmd_scan.hpp"

#include "document_facts_flags.hpp"
#include "document_output.hpp"
#include "exit_codes.hpp"
#include "progress_line.hpp"
#include "source_limit_flags.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/model/diagnostic_budget.hpp>
#include <kensa/model/license_conclusion.hpp>
#include <kensa/scanner/registry.hpp>
#include <kensa/scanner/scan.hpp>
#include <kensa/util/strings.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace kensa::cli {

namespace {

struct ScanArguments {
  std::string path;
  std::vector<std::string> outputs;
  std::vector<std::string> excludes;
  std::vector<std::string> scanners;
  std::string evidence;
  std::string license_text;
  bool conclude_licenses = false;
  bool include_declared = false;
  bool files = false;
  bool one_file_system = false;
  std::string digests;
  std::string platform;
  std::string scope = "squashed";
  SourceLimitFlags limits;
  // --fail-on conditions: "incomplete".
  std::vector<std::string> fail_on;
  OutputPathRules output_rules;
  DocumentFactsArguments facts;
};

// "sha1,sha256": the algorithms for the file inventory.
Result<std::vector<model::HashAlgorithm>> parse_digests(std::string_view text) {
  std::vector<model::HashAlgorithm> algorithms;
  for (std::string_view name : split(text, ',')) {
    name = trim(name);
    auto algorithm = model::parse_hash_algorithm(name);
    if (!algorithm || !model::can_compute(*algorithm)) {
      return fail("--digests: unknown or unsupported digest '" + std::string(name) +
                  "' (e.g. sha1, sha256, sha512)");
    }
    if (std::find(algorithms.begin(), algorithms.end(), *algorithm) == algorithms.end()) {
      algorithms.push_back(*algorithm);
    }
  }
  return algorithms;
}

// Fills the source options from the flags; fails on a malformed value.
Status fill_source_options(const ScanArguments& arguments, source::SourceOptions& options) {
  options.exclude = arguments.excludes;
  if (auto limits = apply_source_limit_flags(arguments.limits, options.limits); !limits) {
    return limits;
  }
  if (arguments.files || !arguments.digests.empty()) {
    auto digests = parse_digests(arguments.digests.empty() ? "sha256" : arguments.digests);
    if (!digests) {
      return fail(digests.error());
    }
    options.digests = std::move(digests).value();
  }
  options.platform = arguments.platform;
  options.one_file_system = arguments.one_file_system;
  if (arguments.scope == "squashed") {
    options.scope = source::LayerScope::squashed;
  } else if (arguments.scope == "all-layers") {
    options.scope = source::LayerScope::all_layers;
  } else {
    return fail("--scope must be squashed or all-layers, not '" + arguments.scope + "'");
  }
  return ok_status();
}

// The last second of year 9999: RFC 3339, and so every SBOM timestamp, has
// four digits for the year.
constexpr std::int64_t k_latest_timestamp = 253'402'300'799;

// SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the document timestamp.
Result<std::optional<std::int64_t>> source_date_epoch() {
  const char* text = std::getenv("SOURCE_DATE_EPOCH");
  if (text == nullptr || *text == '\0') {
    return std::optional<std::int64_t>{};
  }
  std::string_view value(text);
  std::int64_t seconds = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || end != value.data() + value.size() || seconds < 0) {
    return fail("SOURCE_DATE_EPOCH must be a non-negative integer, not '" + std::string(value) +
                "'");
  }
  if (seconds > k_latest_timestamp) {
    return fail("SOURCE_DATE_EPOCH " + std::string(value) +
                " is after 9999-12-31T23:59:59Z, the last time an SBOM timestamp can state "
                "(at most " +
                std::to_string(k_latest_timestamp) + ")");
  }
  return std::optional<std::int64_t>{seconds};
}

// The conditions --fail-on knows.
constexpr std::string_view k_fail_on_incomplete = "incomplete";

// The last line of a scan's stderr when its document is incomplete: what an
// operator reading the log must not miss.
void report_incomplete(const model::DocumentMetadata& metadata) {
  if (metadata.omitted == 0) {
    return;
  }
  std::string first;
  if (!metadata.omissions.empty()) {
    const auto& omission = metadata.omissions.front();
    first = omission.location.empty() ? omission.reason : omission.location;
  }
  spdlog::warn("the SBOM is incomplete: {} {} skipped or cut short ({}{}); the document says so",
               model::with_thousands(metadata.omitted),
               metadata.omitted == 1 ? "place was" : "places were", first,
               metadata.omitted > 1 ? ", ..." : "");
}

int run_scan(const ScanArguments& arguments) {
  for (const auto& condition : arguments.fail_on) {
    if (condition != k_fail_on_incomplete) {
      spdlog::error("--fail-on must be {}, not '{}'", k_fail_on_incomplete, condition);
      return k_exit_usage;
    }
  }
  auto outputs = plan_outputs(arguments.outputs.empty() ? std::vector<std::string>{"table"}
                                                        : arguments.outputs,
                              arguments.output_rules);
  if (!outputs) {
    spdlog::error("{}", outputs.error());
    return k_exit_usage;
  }
  auto timestamp = source_date_epoch();
  if (!timestamp) {
    spdlog::error("{}", timestamp.error());
    return k_exit_usage;
  }

  scanner::ScanOptions options;
  if (auto filled = fill_source_options(arguments, options.source); !filled) {
    spdlog::error("{}", filled.error());
    return k_exit_usage;
  }
  options.scanners = arguments.scanners;
  if (arguments.include_declared && !arguments.evidence.empty() && arguments.evidence != "all") {
    spdlog::error("--include-declared contradicts --evidence {}", arguments.evidence);
    return k_exit_usage;
  }
  if (arguments.include_declared || arguments.evidence == "all") {
    options.evidence = scanner::EvidenceChoice::all;
  } else if (arguments.evidence == "installed") {
    options.evidence = scanner::EvidenceChoice::installed;
  } else if (arguments.evidence == "declared") {
    options.evidence = scanner::EvidenceChoice::declared;
  } else if (!arguments.evidence.empty()) {
    spdlog::error("--evidence must be installed, declared or all, not '{}'", arguments.evidence);
    return k_exit_usage;
  }
  if (arguments.license_text == "none") {
    options.license_texts = scanner::LicenseTexts::none;
  } else if (arguments.license_text == "full") {
    options.license_texts = scanner::LicenseTexts::full;
  } else if (!arguments.license_text.empty() && arguments.license_text != "evidence") {
    spdlog::error("--license-text must be none, evidence or full, not '{}'",
                  arguments.license_text);
    return k_exit_usage;
  }
  options.timestamp = *timestamp;
  auto facts = collect_user_facts(arguments.facts);
  if (!facts) {
    spdlog::error("{}", facts.error());
    return k_exit_usage;
  }
  options.facts = std::move(*facts);
  std::optional<model::Document> scanned;
  {
    // A root file system takes minutes: a terminal shows how it goes.
    ProgressLine progress(progress_wanted() && stderr_is_terminal());
    options.progress = [&progress](const scanner::ScanProgress& now) { progress.update(now); };
    auto document = scanner::scan(arguments.path, options);
    if (!document) {
      spdlog::error("{}", document.error());
      return k_exit_usage;
    }
    scanned = std::move(document).value();
  }
  if (arguments.conclude_licenses) {
    const auto concluded = model::conclude_licenses_from_evidence(*scanned);
    spdlog::info("concluded the licenses of {} component(s) from their license files", concluded);
  }
  const model::Document& document = *scanned;
  for (const auto& output : *outputs) {
    if (auto written = write_document(document, output, arguments.output_rules); !written) {
      spdlog::error("{}", written.error());
      return k_exit_usage;
    }
    if (!output.file.empty()) {
      spdlog::info("wrote {} to {}", output.format->name, output.file);
    }
  }
  report_incomplete(document.metadata);
  if (document.metadata.omitted > 0 && !arguments.fail_on.empty()) {
    return k_exit_check_failed;
  }
  return k_exit_success;
}

} // namespace

std::function<int()> register_scan_command(CLI::App& app) {
  auto arguments = std::make_shared<ScanArguments>();
  CLI::App* command = app.add_subcommand("scan", "Generate an SBOM of a folder or file");
  command->add_option("path", arguments->path, "Folder or file to scan")->required();
  command
      ->add_option("-o,--output", arguments->outputs,
                   "Output as FORMAT[@VERSION][=FILE]; repeat for several outputs "
                   "(default: table to standard output)")
      ->type_name("FORMAT[@VERSION][=FILE]");
  add_special_output_flag(*command, arguments->output_rules);
  command
      ->add_option("--exclude", arguments->excludes,
                   "Skip paths matching this glob, relative to the scanned root "
                   "(e.g. '**/test/**'); repeatable")
      ->type_name("GLOB");
  command
      ->add_option("--scanner", arguments->scanners,
                   "Run only this scanner, or the scanners with this tag; repeatable ('kensa "
                   "scanners' lists them)")
      ->type_name("NAME|TAG");
  command
      ->add_option("--evidence", arguments->evidence,
                   "Read installed evidence (package databases, installed packages, binaries), "
                   "declared evidence (manifests, lockfiles, package files on disk) or all "
                   "(default: installed for a root file system or an image, all otherwise)")
      ->type_name("installed|declared|all");
  command
      ->add_option("--license-text", arguments->license_text,
                   "Match the license files of packages (LICENSE, COPYING, NOTICE) against the "
                   "SPDX license texts for license evidence; full also writes the text of a "
                   "license file the SPDX list does not have, as a LicenseRef-; none leaves them "
                   "unread (default: evidence)")
      ->type_name("none|evidence|full");
  command->add_flag("--conclude-licenses", arguments->conclude_licenses,
                    "Give components without a concluded license the one their license files "
                    "show, where it is certain (the declared licenses, when the files show "
                    "exactly those; else the one license the files show)");
  command->add_flag("--include-declared", arguments->include_declared,
                    "Also read declared evidence in a root file system or an image (--evidence "
                    "all)");
  command->add_flag("--one-file-system", arguments->one_file_system,
                    "In a folder, do not enter other file systems mounted in it (file systems "
                    "the kernel makes up, such as proc and sysfs, are never entered)");
  command->add_flag("--files", arguments->files,
                    "List every file of the input with its SHA-256 in the SBOM, linked to the "
                    "package that owns it when known");
  command
      ->add_option("--digests", arguments->digests,
                   "Digests for --files, comma-separated: sha1, sha256, sha512, ... "
                   "(default: sha256; implies --files)")
      ->type_name("LIST");
  command
      ->add_option("--platform", arguments->platform,
                   "Image platform to scan when an image has several (default: the only one, "
                   "or linux/amd64)")
      ->type_name("OS/ARCH[/VARIANT]");
  command
      ->add_option("--scope", arguments->scope,
                   "Image files to scan: squashed (what a container sees, default) or "
                   "all-layers (also what later layers replaced or deleted)")
      ->type_name("SCOPE");
  add_source_limit_flags(*command, arguments->limits);
  command
      ->add_option("--fail-on", arguments->fail_on,
                   "Exit 1 (after writing the outputs) when this happens; repeatable. "
                   "'incomplete': the scan skipped or cut short something (a limit, an "
                   "unreadable or unparsable file)")
      ->type_name("CONDITION");
  add_document_facts_flags(*command, arguments->facts);
  return [arguments]() { return run_scan(*arguments); };
}

} // namespace kensa::cli
