// SPDX 2 YAML into the SPDX JSON tree (see spdx2_tree.hpp), through
// yaml-cpp. YAML is a superset of the JSON structure SPDX defines, so the
// conversion is node for node; only scalars need a decision (see
// write_scalar).
#include <kensa/format/spdx2_tree.hpp>
#include <kensa/util/json_builder.hpp>

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <set>
#include <string>

namespace kensa::format {

namespace {

// YAML 1.2 core schema for plain scalars; quoted or explicitly tagged
// scalars are strings, so "1.0" stays the text an SPDX versionInfo wants.
void write_scalar(const YAML::Node& node, json::Builder& out) {
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") {
    out.string(text);
    return;
  }
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    out.null();
    return;
  }
  if (text == "true" || text == "True" || text == "TRUE") {
    out.boolean(true);
    return;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    out.boolean(false);
    return;
  }
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const char* digits = *begin == '-' || *begin == '+' ? begin + 1 : begin;
  if (digits != end && *digits >= '0' && *digits <= '9') {
    long long integer = 0;
    auto parsed = std::from_chars(*begin == '+' ? begin + 1 : begin, end, integer);
    if (parsed.ec == std::errc() && parsed.ptr == end) {
      out.integer(integer);
      return;
    }
    double real = 0;
    auto parsed_real = std::from_chars(*begin == '+' ? begin + 1 : begin, end, real);
    if (parsed_real.ec == std::errc() && parsed_real.ptr == end) {
      out.real(real);
      return;
    }
  }
  out.string(text);
}

class YamlConverter {
 public:
  YamlConverter(Spdx2Tree& tree, const Spdx2TreeLimits& limits) : m_tree(tree), m_limits(limits) {}

  // Writes `node` into `out`; `line` is the line to note for it when the
  // node itself has none (a null value takes its key's).
  Status convert(const YAML::Node& node, json::Builder& out, std::size_t depth,
                 std::size_t line_of_key = 0) {
    // Aliases can make a small text a huge tree: every node converted
    // counts, including repeats.
    if (++m_nodes > m_limits.max_elements) {
      return fail("more than " + std::to_string(m_limits.max_elements) + " YAML nodes");
    }
    if (depth > m_limits.max_depth) {
      return fail("line " + std::to_string(node.Mark().line + 1) + ": nested deeper than " +
                  std::to_string(m_limits.max_depth));
    }
    std::size_t line = node.Mark().line >= 0 ? static_cast<std::size_t>(node.Mark().line) + 1 : 0;
    if (node.IsNull() && line_of_key != 0) {
      line = line_of_key;
    }
    if (line != 0) {
      const std::uint32_t index = out.next_node();
      if (m_tree.node_lines.size() <= index) {
        m_tree.node_lines.resize(index + 1);
      }
      m_tree.node_lines[index] = static_cast<std::uint32_t>(line);
    }
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      out.null();
      return ok_status();
    case YAML::NodeType::Scalar:
      write_scalar(node, out);
      return ok_status();
    case YAML::NodeType::Sequence: {
      out.begin_array();
      for (const auto& item : node) {
        if (auto status = convert(item, out, depth + 1); !status.ok()) {
          return status;
        }
      }
      out.end();
      return ok_status();
    }
    case YAML::NodeType::Map: {
      out.begin_object();
      std::set<std::string> keys;
      for (const auto& entry : node) {
        if (!entry.first.IsScalar()) {
          problem(entry.first.Mark().line + 1, "a mapping key that is not text; skipped");
          continue;
        }
        const std::string& key = entry.first.Scalar();
        if (!keys.insert(key).second) {
          problem(entry.first.Mark().line + 1,
                  "key \"" + key + "\" given twice; the last value is kept");
        }
        out.key(key);
        const std::size_t key_line = entry.first.Mark().line >= 0
                                         ? static_cast<std::size_t>(entry.first.Mark().line) + 1
                                         : 0;
        if (auto status = convert(entry.second, out, depth + 1, key_line); !status.ok()) {
          return status;
        }
      }
      out.end();
      return ok_status();
    }
    }
    out.null();
    return ok_status();
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
  json::Builder builder;
  try {
    if (auto status = converter.convert(root, builder, 0); !status.ok()) {
      return fail(status.error());
    }
  } catch (const YAML::Exception& error) {
    return fail("line " + std::to_string(error.mark.line + 1) + ": " + error.msg);
  }
  tree.document = std::move(builder).finish();
  if (tree.node_lines.empty()) {
    tree.node_lines.resize(1);
  }
  tree.node_lines[0] = 1;
  return tree;
}

} // namespace kensa::format
