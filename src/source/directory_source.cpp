#include "archive_walker.hpp"
#include "file_io.hpp"
#include "file_systems.hpp"
#include "walk_context.hpp"

#include <kensa/source/archive_format.hpp>
#include <kensa/source/directory_source.hpp>
#include <kensa/util/glob.hpp>
#include <kensa/util/strings.hpp>

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <utility>

namespace kensa::source {

namespace fs = std::filesystem;

namespace {

std::string errno_text() {
  return std::strerror(errno);
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

// Only these files of a folder have their head read for EntrySink::wants_head,
// so that walking a source tree stays a matter of listing folders.
bool looks_executable(std::string_view name, mode_t mode) {
  if ((mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0) {
    return true;
  }
  std::string lower = to_lower_ascii(name.substr(name.rfind('/') + 1));
  return lower.ends_with(".exe") || lower.ends_with(".dll") || lower.ends_with(".so") ||
         lower.find(".so.") != std::string::npos || lower.ends_with(".dylib");
}

class DirectoryWalker {
 public:
  DirectoryWalker(fs::path root, WalkContext& context)
      : m_root(std::move(root)), m_context(context), m_limits(context.limits()),
        m_sink(context.sink()) {
    const SourceOptions& options = context.options();
    for (const auto& pattern : options.exclude) {
      m_excludes.push_back(normalize_pattern(pattern));
    }
  }

  void walk_folder(const fs::path& folder, const std::string& relative, std::uint32_t depth) {
    if (m_context.stopped()) {
      return;
    }
    if (depth > m_limits.max_depth) {
      m_sink.omit(relative, "folder nesting deeper than " + std::to_string(m_limits.max_depth) +
                                " levels; not entered");
      return;
    }
    struct stat folder_stat {};
    if (::stat(folder.c_str(), &folder_stat) != 0) {
      m_sink.omit(relative.empty() ? "." : relative, "cannot read folder: " + errno_text());
      return;
    }
    if (!m_open.empty() && folder_stat.st_dev != m_open.back().first &&
        leaves_for_another_file_system(folder, relative)) {
      return;
    }
    // A folder reached twice (through a link, or a bind mount) is walked once:
    // this is what ends symlink loops.
    std::pair<dev_t, ino_t> id{folder_stat.st_dev, folder_stat.st_ino};
    if (auto [seen, first] = m_visited.try_emplace(id, relative); !first) {
      // Reaching a folder that encloses the current one is a loop, which
      // says something odd about the input; a folder linked from two places
      // (lib -> usr/lib in a root file system) is ordinary.
      if (std::find(m_open.begin(), m_open.end(), id) != m_open.end()) {
        m_sink.warn(relative, "symbolic link loop; not followed");
      } else {
        spdlog::debug("{}: folder already visited as {}, skipped", relative, seen->second);
        m_sink.alias(relative, seen->second);
      }
      return;
    }
    m_open.push_back(id);
    walk_children(folder, relative, depth);
    m_open.pop_back();
  }

  void walk_children(const fs::path& folder, const std::string& relative, std::uint32_t depth) {

    std::error_code error;
    fs::directory_iterator it(folder, fs::directory_options::none, error);
    if (error) {
      m_sink.omit(relative.empty() ? "." : relative, "cannot read folder: " + error.message());
      return;
    }
    // Links come after the real entries, so that a folder reachable under
    // two names is walked under its own (usr/bin, not the bin link of a
    // merged-/usr root file system) and files are located where a package
    // database says they are.
    std::vector<std::pair<bool, std::string>> names;
    for (; it != fs::directory_iterator(); it.increment(error)) {
      if (error) {
        m_sink.omit(relative, "cannot list folder: " + error.message());
        break;
      }
      std::error_code link_error;
      bool is_link = it->is_symlink(link_error);
      names.emplace_back(is_link, it->path().filename().string());
    }
    std::sort(names.begin(), names.end());

    for (const auto& [is_link, name] : names) {
      if (m_context.stopped()) {
        return;
      }
      std::string child_relative = relative.empty() ? name : relative + "/" + name;
      visit(folder / name, child_relative, depth);
    }
  }

  void visit(const fs::path& path, const std::string& relative, std::uint32_t depth) {
    if (!m_context.count_entry(relative)) {
      return;
    }
    struct stat link_stat {};
    if (::lstat(path.c_str(), &link_stat) != 0) {
      // A file removed since its folder was listed (a live system's /run or
      // /tmp) was not there to be missed.
      if (errno == ENOENT) {
        spdlog::debug("{}: gone before it was read", relative);
      } else {
        m_sink.omit(relative, "cannot read: " + errno_text());
      }
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
    visit_file(path, relative, static_cast<std::uint64_t>(target_stat.st_size),
               looks_executable(relative, target_stat.st_mode), S_ISLNK(link_stat.st_mode));
  }

  // A link to a file is delivered when wanted, under its own name, but
  // neither hashed nor opened: the file it names is, where it is, as links
  // inside archives are (docs/sources.md).
  void visit_file(const fs::path& path, const std::string& relative, std::uint64_t size,
                  bool executable, bool is_link) {
    bool wanted = m_sink.wants(EntryInfo{relative, relative, size, {}});
    std::uint64_t cap = m_limits.max_buffered_file_size;
    bool by_head = false;
    if (!wanted && executable && m_sink.sniffs_heads()) {
      auto head = read_file_head(path, k_head_size);
      wanted = head.ok() && m_sink.wants_head(EntryInfo{relative, relative, size, {}}, *head);
      by_head = wanted;
      cap = m_limits.max_executable_size;
    }
    bool hashing = m_context.hashing() && !is_link;
    // Only files named like archives are opened, so that walking a source
    // tree stays a matter of listing folders (docs/sources.md).
    bool archive = m_limits.max_archive_depth > 0 && !is_link && has_archive_extension(relative);
    if (!wanted && !hashing && !archive) {
      return;
    }
    if (archive) {
      auto head = read_file_head(path, k_iso_sniff_size);
      archive = head.ok() && probe_archive_file(path, *head) != ArchiveProbe::not_archive;
    }
    // A file wanted by name that is too large to buffer may still be read
    // mapped, when every scanner that wants it can take it so (a large
    // executable named like software the binary classifier knows).
    if (wanted && !by_head && size > cap) {
      auto head = read_file_head(path, k_head_size);
      if (head.ok() && m_sink.maps_large(EntryInfo{relative, relative, size, {}}, *head)) {
        by_head = true;
        cap = m_limits.max_executable_size;
      }
    }
    bool hashed = false;
    if (wanted && size > cap) {
      m_sink.omit(relative, "file is " + std::to_string(size) + " bytes, over the limit of " +
                                std::to_string(cap) + "; not scanned");
    } else if (wanted && by_head) {
      // An executable is mapped, not read: a scanner reads its headers and
      // a few sections, whatever the file's size.
      auto mapped = map_file(path, size);
      if (!mapped) {
        m_sink.omit(relative, "cannot read: " + mapped.error());
        return;
      }
      SourceFile file{relative, relative, {}, {}};
      file.mapped = std::move(mapped).value();
      m_sink.receive(std::move(file));
    } else if (wanted) {
      auto contents = read_regular_file(path, size);
      m_context.add_read(size);
      if (!contents) {
        m_sink.omit(relative, "cannot read: " + contents.error());
        return;
      }
      if (auto hasher = m_context.make_hasher(); hasher && hashing) {
        hasher->update(*contents);
        m_sink.hashed(relative, {}, hasher->finish());
        hashed = true;
      }
      m_sink.receive(SourceFile{relative, relative, {}, std::move(contents).value()});
    }
    if (hashing && !hashed) {
      auto hasher = m_context.make_hasher();
      m_context.add_read(size);
      if (auto status = hash_file(path, *hasher); !status) {
        m_sink.omit(relative, "cannot read: " + status.error());
        return;
      }
      m_sink.hashed(relative, {}, hasher->finish());
    }
    if (archive && m_sink.opens_archive(EntryInfo{relative, relative, size, {}}) &&
        m_context.may_open_archive(relative)) {
      ArchiveWalker(m_context).walk_file(path, relative, 1);
    }
  }

  // Says once which folders were left out for their file system.
  void report_other_file_systems() {
    auto list = [](const std::vector<std::pair<std::string, std::string>>& folders) {
      std::string text;
      for (const auto& [relative, type] : folders) {
        text += (text.empty() ? "" : ", ") + relative + (type.empty() ? "" : " (" + type + ")");
      }
      return text;
    };
    if (!m_pseudo.empty()) {
      m_sink.note("not scanned: " + list(m_pseudo) +
                  ": file systems the kernel makes up (system state and devices, no software)");
    }
    if (!m_other.empty()) {
      m_sink.note("not scanned (--one-file-system): " + list(m_other) +
                  ": other file systems mounted in the scanned folder");
    }
  }

 private:
  // A folder on another file system than the one above it: made up by the
  // kernel (left out, always), or any other when staying on one file
  // system. True when it is left out.
  bool leaves_for_another_file_system(const fs::path& folder, const std::string& relative) {
    if (auto type = m_file_systems.pseudo_type(folder)) {
      spdlog::debug("{}: {} file system, not entered", relative, *type);
      m_pseudo.emplace_back(relative, *type);
      return true;
    }
    if (m_context.options().one_file_system) {
      spdlog::debug("{}: another file system, not entered", relative);
      m_other.emplace_back(relative, std::string());
      return true;
    }
    return false;
  }

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
  WalkContext& m_context;
  const Limits& m_limits;
  EntrySink& m_sink;
  std::vector<std::string> m_excludes;
  // Each folder walked, with the location it was walked under.
  std::map<std::pair<dev_t, ino_t>, std::string> m_visited;
  // The folders being walked, outermost first.
  std::vector<std::pair<dev_t, ino_t>> m_open;
  FileSystemTypes m_file_systems;
  // Folders left out for their file system, with its type.
  std::vector<std::pair<std::string, std::string>> m_pseudo;
  std::vector<std::pair<std::string, std::string>> m_other;
};

// Whether `root` holds an operating system: an os-release file or a
// package database, beside a usr folder. A project that keeps an
// etc/os-release among its sources has no usr folder beside it.
bool looks_like_root_file_system(const fs::path& root) {
  std::error_code error;
  if (!fs::is_directory(root / "usr", error)) {
    return false;
  }
  for (const char* marker :
       {"etc/os-release", "usr/lib/os-release", "var/lib/dpkg/status", "lib/apk/db/installed",
        "var/lib/rpm", "usr/lib/sysimage/rpm", "var/lib/pacman/local", "var/db/pkg"}) {
    if (fs::exists(root / marker, error)) {
      return true;
    }
  }
  return false;
}

class DirectorySource : public Source {
 public:
  DirectorySource(fs::path root, SourceOptions options)
      : m_root(std::move(root)), m_options(std::move(options)),
        m_kind(looks_like_root_file_system(m_root) ? SourceKind::root_file_system
                                                   : SourceKind::folder) {}

  SourceKind kind() const override { return m_kind; }

  Status walk(EntrySink& sink) override {
    WalkContext context(m_options, sink);
    DirectoryWalker walker(m_root, context);
    walker.walk_folder(m_root, "", 0);
    walker.report_other_file_systems();
    context.finish();
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
  SourceKind m_kind;
};

} // namespace

std::unique_ptr<Source> make_directory_source(fs::path root, SourceOptions options) {
  return std::make_unique<DirectorySource>(std::move(root), std::move(options));
}

} // namespace kensa::source
