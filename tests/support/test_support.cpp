#include "test_support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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

std::filesystem::path scratch_dir(const std::string& name) {
  // Outside the source tree, so that scanning the checkout (the README's
  // first command) does not pick up what the tests wrote; one folder per
  // build folder, so that the dev and sanitizer test runs (or two
  // checkouts) can run at the same time without deleting each other's files.
  static const std::string folder = [] {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string_view>{}(KENSA_BUILD_DIR));
    return std::string("kensa-tests-") + hex;
  }();
  auto dir = std::filesystem::temp_directory_path() / folder / name;
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

CommandResult run_kensa_in(const std::vector<std::string>& arguments,
                           const std::vector<std::string>& environment, StandardOutput output) {
  std::vector<std::string> argv_storage;
  argv_storage.emplace_back(KENSA_BINARY);
  argv_storage.insert(argv_storage.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : argv_storage) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);

  std::vector<std::string> env_storage;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    env_storage.emplace_back(*entry);
  }
  env_storage.insert(env_storage.end(), environment.begin(), environment.end());
  std::vector<char*> envp;
  for (auto& entry : env_storage) {
    envp.push_back(entry.data());
  }
  envp.push_back(nullptr);

  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (output == StandardOutput::captured) {
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  } else if (output == StandardOutput::full_device) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/full", O_WRONLY, 0);
  } else {
    posix_spawn_file_actions_addclose(&actions, STDOUT_FILENO);
  }
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);

  pid_t pid = 0;
  int spawn_error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawn_error != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("cannot start " + argv_storage[0]);
  }

  CommandResult result;
  drain(out_pipe[0], err_pipe[0], result.out, result.err);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

} // namespace

CommandResult run_kensa(const std::vector<std::string>& arguments,
                        const std::vector<std::string>& environment) {
  return run_kensa_in(arguments, environment, StandardOutput::captured);
}

CommandResult run_kensa_with_output(const std::vector<std::string>& arguments,
                                    StandardOutput output) {
  return run_kensa_in(arguments, {}, output);
}

} // namespace kensa::testing
