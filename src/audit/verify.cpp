#include <kensa/audit/component_identity.hpp>
#include <kensa/audit/listed_files.hpp>
#include <kensa/audit/verify.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace kensa::audit {

namespace {

using validate::Finding;
using validate::Severity;

// A package as both sides name it: by purl without qualifiers (tools
// disagree on those) and version, and by name and version for a side that
// gives no purl.
std::string purl_key(const model::Component& component) {
  return component.purl.empty() ? std::string()
                                : purl_identity(component.purl) + "@" + component.version;
}

std::string name_key(const model::Component& component) {
  return to_lower_ascii(component.group.empty() ? component.name
                                                : component.group + "/" + component.name) +
         "@" + component.version;
}

std::string package_label(const model::Component& component) {
  return component.purl.empty() ? display_name(component) : component.purl;
}

// The SBOM's packages: its components, less files (checked as files) and
// the document's subject (the delivery itself, which no scan finds).
std::vector<const model::Component*> listed_packages(const model::Document& sbom) {
  std::vector<const model::Component*> packages;
  for (const auto& component : sbom.components) {
    if (component.type == model::ComponentType::file) {
      continue;
    }
    if (sbom.metadata.subject && component.id == sbom.metadata.subject->id) {
      continue;
    }
    packages.push_back(&component);
  }
  return packages;
}

class Findings {
 public:
  explicit Findings(VerifyResult& result) : m_result(result) {}
  void add(Severity severity, std::string rule, std::string location, std::string message,
           std::string hint = {}) {
    m_result.findings.push_back(Finding{severity, std::move(rule), std::move(location), 0,
                                        std::move(message), std::move(hint)});
  }

