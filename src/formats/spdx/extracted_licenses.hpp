#pragma once

#include <kensa/model/component.hpp>
#include <kensa/model/license.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Reading licenses back from SPDX 2 and SPDX 3 documents: the LicenseRef-s a
// document defines (hasExtractedLicensingInfos in 2.x, SimpleLicensingText
// elements in 3.0) and the license expressions that use them.
namespace kensa::format::spdx {

// What a document says of one LicenseRef-.
struct ExtractedInfo {
  std::string text;
  std::string name;
  // The first link (2.x seeAlsos), empty when none.
  std::string url;
};

// LicenseRef- ids to what the document says of them.
using ExtractedInfos = std::map<std::string, ExtractedInfo, std::less<>>;

// Appends the document properties that keep `id`'s text and name
// (k_license_text_prefix, k_license_name_prefix), so that an SPDX writer
// gives them back. Nothing for a LicenseRef- whose text is its name: that is
// how kensa writes a license name, and it reads back as that name.
void keep_extracted_license(const std::string& id, const ExtractedInfo& info,
                            std::vector<model::Property>& properties);

// Gives each license evidence of method `unlisted` of `component` (a
// license file's text kept under a LicenseRef-, --license-text full) the
// text the document defines for that LicenseRef-, and adds the ids given to
// `attached`.
void attach_unlisted_texts(model::Component& component, const ExtractedInfos& texts,
                           std::set<std::string, std::less<>>& attached);

// Drops the document properties keep_extracted_license made for `ids`: the
// license evidence carries those texts now, and a writer defines them from
// it.
void drop_kept_license_texts(const std::set<std::string, std::less<>>& ids,
                             std::vector<model::Property>& properties);

// A license field or expression as model licenses; none for NOASSERTION,
// NONE or nothing. kensa writes several licenses joined by AND, and a license
// name as a LicenseRef- whose name and text are that name: such a
// conjunction is split back; any other expression stays whole.
std::vector<model::License> licenses_of_expression(std::string_view expression,
                                                   const ExtractedInfos& extracted);

} // namespace kensa::format::spdx
