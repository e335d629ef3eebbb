#include "cmd_merge.hpp"

#include "document_output.hpp"
#include "exit_codes.hpp"
#include "sbom_input.hpp"

#include <kensa/audit/merge.hpp>
#include <kensa/format/writer.hpp>
#include <kensa/source/document_input.hpp>
#include <kensa/util/keep_until_exit.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>

namespace kensa::cli {

namespace {

struct MergeArguments {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  bool hierarchical = false;
  std::string source_name;
  std::string source_version;
  OutputPathRules output_rules;
  std::string max_file_size;
};

int run_merge(const MergeArguments& arguments) {
  auto outputs = plan_outputs(arguments.outputs, arguments.output_rules);
  if (!outputs) {
    spdlog::error("{}", outputs.error());
    return k_exit_usage;
  }
  const auto max_bytes = max_document_size(arguments.max_file_size);
  if (!max_bytes) {
    spdlog::error("{}", max_bytes.error());
    return k_exit_usage;
  }
  if (std::count(arguments.inputs.begin(), arguments.inputs.end(), "-") > 1) {
    spdlog::error("only one input can be standard input");
    return k_exit_usage;
  }
  audit::MergeOptions options;
  options.hierarchical = arguments.hierarchical;
  options.source_name = arguments.source_name;
  options.source_version = arguments.source_version;
  audit::DocumentMerger merger(options);
  // Two inputs read at a time, each merged as soon as it is read (the
  // first of a pair while the second is still being read), and freed: the
  // memory a merge needs grows with the merged document, not with every
  // input at once.
  const auto read = read_sboms_in_turn(
      arguments.inputs, *max_bytes, [&](std::size_t index, format::ReadDocument document) {
        const std::string& path = arguments.inputs[index];
        spdlog::info("read {} as {}: {} components", path, format::format_label(document.format),
                     document.document.components.size());
        // Handed over: its components are moved into the merge, not copied.
        merger.add(source::document_input_name(path), std::move(document.document));
      });
  if (!read) {
    spdlog::error("{}", read.error());
    return k_exit_usage;
  }
  model::Document merged = std::move(merger).finish();
  spdlog::info("merged {} documents: {} components, {} relationships", arguments.inputs.size(),
               merged.components.size(), merged.relationships.size());

  for (const auto& output : *outputs) {
    format::LossReport losses;
    const auto written = write_document(merged, output, arguments.output_rules, &losses);
    const std::string label =
        std::string(output.format->name) + (output.version.empty() ? "" : "@" + output.version);
    for (const auto& [field, count] : losses.entries()) {
      spdlog::warn("not written to {}: {} ({} times)", label, field, count);
    }
    if (!written) {
      spdlog::error("{}", written.error());
      return k_exit_usage;
    }
  }
  // Left for the exit to free, as a diff leaves its documents.
  util::keep_until_exit(std::move(merged));
  return k_exit_success;
}

} // namespace

std::function<int()> register_merge_command(CLI::App& app) {
  auto arguments = std::make_shared<MergeArguments>();
  CLI::App* command = app.add_subcommand(
      "merge", "Combine SBOMs of any formats into one: components deduplicated by purl, "
               "dependency graphs united, conflicting values kept with their source");
  command->add_option("inputs", arguments->inputs, "SBOMs to merge ('-' for standard input)")
      ->required();
  command
      ->add_option("-o,--output", arguments->outputs,
                   "Output as FORMAT[@VERSION][=FILE]; repeat for several outputs")
      ->type_name("FORMAT[@VERSION][=FILE]")
      ->required();
  command->add_flag("--hierarchical", arguments->hierarchical,
                    "Keep each input as an assembly that contains its components");
  command
      ->add_option("--source-name", arguments->source_name,
                   "Name of what the merged SBOM describes (default: the first input's subject; "
                   "'merged' with --hierarchical)")
      ->type_name("NAME");
  command
      ->add_option("--source-version", arguments->source_version,
                   "Version of what the merged SBOM describes")
      ->type_name("VERSION");
  add_special_output_flag(*command, arguments->output_rules);
  add_max_document_size_flag(*command, arguments->max_file_size);
  return [arguments] { return run_merge(*arguments); };
}

} // namespace kensa::cli
