#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using kensa::model::apply_purl_type_rules;
using kensa::model::make_purl;
using kensa::model::parse_purl;
using kensa::model::Purl;
using kensa::model::PurlParseOptions;

namespace {

// The canonical form of `text`, or the failure message prefixed with "error: ".
std::string canonical(std::string_view text) {
  const auto parsed = parse_purl(text);
  return parsed ? parsed->to_string() : "error: " + parsed.error();
}

std::string parse_error(std::string_view text) {
  const auto parsed = parse_purl(text);
  return parsed ? std::string{} : parsed.error();
}

} // namespace

TEST_CASE("purl: components are decoded and printed canonically", "[purl]") {
  const auto purl = parse_purl("pkg:maven/org.apache.commons/io@1.3.4?classifier=sources#src/main");
  REQUIRE(purl);
  CHECK(purl->type == "maven");
  CHECK(purl->namespace_ == "org.apache.commons");
  CHECK(purl->name == "io");
  CHECK(purl->version == "1.3.4");
  CHECK(purl->qualifier("classifier") == "sources");
  CHECK(purl->qualifier("type").empty());
  CHECK(purl->subpath == "src/main");
  CHECK(purl->to_string() == "pkg:maven/org.apache.commons/io@1.3.4?classifier=sources#src/main");
}

TEST_CASE("purl: absent components stay empty", "[purl]") {
  const auto purl = parse_purl("pkg:generic/openssl");
  REQUIRE(purl);
  CHECK(purl->namespace_.empty());
  CHECK(purl->version.empty());
  CHECK(purl->qualifiers.empty());
  CHECK(purl->subpath.empty());
  CHECK(purl->to_string() == "pkg:generic/openssl");
}

TEST_CASE("purl: percent-encoding", "[purl]") {
  SECTION("everything but letters, digits, '.', '-', '_', '~' and ':' is encoded") {
    const auto purl = make_purl("generic", "", "a b+c", "1.0 Final:x~y",
                                {{"download_url", "https://example.com/a b?c=d&e#f"}});
    REQUIRE(purl);
    CHECK(purl->to_string() == "pkg:generic/a%20b%2Bc@1.0%20Final:x~y?download_url=https:%2F%2F"
                               "example.com%2Fa%20b%3Fc%3Dd%26e%23f");
  }
  SECTION("encoded input decodes, and a literal '+' is not a space") {
    const auto purl = parse_purl("pkg:deb/debian/attr@1:2.4.47-2%2Bb1?vcs_url=git%2Bhttps:%2F%2Fh");
    REQUIRE(purl);
    CHECK(purl->version == "1:2.4.47-2+b1");
    CHECK(purl->qualifier("vcs_url") == "git+https://h");
    CHECK(parse_purl("pkg:swid/Acme/Enterprise+Server?tag_id=x")->name == "Enterprise+Server");
  }
  SECTION("hex digits of either case decode; the canonical form uses uppercase") {
    CHECK(canonical("pkg:generic/a%2bc%7e") == "pkg:generic/a%2Bc~");
    CHECK(canonical("pkg:generic/a%2fb") == "error: invalid purl \"pkg:generic/a%2fb\": the name "
                                            "\"a%2fb\" decodes to a value with '/'");
  }
  SECTION("an encoded ':' decodes and prints bare") {
    CHECK(canonical("pkg:docker/customer/image@sha256%3A244fd47e") ==
          "pkg:docker/customer/image@sha256:244fd47e");
  }
  SECTION("UTF-8 is encoded byte by byte") {
    const auto purl = make_purl("generic", "", "caf\xC3\xA9", "");
    REQUIRE(purl);
    CHECK(purl->to_string() == "pkg:generic/caf%C3%A9");
    CHECK(parse_purl(purl->to_string())->name == "caf\xC3\xA9");
  }
  SECTION("broken escapes fail") {
    CHECK_THAT(parse_error("pkg:generic/a%G1"),
               Catch::Contains("invalid percent-encoding in \"a%G1\""));
    CHECK_THAT(parse_error("pkg:generic/a@1%4"), Catch::Contains("invalid percent-encoding"));
    CHECK_THAT(parse_error("pkg:generic/a?k=%"), Catch::Contains("invalid percent-encoding"));
  }
}

