#include "layer_squash.hpp"

#include <kensa/util/path_text.hpp>

namespace kensa::source {

namespace {

constexpr std::string_view k_whiteout = ".wh.";
constexpr std::string_view k_opaque = ".wh..wh..opq";

void merge(std::unordered_set<std::string>& into, std::unordered_set<std::string>& from) {
  into.merge(from);
  from.clear();
}

} // namespace

MemberFilter& LayerSquash::next_layer() {
  return m_filter;
}

void LayerSquash::finish_layer() {
  merge(m_present, m_layer_present);
  merge(m_not_folders, m_layer_not_folders);
  merge(m_deleted, m_layer_deleted);
  merge(m_opaque, m_layer_opaque);
}

bool LayerSquash::hidden(const std::string& path) const {
  if (m_present.count(path) > 0 || m_deleted.count(path) > 0) {
    return true;
  }
  // Every folder above the path: deleted, made opaque, or replaced by a file.
  for (std::size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    std::string folder = path.substr(0, slash);
    if (m_deleted.count(folder) > 0 || m_opaque.count(folder) > 0 ||
        m_not_folders.count(folder) > 0) {
      return true;
    }
  }
  return false;
}

bool LayerSquash::Filter::admit(const std::string& path, MemberType type) {
  const std::string_view name = file_name_of(path);
  const std::string_view folder = folder_of(path);
  // Only regular files are markers: a folder named ".wh.x" is content.
  if (name.starts_with(k_whiteout) && type != MemberType::directory) {
    if (name == k_opaque) {
      m_owner.m_layer_opaque.insert(std::string(folder));
      return false;
    }
    std::string_view victim = name.substr(k_whiteout.size());
    // ".wh..wh.*" are other AUFS markers; "", "." and ".." would delete the
    // folder holding the marker or its parent, which no runtime honours.
    if (victim.starts_with(k_whiteout) || victim.empty() || victim == "." || victim == "..") {
      return false;
    }
    m_owner.m_layer_deleted.insert(join_path(folder, victim));
    return false;
  }
  if (m_owner.m_scope == LayerScope::all_layers) {
    return true;
  }
  if (m_owner.hidden(path)) {
    return false;
  }
  m_owner.m_layer_present.insert(path);
  if (type != MemberType::directory) {
    m_owner.m_layer_not_folders.insert(path);
  }
  return true;
}

} // namespace kensa::source
