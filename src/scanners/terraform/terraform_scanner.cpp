#include "terraform_scanner.hpp"

#include "lock_file.hpp"
#include "terraform_component.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::terraform {

namespace {

// A lock file inside .terraform/ came with a module terraform init
// downloaded: it is the module authors', not the configuration's.
bool is_configuration_lock(const ScanContext& context, const source::SourceFile& file) {
  (void)context;
  return file.path.find(".terraform/") == std::string::npos;
}

void parse_terraform_lock(FileReport& report, const source::SourceFile& file) {
  LockFile lock = parse_lock_file(file.contents);
  report.warn_all(lock.problems);
  if (!lock.stopped.empty()) {
    report.omit(lock.stopped + "; the rest of the file was not read");
  }
  ScanContext& context = report.context();
  model::Evidence evidence = context.evidence_for(file);
  for (const auto& provider : lock.providers) {
    context.graph().add(make_provider_component(provider, evidence, report));
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      // The providers `terraform init` selected for one configuration.
      each_file(patterns_of_kind({"**/.terraform.lock.hcl"}, EvidenceKind::declared),
                &parse_terraform_lock, &is_configuration_lock),
  }});
}

} // namespace kensa::scanner::terraform