TEST_CASE("purl: qualifiers are sorted, checked and deduplicated", "[purl]") {
  SECTION("sorted by key, empty values dropped") {
    CHECK(canonical("pkg:rpm/fedora/curl@7.50.3?epoch=1&arch=i386&distro=fedora-25&empty=") ==
          "pkg:rpm/fedora/curl@7.50.3?arch=i386&distro=fedora-25&epoch=1");
    const auto built =
        make_purl("deb", "debian", "curl", "7.50.3-1", {{"distro", "jessie"}, {"arch", "i386"}});
    REQUIRE(built);
    CHECK(built->qualifiers.front().first == "arch");
    CHECK(built->to_string() == "pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie");
    CHECK(make_purl("npm", "", "a", "", {{"k", ""}})->qualifiers.empty());
  }
  SECTION("keys must be lowercase letters, digits, '.', '-', '_', not starting with a digit") {
    CHECK_THAT(parse_error("pkg:gem/jruby-launcher@1.1.2?Platform=java"),
               Catch::Contains("the qualifier key \"Platform\" must be lowercase"));
    CHECK_THAT(parse_error("pkg:npm/a@1?in%20production=true"),
               Catch::Contains("may only hold lowercase ASCII letters"));
    CHECK_THAT(parse_error("pkg:npm/a@1?1key=v"), Catch::Contains("must not start with a digit"));
    CHECK_THAT(parse_error("pkg:npm/a@1?=v"), Catch::Contains("must not be empty"));
    const auto built = make_purl("npm", "", "a", "1", {{"in production", "true"}});
    REQUIRE_FALSE(built);
    CHECK_THAT(built.error(), Catch::Contains("\"in production\""));
    CHECK_FALSE(make_purl("gem", "", "a", "1", {{"Platform", "java"}}));
  }
  SECTION("a lenient parse lowercases keys instead of failing") {
    PurlParseOptions lenient;
    lenient.lowercase_qualifier_keys = true;
    const auto purl = parse_purl("pkg:Rpm/fedora/curl@7.50.3?Arch=i386&Distro=fedora-25", lenient);
    REQUIRE(purl);
    CHECK(purl->to_string() == "pkg:rpm/fedora/curl@7.50.3?arch=i386&distro=fedora-25");
    CHECK_FALSE(parse_purl("pkg:npm/a?A=1&a=2", lenient));
  }
  SECTION("a key may appear only once") {
    CHECK_THAT(parse_error("pkg:npm/a?k=1&k=2"),
               Catch::Contains("the qualifier key \"k\" appears more than once"));
    CHECK_FALSE(make_purl("npm", "", "a", "", {{"k", "1"}, {"k", "2"}}));
  }
  SECTION("stray separators are ignored") {
    CHECK(canonical("pkg:npm/a?&b=1&&c=2&") == "pkg:npm/a?b=1&c=2");
  }
  SECTION("checksum values are lowercase") {
    CHECK(canonical("pkg:generic/a?checksum=SHA1:AD9503,sha256:41BF") ==
          "pkg:generic/a?checksum=sha1:ad9503%2Csha256:41bf");
  }
}

TEST_CASE("purl: subpath normalization", "[purl]") {
  CHECK(canonical("pkg:golang/google.golang.org/genproto#/googleapis//api/annotations/") ==
        "pkg:golang/google.golang.org/genproto#googleapis/api/annotations");
  SECTION("'.' and '..' segments are dropped, encoded ones too") {
    CHECK(canonical("pkg:golang/a/b#x/./y/../z") == "pkg:golang/a/b#x/y/z");
    const auto purl = parse_purl("pkg:golang/a/b@1#x/%2E%2E/y/%2e/z");
    REQUIRE(purl);
    CHECK(purl->subpath == "x/y/z");
    CHECK(make_purl("golang", "a", "b", "", {}, "/../x/./y/")->subpath == "x/y");
  }
  SECTION("a segment cannot hold an encoded '/'") {
    CHECK_THAT(parse_error("pkg:golang/a/b#x%2Fy"),
               Catch::Contains("the subpath segment \"x%2Fy\" decodes to a value with '/'"));
  }
  SECTION("a subpath made only of separators is absent") {
    CHECK(canonical("pkg:golang/a/b#/") == "pkg:golang/a/b");
  }
}

