#include <kensa/util/json_builder.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace kensa::json {

using detail::Node;
using detail::Number;

Builder::Builder() : m_storage(std::make_unique<detail::Storage>()) {}

void Builder::reserve(std::size_t nodes, std::size_t items, std::size_t string_bytes) {
  m_storage->nodes.reserve(nodes);
  m_storage->items.reserve(items);
  m_storage->strings.reserve(string_bytes);
}

void Builder::borrow_from(std::string_view source) {
  m_storage->source = source;
}

bool Builder::borrows(std::string_view text) const {
  // Compared as addresses: `text` may point anywhere.
  const auto start = reinterpret_cast<std::uintptr_t>(m_storage->source.data());
  const auto at = reinterpret_cast<std::uintptr_t>(text.data());
  return !m_storage->source.empty() && at >= start &&
         at + text.size() <= start + m_storage->source.size();
}

// Inputs are size-capped before they are read and every node comes from at
// least one byte of text, so indices stay far below 2^32.
Node& Builder::add_node(Type type) {
  const auto index = static_cast<std::uint32_t>(m_storage->nodes.size());
  if (!m_open.empty()) {
    Node& parent = m_storage->nodes[m_open.back().node];
    if (parent.type == Type::array) {
      ++parent.size;
      m_pending_items.push_back(index);
    }
  }
  Node& node = m_storage->nodes.emplace_back();
  node.type = type;
  node.end = index + 1;
  return node;
}

void Builder::null() {
  add_node(Type::null);
}

void Builder::boolean(bool value) {
  add_node(Type::boolean).boolean = value;
}

void Builder::integer(std::int64_t value) {
  Number number{};
  number.integer = value;
  add_number(Type::integer, number);
}

void Builder::unsigned_integer(std::uint64_t value) {
  Number number{};
  number.unsigned_integer = value;
  add_number(Type::unsigned_integer, number);
}

void Builder::real(double value) {
  Number number{};
  number.real = value;
  add_number(Type::real, number);
}

void Builder::add_number(Type type, Number value) {
  const auto offset = static_cast<std::uint32_t>(m_storage->numbers.size());
  add_node(type).offset = offset;
  m_storage->numbers.push_back(value);
}

std::uint32_t Builder::string_offset(std::size_t offset) {
  if (offset > detail::k_max_indexed_bytes) {
    throw std::length_error("JSON strings beyond 4 GiB cannot be indexed");
  }
  return static_cast<std::uint32_t>(offset);
}

void Builder::string(std::string_view text) {
  const bool borrowed = borrows(text);
  Node& node = add_node(Type::string);
  node.size = static_cast<std::uint32_t>(text.size());
  node.borrowed = borrowed;
  if (borrowed) {
    node.offset = string_offset(static_cast<std::size_t>(text.data() - m_storage->source.data()));
  } else {
    node.offset = string_offset(m_storage->strings.size());
    m_storage->strings.append(text);
  }
}

void Builder::key(std::string_view name) {
  if (m_open.empty() || m_storage->nodes[m_open.back().node].type != Type::object) {
    return; // Not inside an object: nothing to name.
  }
  ++m_storage->nodes[m_open.back().node].size;
  const auto index = static_cast<std::uint32_t>(m_storage->nodes.size());
  Node& node = m_storage->nodes.emplace_back();
  node.type = Type::string;
  node.key = true;
  node.end = index + 1;
  node.offset = string_offset(m_storage->strings.size());
  node.size = static_cast<std::uint32_t>(name.size());
  m_storage->strings.append(name);
}

void Builder::begin_array() {
  const std::uint32_t index = next_node();
  add_node(Type::array);
  m_open.push_back({index, m_pending_items.size()});
  m_storage->depth = std::max(m_storage->depth, m_open.size());
}

void Builder::begin_object() {
  const std::uint32_t index = next_node();
  add_node(Type::object);
  m_open.push_back({index, m_pending_items.size()});
  m_storage->depth = std::max(m_storage->depth, m_open.size());
}

void Builder::end() {
  if (m_open.empty()) {
    return;
  }
  const Open open = m_open.back();
  m_open.pop_back();
  Node& node = m_storage->nodes[open.node];
  node.end = next_node();
  if (node.type == Type::array) {
    auto& items = m_storage->items;
    node.offset = static_cast<std::uint32_t>(items.size());
    items.insert(items.end(),
                 m_pending_items.begin() + static_cast<std::ptrdiff_t>(open.first_item),
                 m_pending_items.end());
    m_pending_items.resize(open.first_item);
  }
}

Document Builder::finish() && {
  while (!m_open.empty()) {
    end();
  }
  Document document;
  if (!m_storage->nodes.empty()) {
    document.m_storage = std::move(m_storage);
  }
  return document;
}

} // namespace kensa::json
