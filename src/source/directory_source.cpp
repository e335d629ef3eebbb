#include <kensa/source/directory_source.hpp>

#include <kensa/util/glob.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace kensa::source {

namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

// Reads a whole regular file. Fails with the system's reason as the message.
Result<std::string> read_regular_file(const fs::path& path, std::uint64_t expected_size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 && errno == ELOOP) {
    // The path is a symlink we already decided to follow.
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (fd < 0) {
    return fail(errno_text());
  }
  std::string contents;
  contents.reserve(static_cast<std::size_t>(expected_size));
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      std::string message = errno_text();
      ::close(fd);
      return fail(message);
    }
    if (n == 0) {
      break;
    }
    contents.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return contents;
}

bool is_within(const fs::path& root, const fs::path& candidate) {
  auto root_it = root.begin();
  auto candidate_it = candidate.begin();
  for (; root_it != root.end(); ++root_it, ++candidate_it) {
    if (candidate_it == candidate.end() || *root_it != *candidate_it) {
      return false;
    }
  }
  return true;
}

// Strips "./" so users can write excludes relative to the root either way.
std::string normalize_pattern(std::string pattern) {
  while (pattern.starts_with("./")) {
    pattern.erase(0, 2);
  }
  while (pattern.starts_with("/")) {
    pattern.erase(0, 1);
  }
  return pattern;
}

class DirectoryWalker {
public:
  DirectoryWalker(fs::path root, const SourceOptions& options, EntrySink& sink)
      : m_root(std::move(root)), m_limits(options.limits), m_sink(sink) {
    for (const auto& pattern : options.exclude) {
      m_excludes.push_back(normalize_pattern(pattern));
    }
  }

  void walk_folder(const fs::path& folder, const std::string& relative, std::uint32_t depth) {
    if (m_stopped) {
      return;
    }
    if (depth > m_limits.max_depth) {
      m_sink.warn(relative, "folder nesting deeper than " + std::to_string(m_limits.max_depth) +
                                " levels; not entered");
      return;
    }
    struct stat folder_stat {};
    if (::stat(folder.c_str(), &folder_stat) != 0) {
      m_sink.warn(relative.empty() ? "." : relative, "cannot read folder: " + errno_text());
      return;
    }
    // A folder reached twice (through a link, or a bind mount) is walked once:
    // this is what ends symlink loops.
    if (!m_visited.insert({folder_stat.st_dev, folder_stat.st_ino}).second) {
      spdlog::debug("{}: folder already visited, skipped", relative);
      return;
    }

    std::error_code error;
    fs::directory_iterator it(folder, fs::directory_options::none, error);
    if (error) {
      m_sink.warn(relative.empty() ? "." : relative, "cannot read folder: " + error.message());
      return;
    }
    std::vector<std::string> names;
    for (; it != fs::directory_iterator(); it.increment(error)) {
      if (error) {
        m_sink.warn(relative, "cannot list folder: " + error.message());
        break;
      }
      names.push_back(it->path().filename().string());
    }
    std::sort(names.begin(), names.end());

    for (const auto& name : names) {
      if (m_stopped) {
        return;
      }
      std::string child_relative = relative.empty() ? name : relative + "/" + name;
      visit(folder / name, child_relative, depth);
    }
  }

