#pragma once

#include <kensa/util/result.hpp>

#include <string>
#include <string_view>

// What a root file system says about its distribution: /etc/os-release (or
// /usr/lib/os-release), or one of the older release files. Shared by the
// os-release scanner and the OS package scanners, which need the distribution
// for purl namespaces and the `distro` qualifier.
namespace kensa::scanner::distro {

// The fields of os-release(5) kensa uses; empty when the file does not say.
struct OsRelease {
  // Lower-case identifier: "debian", "ubuntu", "alpine", "rhel", "fedora".
  std::string id;
  std::string id_like;
  std::string name;
  std::string pretty_name;
  std::string version;
  // "12", "3.20.2", "9.4"; empty for rolling releases and Debian testing.
  std::string version_id;
  std::string version_codename;
  // As written, CPE 2.2 URI or 2.3 formatted string.
  std::string cpe_name;
  std::string home_url;
  std::string support_url;
  std::string bug_report_url;
  // Which kind of file this came from: "os-release", "debian_version",
  // "alpine-release" or "redhat-release".
  std::string source;
};

// Largest release file read; real ones are a few hundred bytes.
inline constexpr std::size_t k_max_release_file_size = 64 * 1024;

// Parses an os-release file: KEY=value lines, values optionally in single or
// double quotes with shell backslash escapes, '#' comments. A missing ID means
// "linux", as os-release(5) says. Fails when the text is too big, holds no
// assignment at all, or holds NUL bytes (not a text file).
Result<OsRelease> parse_os_release(std::string_view text);

// /etc/debian_version: "12.5" (ID debian, VERSION_ID "12", VERSION "12.5") or
// a codename such as "trixie/sid" (no VERSION_ID).
Result<OsRelease> parse_debian_version(std::string_view text);

// /etc/alpine-release: "3.20.2" (ID alpine, VERSION_ID "3.20.2").
Result<OsRelease> parse_alpine_release(std::string_view text);

// /etc/redhat-release: "Red Hat Enterprise Linux release 9.4 (Plow)",
// "CentOS Linux release 7.9.2009 (Core)", "Fedora release 40 (Forty)",
// "Rocky Linux release 9.3 (Blue Onyx)", "AlmaLinux release 9.3 (...)".
// Fails for a distribution name it does not know.
Result<OsRelease> parse_redhat_release(std::string_view text);

// The value of the purl `distro` qualifier: "<ID>-<VERSION_ID>" ("debian-12",
// "rhel-9.4"), with Alpine's VERSION_ID cut to its release branch
// ("alpine-3.20"), which is what Alpine's security database is keyed on. Just
// the ID when there is no VERSION_ID; empty when there is no ID.
std::string distro_qualifier(const OsRelease& release);

// The CPE 2.3 of the distribution: CPE_NAME converted to 2.3 when the file
// gives one, otherwise built from a table of the names NVD uses
// (docs/cpe.md). Empty when neither works, or when there is no version (a
// versionless OS CPE would match every release).
std::string os_cpe(const OsRelease& release);

} // namespace kensa::scanner::distro
