#pragma once

#include <kensa/scanner/problem_list.hpp>
#include <kensa/scanner/scanner.hpp>
#include <kensa/source/source.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace kensa::scanner {

// The one way a scanner reports a problem with what it read: a warning or
// an omission about one file (or about another place it names: a folder, a
// set of files), which the scan goes on after. Reports are capped by the
// scan's diagnostic budget (model/diagnostic_budget.hpp): past
// model::k_max_diagnostics_per_location about one place they are only
// counted, and the scan ends with one line saying how many more there were,
// so a file with a million bad entries costs a million counts, not a
// million lines.
class FileReport {
 public:
  // Reports about `file`, named by its location.
  FileReport(ScanContext& context, const source::SourceFile& file);
  // Reports about the place `location` names.
  FileReport(ScanContext& context, std::string location);
  // Reports about the same place as `report`, each message after `prefix`
  // ("line 4: ", "Go build information, "): for code that reports about
  // one part of a file without knowing where that part is.
  FileReport(const FileReport& report, std::string_view prefix);
  FileReport(const FileReport&) = delete;
  FileReport& operator=(const FileReport&) = delete;

  ScanContext& context() const { return m_context; }
  const std::string& location() const { return m_location; }

  // A problem the rest of the file is read after.
  void warn(std::string message);
  // The same at line `line` (1-based; 0 leaves the line out): "line 4: ...".
  void warn_at(std::size_t line, std::string message);
  // The file, or the rest of it, was not read (it cannot be parsed, a cap
  // cut it short): a warning, and the document says it is incomplete
  // (model::Omission).
  void omit(std::string message);
  // The same at line `line`, as for warn_at.
  void omit_at(std::size_t line, std::string message);
  // Warns each problem a parser kept in `problems`, and counts those it left
  // out.
  void warn_all(const ProblemList& problems);

 private:
  std::string with_prefix(std::string message) const;

  ScanContext& m_context;
  std::string m_location;
  std::string m_prefix;
};

// Runs `read`, which reads what `report` is about. An exception it throws
// (input its parser did not foresee) becomes an omission in `report`
// ("cannot parse: <what>"), and the scan goes on with the next file.
// Running out of memory is not caught: it ends kensa with its own message.
void read_guarded(FileReport& report, const std::function<void()>& read);

} // namespace kensa::scanner
