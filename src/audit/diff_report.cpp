#include <kensa/audit/diff_report.hpp>
#include <kensa/util/terminal_text.hpp>

#include <nlohmann/json.hpp>

#include <array>

namespace kensa::audit {

namespace {

// The order groups are shown in: what needs a look first.
constexpr std::array k_report_order{ChangeKind::digest_changed,   ChangeKind::downgraded,
                                    ChangeKind::removed,          ChangeKind::added,
                                    ChangeKind::upgraded,         ChangeKind::version_changed,
                                    ChangeKind::license_changed,  ChangeKind::supplier_changed,
                                    ChangeKind::dependency_added, ChangeKind::dependency_removed,
                                    ChangeKind::file_added,       ChangeKind::file_removed,
                                    ChangeKind::file_changed};

std::string_view group_title(ChangeKind kind) {
  switch (kind) {
  case ChangeKind::digest_changed:
    return "DIGEST CHANGED AT THE SAME VERSION (the package is not what it was: check it)";
  case ChangeKind::downgraded:
    return "downgraded";
  case ChangeKind::removed:
    return "removed";
  case ChangeKind::added:
    return "added";
  case ChangeKind::upgraded:
    return "upgraded";
  case ChangeKind::version_changed:
    return "version changed, same order";
  case ChangeKind::license_changed:
    return "license changed";
  case ChangeKind::supplier_changed:
    return "supplier changed";
  case ChangeKind::dependency_added:
    return "dependency added";
  case ChangeKind::dependency_removed:
    return "dependency removed";
  case ChangeKind::file_added:
    return "file added";
  case ChangeKind::file_removed:
    return "file removed";
  case ChangeKind::file_changed:
    return "file changed";
  }
  return "";
}

std::string or_none(const std::string& text) {
  return text.empty() ? "(none)" : text;
}

// One change in words, without its kind: "pkg:npm/lodash 4.17.20 -> 4.17.21".
std::string describe(const Change& change) {
  switch (change.kind) {
  case ChangeKind::added:
  case ChangeKind::removed:
    return change.subject + (change.version.empty() ? "" : "@" + change.version);
  case ChangeKind::upgraded:
  case ChangeKind::downgraded:
  case ChangeKind::version_changed:
    return change.subject + " " + change.before + " -> " + change.after;
  case ChangeKind::license_changed:
  case ChangeKind::supplier_changed:
  case ChangeKind::digest_changed:
    return change.subject + (change.version.empty() ? "" : "@" + change.version) + ": " +
           or_none(change.before) + " -> " + or_none(change.after);
  case ChangeKind::dependency_added:
    return change.subject + " -> " + change.after;
  case ChangeKind::dependency_removed:
    return change.subject + " -> " + change.before;
  case ChangeKind::file_added:
  case ChangeKind::file_removed:
    return change.subject;
  case ChangeKind::file_changed:
    return change.subject + ": " + change.before + " -> " + change.after;
  }
  return change.subject;
}

std::string summary(const DiffResult& result) {
  std::string text;
  for (const ChangeKind kind : k_report_order) {
    if (const std::size_t count = result.count(kind); count > 0) {
      text += text.empty() ? "" : ", ";
      text += std::to_string(count) + " " + std::string(change_kind_name(kind));
    }
  }
  return text.empty() ? "no changes" : text;
}

std::string side_text(const DiffSide& side, std::size_t components) {
  return side.path + " (" + side.format + ", " + std::to_string(components) + " components)";
}

std::string render_text(const DiffResult& result, const DiffSide& before, const DiffSide& after) {
  std::string out = escape_for_terminal(side_text(before, result.old_components)) + " -> " +
                    escape_for_terminal(side_text(after, result.new_components)) + "\n";
  for (const ChangeKind kind : k_report_order) {
    const std::size_t count = result.count(kind);
    if (count == 0) {
      continue;
    }
    out += std::string(group_title(kind)) + " (" + std::to_string(count) + "):\n";
    for (const auto& change : result.changes) {
      if (change.kind == kind) {
        out += "  " + escape_for_terminal(describe(change)) + "\n";
      }
    }
  }
  if (!result.files_compared) {
    out += "files: not compared (both documents must list them)\n";
  }
  out += "summary: " + summary(result) + "\n";
  return out;
}

std::string render_json(const DiffResult& result, const DiffSide& before, const DiffSide& after) {
  using Json = nlohmann::ordered_json;
  Json out;
  out["old"] = {
      {"path", before.path}, {"format", before.format}, {"components", result.old_components}};
  out["new"] = {
      {"path", after.path}, {"format", after.format}, {"components", result.new_components}};
  out["filesCompared"] = result.files_compared;
  Json counts = Json::object();
  for (const ChangeKind kind : k_report_order) {
    counts[std::string(change_kind_name(kind))] = result.count(kind);
  }
  out["counts"] = counts;
  out["changes"] = Json::array();
  for (const auto& change : result.changes) {
    Json entry;
    entry["kind"] = change_kind_name(change.kind);
    entry["subject"] = change.subject;
    if (!change.version.empty()) {
      entry["version"] = change.version;
    }
    entry["before"] = change.before;
    entry["after"] = change.after;
    out["changes"].push_back(std::move(entry));
  }
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Markdown special characters, and line breaks, out of a table cell.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : escape_for_terminal(text)) {
    if (c == '|' || c == '`' || c == '*' || c == '_' || c == '<' || c == '>' || c == '[' ||
        c == ']' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string render_markdown(const DiffResult& result, const DiffSide& before,
                            const DiffSide& after) {
  std::string out = "### SBOM diff\n\n" + cell(side_text(before, result.old_components)) +
                    " &rarr; " + cell(side_text(after, result.new_components)) + "\n\n";
  out += "**" + summary(result) + "**\n";
  for (const ChangeKind kind : k_report_order) {
    const std::size_t count = result.count(kind);
    if (count == 0) {
      continue;
    }
    out += "\n#### " + std::string(kind == ChangeKind::digest_changed ? ":warning: " : "") +
           std::string(group_title(kind)) + " (" + std::to_string(count) + ")\n\n";
    out += "| component | version | before | after |\n|---|---|---|---|\n";
    for (const auto& change : result.changes) {
      if (change.kind == kind) {
        out += "| " + cell(change.subject) + " | " + cell(change.version) + " | " +
               cell(change.before) + " | " + cell(change.after) + " |\n";
      }
    }
  }
  if (!result.files_compared) {
    out += "\nFiles were not compared: both documents must list them.\n";
  }
  return out;
}

} // namespace

Result<DiffReportFormat> parse_diff_report_format(std::string_view name) {
  if (name == "text") {
    return DiffReportFormat::text;
  }
  if (name == "json") {
    return DiffReportFormat::json;
  }
  if (name == "markdown") {
    return DiffReportFormat::markdown;
  }
  return fail("--report must be text, json or markdown, not '" + std::string(name) + "'");
}

std::string render_diff(const DiffResult& result, const DiffSide& before, const DiffSide& after,
                        DiffReportFormat format) {
  switch (format) {
  case DiffReportFormat::json:
    return render_json(result, before, after);
  case DiffReportFormat::markdown:
    return render_markdown(result, before, after);
  case DiffReportFormat::text:
    break;
  }
  return render_text(result, before, after);
}

} // namespace kensa::audit
