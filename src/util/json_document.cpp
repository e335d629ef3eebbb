#include <kensa/util/json_builder.hpp>
#include <kensa/util/json_document.hpp>

#include <algorithm>

namespace kensa::json {

using detail::Node;
using detail::Storage;

std::int64_t Value::integer() const {
  switch (type()) {
  case Type::integer:
    return m_storage->numbers[node().offset].integer;
  case Type::unsigned_integer:
    return static_cast<std::int64_t>(m_storage->numbers[node().offset].unsigned_integer);
  case Type::real:
    return static_cast<std::int64_t>(m_storage->numbers[node().offset].real);
  default:
    return 0;
  }
}

std::uint64_t Value::unsigned_integer() const {
  switch (type()) {
  case Type::integer:
    return static_cast<std::uint64_t>(m_storage->numbers[node().offset].integer);
  case Type::unsigned_integer:
    return m_storage->numbers[node().offset].unsigned_integer;
  case Type::real:
    return static_cast<std::uint64_t>(m_storage->numbers[node().offset].real);
  default:
    return 0;
  }
}

double Value::real() const {
  switch (type()) {
  case Type::integer:
    return static_cast<double>(m_storage->numbers[node().offset].integer);
  case Type::unsigned_integer:
    return static_cast<double>(m_storage->numbers[node().offset].unsigned_integer);
  case Type::real:
    return m_storage->numbers[node().offset].real;
  default:
    return 0;
  }
}

std::size_t Value::size() const {
  switch (type()) {
  case Type::null:
    return 0;
  case Type::array:
  case Type::object:
    return node().size;
  default:
    return 1;
  }
}

Value Value::operator[](std::string_view name) const {
  if (!is_object()) {
    return {};
  }
  Value found;
  const auto& nodes = m_storage->nodes;
  const std::uint32_t end = node().end;
  // Comparing the first byte before the rest skips a memcmp call for
  // nearly every member that is not the one asked for (mappings look up a
  // dozen names in each object of a big document).
  const char first = name.empty() ? '\0' : name.front();
  for (std::uint32_t key = m_index + 1; key < end; key = nodes[key + 1].end) {
    if (nodes[key].size != name.size()) {
      continue;
    }
    const std::string_view candidate = m_storage->text_of(nodes[key]);
    if (!name.empty() && candidate.front() != first) {
      continue;
    }
    if (candidate == name) {
      found = Value(m_storage, key + 1);
      if (m_storage->unique_members) {
        break;
      }
    }
  }
  return found;
}

Value Value::operator[](std::size_t index) const {
  if (!is_array() || index >= node().size) {
    return {};
  }
  return Value(m_storage, m_storage->items[node().offset + index]);
}

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (const char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

std::optional<std::vector<std::string>> parse_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) {
    return tokens;
  }
  if (pointer.front() != '/') {
    return std::nullopt;
  }
  pointer.remove_prefix(1);
  std::string token;
  for (std::size_t i = 0; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
      continue;
    }
    if (pointer[i] == '~') {
      if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) {
        return std::nullopt;
      }
      token += pointer[i + 1] == '0' ? '~' : '/';
      ++i;
      continue;
    }
    token += pointer[i];
  }
  return tokens;
}

std::string Value::pointer_to(const Value& descendant) const {
  std::string pointer;
  if (!exists() || descendant.m_storage != m_storage || descendant.m_index < m_index ||
      descendant.m_index >= node().end) {
    return pointer;
  }
  const auto& nodes = m_storage->nodes;
  Value current = *this;
  while (current.m_index != descendant.m_index) {
    // The child whose subtree holds the descendant.
    bool found = false;
    std::size_t position = 0;
    for (auto it = current.begin(); it != current.end(); ++it, ++position) {
      const Value child = it.value();
      if (descendant.m_index >= child.m_index && descendant.m_index < nodes[child.m_index].end) {
        if (current.is_object()) {
          append_pointer_token(pointer, it.key());
        } else {
          pointer += '/';
          pointer += std::to_string(position);
        }
        current = child;
        found = true;
        break;
      }
    }
    if (!found) {
      return {}; // A member name: not a value of its own.
    }
  }
  return pointer;
}

