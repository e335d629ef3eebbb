#include <kensa/model/license.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using kensa::model::License;
using kensa::model::license_from_text;
using kensa::model::LicenseList;
using kensa::model::map_license_text;
using kensa::model::parse_license_expression;

namespace {

// Names as manifests and package metadata write them, and the id each means.
const std::vector<std::pair<std::string, std::string>> k_mapped = {
    {"Apache 2.0", "Apache-2.0"},
    {"Apache License 2.0", "Apache-2.0"},
    {"Apache License, Version 2.0", "Apache-2.0"},
    {"Apache License Version 2.0", "Apache-2.0"},
    {"Apache-2", "Apache-2.0"},
    {"Apache2", "Apache-2.0"},
    {"Apache v2", "Apache-2.0"},
    {"Apache Software License 2.0", "Apache-2.0"},
    {"ASL 2.0", "Apache-2.0"},
    {"Apache 2.0 License", "Apache-2.0"},
    {"Apache Licence 2.0", "Apache-2.0"},
    {"Apache 1.1", "Apache-1.1"},
    {"MIT License", "MIT"},
    {"The MIT License", "MIT"},
    {"MIT license.", "MIT"},
    {"mit", "MIT"},
    {"Expat", "MIT"},
    {"MIT No Attribution", "MIT-0"},
    {"BSD-3", "BSD-3-Clause"},
    {"BSD 3-Clause", "BSD-3-Clause"},
    {"3-Clause BSD License", "BSD-3-Clause"},
    {"New BSD", "BSD-3-Clause"},
    {"New BSD License", "BSD-3-Clause"},
    {"Modified BSD License", "BSD-3-Clause"},
    {"Revised BSD", "BSD-3-Clause"},
    {"BSD 3-Clause \"New\" or \"Revised\" License", "BSD-3-Clause"},
    {"BSD-2", "BSD-2-Clause"},
    {"BSD 2-Clause", "BSD-2-Clause"},
    {"Simplified BSD", "BSD-2-Clause"},
    {"Simplified BSD License", "BSD-2-Clause"},
    {"BSD 4-Clause", "BSD-4-Clause"},
    {"Original BSD License", "BSD-4-Clause"},
    {"0BSD", "0BSD"},
    {"GPLv2", "GPL-2.0-only"},
    {"GPL v2", "GPL-2.0-only"},
    {"GPL-2.0", "GPL-2.0-only"},
    {"GPL 2", "GPL-2.0-only"},
    {"GPLv2 only", "GPL-2.0-only"},
    {"GPLv2+", "GPL-2.0-or-later"},
    {"GPL-2.0+", "GPL-2.0-or-later"},
    {"GPL v2 or later", "GPL-2.0-or-later"},
    {"GPLv2 or any later version", "GPL-2.0-or-later"},
    {"GPL v3", "GPL-3.0-only"},
    {"GPLv3", "GPL-3.0-only"},
    {"GPL3", "GPL-3.0-only"},
    {"GPLv3+", "GPL-3.0-or-later"},
    {"GNU GPL v3", "GPL-3.0-only"},
    {"GNU General Public License v3", "GPL-3.0-only"},
    {"GNU General Public License, version 2", "GPL-2.0-only"},
    {"GNU General Public License v2.0 only", "GPL-2.0-only"},
    {"GNU General Public License v3.0 or later", "GPL-3.0-or-later"},
    {"LGPLv2.1", "LGPL-2.1-only"},
    {"LGPL-2.1", "LGPL-2.1-only"},
    {"LGPL-2.1+", "LGPL-2.1-or-later"},
    {"LGPL v3", "LGPL-3.0-only"},
    {"LGPLv3+", "LGPL-3.0-or-later"},
    {"LGPL-2.0", "LGPL-2.0-only"},
    {"GNU Lesser General Public License v2.1", "LGPL-2.1-only"},
    {"GNU Lesser General Public License v3 or later", "LGPL-3.0-or-later"},
    {"GNU Library General Public License v2", "LGPL-2.0-only"},
    {"AGPLv3", "AGPL-3.0-only"},
    {"AGPL-3.0", "AGPL-3.0-only"},
    {"AGPLv3+", "AGPL-3.0-or-later"},
    {"GNU Affero General Public License v3", "AGPL-3.0-only"},
    {"MPL 2.0", "MPL-2.0"},
    {"MPL-2", "MPL-2.0"},
    {"Mozilla Public License 2.0", "MPL-2.0"},
    {"Mozilla Public License, version 1.1", "MPL-1.1"},
    {"ISC License", "ISC"},
    {"ISC", "ISC"},
    {"Python Software Foundation License", "PSF-2.0"},
    {"PSF", "PSF-2.0"},
    {"Unlicense", "Unlicense"},
    {"The Unlicense", "Unlicense"},
    {"CC0", "CC0-1.0"},
    {"CC0 1.0", "CC0-1.0"},
    {"CC0 1.0 Universal", "CC0-1.0"},
    {"Creative Commons Zero v1.0 Universal", "CC0-1.0"},
    {"zlib", "Zlib"},
    {"zlib License", "Zlib"},
    {"zlib/libpng", "Zlib"},
    {"Artistic 2.0", "Artistic-2.0"},
    {"Artistic License 2.0", "Artistic-2.0"},
    {"EPL 1.0", "EPL-1.0"},
    {"EPL 2.0", "EPL-2.0"},
    {"Eclipse Public License 2.0", "EPL-2.0"},
    {"Eclipse Public License - v 2.0", "EPL-2.0"},
    {"CDDL 1.0", "CDDL-1.0"},
    {"EUPL 1.2", "EUPL-1.2"},
    {"European Union Public Licence 1.2", "EUPL-1.2"},
    {"Boost Software License", "BSL-1.0"},
    {"Boost Software License 1.0", "BSL-1.0"},
    {"SIL Open Font License 1.1", "OFL-1.1"},
    {"CC BY 4.0", "CC-BY-4.0"},
    {"CC-BY-SA 4.0", "CC-BY-SA-4.0"},
    {"WTFPL", "WTFPL"},
    {"Universal Permissive License", "UPL-1.0"},
    // Full names from the list.
    {"Apache License 2.0", "Apache-2.0"},
    {"BSD Zero Clause License", "0BSD"},
    {"Artistic License 1.0 (Perl)", "Artistic-1.0-Perl"},
    {"GNU Lesser General Public License v2.1 only", "LGPL-2.1-only"},
    // Trove classifiers.
    {"License :: OSI Approved :: MIT License", "MIT"},
    {"License :: OSI Approved :: Apache Software License 2.0", "Apache-2.0"},
    {"License :: OSI Approved :: GNU General Public License v2 (GPLv2)", "GPL-2.0-only"},
    {"License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)",
     "GPL-2.0-or-later"},
    {"License :: OSI Approved :: GNU General Public License v3 (GPLv3)", "GPL-3.0-only"},
    {"License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0-only"},
    {"License :: OSI Approved :: GNU Affero General Public License v3", "AGPL-3.0-only"},
    {"License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)",
     "AGPL-3.0-or-later"},
    {"License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"},
    {"License :: OSI Approved :: ISC License (ISCL)", "ISC"},
    {"License :: OSI Approved :: Python Software Foundation License", "PSF-2.0"},
    {"License :: OSI Approved :: The Unlicense (Unlicense)", "Unlicense"},
    {"License :: OSI Approved :: zlib/libpng License", "Zlib"},
    {"License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)", "EPL-2.0"},
    {"License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)", "BSL-1.0"},
    {"License :: OSI Approved :: Universal Permissive License (UPL)", "UPL-1.0"},
    {"License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)", "EUPL-1.2"},
    {"License :: OSI Approved :: MIT No Attribution License (MIT-0)", "MIT-0"},
    {"License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)", "HPND"},
    {"License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0"},
    // Ids as such, in any case, deprecated ones included.
    {"apache-2.0", "Apache-2.0"},
    {"X11", "X11"},
    {"StandardML-NJ", "StandardML-NJ"},
};

// Text that names no single SPDX license, or names it too vaguely.
const std::vector<std::string> k_unmapped = {
    "",
    "   ",
    "BSD",
    "BSD License",
    "BSD-style",
    "BSD like",
    "Public Domain",
    "public domain",
    "UNLICENSED",
    "Unlicensed",
    "GPL",
    "GNU GPL",
    "GNU General Public License",
    "LGPL",
    "LGPLv2",
    "LGPLv2+",
    "GNU Lesser General Public License v2",
    "GNU Lesser General Public License v2.0",
    "GNU Library General Public License v2.1",
    "GPL 2.1",
    "GPL v4",
    "GPLv2 with exceptions",
    "GNU Affero General Public License v1",
    "Apache",
    "Apache License",
    "Apache Software License",
    "Apache 3.0",
    "MPL",
    "EPL",
    "EPL 1.0/2.0",
    "Artistic",
    "Artistic License",
    "Creative Commons",
    "MIT-style",
    "MIT License (modified)",
    "MIT/X11",
    "MIT or Apache 2.0",
    "Proprietary",
    "Commercial",
    "Other",
    "Custom",
    "SEE LICENSE IN LICENSE.txt",
    "see LICENSE file",
    "https://opensource.org/licenses/MIT",
    "MIT (ISC)",
    "MIT ((MIT))",
    "(MIT",
    "BSL",
    "License :: OSI Approved",
    "License :: OSI Approved :: BSD License",
    "License :: OSI Approved :: Apache Software License",
    "License :: OSI Approved :: GNU General Public License (GPL)",
    "License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)",
    "License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)",
    "License :: OSI Approved :: Academic Free License (AFL)",
    "License :: OSI Approved :: Artistic License",
    "License :: Public Domain",
    "License :: Other/Proprietary License",
    "License :: Freely Distributable",
};

} // namespace