TEST_CASE("purl: scheme, type and slashes", "[purl]") {
  SECTION("slashes after the scheme are not significant") {
    CHECK(canonical("pkg:/maven/org.apache.commons/io") == "pkg:maven/org.apache.commons/io");
    CHECK(canonical("pkg://maven/org.apache.commons/io") == "pkg:maven/org.apache.commons/io");
    CHECK(canonical("pkg:///maven/org.apache.commons/io/") == "pkg:maven/org.apache.commons/io");
  }
  SECTION("empty namespace segments are dropped") {
    CHECK(canonical("pkg:maven/org.apache//commons/io") == "pkg:maven/org.apache/commons/io");
  }
  SECTION("scheme and type are case-insensitive and print lowercase") {
    CHECK(canonical("PKG:NuGet/EnterpriseLibrary.Common@6.0.1304") ==
          "pkg:nuget/EnterpriseLibrary.Common@6.0.1304");
    CHECK(make_purl("NPM", "", "a", "")->type == "npm");
  }
  SECTION("the version separator is the last '@' after the last '/'") {
    const auto purl = parse_purl("pkg:brew/node@20@20.10.0");
    REQUIRE(purl);
    CHECK(purl->name == "node@20");
    CHECK(purl->version == "20.10.0");
    CHECK(purl->to_string() == "pkg:brew/node%4020@20.10.0");
  }
  SECTION("unregistered types get only the shared rules") {
    CHECK(canonical("pkg:bintray/apache/couchdb/couchdb-mac@2.3.0") ==
          "pkg:bintray/apache/couchdb/couchdb-mac@2.3.0");
    CHECK(canonical("pkg:my.type+x-y/Name") == "pkg:my.type+x-y/Name");
  }
}

TEST_CASE("purl: invalid input fails with a message naming the rule", "[purl]") {
  CHECK_THAT(parse_error("EnterpriseLibrary.Common@6.0.1304"),
             Catch::Contains("the \"pkg:\" scheme is missing"));
  CHECK_THAT(parse_error("http:npm/a"), Catch::Contains("the scheme must be \"pkg\""));
  CHECK_THAT(parse_error("pkg%3Amaven/org.apache.commons/io"), Catch::Contains("scheme"));
  CHECK_THAT(parse_error("pkg:3nginx/nginx@0.8.9"), Catch::Contains("must not start with a digit"));
  CHECK_THAT(parse_error("pkg:nginx:a/nginx@0.8.9"),
             Catch::Contains("may only hold ASCII letters, digits"));
  CHECK_THAT(parse_error("pkg:n&g?inx/nginx@0.8.9"), Catch::StartsWith("invalid purl"));
  CHECK_THAT(parse_error("pkg:"), Catch::Contains("the type is required"));
  CHECK_THAT(parse_error("pkg:hackage"), Catch::Contains("the name is required"));
  CHECK_THAT(parse_error("pkg:maven/@1.3.4"), Catch::Contains("the name is required"));
  CHECK_THAT(parse_error("pkg:swift/github.com/Alamofire/@5.4.3"),
             Catch::Contains("the name is required"));
  CHECK_THAT(parse_error("pkg:maven/a%2Fb/io"),
             Catch::Contains("namespace segment \"a%2Fb\" decodes to a value with '/'"));

  const auto no_type = make_purl("", "", "nginx", "0.8.9");
  REQUIRE_FALSE(no_type);
  CHECK(no_type.error() == "cannot build a purl for \"nginx\": the type is required");
  CHECK_FALSE(make_purl("3nginx", "", "nginx", ""));
  CHECK_THAT(make_purl("cran", "", "", "0.9.1").error(), Catch::Contains("the name is required"));
  CHECK_THAT(make_purl("generic", "", "a/b", "").error(), Catch::Contains("must not contain '/'"));
}

