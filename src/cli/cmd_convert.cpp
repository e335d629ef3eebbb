#include "cmd_convert.hpp"

#include "document_output.hpp"
#include "exit_codes.hpp"
#include "input_in_progress.hpp"
#include "limit_flags.hpp"
#include "sbom_input.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/source/document_input.hpp>

#include <spdlog/spdlog.h>

#include <memory>

namespace kensa::cli {

namespace {

struct ConvertArguments {
  std::string input;
  std::vector<std::string> outputs;
  OutputPathRules output_rules;
  // Empty: source::k_default_max_document_size.
  std::string max_file_size;
};

void report_losses(const format::LossReport& losses, std::string_view what) {
  for (const auto& [field, count] : losses.entries()) {
    spdlog::warn("{}: {} ({} times)", what, field, count);
  }
}

int run_convert(const ConvertArguments& arguments) {
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
  const std::string name = source::document_input_name(arguments.input);
  const InputInProgress reading(name);
  format::ReadLimits limits;
  limits.max_bytes = static_cast<std::size_t>(*max_bytes);
  auto content = source::read_document_input(arguments.input, *max_bytes);
  if (!content) {
    spdlog::error("{}: {}", name, content.error());
    return k_exit_usage;
  }
  // Handed over: the text is freed once the model no longer needs it.
  auto read = format::read_document_consuming(std::move(*content), name, limits);
  if (!read) {
    spdlog::error("{}", read.error());
    return k_exit_usage;
  }
  spdlog::info("read {} as {} {} {}: {} components, {} relationships", name,
               format::family_name(read->format.family),
               format::encoding_name(read->format.encoding), read->format.spec_version,
               read->document.components.size(), read->document.relationships.size());
  for (const auto& diagnostic : read->document.diagnostics) {
    spdlog::warn("{}: {}", diagnostic.location.empty() ? name : diagnostic.location,
                 diagnostic.message);
  }
  report_losses(read->losses, "not read from " + name);

  for (const auto& output : *outputs) {
    format::LossReport losses;
    const auto written = write_document(read->document, output, arguments.output_rules, &losses);
    std::string label =
        std::string(output.format->name) + (output.version.empty() ? "" : "@" + output.version);
    report_losses(losses, "not written to " + label);
    if (!written) {
      spdlog::error("{}", written.error());
      return k_exit_usage;
    }
    if (!output.file.empty()) {
      spdlog::info("wrote {} to {}", label, output.file);
    }
  }
  return k_exit_success;
}

} // namespace

std::function<int()> register_convert_command(CLI::App& app) {
  auto arguments = std::make_shared<ConvertArguments>();
  CLI::App* command = app.add_subcommand(
      "convert", "Convert an SBOM between CycloneDX, SPDX and kensa-json, listing what is lost");
  command
      ->add_option("input", arguments->input,
                   "SBOM to read ('-' for standard input); the format and version are detected "
                   "from the content")
      ->required();
  command
      ->add_option("-o,--output", arguments->outputs,
                   "Output as FORMAT[@VERSION][=FILE]; repeat for several outputs")
      ->type_name("FORMAT[@VERSION][=FILE]")
      ->required();
  add_special_output_flag(*command, arguments->output_rules);
  add_max_document_size_flag(*command, arguments->max_file_size);
  return [arguments]() { return run_convert(*arguments); };
}

} // namespace kensa::cli
