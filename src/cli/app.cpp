#include "app.hpp"

#include "cmd_convert.hpp"
#include "cmd_scan.hpp"
#include "cmd_validate.hpp"
#include "exit_codes.hpp"
#include "logging.hpp"

#include <kensa/format/writer.hpp>
#include <kensa/scanner/registry.hpp>
#include <kensa/version.hpp>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <exception>
#include <map>

namespace kensa::cli {

namespace {

std::string version_text() {
  std::string text = std::string(k_name) + " " + k_version + "\nscanners:";
  for (const auto& scanner : scanner::scanner_table()) {
    text += " ";
    text += scanner.name;
  }
  text += "\nformats:";
  for (const auto& format : format::output_formats()) {
    text += " ";
    text += format.name;
  }
  return text;
}

int run_app(int argc, char** argv) {
  // Until the flags are parsed, errors are reported in the default format.
  setup_logging(LogFormat::text, 0, false);

  CLI::App app{"kensa: generate and validate software bills of materials (SBOMs)", "kensa"};
  app.set_version_flag("--version", version_text());
  app.require_subcommand(1);
  app.fallthrough();

  int verbosity = 0;
  bool quiet = false;
  LogFormat log_format = LogFormat::text;
  app.add_flag("-v,--verbose", verbosity, "More detail on stderr (-vv for debug)");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
  app.add_option("--log-format", log_format, "Format of the messages on stderr")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, LogFormat>{{"text", LogFormat::text}, {"json", LogFormat::json}}))
      ->type_name("text|json");

  std::map<CLI::App*, std::function<int()>> commands;
  auto add = [&](std::function<int()> run, const char* name) {
    commands[app.get_subcommand(name)] = std::move(run);
  };
  add(register_scan_command(app), "scan");
  add(register_convert_command(app), "convert");
  add(register_validate_command(app), "validate");

  if (argc <= 1) {
    std::cout << app.help();
    return k_exit_usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    spdlog::error("{} (see 'kensa --help')", error.what());
    return k_exit_usage;
  }

  setup_logging(log_format, verbosity, quiet);
  for (auto& [command, run] : commands) {
    if (command->parsed()) {
      return run();
    }
  }
  return k_exit_usage;
}

} // namespace

int run(int argc, char** argv) {
  try {
    return run_app(argc, argv);
  } catch (const std::exception& error) {
    spdlog::critical("internal error: {}", error.what());
    return k_exit_internal;
  } catch (...) {
    spdlog::critical("internal error");
    return k_exit_internal;
  }
}

} // namespace kensa::cli
