#include "cmd_verify.hpp"

#include "document_output.hpp"
#include "exit_codes.hpp"
#include "input_in_progress.hpp"
#include "sbom_input.hpp"
#include "source_limit_flags.hpp"

#include <kensa/audit/verify.hpp>
#include <kensa/source/document_input.hpp>
#include <kensa/validate/report.hpp>
#include <kensa/version.hpp>

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace kensa::cli {

namespace {

namespace fs = std::filesystem;

struct VerifyArguments {
  std::string sbom;
  std::string target;
  bool strict = false;
  std::string report = "text";
  std::vector<std::string> excludes;
  std::string platform;
  std::string evidence;
  // --max-file-size caps the SBOM read and, when given, the files the scan
  // of the delivery reads.
  SourceLimitFlags limits;
};

// The SBOM's location inside the target, when it ships there: it is no
// extra file.
std::string sbom_location_in(const std::string& sbom, const std::string& target) {
  std::error_code error;
  const fs::path sbom_path = fs::weakly_canonical(sbom, error);
  const fs::path target_path = fs::weakly_canonical(target, error);
  if (error || !fs::is_directory(target_path, error)) {
    return {};
  }
  const fs::path relative = sbom_path.lexically_relative(target_path);
  if (relative.empty() || relative.begin()->string() == "..") {
    return {};
  }
  return relative.generic_string();
}

std::string summary_line(const audit::VerifyResult& result) {
  std::string line = "files: " + std::to_string(result.files_matched) + " of " +
                     std::to_string(result.files_listed) + " listed match (" +
                     std::to_string(result.target_files) +
                     " in the delivery); packages: " + std::to_string(result.packages_matched) +
                     " of " + std::to_string(result.packages_listed) + " listed found (" +
                     std::to_string(result.target_packages) + " in the delivery)";
  return line;
}

int run_verify(const VerifyArguments& arguments) {
  const auto report_format = validate::parse_report_format(arguments.report);
  if (!report_format) {
    spdlog::error("{}", report_format.error());
    return k_exit_usage;
  }
  const auto max_bytes = max_document_size(arguments.limits.max_file_size);
  if (!max_bytes) {
    spdlog::error("{}", max_bytes.error());
    return k_exit_usage;
  }
  auto sbom = read_sbom(arguments.sbom, *max_bytes);
  if (!sbom) {
    spdlog::error("{}", sbom.error());
    return k_exit_usage;
  }
  audit::VerifyOptions options;
  if (arguments.evidence == "all") {
    options.scan.evidence = scanner::EvidenceChoice::all;
  } else if (arguments.evidence == "installed") {
    options.scan.evidence = scanner::EvidenceChoice::installed;
  } else if (arguments.evidence == "declared") {
    options.scan.evidence = scanner::EvidenceChoice::declared;
  } else if (!arguments.evidence.empty()) {
    spdlog::error("--evidence must be installed, declared or all, not '{}'", arguments.evidence);
    return k_exit_usage;
  }
  options.strict = arguments.strict;
  options.scan.source.exclude = arguments.excludes;
  options.scan.source.platform = arguments.platform;
  if (auto limits = apply_source_limit_flags(arguments.limits, options.scan.source.limits);
      !limits) {
    spdlog::error("{}", limits.error());
    return k_exit_usage;
  }
  options.scan.timestamp = 0;
  options.sbom_location = sbom_location_in(arguments.sbom, arguments.target);
  const InputInProgress reading(arguments.target);
  auto verified = audit::verify_delivery(sbom->document, arguments.target, options);
  if (!verified) {
    spdlog::error("{}", verified.error());
    return k_exit_usage;
  }
  spdlog::info("{}", summary_line(*verified));

  validate::DocumentReport report;
  report.path = source::document_input_name(arguments.sbom) + " against " + arguments.target;
  report.kind = sbom->format;
  report.findings = std::move(verified->findings);
  report.dropped_findings = verified->dropped_findings;
  validate::ReportOptions report_options;
  // Any mismatch fails; warnings (extra files without --strict, files not
  // listed) do not.
  report_options.fail_on = validate::FailOn::error;
  report_options.tool_version = k_version;
  report_options.command = "verify";
  report_options.colour = *report_format == validate::ReportFormat::text && isatty(1) == 1 &&
                          std::getenv("NO_COLOR") == nullptr;
  std::string text = validate::render_report({&report, 1}, *report_format, report_options);
  if (*report_format == validate::ReportFormat::text) {
    text += "  " + summary_line(*verified) + "\n";
  }
  if (auto written = write_standard_output(text); !written) {
    spdlog::error("{}", written.error());
    return k_exit_usage;
  }
  return validate::fails(report, validate::FailOn::error) ? k_exit_check_failed : k_exit_success;
}

} // namespace

std::function<int()> register_verify_command(CLI::App& app) {
  auto arguments = std::make_shared<VerifyArguments>();
  CLI::App* command = app.add_subcommand(
      "verify", "Check a delivery (folder, archive, image) against its SBOM: every file with a "
                "digest, and every package");
  command->add_option("sbom", arguments->sbom, "The SBOM of the delivery ('-' for standard input)")
      ->required();
  command->add_option("target", arguments->target, "The delivery: a folder, an archive or an image")
      ->required();
  command->add_flag("--strict", arguments->strict,
                    "Files in the delivery that the SBOM does not list are errors, not warnings");
  command
      ->add_option("--report", arguments->report,
                   "Report on standard output as text (default), json, sarif or junit")
      ->type_name("FORMAT");
  command
      ->add_option("--exclude", arguments->excludes,
                   "Leave out of the delivery what this glob matches; repeatable")
      ->type_name("GLOB");
  command
      ->add_option("--platform", arguments->platform,
                   "Which image of a multi-platform image to verify (as for scan)")
      ->type_name("OS/ARCH[/VARIANT]");
  command
      ->add_option("--evidence", arguments->evidence,
                   "Which packages the delivery is found to hold, as for scan: installed, "
                   "declared or all (default: as scan decides for the target); use what the SBOM "
                   "was made with")
      ->type_name("installed|declared|all");
  command
      ->add_option("--max-file-size", arguments->limits.max_file_size,
                   "Refuse an SBOM larger than this (default: " +
                       std::to_string(source::k_default_max_document_size >> 20) +
                       "MiB); when given, also the largest file of the delivery read for a "
                       "scanner (default: 64MiB)")
      ->type_name("SIZE");
  add_source_limit_flags(*command, arguments->limits, FileSizeFlag::registered_by_command);
  return [arguments] { return run_verify(*arguments); };
}

} // namespace kensa::cli
