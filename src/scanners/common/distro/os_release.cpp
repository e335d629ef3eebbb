#include "os_release.hpp"

#include <kensa/model/cpe.hpp>
#include <kensa/util/lines.hpp>
#include <kensa/util/strings.hpp>

#include <array>
#include <cctype>

namespace kensa::scanner::distro {

namespace {

bool is_key_character(char c) {
  return is_ascii_alnum(c) || c == '_';
}

// Undoes the shell quoting os-release(5) allows: "..." with \" \\ \$ \`
// escapes, '...' taken literally, or a bare word.
Result<std::string> unquote(std::string_view value) {
  if (value.empty()) {
    return std::string();
  }
  char quote = value.front();
  if (quote != '"' && quote != '\'') {
    return std::string(value);
  }
  if (value.size() < 2 || value.back() != quote) {
    return fail("unterminated quote");
  }
  value = value.substr(1, value.size() - 2);
  if (quote == '\'') {
    return std::string(value);
  }
  std::string result;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      char next = value[i + 1];
      if (next == '"' || next == '\\' || next == '$' || next == '`') {
        result += next;
        ++i;
        continue;
      }
    }
    result += value[i];
  }
  return result;
}

Status check_text(std::string_view text) {
  if (text.size() > k_max_release_file_size) {
    return fail("file is " + std::to_string(text.size()) + " bytes, more than a release file has");
  }
  if (text.find('\0') != std::string_view::npos) {
    return fail("not a text file (NUL bytes)");
  }
  return ok_status();
}

std::string_view first_line(std::string_view text) {
  std::size_t end = text.find('\n');
  return trim(text.substr(0, end));
}

bool is_version_text(std::string_view text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) {
    return false;
  }
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') {
      return false;
    }
  }
  return true;
}

// Keeps the first `parts` dot-separated parts of a version.
std::string leading_parts(std::string_view version, std::size_t parts) {
  std::size_t end = 0;
  for (std::size_t n = 0; n < parts; ++n) {
    end = version.find('.', n == 0 ? 0 : end + 1);
    if (end == std::string_view::npos) {
      return std::string(version);
    }
  }
  return std::string(version.substr(0, end));
}

struct OsCpeName {
  std::string_view id;
  std::string_view vendor;
  std::string_view product;
};

// NVD's vendor and product for distributions whose os-release carries no
// CPE_NAME. Distributions that ship CPE_NAME (RHEL, Fedora, Rocky, SUSE,
// Amazon, Oracle) are not listed: their own name is used.
constexpr std::array k_os_cpe_names{
    OsCpeName{"alpine", "alpinelinux", "alpine_linux"},
    OsCpeName{"debian", "debian", "debian_linux"},
    OsCpeName{"ubuntu", "canonical", "ubuntu_linux"},
    OsCpeName{"centos", "centos", "centos"},
    OsCpeName{"rhel", "redhat", "enterprise_linux"},
    OsCpeName{"fedora", "fedoraproject", "fedora"},
};

struct RedhatName {
  std::string_view prefix;
  std::string_view id;
  std::string_view name;
};

constexpr std::array k_redhat_names{
    RedhatName{"Red Hat Enterprise Linux", "rhel", "Red Hat Enterprise Linux"},
    RedhatName{"CentOS Stream", "centos", "CentOS Stream"},
    RedhatName{"CentOS Linux", "centos", "CentOS Linux"},
    RedhatName{"CentOS", "centos", "CentOS Linux"},
    RedhatName{"Fedora", "fedora", "Fedora Linux"},
    RedhatName{"Rocky Linux", "rocky", "Rocky Linux"},
    RedhatName{"AlmaLinux", "almalinux", "AlmaLinux"},
    RedhatName{"Oracle Linux", "ol", "Oracle Linux Server"},
};

} // namespace

