// SPDX 2 YAML into the SPDX JSON tree (see spdx2_tree.hpp), through
// yaml-cpp. YAML is a superset of the JSON structure SPDX defines, so the
// conversion is node for node; only scalars need a decision (see
// scalar_value).
#include <kensa/format/spdx2_tree.hpp>

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <string>

namespace kensa::format {

namespace {

using Json = nlohmann::json;

std::string pointer_token(std::string_view key) {
  std::string token;
  for (char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

// YAML 1.2 core schema for plain scalars; quoted or explicitly tagged
// scalars are strings, so "1.0" stays the text an SPDX versionInfo wants.
Json scalar_value(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") {
    return text;
  }
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return nullptr;
  }
  if (text == "true" || text == "True" || text == "TRUE") {
    return true;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    return false;
  }
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const char* digits = *begin == '-' || *begin == '+' ? begin + 1 : begin;
  if (digits != end && *digits >= '0' && *digits <= '9') {
    long long integer = 0;
    auto parsed = std::from_chars(*begin == '+' ? begin + 1 : begin, end, integer);
    if (parsed.ec == std::errc() && parsed.ptr == end) {
      return integer;
    }
    double real = 0;
    auto parsed_real = std::from_chars(*begin == '+' ? begin + 1 : begin, end, real);
    if (parsed_real.ec == std::errc() && parsed_real.ptr == end) {
      return real;
    }
  }
  return text;
}

class YamlConverter {
 public:
  YamlConverter(Spdx2Tree& tree, const Spdx2TreeLimits& limits) : m_tree(tree), m_limits(limits) {}

  Result<Json> convert(const YAML::Node& node, const std::string& pointer, std::size_t depth) {
    // Aliases can make a small text a huge tree: every node converted
    // counts, including repeats.
    if (++m_nodes > m_limits.max_elements) {
      return fail("more than " + std::to_string(m_limits.max_elements) + " YAML nodes");
    }
    if (depth > m_limits.max_depth) {
      return fail("line " + std::to_string(node.Mark().line + 1) + ": nested deeper than " +
                  std::to_string(m_limits.max_depth));
    }
    if (node.Mark().line >= 0) {
      m_tree.lines[pointer] = static_cast<std::size_t>(node.Mark().line) + 1;
    }
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return Json(nullptr);
    case YAML::NodeType::Scalar:
      return scalar_value(node);
    case YAML::NodeType::Sequence: {
      Json array = Json::array();
      std::size_t index = 0;
      for (const auto& item : node) {
        auto value = convert(item, pointer + "/" + std::to_string(index++), depth + 1);
        if (!value.ok()) {
          return value;
        }
        array.push_back(std::move(*value));
      }
      return array;
    }
    case YAML::NodeType::Map: {
      Json object = Json::object();
      for (const auto& entry : node) {
        if (!entry.first.IsScalar()) {
          problem(entry.first.Mark().line + 1, "a mapping key that is not text; skipped");
          continue;
        }
        const std::string& key = entry.first.Scalar();
        if (object.contains(key)) {
          problem(entry.first.Mark().line + 1,
                  "key \"" + key + "\" given twice; the last value is kept");
        }
        auto value = convert(entry.second, pointer + "/" + pointer_token(key), depth + 1);
        if (!value.ok()) {
          return value;
        }
        if (entry.second.IsNull() && entry.first.Mark().line >= 0) {
          m_tree.lines[pointer + "/" + pointer_token(key)] =
              static_cast<std::size_t>(entry.first.Mark().line) + 1;
        }
        object[key] = std::move(*value);
      }
      return object;
    }
    }
    return Json(nullptr);
  }

 private:
  void problem(int line, std::string message) {
    if (m_tree.problems.size() < m_limits.max_problems) {
      m_tree.problems.push_back(
          {static_cast<std::size_t>(line > 0 ? line : 0), std::move(message)});
    }
  }

  Spdx2Tree& m_tree;
  const Spdx2TreeLimits& m_limits;
  std::size_t m_nodes = 0;
};

// yaml-cpp's own parser recurses once per nesting level of flow or block
// collections; text nested deeper than any SPDX document is refused before
// it gets there.
bool nests_too_deep(std::string_view text, std::size_t max_depth) {
  std::size_t open = 0;
  for (char c : text) {
    if (c == '[' || c == '{') {
      if (++open > max_depth * 4) {
        return true;
      }
    } else if ((c == ']' || c == '}') && open > 0) {
      --open;
    }
  }
  return false;
}

} // namespace

Result<Spdx2Tree> read_spdx2_yaml_tree(std::string_view text, const Spdx2TreeLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return fail("larger than " + std::to_string(limits.max_bytes) + " bytes");
  }
  if (nests_too_deep(text, limits.max_depth)) {
    return fail("brackets nested deeper than " + std::to_string(limits.max_depth * 4));
  }
  Spdx2Tree tree;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    return fail("line " + std::to_string(error.mark.line + 1) + ": " + error.msg);
  } catch (const std::exception& error) {
    return fail(error.what());
  }
  if (!root.IsMap()) {
    return fail("line 1: the document is not a YAML mapping");
  }
  YamlConverter converter(tree, limits);
  try {
    auto document = converter.convert(root, "", 0);
    if (!document.ok()) {
      return fail(document.error());
    }
    tree.document = std::move(*document);
  } catch (const YAML::Exception& error) {
    return fail("line " + std::to_string(error.mark.line + 1) + ": " + error.msg);
  }
  tree.lines[""] = 1;
  return tree;
}

} // namespace kensa::format
