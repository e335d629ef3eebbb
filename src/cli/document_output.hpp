#pragma once

#include <kensa/format/output_spec.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/atomic_file.hpp>
#include <kensa/util/result.hpp>

#include <string>
#include <vector>

namespace CLI {
class App;
}

// Where `scan` and `convert` put a document: standard output, or a file
// written atomically, straight from the writer's chunks (a big document is
// never joined into one string on the way).
namespace kensa::cli {

// Adds --allow-special-output to `command`, which sets rules.allow_special.
void add_special_output_flag(CLI::App& command, OutputPathRules& rules);

// Parses the -o values ("FORMAT[@VERSION][=FILE]") and checks, before any
// work is done, that at most one goes to standard output and that every file
// may be written under `rules` (check_output_path). Fails with one line.
Result<std::vector<format::OutputSpec>> plan_outputs(const std::vector<std::string>& texts,
                                                     const OutputPathRules& rules);

// Renders `document` as `output` says and writes it; what the format cannot
// hold is counted in `losses` when given. A write to standard output that
// fails (a full disk, a closed descriptor) fails too. Fails with one line
// naming the file.
Status write_document(const model::Document& document, const format::OutputSpec& output,
                      const OutputPathRules& rules, format::LossReport* losses = nullptr);

// Writes a text that is not a document (a validation report, a listing) to
// standard output; fails with the reason when it cannot be written.
Status write_standard_output(std::string_view text);

} // namespace kensa::cli