  void visit(const fs::path& path, const std::string& relative, std::uint32_t depth) {
    if (++m_entries > m_limits.max_entries) {
      m_sink.warn(relative, "more than " + std::to_string(m_limits.max_entries) +
                                " entries; the rest of the input was not scanned");
      m_stopped = true;
      return;
    }
    struct stat link_stat {};
    if (::lstat(path.c_str(), &link_stat) != 0) {
      m_sink.warn(relative, "cannot read: " + errno_text());
      return;
    }
    struct stat target_stat = link_stat;
    if (S_ISLNK(link_stat.st_mode)) {
      std::error_code error;
      fs::path target = fs::canonical(path, error);
      if (error) {
        spdlog::debug("{}: dangling symbolic link, skipped", relative);
        return;
      }
      if (!is_within(m_root, target)) {
        spdlog::debug("{}: symbolic link leaves the scanned folder, not followed", relative);
        return;
      }
      if (::stat(path.c_str(), &target_stat) != 0) {
        return;
      }
    }
    bool is_folder = S_ISDIR(target_stat.st_mode);
    if (excluded(relative, is_folder)) {
      spdlog::debug("{}: excluded", relative);
      return;
    }
    if (is_folder) {
      walk_folder(path, relative, depth + 1);
      return;
    }
    if (!S_ISREG(target_stat.st_mode)) {
      return; // Devices, sockets and pipes have no contents to scan.
    }
    auto size = static_cast<std::uint64_t>(target_stat.st_size);
    EntryInfo entry{relative, relative, size, {}};
    if (!m_sink.wants(entry)) {
      return;
    }
    if (size > m_limits.max_buffered_file_size) {
      m_sink.warn(relative, "file is " + std::to_string(size) + " bytes, over the limit of " +
                                std::to_string(m_limits.max_buffered_file_size) + "; not scanned");
      return;
    }
    auto contents = read_regular_file(path, size);
    if (!contents) {
      m_sink.warn(relative, "cannot read: " + contents.error());
      return;
    }
    m_sink.receive(SourceFile{relative, relative, {}, std::move(contents).value()});
  }

private:
  bool excluded(const std::string& relative, bool is_folder) const {
    for (const auto& pattern : m_excludes) {
      if (glob_match(pattern, relative)) {
        return true;
      }
      // "dir/**" excludes the folder itself too, so it is not even entered.
      if (is_folder && pattern.ends_with("/**") &&
          glob_match(std::string_view(pattern).substr(0, pattern.size() - 3), relative)) {
        return true;
      }
    }
    return false;
  }

  fs::path m_root;
  Limits m_limits;
  EntrySink& m_sink;
  std::vector<std::string> m_excludes;
  std::set<std::pair<dev_t, ino_t>> m_visited;
  std::uint64_t m_entries = 0;
  bool m_stopped = false;
};

class DirectorySource : public Source {
public:
  DirectorySource(fs::path root, SourceOptions options)
      : m_root(std::move(root)), m_options(std::move(options)) {}

  Status walk(EntrySink& sink) override {
    DirectoryWalker walker(m_root, m_options, sink);
    walker.walk_folder(m_root, "", 0);
    return ok_status();
  }

  model::Component subject() const override {
    model::Component component;
    component.type = model::ComponentType::application;
    component.name = m_root.filename().string();
    return component;
  }

private:
  fs::path m_root;
  SourceOptions m_options;
};

class SingleFileSource : public Source {
public:
  SingleFileSource(fs::path file, SourceOptions options)
      : m_file(std::move(file)), m_options(std::move(options)) {}

  Status walk(EntrySink& sink) override {
    std::string name = m_file.filename().string();
    std::error_code error;
    auto size = fs::file_size(m_file, error);
    if (error) {
      return fail("cannot read " + m_file.string() + ": " + error.message());
    }
    EntryInfo entry{name, name, size, {}};
    if (!sink.wants(entry)) {
      return ok_status();
    }
    if (size > m_options.limits.max_buffered_file_size) {
      sink.warn(name, "file is over the size limit; not scanned");
      return ok_status();
    }
    auto contents = read_regular_file(m_file, size);
    if (!contents) {
      return fail("cannot read " + m_file.string() + ": " + contents.error());
    }
    sink.receive(SourceFile{name, name, {}, std::move(contents).value()});
    return ok_status();
  }

  model::Component subject() const override {
    model::Component component;
    component.type = model::ComponentType::file;
    component.name = m_file.filename().string();
    return component;
  }

private:
  fs::path m_file;
  SourceOptions m_options;
};

} // namespace

std::unique_ptr<Source> make_directory_source(fs::path root, SourceOptions options) {
  return std::make_unique<DirectorySource>(std::move(root), std::move(options));
}

std::unique_ptr<Source> make_single_file_source(fs::path file, SourceOptions options) {
  return std::make_unique<SingleFileSource>(std::move(file), std::move(options));
}

} // namespace kensa::source
