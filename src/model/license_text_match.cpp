#include "license_text_corpus.hpp"
#include "license_text_headers.hpp"
#include "license_text_words.hpp"

#include <kensa/model/license.hpp>
#include <kensa/model/license_text.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace kensa::model {

namespace {

using license_text::Corpus;
using license_text::Word;

// A license text is kept as a candidate of a file when at least this share
// of it was found; below it, it is neither found nor worth naming.
constexpr double k_candidate_floor = k_license_closest_floor;
// A further license counts only if at least this share of its word pairs
// found in the file belongs to no license already found: otherwise it is
// part of that text read again (MIT-0 inside an MIT text, BSD-2-Clause
// inside BSD-3-Clause), while a second license of a dual-licensed file has
// most of its pairs to itself (ISC beside MIT: about two thirds).
constexpr double k_min_own_share = 0.25;

struct Candidate {
  std::uint16_t license = 0;
  double score = 0;
  // Positions (first word of a pair) whose pair is in the license's text.
  std::vector<std::uint32_t> positions;
  double rank = 0;
};

using PostingLists = std::vector<std::span<const license_text::Posting>>;

// The postings of each pair, looked up once: the steps below visit them
// several times.
PostingLists postings_of(const Corpus& corpus, const std::vector<std::uint64_t>& pairs) {
  PostingLists lists;
  lists.reserve(pairs.size());
  for (const auto pair : pairs) {
    lists.push_back(corpus.postings(pair));
  }
  return lists;
}

// How many of each license's required pairs are among the file's distinct
// pairs (given by their postings).
std::vector<std::uint32_t> count_found_pairs(const Corpus& corpus, const PostingLists& distinct) {
  std::vector<std::uint32_t> found(corpus.licenses().size(), 0);
  for (const auto& postings : distinct) {
    for (const auto& posting : postings) {
      found[license_text::posting_license(posting)] +=
          license_text::posting_required(posting) ? 1 : 0;
    }
  }
  return found;
}

// Which of the file's distinct pairs each license above the threshold
// holds: the file's sorted pairs walked beside each such license's sorted
// pairs (searching every posting list for every such license took most of
// the matching time).
class StrongPairs {
 public:
  StrongPairs(const Corpus& corpus, const std::vector<std::uint64_t>& distinct,
              const std::vector<std::uint16_t>& licenses)
      : m_row_of(corpus.licenses().size(), -1),
        m_holds(licenses.size(), std::vector<bool>(distinct.size(), false)) {
    for (std::size_t row = 0; row < licenses.size(); ++row) {
      m_row_of[licenses[row]] = static_cast<std::int32_t>(row);
      const auto own = corpus.pairs_of(licenses[row]);
      auto theirs = own.begin();
      for (std::size_t pair = 0; pair < distinct.size() && theirs != own.end(); ++pair) {
        theirs = std::lower_bound(theirs, own.end(), distinct[pair]);
        if (theirs != own.end() && *theirs == distinct[pair]) {
          m_holds[row][pair] = true;
        }
      }
    }
  }

  // Whether `license` (one of those given) holds the distinct pair `pair`.
  bool holds(std::uint16_t license, std::size_t pair) const {
    return m_holds[static_cast<std::size_t>(m_row_of[license])][pair];
  }
  std::size_t pair_count() const { return m_holds.empty() ? 0 : m_holds.front().size(); }

