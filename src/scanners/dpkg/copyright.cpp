#include "copyright.hpp"

#include "control.hpp"
#include "debian_licenses.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <array>
#include <optional>

namespace kensa::scanner::dpkg {

namespace {

void add_unique(std::vector<model::License>& licenses, const model::License& license) {
  if (license.expression.empty() && license.name.empty()) {
    return;
  }
  if (std::find(licenses.begin(), licenses.end(), license) == licenses.end()) {
    licenses.push_back(license);
  }
}

bool declares_format(std::string_view text) {
  // The Format field opens the header paragraph; older files spelt it
  // Format-Specification.
  std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) {
    return false;
  }
  std::string_view rest = text.substr(start);
  return starts_with_ignore_case(rest, "Format:") ||
         starts_with_ignore_case(rest, "Format-Specification:");
}

struct CommonLicense {
  std::string_view file;
  std::string_view spdx;
};

// Files of /usr/share/common-licenses whose text fixes the license on its
// own. GPL, LGPL and GFDL without a version, and BSD (the Regents' text,
// which packages cite to mean "a BSD license"), say too little.
constexpr std::array k_fixed_common{
    CommonLicense{"Apache-2.0", "Apache-2.0"}, CommonLicense{"Artistic", "Artistic-1.0-Perl"},
    CommonLicense{"CC0-1.0", "CC0-1.0"},       CommonLicense{"MPL-1.1", "MPL-1.1"},
    CommonLicense{"MPL-2.0", "MPL-2.0"},
};

struct GnuCommon {
  std::string_view file;
  std::string_view spdx_base;
  // How the grant names the version ("version 2", "version 2.1").
  std::string_view version_words;
};

constexpr std::array k_gnu_common{
    GnuCommon{"GPL-1", "GPL-1.0", "version 1"},
    GnuCommon{"GPL-2", "GPL-2.0", "version 2"},
    GnuCommon{"GPL-3", "GPL-3.0", "version 3"},
    GnuCommon{"LGPL-2", "LGPL-2.0", "version 2"},
    GnuCommon{"LGPL-2.1", "LGPL-2.1", "version 2.1"},
    GnuCommon{"LGPL-3", "LGPL-3.0", "version 3"},
    GnuCommon{"GFDL-1.2", "GFDL-1.2", "version 1.2"},
    GnuCommon{"GFDL-1.3", "GFDL-1.3", "version 1.3"},
};

// Lower case with every run of white space as one space, so that wrapped
// lines read as one sentence.
std::string normalized(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !result.empty()) {
      result += ' ';
    }
    space = false;
    result += to_lower_ascii(c);
  }
  return result;
}

bool names_version(std::string_view grant, std::string_view version_words) {
  // "version 2" but not "version 2.1" or "version 20" when looking for 2.
  std::size_t at = 0;
  while ((at = grant.find(version_words, at)) != std::string_view::npos) {
    std::size_t end = at + version_words.size();
    char next = end < grant.size() ? grant[end] : ' ';
    bool digit_follows = next >= '0' && next <= '9';
    bool minor_follows =
        next == '.' && end + 1 < grant.size() && grant[end + 1] >= '0' && grant[end + 1] <= '9';
    if (!digit_follows && !minor_follows) {
      return true;
    }
    at = end;
  }
  return false;
}

constexpr std::string_view k_common_licenses = "/usr/share/common-licenses/";
// How far before a reference the grant is looked for.
constexpr std::size_t k_grant_window = 1500;

std::vector<model::License> free_form_licenses(std::string_view text) {
  std::vector<model::License> licenses;
  std::size_t previous_end = 0;
  std::size_t at = 0;
  while ((at = text.find(k_common_licenses, at)) != std::string_view::npos) {
    std::size_t name_start = at + k_common_licenses.size();
    std::size_t name_end = name_start;
    while (name_end < text.size()) {
      char c = text[name_end];
      bool name_char = is_ascii_alnum(c) || c == '.' || c == '-' || c == '+' || c == '_';
      if (!name_char) {
        break;
      }
      ++name_end;
    }
    std::string_view file = text.substr(name_start, name_end - name_start);
    while (file.ends_with('.')) {
      file.remove_suffix(1); // The end of the sentence.
    }
    std::size_t window_start =
        std::max(previous_end, at > k_grant_window ? at - k_grant_window : 0);
    std::string grant = normalized(text.substr(window_start, at - window_start));
    previous_end = name_end;
    at = name_end;

    for (const auto& known : k_fixed_common) {
      if (known.file == file) {
        add_unique(licenses, model::License{std::string(known.spdx), {}, {}});
      }
    }
    for (const auto& known : k_gnu_common) {
      if (known.file != file) {
        continue;
      }
      if (grant.find("any later version") != std::string::npos ||
          grant.find("or later version") != std::string::npos) {
        add_unique(licenses, model::License{std::string(known.spdx_base) + "-or-later", {}, {}});
      } else if (names_version(grant, known.version_words)) {
        add_unique(licenses, model::License{std::string(known.spdx_base) + "-only", {}, {}});
      }
    }
  }
  return licenses;
}

} // namespace

const model::License& SynopsisCache::get(std::string_view synopsis) {
  auto it = m_licenses.find(std::string(synopsis));
  if (it == m_licenses.end()) {
    it = m_licenses.emplace(std::string(synopsis), license_from_synopsis(synopsis)).first;
  }
  return it->second;
}

CopyrightLicenses read_copyright(std::string_view text, SynopsisCache& cache) {
  CopyrightLicenses result;
  if (!declares_format(text)) {
    result.licenses = free_form_licenses(text);
    return result;
  }
  result.machine_readable = true;
  ControlParse control = parse_control(text);
  bool header = true;
  for (const auto& paragraph : control.paragraphs) {
    bool files = paragraph.has("Files");
    if (header || files) {
      std::string_view synopsis = first_line(paragraph.get("License"));
      if (!synopsis.empty()) {
        add_unique(result.licenses, cache.get(synopsis));
      }
    }
    header = false;
  }
  return result;
}

} // namespace kensa::scanner::dpkg