TEST_CASE("common license names map to SPDX ids", "[license][text-map]") {
  for (const auto& [text, id] : k_mapped) {
    INFO("text: " << text);
    const auto mapped = map_license_text(text);
    REQUIRE(mapped.has_value());
    CHECK(*mapped == id);
  }
}

TEST_CASE("every mapping gives a listed id", "[license][text-map]") {
  for (const auto& [text, id] : k_mapped) {
    INFO("text: " << text);
    const auto parsed = parse_license_expression(id);
    REQUIRE(parsed.ok());
    CHECK(parsed->canonical == id);
  }
}

TEST_CASE("vague or non-license names are not mapped", "[license][text-map]") {
  for (const auto& text : k_unmapped) {
    INFO("text: " << text);
    const auto mapped = map_license_text(text);
    CHECK_FALSE(mapped.has_value());
    if (mapped) {
      WARN("mapped to " << *mapped);
    }
  }
  CHECK_FALSE(map_license_text(std::string(300, 'x')).has_value());
  CHECK_FALSE(map_license_text("MIT License " + std::string(300, ' ') + "x").has_value());
}

TEST_CASE("the full name and the id of every current license map to it", "[license][text-map]") {
  for (const auto& entry : LicenseList::bundled().licenses) {
    if (entry.deprecated) {
      continue;
    }
    INFO("id: " << entry.id << ", name: " << entry.name);
    CHECK(map_license_text(entry.name) == entry.id);
    CHECK(map_license_text(entry.id) == entry.id);
  }
}

