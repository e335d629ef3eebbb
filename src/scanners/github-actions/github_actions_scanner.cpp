#include "github_actions_scanner.hpp"

#include "workflow_file.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::github_actions {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/.github/workflows/*.yml", "**/.github/workflows/*.yaml",
                                  "**/action.yml", "**/action.yaml"},
                                 EvidenceKind::declared),
                &parse_workflow_file),
  }});
}

} // namespace kensa::scanner::github_actions