TEST_CASE("purl type npm: scope is the namespace, name lowercase", "[purl][types]") {
  const auto built = make_purl("npm", "@angular", "Animation", "12.3.1");
  REQUIRE(built);
  CHECK(built->namespace_ == "@angular");
  CHECK(built->name == "animation");
  CHECK(built->to_string() == "pkg:npm/%40angular/animation@12.3.1");

  SECTION("an unencoded '@' of the scope is read as the namespace") {
    const auto purl = parse_purl("pkg:npm/@babel/core#/lib/");
    REQUIRE(purl);
    CHECK(purl->namespace_ == "@babel");
    CHECK(purl->name == "core");
    CHECK(purl->version.empty());
    CHECK(purl->to_string() == "pkg:npm/%40babel/core#lib");
    CHECK(parse_purl("pkg:npm/@babel/core@7.0.0")->version == "7.0.0");
  }
  CHECK(canonical("pkg:npm/JSONStream@1.0") == "pkg:npm/jsonstream@1.0");
}

TEST_CASE("purl type pypi: lowercase, '_' becomes '-', no namespace", "[purl][types]") {
  CHECK(canonical("pkg:PYPI/Django_Package@1.11.1.DEV1") == "pkg:pypi/django-package@1.11.1.dev1");
  CHECK(make_purl("pypi", "", "Zope_Interface", "5.0")->name == "zope-interface");
  CHECK(make_purl("pypi", "", "zope.interface", "5.0")->name == "zope.interface");
  CHECK(canonical("pkg:pypi/django@1.11.1?file_name=Django-1.11.1.tar.gz") ==
        "pkg:pypi/django@1.11.1?file_name=Django-1.11.1.tar.gz");
  CHECK_THAT(parse_error("pkg:pypi/org/django"), Catch::Contains("a pypi purl has no namespace"));
}

TEST_CASE("purl type maven: namespace required, case preserved", "[purl][types]") {
  CHECK(canonical("pkg:maven/HTTPClient/HTTPClient@0.3-3") ==
        "pkg:maven/HTTPClient/HTTPClient@0.3-3");
  CHECK_THAT(parse_error("pkg:maven/io@1.3.4"), Catch::Contains("a maven purl needs a namespace"));
  const auto built = make_purl("maven", "", "io", "1.3.4");
  REQUIRE_FALSE(built);
  CHECK_THAT(built.error(), Catch::Contains("needs a namespace"));
}

TEST_CASE("purl type golang: namespace path, case kept, subpath", "[purl][types]") {
  const auto purl = parse_purl("pkg:golang/github.com/Azure/azure-sdk-for-go@v1.0.0#sdk/storage");
  REQUIRE(purl);
  CHECK(purl->namespace_ == "github.com/Azure");
  CHECK(purl->name == "azure-sdk-for-go");
  CHECK(purl->subpath == "sdk/storage");
  CHECK(
      make_purl("golang", "google.golang.org", "genproto", "", {}, "googleapis/api")->to_string() ==
      "pkg:golang/google.golang.org/genproto#googleapis/api");
  CHECK_THAT(parse_error("pkg:golang/context"), Catch::Contains("needs a namespace"));
}

