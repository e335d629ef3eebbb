#include "yaml_text.hpp"

namespace kensa::scanner::javascript {

namespace {

// The deepest nesting a line can open: its indentation (block nesting needs
// at least one more column per level), plus "- " and "? " sequence and
// complex-key markers that open levels on one line, plus open flow brackets
// carried over from earlier lines. A cheap upper bound, checked before
// yaml-cpp recurses.
std::size_t nesting_bound(std::string_view text, std::size_t& line_number) {
  std::size_t flow = 0;
  std::size_t deepest = 0;
  std::size_t line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t indent = 0;
    while (i < text.size() && text[i] == ' ') {
      ++indent;
      ++i;
    }
    std::size_t markers = 0;
    while (i + 1 < text.size() && (text[i] == '-' || text[i] == '?') &&
           (text[i + 1] == ' ' || text[i + 1] == '\n')) {
      ++markers;
      i += 2;
      while (i < text.size() && text[i] == ' ') {
        ++i;
      }
    }
    char quote = 0;
    for (; i < text.size() && text[i] != '\n'; ++i) {
      char c = text[i];
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"') {
          ++i;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        while (i < text.size() && text[i] != '\n') {
          ++i;
        }
        break;
      } else if (c == '[' || c == '{') {
        ++flow;
        if (flow > deepest) {
          deepest = flow;
          line_number = line;
        }
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
      }
    }
    std::size_t depth = indent + markers + flow;
    if (depth > deepest) {
      deepest = depth;
      line_number = line;
    }
    ++line;
    ++i;
  }
  return deepest;
}

} // namespace

bool load_yaml(std::string_view text, FileReport& report, YAML::Node& document) {
  std::size_t line = 0;
  if (nesting_bound(text, line) > k_max_yaml_depth) {
    report.warn_at(line, "nested deeper than " + std::to_string(k_max_yaml_depth) +
                             " levels (or indented that far); not read");
    return false;
  }
  try {
    document = YAML::Load(std::string(text));
    return true;
  } catch (const YAML::Exception& error) {
    std::size_t at = error.mark.is_null() ? 0 : static_cast<std::size_t>(error.mark.line) + 1;
    report.warn_at(at, "not valid YAML: " + error.msg);
  } catch (const std::exception& error) {
    report.warn(std::string("not valid YAML: ") + error.what());
  }
  return false;
}

std::string scalar(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) {
    return {};
  }
  return node.Scalar();
}

YAML::Node child(const YAML::Node& node, std::string_view key) {
  if (!node.IsDefined() || !node.IsMap()) {
    return YAML::Node(YAML::NodeType::Undefined);
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) {
      return it->second;
    }
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

} // namespace kensa::scanner::javascript
