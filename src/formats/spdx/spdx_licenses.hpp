#pragma once

#include "../common/property_names.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::format::spdx {

// Document properties that keep the text and name of a LicenseRef- a reader
// found, so that a writer can give them back: "<prefix><LicenseRef-id>".
inline constexpr std::string_view k_license_text_prefix = property::k_license_ref_text;
inline constexpr std::string_view k_license_name_prefix = property::k_license_ref_name;

// A license that is not on the SPDX list, as hasExtractedLicensingInfos (2.x)
// or a SimpleLicensingText (3.0) carries it.
struct ExtractedLicense {
  std::string id;
  std::string text;
  std::string name;
  std::vector<std::string> see_alsos;
};

// Turns a component's licenses into one SPDX license expression. A license
// name becomes "LicenseRef-<name, sanitized>" with its text remembered, so
// that every LicenseRef- used gets an extracted-license entry.
class LicenseExpressions {
 public:
  // `document_properties` may hold texts a reader kept (see the prefixes).
  explicit LicenseExpressions(const std::vector<model::Property>& document_properties);

  // The licenses joined with AND (each expression parenthesised where it
  // needs it, and the list counted in `losses`), or "NOASSERTION" when
  // there are none.
  std::string expression(const std::vector<model::License>& licenses, LossReport& losses);

  // Defines the LicenseRef- of each license evidence of method `unlisted`
  // (a license file's text that no listed license matched) with that text,
  // named after the file it was found in.
  void add_unlisted_texts(const std::vector<model::LicenseEvidence>& evidence);

  // Every LicenseRef- used or defined so far, sorted by id.
  std::vector<ExtractedLicense> extracted() const;

 private:
  std::string ref_for_name(const model::License& license);
  void note_refs(std::string_view expression);

  std::map<std::string, std::string, std::less<>> m_known_texts;
  std::map<std::string, std::string, std::less<>> m_known_names;
  std::map<std::string, std::string, std::less<>> m_ref_of_name;
  std::map<std::string, ExtractedLicense, std::less<>> m_refs;
};

} // namespace kensa::format::spdx