 private:
  VerifyResult& m_result;
};

// The target's files by path as the SBOM would write it: when the target
// is an archive and the SBOM lists its members without the archive's name
// (an SBOM of the unpacked delivery), that name is taken off.
std::unordered_map<std::string, const model::FileEntry*>
target_files_by_path(const model::Document& scanned, const std::filesystem::path& target,
                     const std::vector<ListedFile>& listed) {
  const std::string prefix = target.filename().string() + "!/";
  const bool listed_with_prefix =
      std::any_of(listed.begin(), listed.end(),
                  [&](const ListedFile& file) { return file.path.starts_with(prefix); });
  std::unordered_map<std::string, const model::FileEntry*> files;
  files.reserve(scanned.files.size());
  for (const auto& file : scanned.files) {
    if (file.hashes.empty()) {
      // Claimed by a package database, not found in the walk.
      continue;
    }
    std::string path = normalise_listed_path(file.path);
    // An archive given as the target is in its own inventory: it is the
    // delivery, not a file of it.
    if (path == target.filename().string() && !listed_with_prefix) {
      continue;
    }
    if (!listed_with_prefix && path.starts_with(prefix)) {
      path.erase(0, prefix.size());
    }
    files.emplace(std::move(path), &file);
  }
  return files;
}

void check_files(const std::vector<ListedFile>& listed,
                 const std::unordered_map<std::string, const model::FileEntry*>& target_files,
                 const VerifyOptions& options, VerifyResult& result, Findings& findings) {
  std::unordered_set<std::string_view> seen;
  for (const auto& file : listed) {
    auto found = target_files.find(file.path);
    if (found == target_files.end()) {
      findings.add(Severity::error, "VERIFY-FILE-MISSING", file.path,
                   "the SBOM lists " + file.path + " (" + digest_text(file.hashes.front()) +
                       "), the delivery does not hold it");
      continue;
    }
    seen.insert(found->first);
    const auto digests = strongest_common_digest(file.hashes, found->second->hashes);
    if (!digests) {
      findings.add(Severity::warning, "VERIFY-FILE-UNCHECKED", file.path,
                   "the SBOM gives " + file.path + " only digests kensa cannot compute (" +
                       std::string(model::hash_algorithm_name(file.hashes.front().algorithm)) +
                       ")");
      continue;
    }
    if (digests->before.hex != digests->after.hex) {
      findings.add(Severity::error, "VERIFY-FILE-CHANGED", file.path,
                   file.path + " is not the file the SBOM lists: its " +
                       std::string(model::hash_algorithm_name(digests->after.algorithm)) + " is " +
                       digests->after.hex + ", the SBOM says " + digests->before.hex);
      continue;
    }
    ++result.files_matched;
  }
  for (const auto& [path, file] : target_files) {
    if (seen.contains(path) || path == options.sbom_location) {
      continue;
    }
    findings.add(options.strict ? Severity::error : Severity::warning, "VERIFY-FILE-EXTRA", path,
                 path + " is in the delivery, the SBOM does not list it",
                 options.strict ? "" : "an error with --strict");
  }
}

void check_packages(const model::Document& sbom, const model::Document& scanned,
                    VerifyResult& result, Findings& findings) {
  const auto listed = listed_packages(sbom);
  result.packages_listed = listed.size();
  result.target_packages = scanned.components.size();
  std::unordered_set<std::string> listed_purls;
  std::unordered_set<std::string> listed_names;
  for (const auto* component : listed) {
    if (!component->purl.empty()) {
      listed_purls.insert(purl_key(*component));
    }
    listed_names.insert(name_key(*component));
  }
  std::unordered_set<std::string> found_purls;
  std::unordered_set<std::string> found_names;
  for (const auto& component : scanned.components) {
    if (!component.purl.empty()) {
      found_purls.insert(purl_key(component));
    }
    found_names.insert(name_key(component));
  }
  for (const auto* component : listed) {
    if ((!component->purl.empty() && found_purls.contains(purl_key(*component))) ||
        found_names.contains(name_key(*component))) {
      ++result.packages_matched;
      continue;
    }
    findings.add(Severity::error, "VERIFY-PACKAGE-MISSING", package_label(*component),
                 "the SBOM lists " + package_label(*component) +
                     ", the delivery was not found to hold it");
  }
  for (const auto& component : scanned.components) {
    if ((!component.purl.empty() && listed_purls.contains(purl_key(component))) ||
        listed_names.contains(name_key(component))) {
      continue;
    }
    std::string where;
    if (!component.evidence.empty() && !component.evidence.front().location.empty()) {
      where = " (" + component.evidence.front().location + ")";
    }
    findings.add(Severity::error, "VERIFY-PACKAGE-UNDECLARED", package_label(component),
                 "the delivery holds " + package_label(component) + where +
                     ", the SBOM does not list it");
  }
}

// The SBOM's packages that state a package verification code (SPDX 2),
// the subject included.
std::vector<const model::Component*> packages_with_codes(const model::Document& sbom) {
  std::vector<const model::Component*> packages;
  if (sbom.metadata.subject && !sbom.metadata.subject->verification_code.empty()) {
    packages.push_back(&*sbom.metadata.subject);
  }
  for (const auto& component : sbom.components) {
    if (!component.verification_code.empty()) {
      packages.push_back(&component);
    }
  }
  return packages;
}

// The delivery's files a package's verification code covers: those the
// SBOM lists as the package's, or, for the subject when it lists none, every
// file of the delivery (the SBOM itself left out); less the excluded ones.
std::vector<std::string>
covered_files(const model::Component& package, bool subject, const model::Document& sbom,
              const std::unordered_map<std::string, const model::FileEntry*>& target_files,
              const VerifyOptions& options) {
  std::set<std::string> excluded;
  for (const auto& file : package.verification_code.excluded_files) {
    excluded.insert(normalise_listed_path(file));
  }
  std::vector<std::string> covered;
  for (const auto& file : sbom.files) {
    if (std::find(file.owner_ids.begin(), file.owner_ids.end(), package.id) !=
        file.owner_ids.end()) {
      covered.push_back(normalise_listed_path(file.path));
    }
  }
  if (covered.empty() && subject) {
    for (const auto& [path, file] : target_files) {
      if (path != options.sbom_location) {
        covered.push_back(path);
      }
    }
  }
  std::erase_if(covered, [&](const std::string& path) { return excluded.contains(path); });
  std::sort(covered.begin(), covered.end());
  covered.erase(std::unique(covered.begin(), covered.end()), covered.end());
  return covered;
}

// SPDX 2.3 section 7.9: the code is the SHA-1 of the sorted SHA-1s of the
// package's files. Computed from the files as delivered; a file the
// delivery lacks is already a VERIFY-FILE-MISSING, and changes the code.
void check_verification_codes(
    const model::Document& sbom,
    const std::unordered_map<std::string, const model::FileEntry*>& target_files,
    const VerifyOptions& options, Findings& findings) {
  for (const model::Component* package : packages_with_codes(sbom)) {
    const bool subject = package == (sbom.metadata.subject ? &*sbom.metadata.subject : nullptr);
    const auto covered = covered_files(*package, subject, sbom, target_files, options);
    if (covered.empty()) {
      findings.add(Severity::warning, "VERIFY-PACKAGE-CODE-UNCHECKED", package_label(*package),
                   "the SBOM gives " + package_label(*package) +
                       " a package verification code but lists none of its files: the code "
                       "could not be checked");
      continue;
    }
    std::vector<std::string> sha1s;
    for (const auto& path : covered) {
      const auto found = target_files.find(path);
      if (found == target_files.end()) {
        continue;
      }
      for (const auto& hash : found->second->hashes) {
        if (hash.algorithm == model::HashAlgorithm::sha1) {
          sha1s.push_back(hash.hex);
        }
      }
    }
    const std::size_t delivered = sha1s.size();
    const std::string code = model::package_verification_code(std::move(sha1s));
    if (code != package->verification_code.value) {
      findings.add(Severity::error, "VERIFY-PACKAGE-CODE", package_label(*package),
                   "the package verification code of " + package_label(*package) + " over its " +
                       std::to_string(delivered) + " files in the delivery is " + code +
                       ", the SBOM says " + package->verification_code.value);
    }
  }
}

// Errors first, then by rule and place; past the cap, only counted.
void order_and_cap(VerifyResult& result, std::size_t max_findings) {
  std::sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.severity, a.rule, a.location) < std::tie(b.severity, b.rule, b.location);
  });
  if (result.findings.size() > max_findings) {
    result.dropped_findings = result.findings.size() - max_findings;
    result.findings.resize(max_findings);
  }
}

} // namespace