TEST_CASE("purl types deb, rpm, apk and alpm: distro packages", "[purl][types]") {
  SECTION("deb: vendor and name lowercase, epoch in the version, arch and distro qualifiers") {
    CHECK(canonical("pkg:deb/Debian/Attr@1:2.4.47-2%2Bb1?distro=bookworm&arch=amd64") ==
          "pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64&distro=bookworm");
    CHECK_THAT(parse_error("pkg:deb/curl@7.50.3-1"), Catch::Contains("needs a namespace"));
  }
  SECTION("rpm: vendor lowercase, name case kept, epoch as a qualifier") {
    const auto purl = make_purl("rpm", "Fedora", "NetworkManager", "1.40.0-1.fc37",
                                {{"epoch", "1"}, {"arch", "x86_64"}, {"distro", "fedora-37"}});
    REQUIRE(purl);
    CHECK(purl->to_string() ==
          "pkg:rpm/fedora/NetworkManager@1.40.0-1.fc37?arch=x86_64&distro=fedora-37&epoch=1");
    CHECK(purl->qualifier("epoch") == "1");
  }
  SECTION("apk and alpm: vendor and name lowercase") {
    CHECK(canonical("pkg:apk/Alpine/Curl@7.83.0-r0?arch=x86") ==
          "pkg:apk/alpine/curl@7.83.0-r0?arch=x86");
    CHECK(canonical("pkg:alpm/Arch/Pacman@6.0.1-1?arch=x86_64") ==
          "pkg:alpm/arch/pacman@6.0.1-1?arch=x86_64");
    CHECK_FALSE(parse_purl("pkg:apk/curl@7.83.0-r0"));
  }
}

TEST_CASE("purl types with lowercase namespace and name", "[purl][types]") {
  CHECK(canonical("pkg:github/Package-url/purl-Spec@244FD47") ==
        "pkg:github/package-url/purl-spec@244FD47");
  CHECK(canonical("pkg:bitbucket/birKenfeld/pyGments-main") ==
        "pkg:bitbucket/birkenfeld/pygments-main");
  CHECK(canonical("pkg:composer/Laravel/Laravel@5.5.0") == "pkg:composer/laravel/laravel@5.5.0");
  CHECK(canonical("pkg:brew/Homebrew/Core/SQLite@3.43.2") ==
        "pkg:brew/homebrew/core/sqlite@3.43.2");
  CHECK(canonical("pkg:hex/Acme/Foo@2.3") == "pkg:hex/acme/foo@2.3");
  CHECK(canonical("pkg:luarocks/Hisham/LuaFileSystem@1.8.0-1") ==
        "pkg:luarocks/hisham/luafilesystem@1.8.0-1");
  CHECK(canonical("pkg:qpkg/BlackBerry/com.qnx.sdp@7.0.0") ==
        "pkg:qpkg/blackberry/com.qnx.sdp@7.0.0");
  CHECK(canonical("pkg:yocto/Core/glibc@2.35") == "pkg:yocto/core/glibc@2.35");
  CHECK(canonical("pkg:bitnami/WordPress@6.2.0") == "pkg:bitnami/wordpress@6.2.0");
  CHECK(canonical("pkg:vscode-extension/RedHat/Java@1.0.0-RC1") ==
        "pkg:vscode-extension/redhat/java@1.0.0-rc1");
  CHECK_THAT(parse_error("pkg:vscode-extension/java@1.46.2025091308"),
             Catch::Contains("needs a namespace"));
}

TEST_CASE("purl types with a lowercase version", "[purl][types]") {
  CHECK(canonical("pkg:huggingface/EleutherAI/gpt-neo-1.3B@797174552AE47F") ==
        "pkg:huggingface/EleutherAI/gpt-neo-1.3B@797174552ae47f");
  CHECK(canonical("pkg:oci/Debian@sha256%3A244FD47?repository_url=docker.io/library/debian") ==
        "pkg:oci/debian@sha256:244fd47?repository_url=docker.io%2Flibrary%2Fdebian");
}

TEST_CASE("purl types without a namespace", "[purl][types]") {
  for (const char* type : {"bazel", "cargo", "cocoapods", "conda", "cran", "gem", "hackage",
                           "mlflow", "nuget", "oci", "opam", "otp", "pub", "vcpkg"}) {
    INFO(type);
    CHECK_FALSE(make_purl(type, "vendor", "name", "1.0"));
    CHECK(make_purl(type, "", "name", "1.0"));
  }
  CHECK_THAT(parse_error("pkg:vcpkg/boost/asio@1.84.0"),
             Catch::Contains("a vcpkg purl has no namespace, but \"boost\" was given"));
}

