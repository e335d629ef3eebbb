#include "member_read.hpp"

#include "archive_reader.hpp"

#include <kensa/source/archive_format.hpp>
#include <kensa/util/strings.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>

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

} // namespace

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
  std::uint64_t after = m_kept.size() + bytes.size();
  if (m_wanted && after > m_cap) {
    m_context.sink().omit(std::string(m_entry.location),
                          "file is over the limit of " + size_text(m_cap) + "; not scanned");
    m_wanted = false;
  }
  if (m_nested && after > m_context.nested_room()) {
    drop_nested(" is");
  }
  if (!m_wanted && !m_nested) {
    m_kept.clear();
    m_kept.shrink_to_fit();
    m_plan = m_hashing ? Plan::hash_only : Plan::skip;
    return;
  }
  m_kept.append(bytes);
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
