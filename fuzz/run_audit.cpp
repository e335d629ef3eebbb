// Fuzz entry point for kensa diff and kensa merge on any document a reader
// accepts: a document compared with itself has no changes, merged with
// itself it is itself, and both finish on whatever the reader let through.
#include "fuzz_check.hpp"
#include "fuzz_target.hpp"

#include <kensa/audit/diff.hpp>
#include <kensa/audit/diff_report.hpp>
#include <kensa/audit/merge.hpp>
#include <kensa/format/reader.hpp>

#include <vector>

namespace kensa::fuzz {

void run_diff_merge(const FuzzTarget&, std::string_view data) {
  format::ReadLimits limits;
  limits.max_bytes = data.size() + 1;
  auto read = format::read_document(data, "fuzz", limits);
  if (!read) {
    return;
  }
  const model::Document& document = read->document;
  const auto same = audit::diff_documents(document, document);
  fuzz_check(same.changes.empty(), "a document compared with itself has no changes",
             same.changes.empty() ? "" : same.changes.front().subject);
  const model::Document empty;
  const auto all_added = audit::diff_documents(empty, document);
  fuzz_check(all_added.count(audit::ChangeKind::added) == document.components.size(),
             "every component of a new document is added");
  for (const auto format : {audit::DiffReportFormat::text, audit::DiffReportFormat::json,
                            audit::DiffReportFormat::markdown}) {
    const std::string report = audit::render_diff(all_added, {"a", "A"}, {"b", "B"}, format);
    fuzz_check(!report.empty(), "a diff report is written");
  }
  const std::vector<audit::MergeInput> once{{"a", &document}};
  const std::vector<audit::MergeInput> twice{{"a", &document}, {"a", &document}};
  const model::Document single = audit::merge_documents(once, {});
  const model::Document doubled = audit::merge_documents(twice, {});
  fuzz_check(single.components.size() == doubled.components.size(),
             "a document merged with itself keeps its components");
  fuzz_check(single.relationships.size() == doubled.relationships.size(),
             "a document merged with itself keeps its relationships");
  audit::MergeOptions hierarchical;
  hierarchical.hierarchical = true;
  const model::Document nested = audit::merge_documents(twice, hierarchical);
  fuzz_check(nested.components.size() >= single.components.size(),
             "a hierarchical merge keeps every component");
}

} // namespace kensa::fuzz
