#pragma once

#include <kensa/model/license.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// A component's license list written where a format holds one expression
// (SPDX, CycloneDX before 1.7): the licenses joined by AND, a license name
// as a LicenseRef- the document names. Readers split such a conjunction
// back into the list when a LicenseRef- in it is a name kensa wrote.
namespace kensa::format::common {

// The operands of the top-level ANDs of `expression`, outer parentheses
// removed: "(MIT OR X) AND Y" gives "MIT OR X" and "Y".
std::vector<std::string> top_level_conjuncts(std::string_view expression);

// Whether a list joined into one expression reads back as the same list:
// it holds a license name (which readers know to split at) and no
// expression that is itself a conjunction (which would split too far).
bool joined_list_splits_back(const std::vector<model::License>& licenses);

// `licenses` with a single expression that joins a list as above split
// back into it: each top-level operand that `names` knows (LicenseRef- id
// to name) is that name, each other one an expression. Left as it is when
// no operand is a known name. The ids it took a name for are added to
// `used_ids` when given.
void split_joined_list(std::vector<model::License>& licenses,
                       const std::map<std::string, std::string, std::less<>>& names,
                       std::set<std::string, std::less<>>* used_ids = nullptr);

} // namespace kensa::format::common
