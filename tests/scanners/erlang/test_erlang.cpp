// rebar.lock as rebar3 wrote it for itself (versions 1.1.0 and 1.2.0), and
// installed applications' .app files from Debian's erlang-base, elixir,
// erlang-jiffy and erlang-base64url packages (tests/fixtures/erlang/README.md).
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& erlang_package(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool erlang_warned(const model::Document& document, std::string_view location,
                   std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace

TEST_CASE("rebar.lock: versions 1.1.0 and 1.2.0, hashes and direct dependencies",
          "[erlang][rebar-lock]") {
  auto v12 = native::scan_with(fixture("erlang/rebar-1.2.0"), "erlang");
  CHECK(native::warnings(v12).empty());
  // Ten packages and the project.
  CHECK(v12.components.size() == 11);
  const auto& certifi = erlang_package(v12, "pkg:hex/certifi@2.9.0");
  // pkg_hash_ext: the SHA-256 of the package tarball.
  REQUIRE(certifi.hashes.size() == 1);
  CHECK(certifi.hashes[0].algorithm == model::HashAlgorithm::sha256);
  CHECK(certifi.hashes[0].hex ==
        "266da46bdb06d6c6d35fde799bcb28d36d985d424ad7c08b5bb48f5b5cdd4641");
  CHECK(native::property(certifi, "kensa:hex:inner-checksum") ==
        "6f2a475689dd47f19fb74334859d460a2dc4e3252a3324bd2111b8f0429e7e21");
  CHECK(native::property(certifi, "kensa:rebar:level") == "0");
  CHECK(native::edges(v12, model::RelationshipType::depends_on)
            .count("rebar-1.2.0 -> certifi@2.9.0") == 1);

  auto v11 = native::scan_with(fixture("erlang/rebar-1.1.0"), "erlang");
  CHECK(native::warnings(v11).empty());
  // Version 1.1.0 has only the inner checksum: no hash.
  const auto& relx = erlang_package(v11, "pkg:hex/relx@3.24.4");
  CHECK(relx.hashes.empty());
  CHECK(native::property(relx, "kensa:hex:inner-checksum") ==
        "2132f0abfa93db3177e66768db5a3d4141d4683bb4864b9dd4452ee7123ded07");
}

TEST_CASE("rebar.lock: git dependencies, the old layout and transitive levels",
          "[erlang][rebar-lock]") {
  fs::path folder = scratch_dir("rebar-lock-kinds") / "proj";
  fs::create_directories(folder);
  native::write_bytes(folder / "rebar.lock",
                      "[{<<\"cowboy\">>,{git,\"https://github.com/ninenines/cowboy.git\","
                      "{ref,\"8795233c57f1f472781a22ffbf186ce38cc5b049\"}},0},\n"
                      " {<<\"cowlib\">>,{pkg,<<\"cowlib\">>,<<\"2.12.1\">>},1}].\n");
  auto document = native::scan_with(folder.parent_path(), "erlang");
  CHECK(native::warnings(document).empty());
  const auto& cowboy = native::only(document, "cowboy");
  auto purl = model::parse_purl(cowboy.purl);
  REQUIRE(purl.ok());
  CHECK(purl->qualifier("vcs_url") ==
        "git+https://github.com/ninenines/cowboy.git@8795233c57f1f472781a22ffbf186ce38cc5b049");
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"proj -> cowboy@8795233c57f1f472781a22ffbf186ce38cc5b049"});
  CHECK(native::property(erlang_package(document, "pkg:hex/cowlib@2.12.1"), "kensa:rebar:level") ==
        "1");
}

TEST_CASE("Erlang applications: installed .app files, bundled or from hex", "[erlang][app-file]") {
  auto document = native::scan_with(fixture("erlang/installed"), "erlang");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 7);
  const auto& jiffy = erlang_package(document, "pkg:hex/jiffy@1.1.1");
  CHECK(jiffy.description == "JSON Decoder/Encoder.");
  CHECK(jiffy.licenses_declared.size() == 2);
  REQUIRE(jiffy.evidence.size() == 1);
  CHECK(jiffy.evidence[0].location == "usr/lib/erlang/lib/jiffy-1.1.1/ebin/jiffy.app");
  erlang_package(document, "pkg:hex/base64url@1.0.1");
  // Erlang/OTP's and Elixir's own applications are no hex packages.
  const auto& kernel = native::only(document, "kernel");
  CHECK(kernel.purl.empty());
  CHECK(kernel.version == "8.5.3");
  CHECK(native::property(kernel, "kensa:erlang:otp") == "true");
  CHECK(native::only(document, "elixir").version == "1.14.0");

  auto depends = native::edges(document, model::RelationshipType::depends_on);
  CHECK(depends.count("jiffy@1.1.1 -> kernel@8.5.3") == 1);
  CHECK(depends.count("jiffy@1.1.1 -> stdlib@4.2") == 1);
  CHECK(depends.count("stdlib@4.2 -> kernel@8.5.3") == 1);
  CHECK(depends.count("eex@1.14.0 -> elixir@1.14.0") == 1);
  // Across Debian's two lib folders.
  CHECK(depends.count("elixir@1.14.0 -> kernel@8.5.3") == 1);
}

