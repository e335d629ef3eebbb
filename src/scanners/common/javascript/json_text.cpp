#include "json_text.hpp"

#include <kensa/scanner/file_report.hpp>

#include <algorithm>

namespace kensa::scanner::javascript {

namespace {

std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

} // namespace

bool parse_json(std::string_view text, FileReport& report, nlohmann::json& document) {
  try {
    document = nlohmann::json::parse(text.begin(), text.end());
    return true;
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann's message starts with "[json.exception.parse_error.101] ",
    // which says nothing to a user.
    std::string_view message = error.what();
    if (auto end = message.find("] "); message.starts_with('[') && end != std::string_view::npos) {
      message.remove_prefix(end + 2);
    }
    std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    report.omit_at(line_of(text, offset), "not valid JSON: " + std::string(message));
  } catch (const nlohmann::json::exception& error) {
    report.omit(std::string("not valid JSON: ") + error.what());
  }
  return false;
}

std::string strip_trailing_commas(std::string_view text) {
  std::string out(text);
  std::size_t pending_comma = std::string::npos;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (c == '"') {
      pending_comma = std::string::npos;
      for (++i; i < out.size() && out[i] != '"'; ++i) {
        if (out[i] == '\\') {
          ++i;
        }
      }
      continue;
    }
    if (c == '/' && i + 1 < out.size() && out[i + 1] == '/') {
      for (; i < out.size() && out[i] != '\n'; ++i) {
        out[i] = ' ';
      }
      continue;
    }
    if (c == '/' && i + 1 < out.size() && out[i + 1] == '*') {
      std::size_t end = out.find("*/", i + 2);
      end = end == std::string::npos ? out.size() : end + 2;
      for (; i < end; ++i) {
        if (out[i] != '\n') {
          out[i] = ' ';
        }
      }
      --i;
      continue;
    }
    if (c == ',') {
      pending_comma = i;
    } else if ((c == '}' || c == ']') && pending_comma != std::string::npos) {
      out[pending_comma] = ' ';
      pending_comma = std::string::npos;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      pending_comma = std::string::npos;
    }
  }
  return out;
}

} // namespace kensa::scanner::javascript
