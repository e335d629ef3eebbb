#include "go_build_fixture.hpp"

#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdlib>

namespace kensa::testing::golang {

namespace fs = std::filesystem;
using native::run_shell;
using native::shell_quote;

namespace {

BuiltBinary describe(const fs::path& go, const fs::path& binary, const fs::path& log) {
  REQUIRE(run_shell(shell_quote(go.string()) + " version -m " + shell_quote(binary.string()), log));
  BuiltBinary built;
  built.path = binary;
  std::string text = native::read_bytes(log);
  built.text = text.substr(text.find(": ") + 2);
  bool first = true;
  for (std::string_view line : split(text, '\n')) {
    if (first) {
      // "<path>: go1.19.8"
      built.go_version = std::string(trim(line.substr(line.rfind(": ") + 2)));
      first = false;
      continue;
    }
    if (!line.starts_with('\t')) {
      continue;
    }
    auto fields = split(line.substr(1), '\t');
    if (fields[0] == "build" && fields.size() >= 2) {
      built.build_lines.emplace_back(line.substr(7));
    } else if (fields[0] == "mod" || fields[0] == "dep" || fields[0] == "=>") {
      GoModuleLine module;
      module.word = std::string(fields[0]);
      module.path = fields.size() > 1 ? std::string(fields[1]) : "";
      module.version = fields.size() > 2 ? std::string(fields[2]) : "";
      module.sum = fields.size() > 3 ? std::string(fields[3]) : "";
      built.modules.push_back(std::move(module));
    }
  }
  return built;
}

std::optional<GoBuild> build(std::string& reason) {
  auto go = native::find_program("go", {"/usr/lib/go/bin"});
  auto zip = native::find_program("zip");
  auto git = native::find_program("git");
  if (!go || !zip || !git) {
    reason = std::string(!go    ? "go"
                         : !zip ? "zip"
                                : "git") +
             " is not installed (scripts/setup.sh installs it)";
    return std::nullopt;
  }
  GoBuild result;
  // One folder per test process: ctest runs test cases in parallel, each in
  // a process of its own. GOCACHE is shared (go locks it), so only the first
  // build compiles the standard library.
  result.folder = scratch_dir("go-binaries-" + std::to_string(::getpid()));
  // The folder is this process's alone: remove it when the process ends, or
  // every test run leaves its binaries behind (a scan of / finds them).
  struct RemovedAtExit {
    fs::path folder;
    ~RemovedAtExit() {
      std::error_code ignored;
      fs::remove_all(folder, ignored);
    }
  };
  static const RemovedAtExit removed_at_exit{result.folder};
  fs::path source = fixture("golang/build");
  fs::copy(source / "app", result.folder / "app", fs::copy_options::recursive);
  fs::copy(source / "localdep", result.folder / "localdep", fs::copy_options::recursive);
  fs::copy(source / "tools", result.folder / "tools", fs::copy_options::recursive);
  fs::path proxy = result.folder / "proxy";
  fs::path log = result.folder / "log.txt";

  // The proxy layout cmd/go reads: <path>/@v/{list,<v>.info,<v>.mod,<v>.zip}.
  // modules/ holds <owner>/<name>@<version> folders, and <path>@<version>
  // folders for module paths of one segment (example.net).
  auto serve = [&](const fs::path& module, const std::string& relative) {
    std::string path = relative.substr(0, relative.find('@'));
    std::string version = relative.substr(relative.find('@') + 1);
    fs::path folder = proxy / path / "@v";
    fs::create_directories(folder);
    native::write_bytes(folder / "list", version + "\n");
    fs::copy_file(module / "go.mod", folder / (version + ".mod"));
    native::write_bytes(folder / (version + ".info"),
                        "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}");
    std::string command = "cd " + shell_quote((source / "modules").string()) + " && " +
                          shell_quote(zip->string()) + " -q -r -D -X " +
                          shell_quote((folder / (version + ".zip")).string()) + " " +
                          shell_quote(relative);
    REQUIRE(run_shell(command, log));
  };
  for (const auto& owner : fs::directory_iterator(source / "modules")) {
    std::string owner_name = owner.path().filename().string();
    if (owner_name.find('@') != std::string::npos) {
      serve(owner.path(), owner_name);
      continue;
    }
    for (const auto& module : fs::directory_iterator(owner.path())) {
      serve(module.path(), owner_name + "/" + module.path().filename().string());
    }
  }

  // A commit, so the linux build records vcs.revision and vcs.time; the
  // dates are fixed, so the pseudo-version is the same on every run.
  std::string app = shell_quote((result.folder / "app").string());
  std::string git_env =
      "GIT_AUTHOR_DATE=2024-03-01T10:20:30Z GIT_COMMITTER_DATE=2024-03-01T10:20:30Z "
      "GIT_CONFIG_GLOBAL=/dev/null ";
  INFO(native::read_bytes(log));
  REQUIRE(run_shell("cd " + app + " && " + git_env + shell_quote(git->string()) + " init -q && " +
                        git_env + shell_quote(git->string()) + " add . && " + git_env +
                        shell_quote(git->string()) +
                        " -c user.name=kensa -c user.email=kensa@example.invalid commit -q -m app",
                    log));

  fs::path cache = fs::temp_directory_path() / "kensa-tests-go-cache";
  std::string env = "GOPROXY=file://" + proxy.string() +
                    " GOSUMDB=off GOFLAGS='-mod=mod -modcacherw' GOTOOLCHAIN=local CGO_ENABLED=0"
                    " GOPATH=" +
                    shell_quote((result.folder / "gopath").string()) +
                    " GOCACHE=" + shell_quote(cache.string()) + " ";
  struct Target {
    std::string name, module, goos, goarch, flags, what;
  };
  std::vector<Target> targets{
      {"linux-amd64", "app", "linux", "amd64", "-buildvcs=true '-ldflags=-X main.version=1.0.0'",
       "."},
      {"windows-amd64", "app", "windows", "amd64", "-buildvcs=false '-ldflags=-s -w'", "."},
      {"darwin-arm64", "app", "darwin", "arm64", "-buildvcs=false", "."},
      {"tools-linux-amd64", "tools", "linux", "amd64", "-buildvcs=false", "."},
      {"tools-files-linux-amd64", "tools", "linux", "amd64", "-buildvcs=false", "main.go"},
  };
  for (const auto& target : targets) {
    fs::path output = result.folder / ("hello-" + target.name);
    std::string command = "cd " + shell_quote((result.folder / target.module).string()) + " && " +
                          env + "GOOS=" + target.goos + " GOARCH=" + target.goarch + " " +
                          shell_quote(go->string()) + " build " + target.flags + " -o " +
                          shell_quote(output.string()) + " " + target.what;
    bool built = run_shell(command, log);
    INFO(native::read_bytes(log));
    REQUIRE(built);
    result.binaries.emplace(target.name, describe(*go, output, result.folder / "version.txt"));
  }
  return result;
}

} // namespace

const GoBuild* go_build(std::string& reason) {
  static std::optional<GoBuild> built;
  static std::string why;
  static bool tried = false;
  if (!tried) {
    tried = true;
    built = build(why);
  }
  reason = why;
  if (!built && why.empty()) {
    FAIL("building the Go fixtures failed in an earlier test");
  }
  return built ? &*built : nullptr;
}

} // namespace kensa::testing::golang
