#include "app.hpp"

#include "cmd_convert.hpp"
#include "cmd_diff.hpp"
#include "cmd_merge.hpp"
#include "cmd_scan.hpp"
#include "cmd_scanners.hpp"
#include "cmd_validate.hpp"
#include "cmd_verify.hpp"
#include "exit_codes.hpp"
#include "input_in_progress.hpp"
#include "logging.hpp"

#include <kensa/format/writer.hpp>
#include <kensa/scanner/registry.hpp>
#include <kensa/version.hpp>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <map>
#include <new>
#include <string_view>
#include <system_error>

namespace kensa::cli {

namespace {

std::string version_text() {
  std::string text = std::string(k_name) + " " + k_version + "\nscanners:";
  for (const auto& scanner : scanner::scanner_table()) {
    text += " ";
    text += scanner.name;
  }
  text += "\nformats: " + format::format_listing();
  return text;
}

// The positional arguments of `command` (the paths it reads), joined.
std::string positional_arguments(const CLI::App& command) {
  std::string joined;
  for (const CLI::Option* option : command.get_options(
           [](const CLI::Option* candidate) { return candidate->get_positional(); })) {
    for (const std::string& value : option->results()) {
      joined += joined.empty() ? "" : ", ";
      joined += value;
    }
  }
  return joined;
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
  add(register_scanners_command(app), "scanners");
  add(register_convert_command(app), "convert");
  add(register_validate_command(app), "validate");
  add(register_diff_command(app), "diff");
  add(register_verify_command(app), "verify");
  add(register_merge_command(app), "merge");

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
      // Until the command names the input it reads, the paths it was given
      // stand for it.
      const InputInProgress reading(positional_arguments(*command));
      return run();
    }
  }
  return k_exit_usage;
}

// Written without the logger, when it cannot be trusted any more.
void write_plain(std::string_view line) noexcept {
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.data(), line.size());
}

// Memory ran out: one line naming what was being read, and exit code 3.
// Where the exception was caught, the stack is unwound and what it held
// freed, so there is room for the line.
int report_out_of_memory() noexcept {
  const std::string input = input_in_progress();
  try {
    spdlog::critical("out of memory{}{}", input.empty() ? "" : " while reading ", input);
  } catch (...) {
    write_plain("kensa: critical: out of memory\n");
  }
  return k_exit_internal;
}

// An exception that reached a noexcept function or the top of a thread
// ends the program without unwinding; it still says why, in one line, and
// exits with the documented code instead of aborting.
[[noreturn]] void report_termination() noexcept {
  bool out_of_memory = false;
  if (const std::exception_ptr current = std::current_exception()) {
    try {
      std::rethrow_exception(current);
    } catch (const std::bad_alloc&) {
      out_of_memory = true;
    } catch (...) {
    }
  }
  if (out_of_memory) {
    report_out_of_memory();
  } else {
    write_plain("kensa: critical: internal error: the program was terminated\n");
  }
  std::_Exit(k_exit_internal);
}

} // namespace

int run(int argc, char** argv) {
  std::set_terminate(report_termination);
  try {
    return run_app(argc, argv);
  } catch (const std::bad_alloc&) {
    return report_out_of_memory();
  } catch (const std::system_error& error) {
    // A thread that cannot be started for want of memory.
    if (error.code() == std::errc::resource_unavailable_try_again) {
      return report_out_of_memory();
    }
    spdlog::critical("internal error: {}", error.what());
    return k_exit_internal;
  } catch (const std::exception& error) {
    spdlog::critical("internal error: {}", error.what());
    return k_exit_internal;
  } catch (...) {
    spdlog::critical("internal error");
    return k_exit_internal;
  }
}

} // namespace kensa::cli
