#include "cmd_scan.hpp"

#include "exit_codes.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/scanner/registry.hpp>
#include <kensa/scanner/scan.hpp>
#include <kensa/util/atomic_file.hpp>

#include <spdlog/spdlog.h>

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
};

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
  return std::optional<std::int64_t>{seconds};
}

int run_scan(const ScanArguments& arguments) {
  std::vector<format::OutputSpec> outputs;
  int to_stdout = 0;
  for (const auto& text : arguments.outputs.empty() ? std::vector<std::string>{"table"}
                                                    : arguments.outputs) {
    auto spec = format::parse_output_spec(text);
    if (!spec) {
      spdlog::error("{}", spec.error());
      return k_exit_usage;
    }
    to_stdout += spec->file.empty() ? 1 : 0;
    outputs.push_back(std::move(spec).value());
  }
  if (to_stdout > 1) {
    spdlog::error("only one output can go to standard output; give the others a file (-o "
                  "FORMAT=FILE)");
    return k_exit_usage;
  }
  auto timestamp = source_date_epoch();
  if (!timestamp) {
    spdlog::error("{}", timestamp.error());
    return k_exit_usage;
  }

  scanner::ScanOptions options;
  options.source.exclude = arguments.excludes;
  options.scanners = arguments.scanners;
  options.timestamp = *timestamp;
  auto document = scanner::scan(arguments.path, options);
  if (!document) {
    spdlog::error("{}", document.error());
    return k_exit_usage;
  }

  for (const auto& output : outputs) {
    std::string rendered = format::render(*document, output);
    if (output.file.empty()) {
      std::cout << rendered << std::flush;
      continue;
    }
    if (auto written = write_file_atomically(output.file, rendered); !written) {
      spdlog::error("{}", written.error());
      return k_exit_usage;
    }
    spdlog::info("wrote {} to {}", output.format->name, output.file);
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
  command
      ->add_option("--exclude", arguments->excludes,
                   "Skip paths matching this glob, relative to the scanned root "
                   "(e.g. '**/test/**'); repeatable")
      ->type_name("GLOB");
  std::string scanner_names;
  for (const auto& info : scanner::scanner_table()) {
    scanner_names += scanner_names.empty() ? "" : ", ";
    scanner_names += info.name;
  }
  command
      ->add_option("--scanner", arguments->scanners,
                   "Run only this scanner; repeatable (known: " + scanner_names + ")")
      ->type_name("NAME");
  return [arguments, command]() { return run_scan(*arguments); };
}

} // namespace kensa::cli
