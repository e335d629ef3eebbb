#include "lockfile_graph.hpp"

#include <kensa/util/path_text.hpp>

namespace kensa::scanner::javascript {

LockfileGraph::LockfileGraph(FileReport& report, const source::SourceFile& file)
    : m_report(report), m_folder(folder_of(file.location)),
      m_evidence(report.context().evidence_for(file)) {}

void LockfileGraph::finish(std::string_view what) {
  if (m_unresolved > 0) {
    m_report.warn(std::to_string(m_unresolved) + " " + std::string(what) +
                  " (first: " + m_first_unresolved + ")");
  }
  m_graph.finish(m_report);
}

} // namespace kensa::scanner::javascript