std::vector<std::string> Value::pointers_to(const std::vector<Value>& descendants) const {
  std::vector<std::string> pointers(descendants.size());
  if (!exists()) {
    return pointers;
  }
  // The wanted node indices in document order, each with its place in the
  // answer; nodes come in document order, so one walk meets them in turn.
  std::vector<std::pair<std::uint32_t, std::size_t>> wanted;
  wanted.reserve(descendants.size());
  for (std::size_t i = 0; i < descendants.size(); ++i) {
    const Value& descendant = descendants[i];
    if (descendant.m_storage == m_storage && descendant.m_index >= m_index &&
        descendant.m_index < node().end) {
      wanted.emplace_back(descendant.m_index, i);
    }
  }
  std::sort(wanted.begin(), wanted.end());
  std::size_t next = 0;
  while (next < wanted.size() && wanted[next].first == m_index) {
    ++next; // This value itself: "".
  }
  const auto& nodes = m_storage->nodes;
  // The containers the walk is inside, with the length of their pointer.
  struct Open {
    std::uint32_t index;
    std::size_t position;
    std::size_t pointer_length;
  };
  std::vector<Open> open;
  if (is_structured()) {
    open.push_back({m_index, 0, 0});
  }
  std::string pointer;
  std::uint32_t at = m_index + 1;
  while (next < wanted.size() && !open.empty()) {
    Open& container = open.back();
    const Node& container_node = nodes[container.index];
    if (at >= container_node.end) {
      open.pop_back();
      continue;
    }
    pointer.resize(container.pointer_length);
    std::uint32_t child = at;
    if (container_node.type == Type::object) {
      append_pointer_token(pointer, m_storage->text_of(nodes[at]));
      child = at + 1;
    } else {
      pointer += '/';
      pointer += std::to_string(container.position);
    }
    ++container.position;
    // A member name is no value of its own: its pointer stays empty, as
    // pointer_to() gives it.
    while (next < wanted.size() && wanted[next].first < child) {
      ++next;
    }
    while (next < wanted.size() && wanted[next].first == child) {
      pointers[wanted[next].second] = pointer;
      ++next;
    }
    const Node& child_node = nodes[child];
    at = child_node.end;
    // Into the child only when a wanted value is inside it.
    const bool structured = child_node.type == Type::object || child_node.type == Type::array;
    if (structured && next < wanted.size() && wanted[next].first < child_node.end) {
      open.push_back({child, 0, pointer.size()});
      at = child + 1;
    }
  }
  return pointers;
}

std::vector<Value> Value::members_named(std::string_view name) const {
  std::vector<Value> found;
  if (!is_structured()) {
    return found;
  }
  const auto& nodes = m_storage->nodes;
  for (std::uint32_t index = m_index + 1; index < node().end; ++index) {
    const Node& candidate = nodes[index];
    if (candidate.key && candidate.size == name.size() && m_storage->text_of(candidate) == name) {
      found.push_back(Value(m_storage, index + 1));
    }
  }
  return found;
}

std::vector<std::pair<Value, Value>> Value::members_named_with_owner(std::string_view name) const {
  std::vector<std::pair<Value, Value>> found;
  if (!is_structured()) {
    return found;
  }
  const auto& nodes = m_storage->nodes;
  // The objects the walk is inside, innermost last; a node past an
  // object's end has left it.
  std::vector<std::uint32_t> objects;
  if (is_object()) {
    objects.push_back(m_index);
  }
  for (std::uint32_t index = m_index + 1; index < node().end; ++index) {
    while (!objects.empty() && index >= nodes[objects.back()].end) {
      objects.pop_back();
    }
    const Node& candidate = nodes[index];
    if (candidate.type == Type::object && !candidate.key) {
      objects.push_back(index);
    } else if (candidate.key && candidate.size == name.size() &&
               m_storage->text_of(candidate) == name && !objects.empty()) {
      found.emplace_back(Value(m_storage, objects.back()), Value(m_storage, index + 1));
    }
  }
  return found;
}

