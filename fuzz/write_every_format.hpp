#pragma once

#include <kensa/model/document.hpp>

namespace kensa::fuzz {

// Writes `document` in every output format at its default version and
// drops the text: what a reader or scanner let through must not break a
// writer.
void write_every_format(const model::Document& document);

} // namespace kensa::fuzz
