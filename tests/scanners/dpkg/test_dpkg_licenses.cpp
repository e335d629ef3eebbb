// The DEP-5 short-name map and the reading of copyright files.
#include "../../../src/scanners/dpkg/copyright.hpp"
#include "../../../src/scanners/dpkg/debian_licenses.hpp"

#include <catch2/catch.hpp>

using namespace kensa::scanner::dpkg;

namespace {

std::string expression(std::string_view synopsis) {
  auto license = license_from_synopsis(synopsis);
  INFO(synopsis);
  CHECK(license.name.empty());
  return license.expression;
}

bool kept_as_name(std::string_view synopsis) {
  auto license = license_from_synopsis(synopsis);
  return license.expression.empty() && license.name == synopsis;
}

} // namespace

TEST_CASE("dpkg licenses: DEP-5 short names become SPDX", "[scanner][dpkg][license]") {
  CHECK(expression("GPL-2+") == "GPL-2.0-or-later");
  CHECK(expression("GPL-2") == "GPL-2.0-only");
  CHECK(expression("GPL-2.0+") == "GPL-2.0-or-later");
  CHECK(expression("LGPL-2.1+") == "LGPL-2.1-or-later");
  CHECK(expression("LGPL-2") == "LGPL-2.0-only");
  CHECK(expression("LGPL-3") == "LGPL-3.0-only");
  CHECK(expression("AGPL-3+") == "AGPL-3.0-or-later");
  CHECK(expression("GFDL-1.3+") == "GFDL-1.3-or-later");
  CHECK(expression("GFDL-NIV-1.3+") == "GFDL-1.3-no-invariants-or-later");
  CHECK(expression("BSD-3-clause") == "BSD-3-Clause");
  CHECK(expression("bsd-2-clause") == "BSD-2-Clause");
  CHECK(expression("Expat") == "MIT");
  CHECK(expression("expat") == "MIT");
  CHECK(expression("Zlib") == "Zlib");
  CHECK(expression("Apache-2.0") == "Apache-2.0");
  CHECK(expression("Apache-2") == "Apache-2.0");
  CHECK(expression("BSL-1.0") == "BSL-1.0");
  CHECK(expression("curl") == "curl");
  CHECK(expression("CC0") == "CC0-1.0");
  CHECK(expression("CC-BY-SA-4") == "CC-BY-SA-4.0");
  CHECK(expression("MPL-1.1+") == "MPL-1.1+");
  CHECK(expression("Artistic") == "Artistic-1.0-Perl");
  CHECK(expression("Perl") == "GPL-1.0-or-later OR Artistic-1.0-Perl");
}

TEST_CASE("dpkg licenses: and, or, commas and exceptions", "[scanner][dpkg][license]") {
  CHECK(expression("GPL-1+ or Artistic") == "GPL-1.0-or-later OR Artistic-1.0-Perl");
  CHECK(expression("LGPL-3+ or GPL-2+") == "LGPL-3.0-or-later OR GPL-2.0-or-later");
  CHECK(expression("BSL-1.0 and MIT") == "BSL-1.0 AND MIT");
  CHECK(expression("GPL-2+ or Artistic, and BSD-3-clause") ==
        "(GPL-2.0-or-later OR Artistic-1.0-Perl) AND BSD-3-Clause");
  CHECK(expression("MIT, or GPL-2 and BSD-2-clause") == "MIT OR GPL-2.0-only AND BSD-2-Clause");
  CHECK(expression("Apache-2.0 with LLVM exception") == "Apache-2.0 WITH LLVM-exception");
  CHECK(expression("GPL-2+ with Autoconf exception") ==
        "GPL-2.0-or-later WITH Autoconf-exception-2.0");
  CHECK(expression("GPL-3+ with Autoconf exception") ==
        "GPL-3.0-or-later WITH Autoconf-exception-3.0");
  CHECK(expression("GPL-3+ with Bison exception") == "GPL-3.0-or-later WITH Bison-exception-2.2");
  CHECK(expression("GPL-2 with Linux-syscall-note exception") ==
        "GPL-2.0-only WITH Linux-syscall-note");
  CHECK(expression("GPL-2+ with Libtool exception") == "GPL-2.0-or-later WITH Libtool-exception");
  CHECK(expression("GPL-2+ with Font exception") == "GPL-2.0-or-later WITH Font-exception-2.0");
}

