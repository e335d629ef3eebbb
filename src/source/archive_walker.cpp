#include "archive_walker.hpp"

#include "member_read.hpp"

#include <kensa/source/archive_format.hpp>
#include <kensa/source/entry_path.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <archive_entry.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace kensa::source {

namespace {

MemberType member_type(archive_entry* entry) {
  if (archive_entry_hardlink(entry) != nullptr) {
    return MemberType::hardlink;
  }
  switch (archive_entry_filetype(entry)) {
  case AE_IFREG:
    return MemberType::regular;
  case AE_IFDIR:
    return MemberType::directory;
  case AE_IFLNK:
    return MemberType::symlink;
  default:
    return MemberType::other;
  }
}

const char* member_name(archive_entry* entry) {
  // UTF-8 when libarchive knows the name's encoding, the raw bytes otherwise
  // (a tar records no encoding, and the C locale cannot convert).
  const char* name = archive_entry_pathname_utf8(entry);
  return name != nullptr ? name : archive_entry_pathname(entry);
}

// Longest member name read. Linux paths stop at 4096 bytes; a longer name
// (a pax header may hold 1,000,000 bytes) would be copied into every location
// and diagnostic made from it.
constexpr std::size_t k_max_member_name = 4096;

// The start of a member name, for a warning about it.
std::string shown_name(std::string_view name) {
  constexpr std::size_t k_shown = 100;
  if (name.size() <= k_shown) {
    return std::string(name);
  }
  std::size_t end = k_shown;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) {
    --end;
  }
  return std::string(name.substr(0, end)) + "...";
}

// libarchive warns when a name cannot be converted to the C locale's
// charset; the raw name is used then (member_name), so nothing is lost.
bool is_charset_warning(std::string_view warning) {
  return warning.find("can't be converted") != std::string_view::npos ||
         warning.find("cannot be converted") != std::string_view::npos;
}

// The bookkeeping members of an ar archive (a static library's symbol
// table, "/" or "/SYM64/" in GNU ar and "__.SYMDEF" in BSD ar; the long-name
// table "//"), which libarchive hands out like members: they are no files.
bool is_ar_index(std::string_view name) {
  return name == "/" || name == "//" || name == "/SYM64/" || name == "__.SYMDEF" ||
         name == "__.SYMDEF SORTED";
}

} // namespace

struct ArchiveWalker::Progress {
  const std::string& location;
  // Member bytes read out (decompressed, for zip and 7z).
  std::uint64_t data_bytes = 0;
  // Decompressed bytes already added to the scan's total.
  std::uint64_t counted = 0;
  bool abandoned = false;
};

namespace {

// Whether `expanded` bytes from `compressed` pass the ratio cap (checked only
// once `expanded` reaches the threshold); warns about `location` when not.
bool within_ratio(WalkContext& context, std::uint64_t expanded, std::uint64_t compressed,
                  const std::string& location, const char* whose) {
  const Limits& limits = context.limits();
  compressed = std::max<std::uint64_t>(compressed, 1);
  if (expanded < limits.ratio_threshold || expanded / compressed <= limits.max_compression_ratio) {
    return true;
  }
  context.sink().omit(location, "decompressed " + size_text(expanded) + whose + " from " +
                                    size_text(compressed) + ", more than " +
                                    std::to_string(limits.max_compression_ratio) +
                                    " times as much (a zip bomb?); the rest of this archive "
                                    "was not scanned");
  return false;
}

} // namespace

bool ArchiveWalker::within_limits(ArchiveReader& reader, Progress& progress) {
  std::uint64_t expanded = progress.data_bytes;
  if (reader.is_compressed()) {
    expanded = std::max(expanded, reader.uncompressed_bytes());
  }
  if (expanded > progress.counted) {
    if (!m_context.add_decompressed(expanded - progress.counted, progress.location)) {
      progress.abandoned = true;
      return false;
    }
    if (m_nest) {
      m_nest->expanded += expanded - progress.counted;
    }
    progress.counted = expanded;
  }
  if (!within_ratio(m_context, expanded, reader.compressed_bytes(), progress.location, "")) {
    progress.abandoned = true;
    return false;
  }
  if (m_nest && !m_nest->abandoned && m_nest->outermost != &reader &&
      !within_ratio(m_context, m_nest->expanded, m_nest->outermost->compressed_bytes(),
                    m_nest->location, " with the archives inside it")) {
    m_nest->abandoned = true;
  }
  if (m_nest && m_nest->abandoned) {
    progress.abandoned = true;
    return false;
  }
  return true;
}

