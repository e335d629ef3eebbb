#include "yaml_text.hpp"

#include <kensa/scanner/file_report.hpp>

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <unordered_map>
#include <vector>

namespace kensa::scanner {

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

// Thrown from the event handler to stop parsing a document that is refused.
struct Refused {
  std::size_t line;
  std::string why;
};

// Counts what aliases add to a document, from the parser's events, before
// yaml-cpp builds it: each alias counts as the size of the node it names.
class AliasExpansion : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { leaf(anchor); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    leaf(anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = m_sizes.find(anchor);
    if (it == m_sizes.end()) {
      // Named while still open: the node would hold itself.
      throw Refused{line_of(mark), "an alias inside the node it names; not read"};
    }
    // No overflow: a size is at most the nodes so far, which the check
    // below keeps within the document's own plus the cap.
    m_added += it->second;
    m_nodes += it->second;
    if (m_added > k_max_yaml_alias_nodes) {
      throw Refused{line_of(mark), "aliases add more than " +
                                       std::to_string(k_max_yaml_alias_nodes) +
                                       " nodes to the document; not read"};
    }
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  static std::size_t line_of(const YAML::Mark& mark) {
    return mark.is_null() ? 0 : static_cast<std::size_t>(mark.line) + 1;
  }
  void leaf(YAML::anchor_t anchor) {
    ++m_nodes;
    if (anchor != YAML::NullAnchor) {
      m_sizes[anchor] = 1;
    }
  }
  void open(YAML::anchor_t anchor) {
    m_open.emplace_back(m_nodes, anchor);
    ++m_nodes;
  }
  void close() {
    if (m_open.empty()) {
      return;
    }
    auto [start, anchor] = m_open.back();
    m_open.pop_back();
    if (anchor != YAML::NullAnchor) {
      m_sizes[anchor] = m_nodes - start;
    }
  }

  // Nodes so far, aliases counted as what they stand for.
  std::uint64_t m_nodes = 0;
  // What aliases added.
  std::uint64_t m_added = 0;
  // Open collections: the node count where each started, and its anchor.
  std::vector<std::pair<std::uint64_t, YAML::anchor_t>> m_open;
  // Sizes of the anchored nodes already closed.
  std::unordered_map<YAML::anchor_t, std::uint64_t> m_sizes;
};

} // namespace

bool load_yaml(std::string_view text, FileReport& report, YAML::Node& document) {
  std::size_t line = 0;
  if (nesting_bound(text, line) > k_max_yaml_depth) {
    report.omit_at(line, "nested deeper than " + std::to_string(k_max_yaml_depth) +
                             " levels (or indented that far); not read");
    return false;
  }
  try {
    // Without an '&' there is no anchor, so nothing for an alias to name.
    if (text.find('&') != std::string_view::npos) {
      std::istringstream stream{std::string(text)};
      YAML::Parser parser(stream);
      AliasExpansion expansion;
      // The first document only: it is all YAML::Load reads, and after some
      // errors (a line starting with ',') yaml-cpp hands out empty
      // documents forever.
      parser.HandleNextDocument(expansion);
    }
    document = YAML::Load(std::string(text));
    return true;
  } catch (const Refused& refused) {
    report.omit_at(refused.line, refused.why);
  } catch (const YAML::Exception& error) {
    std::size_t at = error.mark.is_null() ? 0 : static_cast<std::size_t>(error.mark.line) + 1;
    report.omit_at(at, "not valid YAML: " + error.msg);
  } catch (const std::exception& error) {
    report.omit(std::string("not valid YAML: ") + error.what());
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

} // namespace kensa::scanner
