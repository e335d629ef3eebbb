#include "native_test_support.hpp"

#include "../../../support/component_lookup.hpp"

#include <kensa/scanner/scan.hpp>

#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kensa::testing::native {

namespace fs = std::filesystem;

bool run_shell(const std::string& command, const fs::path& log) {
  std::string line = "(" + command + ") > " + shell_quote(log.string()) + " 2>&1";
  int status = std::system(line.c_str());
  return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::optional<fs::path> find_program(const std::string& program,
                                     const std::vector<std::string>& extra) {
  std::vector<std::string> folders = extra;
  if (const char* path = std::getenv("PATH")) {
    std::stringstream stream(path);
    std::string folder;
    while (std::getline(stream, folder, ':')) {
      folders.push_back(folder);
    }
  }
  for (const auto& folder : folders) {
    fs::path candidate = fs::path(folder) / program;
    std::error_code error;
    if (!folder.empty() && fs::is_regular_file(candidate, error) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

model::Document scan_with(const fs::path& path, const std::string& scanner) {
  scanner::ScanOptions options;
  options.scanners = {scanner};
  options.timestamp = 0;
  auto document = scanner::scan(path, options);
  INFO(document.error());
  REQUIRE(document.ok());
  return std::move(document).value();
}

std::vector<const model::Component*> components_named(const model::Document& document,
                                                      std::string_view path) {
  std::vector<const model::Component*> found;
  for (const auto& component : document.components) {
    std::string full =
        component.group.empty() ? component.name : component.group + "/" + component.name;
    if (full == path) {
      found.push_back(&component);
    }
  }
  return found;
}

const model::Component& only(const model::Document& document, std::string_view path) {
  auto found = components_named(document, path);
  INFO(path);
  REQUIRE(found.size() == 1);
  return *found.front();
}

const model::Component* component_with_purl(const model::Document& document,
                                            std::string_view purl) {
  return testing::find_by_purl(document, purl);
}

std::optional<std::string> property(const model::Component& component, std::string_view name) {
  for (const auto& item : component.properties) {
    if (item.name == name) {
      return item.value;
    }
  }
  return std::nullopt;
}

std::set<std::string> edges(const model::Document& document, model::RelationshipType type) {
  std::set<std::string> found;
  for (const auto& relationship : document.relationships) {
    if (relationship.type != type) {
      continue;
    }
    const model::Component* from = document.find(relationship.from);
    const model::Component* to = document.find(relationship.to);
    found.insert((from != nullptr ? model::display_name(*from) : relationship.from) + " -> " +
                 (to != nullptr ? model::display_name(*to) : relationship.to));
  }
  return found;
}

std::vector<std::string> warnings(const model::Document& document) {
  std::vector<std::string> messages;
  for (const auto& diagnostic : document.diagnostics) {
    if (diagnostic.severity == model::Severity::warning) {
      messages.push_back(diagnostic.location + ": " + diagnostic.message);
    }
  }
  return messages;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_bytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace kensa::testing::native
