#include "cmd_diff.hpp"

#include "document_output.hpp"
#include "exit_codes.hpp"
#include "sbom_input.hpp"

#include <kensa/audit/diff.hpp>
#include <kensa/audit/diff_report.hpp>
#include <kensa/format/writer.hpp>
#include <kensa/util/keep_until_exit.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>

namespace kensa::cli {

namespace {

struct DiffArguments {
  std::string old_path;
  std::string new_path;
  std::string report = "text";
  std::string fail_on;
  std::string max_file_size;
};

int run_diff(const DiffArguments& arguments) {
  const auto report = audit::parse_diff_report_format(arguments.report);
  if (!report) {
    spdlog::error("{}", report.error());
    return k_exit_usage;
  }
  std::set<audit::ChangeKind> fail_on;
  if (!arguments.fail_on.empty()) {
    auto kinds = audit::parse_change_kinds(arguments.fail_on);
    if (!kinds) {
      spdlog::error("{}", kinds.error());
      return k_exit_usage;
    }
    fail_on = std::move(*kinds);
  }
  const auto max_bytes = max_document_size(arguments.max_file_size);
  if (!max_bytes) {
    spdlog::error("{}", max_bytes.error());
    return k_exit_usage;
  }
  if (arguments.old_path == "-" && arguments.new_path == "-") {
    spdlog::error("only one of OLD and NEW can be standard input");
    return k_exit_usage;
  }
  auto documents = read_sboms({arguments.old_path, arguments.new_path}, *max_bytes);
  if (!documents) {
    spdlog::error("{}", documents.error());
    return k_exit_usage;
  }
  const format::ReadDocument& before = (*documents)[0];
  const format::ReadDocument& after = (*documents)[1];
  const audit::DiffResult result = audit::diff_documents(before.document, after.document);
  const std::string text =
      audit::render_diff(result, {arguments.old_path, format::format_label(before.format)},
                         {arguments.new_path, format::format_label(after.format)}, *report);
  if (auto written = write_standard_output(text); !written) {
    spdlog::error("{}", written.error());
    return k_exit_usage;
  }
  const bool failed =
      std::any_of(result.changes.begin(), result.changes.end(),
                  [&](const audit::Change& change) { return fail_on.contains(change.kind); });
  // The two documents are left for the exit to free: destroying them
  // would be the last tenth of a second of a big diff.
  util::keep_until_exit(std::move(*documents));
  return failed ? k_exit_check_failed : k_exit_success;
}

} // namespace

std::function<int()> register_diff_command(CLI::App& app) {
  auto arguments = std::make_shared<DiffArguments>();
  CLI::App* command = app.add_subcommand(
      "diff", "Compare two SBOMs of any formats: components added, removed, upgraded, "
              "downgraded, licenses, suppliers, digests, dependencies and files");
  command->add_option("old", arguments->old_path, "The earlier SBOM ('-' for standard input)")
      ->required();
  command->add_option("new", arguments->new_path, "The later SBOM ('-' for standard input)")
      ->required();
  command
      ->add_option("--report", arguments->report,
                   "Report on standard output as text (default), json or markdown")
      ->type_name("FORMAT");
  command
      ->add_option("--fail-on", arguments->fail_on,
                   "Exit 1 when one of these changes occurs, comma-separated: added, removed, "
                   "upgraded, downgraded, version, license, supplier, digest, dependency, file, "
                   "any")
      ->type_name("LIST");
  add_max_document_size_flag(*command, arguments->max_file_size);
  return [arguments] { return run_diff(*arguments); };
}

} // namespace kensa::cli