void ArchiveWalker::walk(ArchiveReader& reader, const std::string& archive_location,
                         const std::string& prefix, std::uint32_t depth, std::string_view layer,
                         MemberFilter* filter) {
  Progress progress{archive_location};
  // The first archive of a walk is the outermost of its nest; the archives
  // opened inside it add to its total.
  struct NestScope {
    std::optional<Nest>& nest;
    bool outermost;
    ~NestScope() {
      if (outermost) {
        nest.reset();
      }
    }
  } scope{m_nest, !m_nest};
  if (scope.outermost) {
    m_nest.emplace(Nest{&reader, archive_location});
  }
  bool first = true;
  while (!m_context.stopped() && !progress.abandoned) {
    auto next = reader.next();
    if (next == ArchiveReader::Next::end) {
      break;
    }
    if (next == ArchiveReader::Next::failed) {
      m_context.sink().omit(
          archive_location,
          (first ? "cannot read archive: " : "archive is damaged or truncated: ") +
              reader.error_text() + (first ? "" : "; kept what was read before"));
      break;
    }
    if (first && reader.is_raw()) {
      // A compressed plain file: nothing inside to walk.
      return;
    }
    first = false;
    archive_entry* entry = reader.entry();
    const char* raw_name = member_name(entry);
    if (raw_name == nullptr) {
      m_context.sink().omit(archive_location, "member without a name skipped");
      continue;
    }
    if (reader.is_ar() && is_ar_index(raw_name)) {
      continue;
    }
    EntryPath sanitized = sanitize_entry_path(raw_name);
    std::string location = prefix + sanitized.path;
    if (!m_context.count_entry(location)) {
      break;
    }
    if (const std::string& warning = reader.entry_warning();
        !warning.empty() && !is_charset_warning(warning)) {
      // Its name or attributes may be wrong (a rejected pax header leaves
      // the name cut at 100 bytes): not scanned under them.
      m_context.sink().omit(archive_location,
                            "member '" + shown_name(raw_name) + "' skipped: " + warning);
      continue;
    }
    if (std::string_view name(raw_name); name.size() > k_max_member_name) {
      m_context.sink().omit(archive_location, "member '" + shown_name(name) +
                                                  "' skipped: its name is " +
                                                  size_text(name.size()) + ", over the limit of " +
                                                  size_text(k_max_member_name));
      continue;
    }
    if (sanitized.escaped) {
      m_context.sink().warn(archive_location, "member name '" + std::string(raw_name) +
                                                  "' leaves the archive; scanned as '" +
                                                  sanitized.path + "'");
    }
    if (sanitized.path.empty()) {
      continue;
    }
    MemberType type = member_type(entry);
    if (filter != nullptr && !filter->admit(sanitized.path, type)) {
      continue;
    }
    if (type == MemberType::symlink || type == MemberType::hardlink) {
      // Links are recorded by the filter (images) and told to the sink, never
      // followed: their target may lie outside the archive.
      spdlog::debug("{}: link, not followed", location);
      if (type == MemberType::symlink) {
        report_link(entry, sanitized.path, prefix);
      }
      continue;
    }
    if (type != MemberType::regular) {
      continue;
    }
    auto size = archive_entry_size_is_set(entry) != 0
                    ? static_cast<std::uint64_t>(std::max<la_int64_t>(archive_entry_size(entry), 0))
                    : 0;
    visit_file(reader, progress, sanitized.path, location, size, layer, depth);
    if (!progress.abandoned) {
      within_limits(reader, progress);
    }
  }
}

