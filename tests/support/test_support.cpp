#include "test_support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string_view>

extern char** environ;

namespace kensa::testing {

std::filesystem::path fixture(const std::string& relative) {
  return std::filesystem::path(KENSA_FIXTURES_DIR) / relative;
}

std::optional<std::filesystem::path> shared_dir() {
  std::filesystem::path candidate;
  if (const char* overridden = std::getenv("KENSA_SHARED_DIR")) {
    candidate = overridden;
  } else {
    candidate = std::filesystem::path(KENSA_SOURCE_DIR).parent_path() / "shared";
  }
  std::error_code error;
  if (std::filesystem::is_directory(candidate / "conformance", error)) {
    return candidate;
  }
  return std::nullopt;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

namespace {

// Outside the source tree, so that scanning the checkout (the README's
// first command) does not pick up what the tests wrote; one folder per
// build folder, so that the dev and sanitizer test runs (or two checkouts)
// can run at the same time without deleting each other's files.
std::filesystem::path scratch_root() {
  static const std::string folder = [] {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string_view>{}(KENSA_BUILD_DIR));
    return std::string("kensa-tests-") + hex;
  }();
  return std::filesystem::temp_directory_path() / folder;
}

// An empty folder kensa may take as its home, created once and never
// emptied: test processes running at the same time share it.
std::filesystem::path empty_folder(const std::string& name) {
  auto dir = scratch_root() / name;
  std::error_code ignored;
  std::filesystem::create_directories(dir, ignored);
  return dir;
}

} // namespace

std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = scratch_root() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

namespace {

void drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP)) == 0) {
        continue;
      }
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        fds[i].fd = -1;
        --open_count;
        continue;
      }
      (i == 0 ? out : err).append(buffer, static_cast<std::size_t>(n));
    }
  }
}

} // namespace

CommandResult run_kensa(const std::vector<std::string>& arguments,
                        const std::vector<std::string>& environment) {
  RunOptions options;
  options.environment = environment;
  return run_kensa_with(arguments, options);
}

CommandResult run_kensa_with_output(const std::vector<std::string>& arguments,
                                    StandardOutput output) {
  RunOptions options;
  options.output = output;
  return run_kensa_with(arguments, options);
}

namespace {

std::string_view variable_name(std::string_view entry) {
  return entry.substr(0, entry.find('='));
}

} // namespace

std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view name = variable_name(*entry);
    // The test's own settings win (getenv takes the first entry of a
    // name), and none of the user's kensa settings or configuration
    // reaches a test: its outputs would change with them.
    const bool overridden = std::any_of(extra.begin(), extra.end(), [&](const std::string& set) {
      return variable_name(set) == name;
    });
    if (overridden || name.starts_with("KENSA_") || name == "XDG_CONFIG_HOME" || name == "HOME") {
      continue;
    }
    environment.emplace_back(*entry);
  }
  const bool home_set = std::any_of(extra.begin(), extra.end(), [](const std::string& set) {
    return variable_name(set) == "HOME";
  });
  const bool config_set = std::any_of(extra.begin(), extra.end(), [](const std::string& set) {
    return variable_name(set) == "XDG_CONFIG_HOME";
  });
  if (!home_set) {
    environment.push_back("HOME=" + empty_folder("home").string());
  }
  if (!config_set) {
    environment.push_back("XDG_CONFIG_HOME=" + empty_folder("no-config").string());
  }
  environment.insert(environment.end(), extra.begin(), extra.end());
  return environment;
}

CommandResult run_kensa_with(const std::vector<std::string>& arguments, const RunOptions& options) {
  std::vector<std::string> argv_storage;
  argv_storage.emplace_back(KENSA_BINARY);
  argv_storage.insert(argv_storage.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : argv_storage) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);

  std::vector<std::string> env_storage = child_environment(options.environment);
  std::vector<char*> envp;
  for (auto& entry : env_storage) {
    envp.push_back(entry.data());
  }
  envp.push_back(nullptr);

  const std::string input =
      options.standard_input.empty() ? std::string("/dev/null") : options.standard_input.string();
  const int input_fd = open(input.c_str(), O_RDONLY | O_CLOEXEC);
  if (input_fd < 0) {
    throw std::runtime_error("cannot open " + input);
  }
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  // fork and exec rather than posix_spawn, which cannot set a resource
  // limit; only async-signal-safe calls run between the two.
  const pid_t pid = fork();
  if (pid < 0) {
    throw std::runtime_error("cannot start " + argv_storage[0]);
  }
  if (pid == 0) {
    if (options.address_space > 0) {
      const rlimit limit{options.address_space, options.address_space};
      if (setrlimit(RLIMIT_AS, &limit) != 0) {
        _exit(126);
      }
    }
    dup2(input_fd, STDIN_FILENO);
    if (options.output == StandardOutput::captured) {
      dup2(out_pipe[1], STDOUT_FILENO);
    } else if (options.output == StandardOutput::full_device) {
      const int full = open("/dev/full", O_WRONLY);
      if (full < 0 || dup2(full, STDOUT_FILENO) < 0) {
        _exit(126);
      }
    } else {
      close(STDOUT_FILENO);
    }
    dup2(err_pipe[1], STDERR_FILENO);
    close(out_pipe[0]);
    close(err_pipe[0]);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(input_fd);
  close(out_pipe[1]);
  close(err_pipe[1]);

  CommandResult result;
  drain(out_pipe[0], err_pipe[0], result.out, result.err);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

BoundedResult run_kensa_bounded(const std::vector<std::string>& arguments, const Bounds& bounds,
                                const std::vector<std::string>& environment) {
  static std::atomic<int> runs{0};
  auto folder =
      scratch_dir("bounded-run-" + std::to_string(getpid()) + "-" + std::to_string(runs++));
  std::string out_path = (folder / "stdout").string();
  std::string err_path = (folder / "stderr").string();

  std::vector<std::string> argv_storage{KENSA_BINARY};
  argv_storage.insert(argv_storage.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : argv_storage) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  std::vector<std::string> env_storage = child_environment(environment);
  std::vector<char*> envp;
  for (auto& entry : env_storage) {
    envp.push_back(entry.data());
  }
  envp.push_back(nullptr);

  auto started = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    rlimit cpu{bounds.cpu_seconds, bounds.cpu_seconds};
    setrlimit(RLIMIT_CPU, &cpu);
    if (bounds.max_file_bytes > 0) {
      rlimit size{bounds.max_file_bytes, bounds.max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &size);
    }
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0) {
      _exit(127);
    }
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  BoundedResult result;
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.max_rss_kib = usage.ru_maxrss;
  result.out = read_file(out_path);
  result.err_bytes = std::filesystem::file_size(err_path);
  std::ifstream err(err_path, std::ios::binary);
  result.err.resize(static_cast<std::size_t>(std::min<std::uint64_t>(result.err_bytes, 1 << 20)));
  err.read(result.err.data(), static_cast<std::streamsize>(result.err.size()));
  std::filesystem::remove_all(folder);
  return result;
}

} // namespace kensa::testing