std::size_t Value::depth() const {
  if (!is_structured()) {
    return 0;
  }
  if (m_index == 0) {
    return m_storage->depth;
  }
  // Without recursion: (value, its depth) still to look into.
  std::vector<std::pair<Value, std::size_t>> pending{{*this, 1}};
  std::size_t deepest = 0;
  while (!pending.empty()) {
    const auto [current, level] = pending.back();
    pending.pop_back();
    deepest = std::max(deepest, level);
    for (const Value child : current) {
      if (child.is_structured()) {
        pending.emplace_back(child, level + 1);
      }
    }
  }
  return deepest;
}

// Only for messages and small values: nlohmann's serializer escapes as
// RFC 8259 says.
std::string Value::dump() const {
  return to_nlohmann().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json Value::to_nlohmann() const {
  switch (type()) {
  case Type::null:
    return nullptr;
  case Type::boolean:
    return boolean();
  case Type::integer:
    return integer();
  case Type::unsigned_integer:
    return unsigned_integer();
  case Type::real:
    return real();
  case Type::string:
    return std::string(string());
  case Type::array: {
    nlohmann::json array = nlohmann::json::array();
    for (const Value item : *this) {
      array.push_back(item.to_nlohmann());
    }
    return array;
  }
  case Type::object: {
    nlohmann::json object = nlohmann::json::object();
    for (auto it = begin(); it != end(); ++it) {
      object[std::string(it.key())] = it.value().to_nlohmann();
    }
    return object;
  }
  }
  return nullptr;
}

Document::Document() : m_storage(std::make_unique<Storage>()) {
  Node& null = m_storage->nodes.emplace_back();
  null.end = 1;
}

// Copies without recursion (nlohmann values may nest as deep as the input
// did) and without re-encoding, so strings are carried byte for byte.
Document Document::from(const nlohmann::json& value) {
  Builder builder;
  struct Open {
    const nlohmann::json* container;
    nlohmann::json::const_iterator next;
  };
  std::vector<Open> open;
  const auto add = [&](const nlohmann::json& item) {
    switch (item.type()) {
    case nlohmann::json::value_t::string:
      builder.string(item.get_ref<const std::string&>());
      break;
    case nlohmann::json::value_t::boolean:
      builder.boolean(item.get<bool>());
      break;
    case nlohmann::json::value_t::number_integer:
      builder.integer(item.get<std::int64_t>());
      break;
    case nlohmann::json::value_t::number_unsigned:
      builder.unsigned_integer(item.get<std::uint64_t>());
      break;
    case nlohmann::json::value_t::number_float:
      builder.real(item.get<double>());
      break;
    case nlohmann::json::value_t::array:
      builder.begin_array();
      open.push_back(Open{&item, item.cbegin()});
      break;
    case nlohmann::json::value_t::object:
      builder.begin_object();
      open.push_back(Open{&item, item.cbegin()});
      break;
    default:
      builder.null();
      break;
    }
  };
  add(value);
  while (!open.empty()) {
    Open& current = open.back();
    if (current.next == current.container->cend()) {
      builder.end();
      open.pop_back();
      continue;
    }
    const auto member = current.next++;
    if (current.container->is_object()) {
      builder.key(member.key());
    }
    add(*member); // May grow `open`: `current` is not used after this.
  }
  return std::move(builder).finish();
}

std::vector<std::pair<std::string_view, Value>> members_by_name(Value object) {
  std::vector<std::pair<std::string_view, Value>> members;
  if (!object.is_object()) {
    return members;
  }
  members.reserve(object.size());
  for (auto it = object.begin(); it != object.end(); ++it) {
    members.emplace_back(it.key(), it.value());
  }
  // Stable, so that of the members with one name the last stays last.
  std::stable_sort(members.begin(), members.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::string_view, Value>> unique;
  unique.reserve(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i + 1 < members.size() && members[i + 1].first == members[i].first) {
      continue;
    }
    unique.push_back(members[i]);
  }
  return unique;
}

} // namespace kensa::json