TEST_CASE("purl types with a required qualifier", "[purl][types]") {
  CHECK_THAT(parse_error("pkg:julia/Dates@1.9.0"),
             Catch::Contains("a julia purl needs the \"uuid\" qualifier"));
  CHECK(canonical("pkg:julia/Dates@1.9.0?uuid=ade2ca70-3891-5945-98fb-dc099432e06a") ==
        "pkg:julia/Dates@1.9.0?uuid=ade2ca70-3891-5945-98fb-dc099432e06a");
  CHECK_THAT(parse_error("pkg:swid/Fedora@29"), Catch::Contains("\"tag_id\" qualifier"));
}

TEST_CASE("purl type swid: two namespace segments at most, GUID tag_id lowercase",
          "[purl][types]") {
  CHECK(canonical("pkg:swid/Acme/example.com/Enterprise+Server@1.0.0?tag_id=75B8C285-FA7B-485B-"
                  "B199-4745E3004D0D") == "pkg:swid/Acme/example.com/Enterprise%2BServer@1.0.0?"
                                          "tag_id=75b8c285-fa7b-485b-b199-4745e3004d0d");
  CHECK(canonical("pkg:swid/Adobe/InDesign@CC?tag_id=CreativeCloud-CS6") ==
        "pkg:swid/Adobe/InDesign@CC?tag_id=CreativeCloud-CS6");
  CHECK_THAT(parse_error("pkg:swid/a/b/c/name?tag_id=x"), Catch::Contains("at most two segments"));
}

TEST_CASE("purl type cpan: distribution names, uppercase author", "[purl][types]") {
  CHECK(canonical("pkg:cpan/oalders/libwww-perl@6.76") == "pkg:cpan/OALDERS/libwww-perl@6.76");
  CHECK(canonical("pkg:cpan/DateTime@1.55?author=DROLSKY") ==
        "pkg:cpan/DateTime@1.55?author=DROLSKY");
  CHECK_THAT(parse_error("pkg:cpan/LWP::UserAgent@6.7.6"), Catch::Contains("\"::\""));
  CHECK_FALSE(make_purl("cpan", "GDT", "URI::PackageURL", ""));
}

TEST_CASE("purl type chrome-extension: id and version shape", "[purl][types]") {
  CHECK(canonical("pkg:chrome-extension/DNCGEDBNIDFKPPMDGFGIDCEPCLNOKPKB@6.0.2.3611") ==
        "pkg:chrome-extension/dncgedbnidfkppmdgfgidcepclnokpkb@6.0.2.3611");
  CHECK(parse_purl("pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk"));
  CHECK_THAT(parse_error("pkg:chrome-extension/dogs"), Catch::Contains("32 letters"));
  CHECK_THAT(parse_error("pkg:chrome-extension/44444algnefjeiefhmpklpfiohadpglk"),
             Catch::Contains("32 letters"));
  CHECK_THAT(parse_error("pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1.2.3.4.5"),
             Catch::Contains("one to four dot-separated numbers"));
  CHECK_FALSE(parse_purl("pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1.2.3-beta"));
  CHECK_FALSE(parse_purl("pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1..2"));
}

TEST_CASE("purl type cocoapods: pod name shape, subspec as subpath", "[purl][types]") {
  CHECK(canonical("pkg:cocoapods/GoogleUtilities@7.5.2#NSData+zlib") ==
        "pkg:cocoapods/GoogleUtilities@7.5.2#NSData%2Bzlib");
  CHECK_THAT(parse_error("pkg:cocoapods/Share+Kit@2.0"), Catch::Contains("pod name"));
  CHECK_FALSE(parse_purl("pkg:cocoapods/.hidden@1.0"));
  CHECK_FALSE(make_purl("cocoapods", "", "Share Kit", "2.0"));
}