TEST_CASE("Erlang applications: what Erlang's own file:consult reads of each .app",
          "[erlang][app-file][tool]") {
  // installed.file-consult.txt: for each .app file, the name, vsn,
  // applications and licenses Erlang/OTP 25 read with file:consult.
  auto document = native::scan_with(fixture("erlang/installed"), "erlang");
  std::set<std::string> installed;
  for (const auto& component : document.components) {
    installed.insert(component.name);
  }
  const auto depends = native::edges(document, model::RelationshipType::depends_on);
  std::istringstream lines(read_file(fixture("erlang/installed.file-consult.txt")));
  std::size_t read = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("$ ")) {
      continue;
    }
    INFO(line);
    std::istringstream words(line);
    std::string file, name, vsn, applications, licenses;
    words >> file >> name >> vsn >> applications >> licenses;
    REQUIRE(applications.starts_with("applications="));
    REQUIRE(licenses.starts_with("licenses="));
    const auto& app = native::only(document, name);
    CHECK(app.version == vsn);
    REQUIRE(app.evidence.size() == 1);
    CHECK("installed/" + app.evidence[0].location == file);
    std::set<std::string> license_names;
    for (const auto& license : app.licenses_declared) {
      license_names.insert(license.expression.empty() ? license.name : license.expression);
    }
    std::set<std::string> said_licenses;
    std::istringstream license_list(licenses.substr(std::string_view("licenses=").size()));
    for (std::string license; std::getline(license_list, license, ',');) {
      said_licenses.insert(license);
    }
    CHECK(license_names == said_licenses);
    // An edge to each application it needs that is installed here (compiler
    // and xmerl are not).
    std::istringstream needs(applications.substr(std::string_view("applications=").size()));
    for (std::string needed; std::getline(needs, needed, ',');) {
      INFO(needed);
      if (installed.count(needed) == 0) {
        continue;
      }
      const auto& target = native::only(document, needed);
      CHECK(depends.count(name + "@" + vsn + " -> " + needed + "@" + target.version) == 1);
    }
    ++read;
  }
  CHECK(read == document.components.size());
}

TEST_CASE("Erlang: malformed files are warnings naming the file", "[erlang][rebar-lock]") {
  fs::path folder = scratch_dir("erlang-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "rebar.lock", "{\"1.2.0\", [\n");
  fs::create_directories(folder / "entries");
  native::write_bytes(folder / "entries" / "rebar.lock",
                      "{\"9.9.9\",[7,{<<\"x\">>,{svn,\"u\"},0},{<<\"ok\">>,{pkg,<<\"ok\">>,"
                      "<<\"1.0.0\">>},0}]}.\n[{pkg_hash_ext,[{<<\"ok\">>,<<\"BAD\">>}]}].\n");
  fs::create_directories(folder / "noterm");
  native::write_bytes(folder / "noterm" / "rebar.lock", "[] junk");
  fs::create_directories(folder / "lib" / "a-1" / "ebin");
  native::write_bytes(folder / "lib" / "a-1" / "ebin" / "a.app", "{library, a}.\n");
  auto document = native::scan_with(folder, "erlang");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(erlang_warned(document, "syntax/rebar.lock", "the text ends inside a term"));
  CHECK(erlang_warned(document, "entries/rebar.lock", "version \"9.9.9\" is not one"));
  CHECK(erlang_warned(document, "entries/rebar.lock", "dependency 1 is not {Name, Source"));
  CHECK(erlang_warned(document, "entries/rebar.lock", "source svn is not one kensa knows"));
  CHECK(erlang_warned(document, "entries/rebar.lock", "checksum \"BAD\" is not a digest"));
  CHECK(erlang_warned(document, "noterm/rebar.lock", "does not end with '.'"));
  CHECK(erlang_warned(document, "lib/a-1/ebin/a.app", "not {application, Name"));
  CHECK(native::only(document, "ok").purl == "pkg:hex/ok@1.0.0");
}