Result<OsRelease> parse_os_release(std::string_view text) {
  if (auto checked = check_text(text); !checked) {
    return fail(checked.error());
  }
  OsRelease release;
  release.source = "os-release";
  std::size_t assignments = 0;
  std::size_t line_number = 0;
  for (std::string_view line : lines(text)) {
    ++line_number;
    line = trim(line);
    if (line.empty() || line.front() == '#') {
      continue;
    }
    std::size_t equals = line.find('=');
    if (equals == std::string_view::npos || equals == 0) {
      return fail("line " + std::to_string(line_number) + " is not KEY=value");
    }
    std::string_view key = line.substr(0, equals);
    for (char c : key) {
      if (!is_key_character(c)) {
        return fail("line " + std::to_string(line_number) + " is not KEY=value");
      }
    }
    auto value = unquote(line.substr(equals + 1));
    if (!value) {
      return fail("line " + std::to_string(line_number) + ": " + value.error());
    }
    ++assignments;
    if (key == "ID") {
      release.id = to_lower_ascii(*value);
    } else if (key == "ID_LIKE") {
      release.id_like = *value;
    } else if (key == "NAME") {
      release.name = *value;
    } else if (key == "PRETTY_NAME") {
      release.pretty_name = *value;
    } else if (key == "VERSION") {
      release.version = *value;
    } else if (key == "VERSION_ID") {
      release.version_id = *value;
    } else if (key == "VERSION_CODENAME") {
      release.version_codename = *value;
    } else if (key == "CPE_NAME") {
      release.cpe_name = *value;
    } else if (key == "HOME_URL") {
      release.home_url = *value;
    } else if (key == "SUPPORT_URL") {
      release.support_url = *value;
    } else if (key == "BUG_REPORT_URL") {
      release.bug_report_url = *value;
    }
  }
  if (assignments == 0) {
    return fail("no KEY=value lines");
  }
  if (release.id.empty()) {
    release.id = "linux";
  }
  return release;
}

Result<OsRelease> parse_debian_version(std::string_view text) {
  if (auto checked = check_text(text); !checked) {
    return fail(checked.error());
  }
  std::string_view line = first_line(text);
  if (line.empty()) {
    return fail("empty file");
  }
  OsRelease release;
  release.source = "debian_version";
  release.id = "debian";
  release.name = "Debian GNU/Linux";
  release.version = std::string(line);
  // Debian's own os-release gives the major release only ("12"), and that is
  // what security trackers key on.
  if (is_version_text(line)) {
    release.version_id = leading_parts(line, 1);
  }
  return release;
}

Result<OsRelease> parse_alpine_release(std::string_view text) {
  if (auto checked = check_text(text); !checked) {
    return fail(checked.error());
  }
  std::string_view line = first_line(text);
  if (!is_version_text(line)) {
    return fail("not an Alpine release number");
  }
  OsRelease release;
  release.source = "alpine-release";
  release.id = "alpine";
  release.name = "Alpine Linux";
  release.version_id = std::string(line);
  return release;
}

Result<OsRelease> parse_redhat_release(std::string_view text) {
  if (auto checked = check_text(text); !checked) {
    return fail(checked.error());
  }
  std::string_view line = first_line(text);
  for (const auto& known : k_redhat_names) {
    if (!line.starts_with(known.prefix)) {
      continue;
    }
    std::size_t marker = line.find(" release ");
    if (marker == std::string_view::npos) {
      return fail("no \"release\" in \"" + std::string(line) + "\"");
    }
    std::string_view rest = line.substr(marker + 9);
    std::string_view version = rest.substr(0, rest.find(' '));
    if (!is_version_text(version)) {
      return fail("no version in \"" + std::string(line) + "\"");
    }
    OsRelease release;
    release.source = "redhat-release";
    release.id = std::string(known.id);
    release.name = std::string(known.name);
    release.pretty_name = std::string(line);
    release.version = std::string(version);
    // CentOS's own os-release gives the major release only ("7").
    release.version_id = known.id == "centos" ? leading_parts(version, 1) : std::string(version);
    return release;
  }
  return fail("unknown distribution \"" + std::string(line.substr(0, 80)) + "\"");
}

std::string distro_qualifier(const OsRelease& release) {
  if (release.id.empty()) {
    return {};
  }
  if (release.version_id.empty()) {
    return release.id;
  }
  std::string version = release.version_id;
  if (release.id == "alpine") {
    version = leading_parts(version, 2);
  }
  return release.id + "-" + version;
}

std::string os_cpe(const OsRelease& release) {
  if (!release.cpe_name.empty()) {
    if (auto converted = model::cpe23_from_name(release.cpe_name)) {
      return *converted;
    }
  }
  if (release.version_id.empty()) {
    return {};
  }
  std::string_view vendor = release.id;
  std::string_view product = release.id;
  for (const auto& known : k_os_cpe_names) {
    if (known.id == release.id) {
      vendor = known.vendor;
      product = known.product;
      break;
    }
  }
  auto cpe =
      model::make_cpe23(model::CpePart::operating_system, vendor, product, release.version_id);
  return cpe.value_or(std::string());
}

} // namespace kensa::scanner::distro
