#include "member_read.hpp"

#include "archive_reader.hpp"

#include <kensa/source/archive_format.hpp>
#include <kensa/util/strings.hpp>

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace kensa::source {

namespace {

// An ISO 9660 image shows its magic only 32 KiB in, so only members named
// like one are read that far before deciding.
std::size_t head_size_for(std::string_view path) {
  return has_archive_extension(path) && path.size() > 4 &&
                 equals_ignore_case(path.substr(path.size() - 4), ".iso")
             ? k_iso_sniff_size
             : k_sniff_size;
}

// An unnamed file in the temporary folder: nothing is left behind, whatever
// happens to the process. Where the file system cannot make one, a named
// file removed at once.
int open_temporary_file() {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::temp_directory_path(error);
  if (error) {
    folder = "/tmp";
  }
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    return fd;
  }
  std::string name = (folder / "kensa-member-XXXXXX").string();
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) {
    ::unlink(name.c_str());
  }
  return fd;
}

} // namespace

MemberRead::~MemberRead() {
  close_spool();
}

MemberRead::MemberRead(WalkContext& context, const EntryInfo& entry, std::uint32_t depth)
    : m_context(context), m_entry(entry), m_wanted(context.sink().wants(entry)),
      m_may_nest(depth < context.limits().max_archive_depth), m_hashing(context.hashing()),
      m_sniffing(!m_wanted && context.sink().sniffs_heads()),
      m_cap(context.limits().max_buffered_file_size), m_head_size(head_size_for(entry.path)),
      m_hasher(context.make_hasher()) {}

bool MemberRead::needs_nothing() const {
  return !m_wanted && !m_hashing && !m_sniffing && m_context.limits().max_archive_depth == 0;
}

bool MemberRead::decide(std::string_view head, bool complete) {
  const Limits& limits = m_context.limits();
  EntrySink& sink = m_context.sink();
  ArchiveProbe probe =
      limits.max_archive_depth > 0 ? probe_archive(head) : ArchiveProbe::not_archive;
  if (probe == ArchiveProbe::unknown && !complete && m_head_size < k_max_probe_size) {
    m_head_size = k_max_probe_size;
    return false;
  }
  if (m_sniffing) {
    m_wanted = sink.wants_head(m_entry, head);
    m_by_head = m_wanted;
    m_cap = limits.max_executable_size;
  } else if (m_wanted && sink.maps_large(m_entry, head)) {
    // Wanted by name and readable mapped: past the buffer cap it goes to a
    // temporary file, like an executable wanted for its head. The size an
    // archive states may be missing or false, so this is asked whatever it
    // says.
    m_by_head = true;
    m_cap = limits.max_executable_size;
  }
  m_nested = probe != ArchiveProbe::not_archive && sink.opens_archive(m_entry);
  m_maybe_nested = probe == ArchiveProbe::unknown;
  if (m_nested && !m_may_nest) {
    if (!m_maybe_nested) {
      sink.omit(std::string(m_entry.location), "archive nested more than " +
                                                   std::to_string(limits.max_archive_depth) +
                                                   " deep; not opened");
    }
    m_nested = false;
  }
  if (m_wanted && m_entry.size > m_cap) {
    sink.omit(std::string(m_entry.location), "file is " + size_text(m_entry.size) +
                                                 ", over the limit of " + size_text(m_cap) +
                                                 "; not scanned");
    m_wanted = false;
  }
  if (m_nested && m_entry.size > m_context.nested_room()) {
    drop_nested(" is " + size_text(m_entry.size) + ",");
  }
  m_plan = (m_wanted || m_nested) ? Plan::keep : m_hashing ? Plan::hash_only : Plan::skip;
  return true;
}

void MemberRead::drop_nested(const std::string& size_said) {
  if (m_maybe_nested) {
    spdlog::debug("{}: compressed, too large to look inside", m_entry.location);
  } else {
    m_context.sink().omit(std::string(m_entry.location),
                          "archive inside an archive" + size_said +
                              " over the memory left for nested archives (" +
                              size_text(m_context.nested_room()) + "); not opened");
  }
  m_nested = false;
}