Result<VerifyResult> verify_delivery(const model::Document& sbom,
                                     const std::filesystem::path& target,
                                     const VerifyOptions& options) {
  VerifyResult result;
  Findings findings(result);
  const std::vector<ListedFile> listed = listed_files(sbom);
  result.files_listed = listed.size();

  // One walk hashes every file with the algorithms the SBOM's files need
  // (the strongest of each that kensa computes) and finds the packages.
  std::set<model::HashAlgorithm> algorithms;
  for (const auto& file : listed) {
    if (const auto algorithm = strongest_computable(file.hashes)) {
      algorithms.insert(*algorithm);
    }
  }
  const bool has_codes = !packages_with_codes(sbom).empty();
  scanner::ScanOptions scan = options.scan;
  scan.source.digests.assign(algorithms.begin(), algorithms.end());
  if (has_codes && !algorithms.contains(model::HashAlgorithm::sha1)) {
    // Verification codes are made of SHA-1s.
    scan.source.digests.push_back(model::HashAlgorithm::sha1);
  }
  auto scanned = scanner::scan(target, scan);
  if (!scanned) {
    return fail(scanned.error());
  }
  result.target_files = static_cast<std::size_t>(
      std::count_if(scanned->files.begin(), scanned->files.end(),
                    [](const auto& file) { return !file.hashes.empty(); }));

  const auto target_files = target_files_by_path(*scanned, target, listed);
  if (listed.empty()) {
    findings.add(Severity::warning, "VERIFY-FILES-NOT-LISTED", "",
                 "the SBOM lists no file with a digest: the files of the delivery could not be "
                 "checked, only its packages");
  } else if (!algorithms.empty()) {
    check_files(listed, target_files, options, result, findings);
  } else {
    findings.add(Severity::warning, "VERIFY-FILE-UNCHECKED", "",
                 "the SBOM gives its files only digests kensa cannot compute");
  }
  if (has_codes) {
    check_verification_codes(sbom, target_files, options, findings);
  }
  check_packages(sbom, *scanned, result, findings);
  if (scanned->metadata.completeness == model::Completeness::incomplete) {
    const std::uint64_t omitted = scanned->metadata.omitted;
    findings.add(Severity::warning, "VERIFY-INCOMPLETE", "",
                 "the delivery could not be read whole (" + std::to_string(omitted) +
                     (omitted == 1 ? " place was" : " places were") +
                     " skipped or cut short): what was not read was not verified");
  }
  order_and_cap(result, options.max_findings);
  return result;
}

} // namespace kensa::audit
