#include <kensa/model/generation_context.hpp>
#include <kensa/util/lines.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::model {

namespace {

constexpr std::string_view k_prefix = "SBOM generation context: ";
constexpr std::string_view k_suffix = " (CycloneDX lifecycle phase)";

bool is_phase_character(char c) {
  return (c >= 'a' && c <= 'z') || c == '-';
}

// The phase of one line, or empty when it is not such a line.
std::string_view phase_of_line(std::string_view line) {
  line = trim(line);
  if (!line.starts_with(k_prefix)) {
    return {};
  }
  line.remove_prefix(k_prefix.size());
  std::size_t end = 0;
  while (end < line.size() && is_phase_character(line[end])) {
    ++end;
  }
  return line.substr(0, end);
}

} // namespace

std::string generation_context_line(std::string_view lifecycle) {
  return std::string(k_prefix) + std::string(lifecycle) + std::string(k_suffix);
}

std::string lifecycle_in_comment(std::string_view comment) {
  for (std::string_view line : Lines(comment)) {
    if (auto phase = phase_of_line(line); !phase.empty()) {
      return std::string(phase);
    }
  }
  return {};
}

std::string comment_without_generation_context(std::string_view comment) {
  std::string kept;
  for (std::string_view line : Lines(comment)) {
    if (!phase_of_line(line).empty()) {
      continue;
    }
    if (!kept.empty()) {
      kept += '\n';
    }
    kept += line;
  }
  return std::string(trim(kept));
}

} // namespace kensa::model
