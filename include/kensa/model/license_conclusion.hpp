#pragma once

#include <kensa/model/document.hpp>

#include <cstddef>

namespace kensa::model {

// `kensa scan --conclude-licenses` (docs/licenses.md, "Concluded from the
// files"): gives each component without a concluded license the one its
// license files show, where that is not a guess:
// - the files show exactly the licenses the component declares (the same
//   ids): the declared licenses, as declared (so "MIT OR Apache-2.0" stays
//   a choice though the files are LICENSE-MIT and LICENSE-APACHE);
// - otherwise, the files show one license (or one expression, from an
//   identifier line): that one.
// Files that show several licenses the component does not declare leave it
// unconcluded: whether they apply together or as a choice is not in them.
// Returns how many components were given a conclusion.
std::size_t conclude_licenses_from_evidence(Document& document);

} // namespace kensa::model
