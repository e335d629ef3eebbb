#include "../support/test_support.hpp"

#include <kensa/model/component.hpp>
#include <kensa/model/license.hpp>
#include <kensa/model/license_text.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using kensa::model::identify_licenses;
using kensa::model::is_license_file_name;
using kensa::model::LicenseFileFindings;
using kensa::model::LicenseMatchMethod;

namespace {

std::string license_fixture(const std::string& relative) {
  return kensa::testing::read_file(kensa::testing::fixture("license-text/" + relative));
}

std::vector<std::string> expressions_of(const LicenseFileFindings& findings) {
  std::vector<std::string> out;
  for (const auto& match : findings.licenses) {
    out.push_back(match.expression);
  }
  return out;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

const char* const k_mit_file = "npm-11.19.1/ms@2.1.3/license.md";
const char* const k_apache_file = "npm-11.19.1/@sigstore+core@3.2.1/LICENSE";

} // namespace

TEST_CASE("license texts: the bundled texts are those of the license list", "[license][text]") {
  CHECK(kensa::model::license_texts_version() == "3.28.0");
}

TEST_CASE("license texts: real license files are identified with their score", "[license][text]") {
  struct Case {
    const char* file;
    const char* expression;
  };
  for (const auto& [file, expression] : std::vector<Case>{
           {k_mit_file, "MIT"},
           {"npm-11.19.1/aproba@2.1.0/LICENSE", "ISC"},
           {k_apache_file, "Apache-2.0"},
           {"npm-11.19.1/cidr-regex@5.0.5/LICENSE", "BSD-2-Clause"},
           {"npm-11.19.1/diff@8.0.4/LICENSE", "BSD-3-Clause"},
           {"npm-11.19.1/chownr@3.0.0/LICENSE.md", "BlueOak-1.0.0"},
           {"pypi-wheels/pyasn1-0.6.3.dist-info/licenses/LICENSE.rst", "BSD-2-Clause"},
       }) {
    INFO(file);
    const auto findings = identify_licenses(license_fixture(file));
    REQUIRE(findings.licenses.size() == 1);
    CHECK(findings.licenses[0].expression == expression);
    CHECK(findings.licenses[0].method == LicenseMatchMethod::text);
    CHECK(findings.licenses[0].score >= kensa::model::k_license_match_threshold);
    CHECK(findings.licenses[0].score <= 1.0);
    CHECK(findings.closest.empty());
  }
}

TEST_CASE("license texts: copyright statements are collected, the license's own are not",
          "[license][text]") {
  const auto mit = identify_licenses(license_fixture(k_mit_file));
  CHECK(mit.copyrights == std::vector<std::string>{"Copyright (c) 2020 Vercel, Inc."});

  // The FSF's notice belongs to the GPL's own text, the template line of
  // the Apache appendix to nobody: neither is the component's.
  const auto apache =
      identify_licenses("Copyright (C) 2011 Jane Doe <jane@example.org>\n"
                        "Copyright (C) 1989, 1991 Free Software Foundation, Inc.\n\n" +
                        license_fixture(k_apache_file));
  CHECK(apache.copyrights ==
        std::vector<std::string>{"Copyright (C) 2011 Jane Doe <jane@example.org>",
                                 "Copyright 2023 The Sigstore Authors"});
}

TEST_CASE("license texts: the matching guidelines' variations do not change the match",
          "[license][text]") {
  const std::string original = license_fixture(k_mit_file);
  const double score = identify_licenses(original).licenses.at(0).score;
  // Case, white space and line breaks, quotes and dashes, "licence",
  // https for http, bullets and numbering, a different copyright line.
  std::string varied = replace_all(original, "\n", " \n\n  ");
  varied = replace_all(varied, "\"", "\xe2\x80\x9c");
  varied = replace_all(varied, "sublicense", "sub-licence");
  varied = replace_all(varied, "The above copyright", "* The above copyright");
  varied = replace_all(varied, "Permission is", "1. Permission is");
  varied = replace_all(varied, "Vercel, Inc.", "Somebody Else 1999-2024");
  std::transform(varied.begin(), varied.end(), varied.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  const auto findings = identify_licenses(varied);
  REQUIRE(findings.licenses.size() == 1);
  CHECK(findings.licenses[0].expression == "MIT");
  CHECK(findings.licenses[0].score == Approx(score));
}

TEST_CASE("license texts: a near match names the closest license and its share, no id",
          "[license][text]") {
  // The MIT text without its warranty disclaimer: too much is missing to
  // call it MIT.
  std::string text = license_fixture(k_mit_file);
  text = text.substr(0, text.find("THE SOFTWARE IS PROVIDED"));
  const auto findings = identify_licenses(text);
  CHECK(findings.licenses.empty());
  CHECK(findings.closest == "MIT");
  CHECK(findings.closest_score < kensa::model::k_license_match_threshold);
  CHECK(findings.closest_score >= kensa::model::k_license_closest_floor);

  const auto prose = identify_licenses("This is a README. It says nothing about licensing.");
  CHECK(prose.licenses.empty());
  CHECK(prose.closest.empty());
}

TEST_CASE("license texts: a file with several license texts gives each, in order",
          "[license][text]") {
  // A real dual-licensed file: the ISC text, then the MIT text.
  CHECK(expressions_of(identify_licenses(license_fixture("npm-11.19.1/abbrev@4.0.0/LICENSE"))) ==
        std::vector<std::string>{"ISC", "MIT"});
  const std::string mit = license_fixture(k_mit_file);
  const std::string apache = license_fixture(k_apache_file);
  CHECK(expressions_of(identify_licenses(mit + "\n\n" + apache)) ==
        std::vector<std::string>{"MIT", "Apache-2.0"});
  CHECK(expressions_of(identify_licenses(apache + "\n---\n" + mit)) ==
        std::vector<std::string>{"Apache-2.0", "MIT"});
  // A real dual-licensed package's three files.
  const std::string base = "pypi-wheels/cryptography-48.0.0.dist-info/licenses/";
  CHECK(expressions_of(identify_licenses(license_fixture(base + "LICENSE.APACHE"))) ==
        std::vector<std::string>{"Apache-2.0"});
  CHECK(expressions_of(identify_licenses(license_fixture(base + "LICENSE.BSD"))) ==
        std::vector<std::string>{"BSD-3-Clause"});
}

TEST_CASE("license texts: a license inside a longer one is not reported again", "[license][text]") {
  // BSD-2-Clause is BSD-3-Clause without its third clause; MIT-0 is MIT
  // without the notice condition.
  CHECK(expressions_of(identify_licenses(license_fixture("npm-11.19.1/diff@8.0.4/LICENSE"))) ==
        std::vector<std::string>{"BSD-3-Clause"});
  CHECK(expressions_of(identify_licenses(license_fixture(k_mit_file))) ==
        std::vector<std::string>{"MIT"});
  const auto mit0 =
      identify_licenses(license_fixture("pypi-wheels/cfn_lint-1.51.0.dist-info/licenses/LICENSE"));
  CHECK(expressions_of(mit0) == std::vector<std::string>{"MIT-0"});
}

TEST_CASE("license texts: the GNU licenses' -only and -or-later share one text",
          "[license][text]") {
  // The header of a source file says which; the text alone does not.
  const auto findings =
      identify_licenses("This program is free software; you can redistribute it and/or modify\n"
                        "it under the terms of the GNU General Public License as published by\n"
                        "the Free Software Foundation; either version 2 of the License, or\n"
                        "(at your option) any later version.\n");
  REQUIRE(findings.licenses.size() == 1);
  CHECK(findings.licenses[0].expression == "GPL-2.0-or-later");
  CHECK(findings.licenses[0].method == LicenseMatchMethod::header);
}

TEST_CASE("license texts: license headers name the license", "[license][text]") {
  struct Case {
    const char* text;
    std::vector<std::string> expressions;
  };
  for (const auto& [text, expressions] : std::vector<Case>{
           {"# Licensed under the Apache License, Version 2.0 (the \"License\");\n"
            "# you may not use this file except in compliance with the License.\n",
            {"Apache-2.0"}},
           {" * GNU Lesser General Public License as published by the Free Software\n"
            " * Foundation; either version 2.1 of the License, or (at your option) any\n"
            " * later version.\n",
            {"LGPL-2.1-or-later"}},
           {"the Free Software Foundation, version 3. Distributed under the GNU General "
            "Public License as published by the Free Software Foundation, version 3 of "
            "the License.\n",
            {"GPL-3.0-only"}},
           {"/* This Source Code Form is subject to the terms of the Mozilla Public\n"
            " * License, v. 2.0. If a copy of the MPL was not distributed with this\n"
            " * file, You can obtain one at http://mozilla.org/MPL/2.0/. */\n",
            {"MPL-2.0"}},
           {"This project is released under the MIT license.", {"MIT"}},
           {"GNU General Public License, see the file COPYING.", {}},
       }) {
    INFO(text);
    CHECK(expressions_of(identify_licenses(text)) == expressions);
  }
}

TEST_CASE("license texts: a real file that only carries the MPL notice", "[license][text]") {
  const auto findings = identify_licenses(
      license_fixture("pypi-wheels/certifi-2026.5.20.dist-info/licenses/LICENSE"));
  REQUIRE(findings.licenses.size() == 1);
  CHECK(findings.licenses[0].expression == "MPL-2.0");
  CHECK(findings.licenses[0].method == LicenseMatchMethod::header);
}

TEST_CASE("license texts: SPDX-License-Identifier lines", "[license][text]") {
  const auto findings =
      identify_licenses("/* SPDX-License-Identifier: MIT OR Apache-2.0 */\n"
                        "// SPDX-License-Identifier: gpl-2.0-only WITH Linux-syscall-note\n"
                        "# SPDX-License-Identifier: Not-A-License\n"
                        "<!-- SPDX-License-Identifier: MIT OR Apache-2.0 -->\n");
  CHECK(expressions_of(findings) ==
        std::vector<std::string>{"MIT OR Apache-2.0", "GPL-2.0-only WITH Linux-syscall-note"});
  CHECK(findings.licenses[0].method == LicenseMatchMethod::identifier);
  CHECK(findings.licenses[0].score == 1.0);
}

TEST_CASE("license texts: hostile input is read within the caps", "[license][text]") {
  // More than the size cap: only the start is read, and said so.
  std::string big;
  const std::string mit = license_fixture(k_mit_file);
  while (big.size() <= kensa::model::k_max_license_text_size) {
    big += mit;
  }
  const auto findings = identify_licenses(big);
  CHECK(findings.truncated);
  CHECK(expressions_of(findings) == std::vector<std::string>{"MIT"});
  // Binary bytes, unclosed brackets, endless numbering and copyright lines.
  std::string junk;
  for (int i = 0; i < 20000; ++i) {
    junk += static_cast<char>((i * 7919) % 256);
    if (i % 50 == 0) {
      junk += "\n(c) [<";
    }
  }
  const auto garbage = identify_licenses(junk);
  CHECK(garbage.licenses.empty());
  CHECK(garbage.copyrights.size() <= kensa::model::k_max_copyright_statements);
  CHECK(identify_licenses("").licenses.empty());
}

TEST_CASE("license texts: license file names", "[license][text]") {
  for (const auto* name :
       {"LICENSE", "license.md", "LICENCE.txt", "COPYING", "COPYING.LIB", "NOTICE", "UNLICENSE",
        "LICENSE-MIT", "LICENSE.APACHE2", "MIT-LICENSE"}) {
    INFO(name);
    CHECK(is_license_file_name(name));
  }
  for (const auto* name : {"license.js", "licensed.txt", "README.md", "index.js", "noticeable",
                           "LICENSE.json", "copyright"}) {
    INFO(name);
    CHECK_FALSE(is_license_file_name(name));
  }
}

TEST_CASE("license texts: a text met again is matched the same, its own lines kept",
          "[license][text]") {
  // The same MIT text under two copyright lines and with an identifier
  // line: the second and third are answered from what the first showed,
  // but each keeps its own copyright statements and identifiers.
  const std::string mit = license_fixture(k_mit_file);
  const auto first = identify_licenses(mit);
  const auto again = identify_licenses(replace_all(mit, "Vercel", "Example Corp"));
  const auto with_line = identify_licenses(mit + "\nSPDX-License-Identifier: Apache-2.0\n");
  REQUIRE(expressions_of(first) == std::vector<std::string>{"MIT"});
  CHECK(again.licenses == first.licenses);
  CHECK(again.copyrights == std::vector<std::string>{"Copyright (c) 2020 Example Corp, Inc."});
  CHECK(first.copyrights == std::vector<std::string>{"Copyright (c) 2020 Vercel, Inc."});
  CHECK(expressions_of(with_line) == std::vector<std::string>{"MIT", "Apache-2.0"});
}

TEST_CASE("license texts: what --license-text full keeps whole, and what it leaves",
          "[license][text]") {
  using kensa::model::add_license_file_evidence;
  using kensa::model::Component;
  const auto vendored = [](const std::string& file) {
    return kensa::testing::read_file(
        kensa::testing::fixture("rust/vendored/vendor/aho-corasick/" + file));
  };
  const auto unlisted = [](const Component& component) {
    return std::count_if(
        component.license_evidence.begin(), component.license_evidence.end(),
        [](const auto& evidence) { return evidence.method == LicenseMatchMethod::unlisted; });
  };
  // aho-corasick's COPYING only points at its LICENSE-MIT and UNLICENSE:
  // beside them it is no license of its own, read before or after them.
  for (const bool copying_first : {true, false}) {
    Component component;
    if (copying_first) {
      add_license_file_evidence(component, "aho-corasick/COPYING", vendored("COPYING"), true);
    }
    add_license_file_evidence(component, "aho-corasick/LICENSE-MIT", vendored("LICENSE-MIT"), true);
    if (!copying_first) {
      add_license_file_evidence(component, "aho-corasick/COPYING", vendored("COPYING"), true);
    }
    CHECK(unlisted(component) == 0);
  }
  // Alone, the same words are all a package says of its license: kept.
  Component alone;
  add_license_file_evidence(alone, "x/COPYING", vendored("COPYING"), true);
  CHECK(unlisted(alone) == 1);
  // Under a NOTICE name they attribute: never kept.
  Component notice;
  add_license_file_evidence(notice, "x/NOTICE", vendored("COPYING"), true);
  CHECK(unlisted(notice) == 0);
  // Without the option nothing is kept.
  Component plain;
  add_license_file_evidence(plain, "x/COPYING", vendored("COPYING"));
  CHECK(plain.license_evidence.empty());
}