TEST_CASE("dpkg licenses: a synopsis that is an SPDX expression is one",
          "[scanner][dpkg][license]") {
  CHECK(expression("(MIT OR Apache-2.0) AND Unicode-DFS-2016") ==
        "(MIT OR Apache-2.0) AND Unicode-DFS-2016");
  CHECK(expression("BSD-3-Clause OR GPL-2.0-only") == "BSD-3-Clause OR GPL-2.0-only");
  CHECK(expression("Apache-2.0 WITH LLVM-exception OR MIT") ==
        "Apache-2.0 WITH LLVM-exception OR MIT");
  // Lower-case operators are DEP-5's, where mixing them is ambiguous.
  CHECK(kept_as_name("MIT or Apache-2.0 and Unicode-DFS-2016"));
}

TEST_CASE("dpkg licenses: what is not certain stays a name", "[scanner][dpkg][license]") {
  for (const char* synopsis :
       {"public-domain", "GPL", "LGPL", "BSD", "Apache", "permissive", "OpenLDAP-2.8", "MIT/X11",
        "GPL-2+ with OpenSSL exception", "GPL-2+ with Bison exception",
        "LGPL-2.1+ with staticLink exception", "Zlib and LGPL-2.1+ with staticLink exception",
        "GPL-2+ and BSD-3-clause or MIT", "GPL-2+, LGPL-2+", "Perl with Font exception",
        "GPL-1+ or", "GPL-4+", "GFDL-1"}) {
    INFO(synopsis);
    CHECK(kept_as_name(synopsis));
  }
  CHECK(license_from_synopsis("").expression.empty());
  CHECK(license_from_synopsis("").name.empty());
}

TEST_CASE("dpkg licenses: machine-readable copyright files", "[scanner][dpkg][license]") {
  SynopsisCache cache;
  auto result = read_copyright("Format: https://www.debian.org/doc/packaging-manuals/"
                               "copyright-format/1.0/\n"
                               "Upstream-Name: example\n"
                               "\n"
                               "Files: *\n"
                               "Copyright: 2020 Someone\n"
                               "License: GPL-2+\n"
                               "\n"
                               "Files: lib/*\n"
                               "Copyright: 2021 Else\n"
                               "License: Expat\n"
                               " Permission is hereby granted...\n"
                               "\n"
                               "Files: debian/*\n"
                               "Copyright: 2022 Packager\n"
                               "License: GPL-2+\n"
                               "\n"
                               "Files: doc/*\n"
                               "Copyright: 2022 Writer\n"
                               "License: public-domain\n"
                               "\n"
                               "License: GPL-2+\n"
                               " This program is free software...\n"
                               "\n"
                               "License: Unused-1.0\n"
                               " A text defined but used by no Files paragraph.\n",
                               cache);
  CHECK(result.machine_readable);
  REQUIRE(result.licenses.size() == 3);
  CHECK(result.licenses[0].expression == "GPL-2.0-or-later");
  CHECK(result.licenses[1].expression == "MIT");
  CHECK(result.licenses[2].name == "public-domain");
}

TEST_CASE("dpkg licenses: free-form files only by certain references", "[scanner][dpkg][license]") {
  SynopsisCache cache;
  auto later =
      read_copyright("This package was debianized by someone.\n\n"
                     "This program is free software; you can redistribute it and/or modify\n"
                     "it under the terms of the GNU General Public License as published by\n"
                     "the Free Software Foundation; either version 2 of the License, or\n"
                     "(at your option) any later version.\n\n"
                     "On Debian systems, the complete text of the GNU General Public\n"
                     "License can be found in `/usr/share/common-licenses/GPL-2'.\n",
                     cache);
  CHECK_FALSE(later.machine_readable);
  REQUIRE(later.licenses.size() == 1);
  CHECK(later.licenses[0].expression == "GPL-2.0-or-later");

  auto only = read_copyright("Licensed under the GNU Lesser General Public License version 2.1\n"
                             "as published by the Free Software Foundation.\n"
                             "See /usr/share/common-licenses/LGPL-2.1.\n"
                             "Parts are under the Apache License, see\n"
                             "/usr/share/common-licenses/Apache-2.0\n",
                             cache);
  REQUIRE(only.licenses.size() == 2);
  CHECK(only.licenses[0].expression == "LGPL-2.1-only");
  CHECK(only.licenses[1].expression == "Apache-2.0");

  auto unsure = read_copyright("See /usr/share/common-licenses/GPL and\n"
                               "/usr/share/common-licenses/BSD for the terms.\n"
                               "Also /usr/share/common-licenses/GPL-3 (no grant wording here).\n",
                               cache);
  CHECK(unsure.licenses.empty());
  CHECK(read_copyright("", cache).licenses.empty());
}
