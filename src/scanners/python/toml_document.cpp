#include "toml_document.hpp"

#include "../common/parsers/toml_text.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::python {

namespace {

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
  case toml::node_type::floating_point:
    return "a number";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::date:
  case toml::node_type::time:
  case toml::node_type::date_time:
    return "a date or time";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

void wrong_type(const toml::node& node, std::string_view key, std::string_view where,
                std::string_view expected, FileReport& warnings) {
  std::string message(where);
  message += ": \"";
  message += key;
  message += "\" is ";
  message += type_name(node);
  message += ", not ";
  message += expected;
  warnings.warn(std::move(message));
}

} // namespace

std::optional<toml::table> parse_toml(std::string_view text, FileReport& warnings) {
  auto parsed = scanner::parse_toml(text);
  if (!parsed) {
    warnings.omit(parsed.error());
    return std::nullopt;
  }
  return std::move(parsed).value();
}

std::string toml_text(const toml::table& table, std::string_view key, std::string_view where,
                      FileReport& warnings) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return {};
  }
  if (const auto* value = node->as_string()) {
    return value->get();
  }
  wrong_type(*node, key, where, "a string", warnings);
  return {};
}

std::vector<std::string> toml_texts(const toml::table& table, std::string_view key,
                                    std::string_view where, FileReport& warnings) {
  std::vector<std::string> texts;
  const toml::array* array = toml_array(table, key, where, warnings);
  if (array == nullptr) {
    return texts;
  }
  for (const auto& element : *array) {
    if (const auto* value = element.as_string()) {
      texts.push_back(value->get());
    } else {
      wrong_type(element, key, where, "a string in the array", warnings);
    }
  }
  return texts;
}

const toml::table* toml_table(const toml::table& table, std::string_view key,
                              std::string_view where, FileReport& warnings) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return nullptr;
  }
  if (const auto* value = node->as_table()) {
    return value;
  }
  wrong_type(*node, key, where, "a table", warnings);
  return nullptr;
}

const toml::array* toml_array(const toml::table& table, std::string_view key,
                              std::string_view where, FileReport& warnings) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return nullptr;
  }
  if (const auto* value = node->as_array()) {
    return value;
  }
  wrong_type(*node, key, where, "an array", warnings);
  return nullptr;
}

} // namespace kensa::scanner::python