 private:
  std::vector<std::int32_t> m_row_of;
  std::vector<std::vector<bool>> m_holds;
};

// Positions (index into the file's pairs) whose pair `license` holds;
// `distinct_at` gives each position's distinct pair.
std::vector<std::uint32_t> positions_of(const StrongPairs& strong,
                                        const std::vector<std::uint32_t>& distinct_at,
                                        std::uint16_t license) {
  std::vector<std::uint32_t> positions;
  for (std::size_t i = 0; i < distinct_at.size(); ++i) {
    if (strong.holds(license, distinct_at[i])) {
      positions.push_back(static_cast<std::uint32_t>(i));
    }
  }
  return positions;
}

// Whether `license` has enough word pairs in the file that none of the
// `accepted` licenses has.
bool adds_to(const StrongPairs& strong, std::uint16_t license,
             const std::vector<std::uint16_t>& accepted) {
  std::size_t found = 0;
  std::size_t own = 0;
  for (std::size_t pair = 0; pair < strong.pair_count(); ++pair) {
    if (!strong.holds(license, pair)) {
      continue;
    }
    ++found;
    own += std::none_of(accepted.begin(), accepted.end(),
                        [&](std::uint16_t other) { return strong.holds(other, pair); })
               ? 1
               : 0;
  }
  return static_cast<double>(own) >= k_min_own_share * static_cast<double>(found);
}

// The stretch of the file that holds a license found in it: the biggest run
// of its matched positions with no gap over k_max_gap words. Pairs of the
// license matched elsewhere (common phrases in another license of the same
// file) are not part of it.
constexpr std::uint32_t k_max_gap = 24;

std::pair<std::uint32_t, std::uint32_t> main_run(const std::vector<std::uint32_t>& positions) {
  std::pair<std::uint32_t, std::uint32_t> best{positions.front(), positions.front()};
  std::size_t best_count = 0;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= positions.size(); ++i) {
    if (i == positions.size() || positions[i] - positions[i - 1] > k_max_gap) {
      if (i - start > best_count) {
        best_count = i - start;
        best = {positions[start], positions[i - 1]};
      }
      start = i;
    }
  }
  return best;
}

void add_match(std::vector<std::pair<std::size_t, LicenseTextMatch>>& matches, std::size_t position,
               LicenseTextMatch match) {
  for (auto& [at, existing] : matches) {
    if (existing.expression == match.expression) {
      if (match.score > existing.score) {
        existing.score = match.score;
        existing.method = match.method;
      }
      at = std::min(at, position);
      return;
    }
  }
  matches.emplace_back(position, std::move(match));
}

