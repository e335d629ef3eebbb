#pragma once

#include <kensa/format/output_spec.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/result.hpp>

// Where `scan` and `convert` put a document: standard output, or a file
// written atomically, straight from the writer's chunks (a big document is
// never joined into one string on the way).
namespace kensa::cli {

// Renders `document` as `output` says and writes it; what the format cannot
// hold is counted in `losses` when given. Fails with one line naming the
// file.
Status write_document(const model::Document& document, const format::OutputSpec& output,
                      format::LossReport* losses = nullptr);

} // namespace kensa::cli