TEST_CASE("purl type git: host namespace, path name", "[purl][types]") {
  const auto purl = parse_purl("pkg:git/codeberg.org/forgejo/forgejo@a72d2c0#options/readme.md");
  REQUIRE(purl);
  CHECK(purl->namespace_ == "codeberg.org");
  CHECK(purl->name == "forgejo/forgejo");
  CHECK(purl->to_string() == "pkg:git/codeberg.org/forgejo/forgejo@a72d2c0#options/readme.md");
  const auto built = make_purl("git", "codeberg.org", "/Forgejo//Forgejo/", "a72d2c0");
  REQUIRE(built);
  CHECK(built->name == "Forgejo/Forgejo");
  CHECK(parse_purl(built->to_string()).value() == built.value());
  CHECK_THAT(parse_error("pkg:git/forgejo"), Catch::Contains("needs a namespace"));
}

TEST_CASE("purl type mlflow: Databricks names are lowercase", "[purl][types]") {
  CHECK(canonical("pkg:mlflow/CreditFraud@3?repository_url=https://adb-1.0.azuredatabricks.net/"
                  "api/2.0/mlflow") == "pkg:mlflow/creditfraud@3?repository_url=https:%2F%2F"
                                       "adb-1.0.azuredatabricks.net%2Fapi%2F2.0%2Fmlflow");
  CHECK(
      canonical("pkg:mlflow/CreditFraud@3?repository_url=https://westus2.api.azureml.ms/mlflow") ==
      "pkg:mlflow/CreditFraud@3?repository_url=https:%2F%2Fwestus2.api.azureml.ms%2Fmlflow");
  CHECK(canonical("pkg:mlflow/CreditFraud@3") == "pkg:mlflow/CreditFraud@3");
}

TEST_CASE("purl types with rewritten names: pub and hackage", "[purl][types]") {
  CHECK(canonical("pkg:pub/Flutter-Test.Utils@1.0.0") == "pkg:pub/flutter_test_utils@1.0.0");
  CHECK(canonical("pkg:hackage/AC_HalfInteger@1.2.1") == "pkg:hackage/AC-HalfInteger@1.2.1");
}

TEST_CASE("purl type otp: lowercase name and subpath", "[purl][types]") {
  CHECK(canonical("pkg:otp/ASN1@5.4.1#Src/Asn1ct.erl") == "pkg:otp/asn1@5.4.1#src/asn1ct.erl");
}

TEST_CASE("purl: the canonical form parses back to the same purl", "[purl]") {
  for (const char* text :
       {"pkg:npm/%40angular/animation@12.3.1",
        "pkg:maven/mygroup/myartifact@1.0.0%20Final?mykey=my"
        "%20value",
        "pkg:generic/bitwarderl?vcs_url=git%2Bhttps:%2F%2Fgit.fsfe.org%2Fdxtr%2Fbitwarderl%40cc5",
        "pkg:conan/openssl.org/openssl@3.0.3?channel=stable&user=bincrafters",
        "pkg:bazel/rules_java@8.5.0#java/runfiles:runfiles"}) {
    INFO(text);
    const auto purl = parse_purl(text);
    REQUIRE(purl);
    CHECK(purl->to_string() == text);
    CHECK(parse_purl(purl->to_string()).value() == purl.value());
  }
}

TEST_CASE("purl: apply_purl_type_rules makes edited fields canonical again", "[purl]") {
  Purl purl = make_purl("pypi", "", "requests", "2.0").value();
  purl.name = "Typing_Extensions";
  REQUIRE(apply_purl_type_rules(purl));
  CHECK(purl.to_string() == "pkg:pypi/typing-extensions@2.0");
  purl.namespace_ = "org";
  CHECK_FALSE(apply_purl_type_rules(purl));
}

TEST_CASE("purl: a golang purl without namespace parses only when asked to be lenient", "[purl]") {
  CHECK_FALSE(kensa::model::parse_purl("pkg:golang/stdlib@1.19.8").ok());
  kensa::model::PurlParseOptions lenient;
  lenient.golang_namespace_optional = true;
  const auto stdlib = kensa::model::parse_purl("pkg:golang/stdlib@1.19.8", lenient);
  REQUIRE(stdlib.ok());
  CHECK(stdlib->name == "stdlib");
  CHECK(stdlib->to_string() == "pkg:golang/stdlib@1.19.8");
  // Only golang is waived.
  CHECK_FALSE(kensa::model::parse_purl("pkg:maven/x@1", lenient).ok());
}
