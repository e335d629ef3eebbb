#include "cmd_validate.hpp"

#include "document_output.hpp"
#include "exit_codes.hpp"
#include "input_in_progress.hpp"
#include "limit_flags.hpp"
#include "sbom_input.hpp"

#include <kensa/format/reader.hpp>
#include <kensa/format/writer.hpp>
#include <kensa/source/document_input.hpp>
#include <kensa/validate/report.hpp>
#include <kensa/validate/validator.hpp>
#include <kensa/version.hpp>

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

namespace kensa::cli {

namespace {

namespace fs = std::filesystem;

// A folder holds at most this many files that are looked at; a folder with
// more is refused rather than walked for ever.
constexpr std::size_t k_max_folder_files = 100'000;

struct ValidateArguments {
  std::vector<std::string> paths;
  std::string format;
  std::vector<std::string> profiles;
  bool list_profiles = false;
  std::string report = "text";
  std::string fail_on = "error";
  std::size_t max_depth = 10'000;
  // Empty: source::k_default_max_document_size.
  std::string max_file_size;
};

// File names a folder walk offers to detection: what SBOM tools write.
bool looks_like_sbom(const fs::path& path) {
  const std::string name = path.filename().string();
  for (const char* suffix : {".json", ".xml", ".spdx", ".yaml", ".yml", ".jsonld", ".cdx"}) {
    if (name.ends_with(suffix)) {
      return true;
    }
  }
  return false;
}

// The files to validate: each file argument as given; for a folder, every
// file with an SBOM-like name inside it, sorted, that detection recognises.
Result<std::vector<std::string>> expand_paths(const std::vector<std::string>& paths,
                                              std::vector<validate::DocumentReport>& unreadable) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (found.size() >= k_max_folder_files) {
        return fail(path + ": more than " + std::to_string(k_max_folder_files) +
                    " candidate files; name the files to validate");
      }
      if (it->is_regular_file(error) && looks_like_sbom(it->path())) {
        found.push_back(it->path().string());
      }
    }
    if (error) {
      validate::DocumentReport report;
      report.path = path;
      report.read_error = "cannot read the folder: " + error.message();
      unreadable.push_back(std::move(report));
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// A file found in a folder that is no SBOM (package.json, a config file) is
// skipped quietly; a file named on the command line is always reported.
bool is_sbom_file(const std::string& path) {
  const auto head = source::read_document_head(path, std::size_t{1} << 20);
  return head && format::format_of(format::detect_format(*head)) != nullptr;
}

// Reads and validates one file ("-": standard input); a file that cannot be
// read gives a report that says why.
validate::DocumentReport validate_file(const std::string& path,
                                       const validate::ValidationOptions& options) {
  std::string name = source::document_input_name(path);
  const InputInProgress reading(name);
  auto text = source::read_document_input(path, options.max_document_size);
  if (!text) {
    validate::DocumentReport report;
    report.path = std::move(name);
    report.read_error = text.error();
    return report;
  }
  auto report = validate::validate_document(name, text->view(), options);
  if (text->changed()) {
    // What was checked is not the file.
    validate::DocumentReport refused;
    refused.path = std::move(name);
    refused.read_error = std::string(format::k_changed_while_read_message);
    return refused;
  }
  return report;
}

int print_profiles() {
  std::string out;
  for (const auto& profile : validate::profile_table()) {
    out += std::string(profile.id) + ": " + std::string(profile.title) + "\n";
    out += "  source: " + std::string(profile.source) + "\n";
    std::string aliases;
    for (const auto& alias : validate::profile_aliases()) {
      if (alias.id == profile.id) {
        aliases += aliases.empty() ? "" : ", ";
        aliases += alias.alias;
      }
    }
    if (!aliases.empty()) {
      out += "  alias: " + aliases + "\n";
    }
    if (!profile.min_cyclonedx.empty() || !profile.min_spdx.empty()) {
      out += "  formats: CycloneDX >= " +
             std::string(profile.min_cyclonedx.empty() ? "any" : profile.min_cyclonedx) +
             ", SPDX >= " + std::string(profile.min_spdx.empty() ? "any" : profile.min_spdx) + "\n";
    }
    if (!profile.unconfirmed.empty()) {
      out += "  [U] unconfirmed: " + std::string(profile.unconfirmed) + "\n";
    }
    out += "  elements:\n";
    for (const auto& rule : profile.rules) {
      out += "    " + std::string(validate::element_name(rule.element)) + " (" +
             std::string(validate::to_string(rule.level)) +
             (rule.unknown_allowed ? ", \"unknown\" accepted with a warning" : "") + ")\n";
    }
  }
  if (auto written = write_standard_output(out); !written) {
    spdlog::error("{}", written.error());
    return k_exit_usage;
  }
  return k_exit_success;
}

int run_validate(const ValidateArguments& arguments) {
  if (arguments.list_profiles) {
    return print_profiles();
  }
  if (arguments.paths.empty()) {
    spdlog::error("kensa validate needs a FILE or FOLDER (see 'kensa validate --help')");
    return k_exit_usage;
  }
  const auto report_format = validate::parse_report_format(arguments.report);
  const auto fail_on = validate::parse_fail_on(arguments.fail_on);
  if (!report_format || !fail_on) {
    spdlog::error("{}", report_format ? fail_on.error() : report_format.error());
    return k_exit_usage;
  }
  validate::ValidationOptions options;
  options.json_limits.max_depth = arguments.max_depth;
  const auto max_bytes = max_document_size(arguments.max_file_size);
  if (!max_bytes) {
    spdlog::error("{}", max_bytes.error());
    return k_exit_usage;
  }
  options.max_document_size = static_cast<std::size_t>(*max_bytes);
  if (!arguments.format.empty()) {
    auto named = format::parse_format_name(arguments.format, format::FormatUse::read);
    if (!named) {
      spdlog::error("--format: {}", named.error());
      return k_exit_usage;
    }
    if (named->format->family == format::DocumentFamily::unknown) {
      spdlog::error("--format: '{}' is not an SBOM format (use cyclonedx-json, cyclonedx-xml, "
                    "spdx-json, spdx-tag-value, spdx-yaml or spdx3-jsonld)",
                    named->format->name);
      return k_exit_usage;
    }
    options.kind = format::document_format(*named->format, named->version);
  }
  for (const auto& name : arguments.profiles) {
    const auto resolved = validate::resolve_profile(name);
    if (!resolved) {
      spdlog::error("--profile: {}", resolved.error());
      return k_exit_usage;
    }
    if (!resolved->alias.empty()) {
      spdlog::warn("profile '{}' resolves to {}", resolved->alias, resolved->profile->id);
    }
    const std::string id(resolved->profile->id);
    if (std::find(options.profiles.begin(), options.profiles.end(), id) == options.profiles.end()) {
      options.profiles.push_back(id);
    }
  }

  std::vector<validate::DocumentReport> reports;
  auto files = expand_paths(arguments.paths, reports);
  if (!files) {
    spdlog::error("{}", files.error());
    return k_exit_usage;
  }
  for (const auto& file : *files) {
    const bool named =
        std::find(arguments.paths.begin(), arguments.paths.end(), file) != arguments.paths.end();
    if (!named && !options.kind && !is_sbom_file(file)) {
      spdlog::debug("{}: not an SBOM, skipped", file);
      continue;
    }
    reports.push_back(validate_file(file, options));
    const auto& report = reports.back();
    if (!report.read_error.empty()) {
      spdlog::error("{}: {}", report.path, report.read_error);
    }
  }
  if (reports.empty()) {
    spdlog::error("no SBOM found in {}", arguments.paths.front());
    return k_exit_usage;
  }

  validate::ReportOptions report_options;
  report_options.fail_on = *fail_on;
  report_options.tool_version = k_version;
  report_options.colour = *report_format == validate::ReportFormat::text && isatty(1) == 1 &&
                          std::getenv("NO_COLOR") == nullptr;
  if (auto written =
          write_standard_output(validate::render_report(reports, *report_format, report_options));
      !written) {
    spdlog::error("{}", written.error());
    return k_exit_usage;
  }

  bool unreadable = false;
  bool failed = false;
  for (const auto& report : reports) {
    unreadable = unreadable || !report.read_error.empty();
    failed = failed || validate::fails(report, *fail_on);
  }
  if (unreadable) {
    return k_exit_usage;
  }
  return failed ? k_exit_check_failed : k_exit_success;
}

} // namespace

std::function<int()> register_validate_command(CLI::App& app) {
  auto arguments = std::make_shared<ValidateArguments>();
  CLI::App* command = app.add_subcommand(
      "validate", "Check SBOMs: schema, consistency and government minimum elements");
  command->add_option("paths", arguments->paths,
                      "SBOM files ('-' for standard input), or folders holding SBOMs");
  command
      ->add_option("--format", arguments->format,
                   "Read the input as this format instead of detecting it: cyclonedx-json, "
                   "cyclonedx-xml, spdx-json, spdx-tag-value, spdx-yaml or spdx3-jsonld (the "
                   "names -o takes), optionally @VERSION (spdx-json@3.0 or @3.0.1 is SPDX 3)")
      ->type_name("FORMAT[@VERSION]");
  command
      ->add_option("--profile", arguments->profiles,
                   "Check a minimum-element profile (e.g. cisa-2026, ntia-2021, bsi); "
                   "repeatable; see --list-profiles")
      ->type_name("NAME")
      // One name per --profile, so that `--profile a FILE` keeps FILE.
      ->allow_extra_args(false);
  command->add_flag("--list-profiles", arguments->list_profiles,
                    "List the profiles, their sources and elements, and exit");
  command
      ->add_option("--report", arguments->report,
                   "Report on standard output as text (default), json, sarif or junit")
      ->type_name("FORMAT");
  command
      ->add_option("--fail-on", arguments->fail_on,
                   "Exit 1 when a document has findings of this severity: error (default), "
                   "warning or never")
      ->type_name("LEVEL");
  command
      ->add_option("--max-depth", arguments->max_depth,
                   "Refuse JSON nested deeper than this (default: 10000)")
      ->type_name("N");
  add_max_document_size_flag(*command, arguments->max_file_size);
  return [arguments] { return run_validate(*arguments); };
}

} // namespace kensa::cli