// "Copyright (c) <year> <copyright holders>", "Copyright [yyyy] [name of
// copyright owner]": the blank a license's appendix asks to fill in.
bool is_template_line(std::string_view line) {
  const std::string lower = to_lower_ascii(line);
  for (const std::string_view blank : {"<year>", "[year]", "[yyyy]", "{yyyy}", "<yyyy>", "<name of",
                                       "[name of", "<copyright", "<owner>", "{name of"}) {
    if (lower.find(blank) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// What the words of a file show, before its identifier lines: the licenses
// whose texts or notices are in it, in order, the closest text when none
// is, and the longest run of words none of them accounts for.
struct TextMatches {
  std::vector<LicenseTextMatch> licenses;
  std::string closest;
  double closest_score = 0;
  std::size_t longest_unmatched_run = 0;
};

TextMatches match_words(const Corpus& corpus, const std::vector<Word>& words) {
  TextMatches out;
  // The pair starting at each position, and the distinct pairs.
  std::vector<std::uint64_t> file_pairs;
  file_pairs.reserve(words.size());
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    file_pairs.push_back(license_text::bigram(words[i], words[i + 1]));
  }
  std::vector<std::uint64_t> distinct = file_pairs;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  const auto distinct_postings = postings_of(corpus, distinct);
  const auto found = count_found_pairs(corpus, distinct_postings);
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const double score =
        static_cast<double>(found[i]) / static_cast<double>(corpus.licenses()[i].required);
    if (score >= k_candidate_floor) {
      candidates.push_back(Candidate{static_cast<std::uint16_t>(i), score, {}, 0});
    }
  }
  // The best candidates first: those covering most of the file, weighted so
  // that a longer license of which much is missing loses to the shorter one
  // found whole (BSD-2-Clause text: BSD-3-Clause covers as many words, but
  // its third clause is missing).
  std::vector<std::uint16_t> strong_licenses;
  for (const auto& candidate : candidates) {
    if (candidate.score >= k_license_match_threshold) {
      strong_licenses.push_back(candidate.license);
    }
  }
  const StrongPairs strong(corpus, distinct, strong_licenses);
  std::vector<std::uint32_t> distinct_at;
  if (!strong_licenses.empty()) {
    distinct_at.reserve(file_pairs.size());
    for (const auto pair : file_pairs) {
      distinct_at.push_back(static_cast<std::uint32_t>(
          std::lower_bound(distinct.begin(), distinct.end(), pair) - distinct.begin()));
    }
  }
  std::vector<Candidate> found_texts;
  Candidate closest;
  for (auto& candidate : candidates) {
    if (candidate.score > closest.score) {
      closest = candidate;
    }
    if (candidate.score < k_license_match_threshold) {
      continue;
    }
    candidate.positions = positions_of(strong, distinct_at, candidate.license);
    if (candidate.positions.empty()) {
      continue;
    }
    candidate.rank = static_cast<double>(candidate.positions.size()) * candidate.score;
    found_texts.push_back(std::move(candidate));
  }
  std::sort(found_texts.begin(), found_texts.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.rank != b.rank) {
      return a.rank > b.rank;
    }
    return corpus.licenses()[a.license].id < corpus.licenses()[b.license].id;
  });

  std::vector<bool> covered(words.size(), false);
  std::vector<std::uint16_t> accepted;
  std::vector<std::pair<std::size_t, LicenseTextMatch>> matches;
  for (const auto& candidate : found_texts) {
    if (!adds_to(strong, candidate.license, accepted)) {
      continue;
    }
    accepted.push_back(candidate.license);
    // The license's stretch of the file: no header is looked for inside it
    // (the GPL's appendix holds the notice it asks programs to carry).
    const auto [first, last] = main_run(candidate.positions);
    std::fill(covered.begin() + static_cast<std::ptrdiff_t>(first),
              covered.begin() + static_cast<std::ptrdiff_t>(last) + 2, true);
    const auto& license = corpus.licenses()[candidate.license];
    LicenseTextMatch match;
    match.expression = license.id;
    match.score = candidate.score;
    match.method = LicenseMatchMethod::text;
    match.same_text = license.same_text;
    // Ordered by the middle of its matched pairs: its start may be a common
    // phrase in a license before it.
    add_match(matches, candidate.positions[candidate.positions.size() / 2], std::move(match));
  }

  for (auto& header : license_text::find_license_headers(words, covered)) {
    const auto notice_end = std::min(words.size(), header.position + k_license_notice_words);
    std::fill(covered.begin() + static_cast<std::ptrdiff_t>(header.position),
              covered.begin() + static_cast<std::ptrdiff_t>(notice_end), true);
    add_match(matches, header.position,
              LicenseTextMatch{std::move(header.id), 1.0, LicenseMatchMethod::header, {}});
  }
  std::size_t run = 0;
  for (const bool is_covered : covered) {
    run = is_covered ? 0 : run + 1;
    out.longest_unmatched_run = std::max(out.longest_unmatched_run, run);
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [position, match] : matches) {
    out.licenses.push_back(std::move(match));
  }
  if (closest.score >= k_license_closest_floor) {
    out.closest = corpus.licenses()[closest.license].id;
    out.closest_score = closest.score;
  }
  return out;
}

// The same license text is in hundreds of packages of a tree (the MIT text
// with another copyright line, which normalising leaves out): the words of
// the last files matched, per thread, and what they showed.
class MatchCache {
 public:
  void clear() { m_entries.clear(); }

  const TextMatches& get(const Corpus& corpus, const std::vector<Word>& words) {
    const std::uint64_t key = hash_of(words);
    auto found = m_entries.find(key);
    if (found != m_entries.end() && found->second.first == words) {
      return found->second.second;
    }
    if (m_entries.size() >= k_max_entries) {
      m_entries.clear();
    }
    auto& entry = m_entries[key];
    entry = {words, match_words(corpus, words)};
    return entry.second;
  }

 private:
  // Enough for the distinct texts of a large tree; the words of a license
  // file are a few KiB.
  static constexpr std::size_t k_max_entries = 512;

  static std::uint64_t hash_of(const std::vector<Word>& words) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (const Word word : words) {
      hash = (hash ^ word) * 1099511628211ULL;
    }
    return hash;
  }

  std::unordered_map<std::uint64_t, std::pair<std::vector<Word>, TextMatches>> m_entries;
};