TEST_CASE("license_from_text keeps valid expressions, maps names, keeps the rest",
          "[license][text-map]") {
  const auto expression = [](std::string_view text) { return License{std::string(text), {}, {}}; };
  const auto name = [](std::string_view text) { return License{{}, std::string(text), {}}; };

  CHECK(license_from_text("MIT") == expression("MIT"));
  CHECK(license_from_text("mit or apache-2.0") == expression("MIT OR Apache-2.0"));
  CHECK(license_from_text("(MIT OR Apache-2.0) AND BSD-3-Clause") ==
        expression("(MIT OR Apache-2.0) AND BSD-3-Clause"));
  CHECK(license_from_text("LicenseRef-internal") == expression("LicenseRef-internal"));
  // A valid expression is kept as written, deprecated ids and all; only free
  // text is mapped.
  CHECK(license_from_text("GPL-2.0+") == expression("GPL-2.0+"));
  CHECK(license_from_text("GPLv2+") == expression("GPL-2.0-or-later"));
  CHECK(license_from_text("Apache License, Version 2.0") == expression("Apache-2.0"));
  CHECK(license_from_text("  MIT License \n") == expression("MIT"));

  CHECK(license_from_text("BSD") == name("BSD"));
  CHECK(license_from_text("Public Domain") == name("Public Domain"));
  CHECK(license_from_text("UNLICENSED") == name("UNLICENSED"));
  CHECK(license_from_text("SEE LICENSE IN LICENSE.md") == name("SEE LICENSE IN LICENSE.md"));
  CHECK(license_from_text("Foo-1.0 OR MIT") == name("Foo-1.0 OR MIT"));
  CHECK(license_from_text(" My Company License ") == name("My Company License"));
  CHECK(license_from_text("") == License{});
  CHECK(license_from_text(" \t") == License{});
}