void ArchiveWalker::report_link(archive_entry* entry, const std::string& path,
                                const std::string& prefix) {
  const char* target = archive_entry_symlink_utf8(entry);
  if (target == nullptr) {
    target = archive_entry_symlink(entry);
  }
  if (target == nullptr || *target == '\0') {
    return;
  }
  // An absolute target names a path from the archive's root (an image's file
  // system); a relative one starts in the link's folder. Either way the
  // result stays inside the archive.
  const std::string_view link_target = target;
  const std::string resolved =
      resolve_path(link_target.starts_with('/') ? std::string_view() : folder_of(path), link_target)
          .path;
  if (!resolved.empty() && resolved != path) {
    m_context.sink().alias(prefix + path, prefix + resolved);
  }
}

void ArchiveWalker::visit_file(ArchiveReader& reader, Progress& progress, const std::string& path,
                               const std::string& location, std::uint64_t size,
                               std::string_view layer, std::uint32_t depth) {
  const EntryInfo entry{location, path, size, layer};
  MemberRead member(m_context, entry, depth);
  if (member.needs_nothing()) {
    return; // The next header skips the data, often without decompressing it.
  }
  if (!read_member(reader, progress, member)) {
    return;
  }
  member.finish();
  if (member.plan() == MemberRead::Plan::skip) {
    return;
  }
  EntrySink& sink = m_context.sink();
  if (member.hasher()) {
    sink.hashed(location, std::string(layer), member.hasher()->finish());
  }
  if (member.wanted() && member.spooled()) {
    SourceFile file{location, path, std::string(layer), {}};
    auto mapped = member.map_spooled();
    if (mapped) {
      file.mapped = std::move(mapped).value();
      sink.receive(std::move(file));
    } else {
      sink.omit(location, "cannot read the temporary copy: " + mapped.error() + "; not scanned");
    }
  } else if (member.wanted()) {
    SourceFile file{location, path, std::string(layer), {}};
    file.contents = member.nested() ? member.kept() : std::move(member.kept());
    sink.receive(std::move(file));
  }
  if (member.nested() && m_context.may_open_archive(location)) {
    walk_nested(member.kept(), location, depth + 1, layer);
  }
}

bool ArchiveWalker::read_member(ArchiveReader& reader, Progress& progress, MemberRead& member) {
  static const std::string k_zeros(1 << 16, '\0');
  auto feed = [&](std::string_view bytes) {
    progress.data_bytes += bytes.size();
    member.feed(bytes);
  };
  while (member.plan() != MemberRead::Plan::skip) {
    auto block = reader.read_block();
    if (!block) {
      m_context.sink().omit(std::string(member.entry().location),
                            "archive is damaged or truncated: " + reader.error_text() +
                                "; kept what was read before");
      progress.abandoned = true;
      return false;
    }
    if (block->end) {
      break;
    }
    // A hole in a sparse member reads as zeros. They are made only while
    // something needs the bytes (a head not seen yet, a kept file, a hash):
    // a member declaring gigabytes of holes in a few kilobytes costs
    // nothing when nothing needs them, and counts as read only as far as
    // zeros were made.
    while (block->offset > member.position() && member.plan() != MemberRead::Plan::skip) {
      auto gap = std::min<std::uint64_t>(block->offset - member.position(), k_zeros.size());
      feed(std::string_view(k_zeros).substr(0, static_cast<std::size_t>(gap)));
      if (member.plan() != MemberRead::Plan::sniff && !within_limits(reader, progress)) {
        return false;
      }
    }
    if (member.plan() == MemberRead::Plan::skip) {
      break;
    }
    feed(block->bytes);
    if (!within_limits(reader, progress)) {
      return false;
    }
  }
  return true;
}

void ArchiveWalker::walk_nested(std::string_view bytes, const std::string& location,
                                std::uint32_t depth, std::string_view layer) {
  m_context.hold_nested(bytes.size());
  auto reader = ArchiveReader::open_memory(bytes);
  if (!reader) {
    m_context.sink().omit(location, "cannot open archive: " + reader.error());
  } else {
    walk(*reader, location, location + "!/", depth, layer);
  }
  m_context.release_nested(bytes.size());
}

void ArchiveWalker::walk_file(const std::filesystem::path& path, const std::string& location,
                              std::uint32_t depth) {
  auto reader = ArchiveReader::open_file(path);
  if (!reader) {
    m_context.sink().omit(location, "cannot open archive: " + reader.error());
    return;
  }
  walk(*reader, location, location + "!/", depth, {});
}

} // namespace kensa::source
