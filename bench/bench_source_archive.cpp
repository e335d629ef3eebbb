// Scanning a 1 GB (uncompressed) tar.gz of many small files, against
// `gzip -dc FILE > /dev/null` on the same file, and kensa's peak memory.
// Goals (docs/sources.md): within 1.3x of gzip's time, under 200 MB.
//
// The archive is generated once by bench/archive-generate.py into
// $TMPDIR/kensa-bench and kept between runs. KENSA_BENCH_ARCHIVE_MB changes
// its size (default 1024). Both programs run as child processes, each three
// times with a warm page cache, and the best times count; kensa is the
// binary of the same build (<build>/src/kensa), scanning with every scanner.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace {

struct Run {
  bool ok = false;
  double seconds = 0;
  long peak_kib = 0;
};

// Runs `arguments` with stdout and stderr sent to /dev/null.
Run run(const std::vector<std::string>& arguments) {
  std::vector<std::string> storage = arguments;
  std::vector<char*> argv;
  for (auto& argument : storage) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    return {};
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  return Run{WIFEXITED(status) && WEXITSTATUS(status) == 0, elapsed.count(), usage.ru_maxrss};
}

fs::path kensa_binary() {
  std::error_code error;
  fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : self.parent_path().parent_path() / "src/kensa";
}

// The archive, generated on first use; empty when it cannot be made.
fs::path archive() {
  const char* tmp = std::getenv("TMPDIR");
  const char* size = std::getenv("KENSA_BENCH_ARCHIVE_MB");
  std::string megabytes = size != nullptr ? size : "1024";
  fs::path work = fs::path(tmp != nullptr ? tmp : "/tmp") / "kensa-bench";
  fs::path file = work / ("many-small-files-" + megabytes + "m.tar.gz");
  if (fs::exists(file)) {
    return file;
  }
  fs::create_directories(work);
  std::string command = "python3 '" KENSA_SOURCE_DIR "/bench/archive-generate.py' " + megabytes +
                        " 8 | gzip -6 > '" + file.string() + ".partial' && mv '" + file.string() +
                        ".partial' '" + file.string() + "'";
  std::fprintf(stderr, "generating %s...\n", file.c_str());
  return std::system(command.c_str()) == 0 ? file : fs::path();
}

void scan_1gb_tar_gz(benchmark::State& state) {
  static const fs::path input = archive();
  const fs::path kensa = kensa_binary();
  if (input.empty() || !fs::exists(kensa)) {
    state.SkipWithError("cannot generate the archive, or no kensa binary beside the benchmark");
    return;
  }
  double gzip_best = 1e9;
  double kensa_best = 1e9;
  long peak_kib = 0;
  for (auto _ : state) {
    for (int round = 0; round < 3; ++round) {
      Run gzip = run({"sh", "-c", "gzip -dc '" + input.string() + "' > /dev/null"});
      Run scan = run({kensa.string(), "scan", input.string(), "-q", "-o", "cyclonedx-json"});
      if (!gzip.ok || !scan.ok) {
        state.SkipWithError("gzip -dc or kensa scan failed");
        return;
      }
      gzip_best = std::min(gzip_best, gzip.seconds);
      kensa_best = std::min(kensa_best, scan.seconds);
      peak_kib = std::max(peak_kib, scan.peak_kib);
    }
    state.SetIterationTime(kensa_best);
  }
  double ratio = kensa_best / gzip_best;
  double peak_mb = static_cast<double>(peak_kib) / 1024.0;
  state.counters["gzip_dc_s"] = gzip_best;
  state.counters["kensa_s"] = kensa_best;
  state.counters["ratio"] = ratio;
  state.counters["peak_MB"] = peak_mb;
  std::printf("archive scan of %s (%.0f MB compressed): kensa %.2f s, gzip -dc %.2f s, "
              "ratio %.2f (goal <= 1.30); peak memory %.1f MB (goal < 200)\n",
              input.filename().c_str(), static_cast<double>(fs::file_size(input)) / 1e6, kensa_best,
              gzip_best, ratio, peak_mb);
}

} // namespace

BENCHMARK(scan_1gb_tar_gz)->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);