void MemberRead::keep(std::string_view bytes) {
  std::uint64_t after = (spooled() ? m_spooled : m_kept.size()) + bytes.size();
  if (m_wanted && after > m_cap) {
    m_context.sink().omit(std::string(m_entry.location),
                          "file is over the limit of " + size_text(m_cap) + "; not scanned");
    m_wanted = false;
    close_spool();
  }
  if (m_nested && after > m_context.nested_room()) {
    drop_nested(" is");
  }
  // An archive to open is held in memory anyway, within the room for
  // nested archives; an executable alone goes to disk past the buffer cap,
  // from its first bytes on when its header says it will pass it: a copy
  // growing in memory up to the cap would take half as much again at its
  // last doubling, before it went to disk.
  const std::uint64_t expected = std::max<std::uint64_t>(after, m_entry.size);
  if (m_wanted && m_by_head && !m_nested && !spooled() &&
      expected > m_context.limits().max_buffered_file_size && !start_spool()) {
    m_wanted = false;
  }
  if (!m_wanted && !m_nested) {
    m_kept.clear();
    m_kept.shrink_to_fit();
    m_plan = m_hashing ? Plan::hash_only : Plan::skip;
    return;
  }
  if (spooled()) {
    if (!spool(bytes)) {
      m_wanted = false;
      m_plan = m_hashing ? Plan::hash_only : Plan::skip;
    }
    return;
  }
  m_kept.append(bytes);
}

bool MemberRead::start_spool() {
  m_spool = open_temporary_file();
  if (m_spool < 0) {
    m_context.sink().omit(std::string(m_entry.location),
                          std::string("cannot make a temporary file: ") + std::strerror(errno) +
                              "; not scanned");
    return false;
  }
  std::string kept = std::move(m_kept);
  m_kept.clear();
  m_kept.shrink_to_fit();
  return spool(kept);
}

bool MemberRead::spool(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(m_spool, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      m_context.sink().omit(std::string(m_entry.location),
                            std::string("cannot write a temporary copy: ") +
                                (written < 0 ? std::strerror(errno) : "disk full") +
                                "; not scanned");
      close_spool();
      return false;
    }
    m_spooled += static_cast<std::uint64_t>(written);
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

void MemberRead::close_spool() {
  if (m_spool >= 0) {
    ::close(m_spool);
    m_spool = -1;
    m_spooled = 0;
  }
}

Result<std::shared_ptr<const MappedFile>> MemberRead::map_spooled() {
  int fd = m_spool;
  m_spool = -1;
  return map_descriptor(fd, m_spooled);
}

void MemberRead::sniff(std::string_view bytes) {
  if (m_position == bytes.size() && is_compression(detect_archive_format(bytes))) {
    m_head_size = std::max(m_head_size, k_sniff_probe_size);
  }
  const bool complete = m_entry.size != 0 && m_position >= m_entry.size;
  if (m_kept.empty() && bytes.size() >= m_head_size) {
    // Seen in place: members are copied only when kept.
    if (!decide(bytes, complete)) {
      m_kept.append(bytes);
      return;
    }
    if (m_plan == Plan::keep) {
      keep(bytes);
    }
    return;
  }
  m_kept.append(bytes);
  if (m_kept.size() >= m_head_size) {
    if (!decide(m_kept, complete)) {
      return;
    }
    std::string head = std::move(m_kept);
    m_kept.clear();
    if (m_plan == Plan::keep) {
      keep(head);
    }
  }
}

void MemberRead::feed(std::string_view bytes) {
  if (m_hasher) {
    m_hasher->update(bytes);
  }
  m_position += bytes.size();
  switch (m_plan) {
  case Plan::sniff:
    sniff(bytes);
    return;
  case Plan::keep:
    keep(bytes);
    return;
  case Plan::hash_only:
  case Plan::skip:
    return;
  }
}

void MemberRead::finish() {
  if (m_plan != Plan::sniff) {
    return;
  }
  // The whole member is shorter than a head.
  decide(m_kept, true);
  std::string head = std::move(m_kept);
  m_kept.clear();
  if (m_plan == Plan::keep) {
    keep(head);
  }
}

} // namespace kensa::source