thread_local MatchCache t_match_cache;

const TextMatches& cached_matches(const Corpus& corpus, const std::vector<Word>& words) {
  return t_match_cache.get(corpus, words);
}

} // namespace

void license_text::forget_matched_texts() {
  t_match_cache.clear();
}

std::string_view license_match_method_name(LicenseMatchMethod method) {
  switch (method) {
  case LicenseMatchMethod::text:
    return "text";
  case LicenseMatchMethod::header:
    return "header";
  case LicenseMatchMethod::identifier:
    return "identifier";
  case LicenseMatchMethod::unlisted:
    return "unlisted";
  }
  return "text";
}

const std::string& license_texts_version() {
  return Corpus::bundled().version();
}

LicenseFileFindings identify_licenses(std::string_view text) {
  const Corpus& corpus = Corpus::bundled();
  LicenseFileFindings findings;
  if (text.size() > k_max_license_text_size) {
    text = text.substr(0, k_max_license_text_size);
    findings.truncated = true;
  }
  auto normalised = license_text::normalise(text, false, k_max_license_text_words);
  findings.truncated = findings.truncated || normalised.truncated;
  const auto& words = normalised.words;
  findings.words = words.size();

  const TextMatches& text_matches = cached_matches(corpus, words);
  findings.licenses = text_matches.licenses;
  findings.longest_unmatched_run = text_matches.longest_unmatched_run;
  for (const auto& value : normalised.identifiers) {
    auto parsed = parse_license_expression(value);
    if (!parsed) {
      continue;
    }
    const bool known = std::any_of(
        findings.licenses.begin(), findings.licenses.end(),
        [&](const LicenseTextMatch& match) { return match.expression == parsed->canonical; });
    if (!known) {
      findings.licenses.push_back(
          LicenseTextMatch{parsed->canonical, 1.0, LicenseMatchMethod::identifier, {}});
    }
  }
  if (findings.licenses.empty() && !text_matches.closest.empty()) {
    findings.closest = text_matches.closest;
    findings.closest_score = text_matches.closest_score;
  }

  std::unordered_set<std::string> seen;
  for (auto& line : normalised.copyrights) {
    if (findings.copyrights.size() >= k_max_copyright_statements) {
      break;
    }
    if (line.size() > k_max_copyright_length) {
      line.resize(k_max_copyright_length);
    }
    // Template lines ("Copyright [yyyy] [name of copyright owner]") and the
    // license's own notice are not the component's.
    if (is_template_line(line) || corpus.is_license_copyright(line)) {
      continue;
    }
    if (seen.insert(license_text::copyright_key(line)).second) {
      findings.copyrights.push_back(std::move(line));
    }
  }
  return findings;
}

bool is_license_file_name(std::string_view file_name) {
  const std::string name = to_lower_ascii(file_name);
  // Source files named after the word ("license.js", "notice.py") are code.
  for (const std::string_view code :
       {".js", ".mjs", ".cjs", ".ts",  ".json", ".py", ".pyc", ".go",   ".rs",  ".java", ".class",
        ".c",  ".h",   ".cc",  ".cpp", ".hpp",  ".rb", ".php", ".html", ".css", ".map",  ".sh"}) {
    if (name.ends_with(code)) {
      return false;
    }
  }
  for (const std::string_view stem : {"license", "licence", "copying", "notice", "unlicense"}) {
    // "LICENSE", "LICENSE.txt", "LICENSE-MIT", "COPYING.LIB", "LICENCE_1".
    if (name.starts_with(stem) && (name.size() == stem.size() || name[stem.size()] == '.' ||
                                   name[stem.size()] == '-' || name[stem.size()] == '_')) {
      return true;
    }
  }
  // "MIT-LICENSE", "APACHE-LICENSE-2.0", "apache_license.txt".
  for (const std::string_view stem : {"-license", "_license", "-licence", "_licence"}) {
    if (name.find(stem) != std::string::npos) {
      return true;
    }
  }
  return false;
}

} // namespace kensa::model
