#include <kensa/util/text_pieces.hpp>

#include <algorithm>
#include <string>

namespace kensa::util {

std::size_t total_size(TextPieces pieces) {
  std::size_t size = 0;
  for (const auto piece : pieces) {
    size += piece.size();
  }
  return size;
}

void for_each_part(TextPieces pieces, std::size_t begin, std::size_t length,
                   const std::function<void(std::string_view)>& visit) {
  std::size_t piece_start = 0;
  const std::size_t end = begin + length;
  for (const auto piece : pieces) {
    const std::size_t piece_end = piece_start + piece.size();
    if (piece_end > begin && piece_start < end) {
      const std::size_t from = std::max(begin, piece_start) - piece_start;
      const std::size_t to = std::min(end, piece_end) - piece_start;
      visit(std::string_view(piece.data() + from, to - from));
    }
    if (piece_end >= end) {
      break;
    }
    piece_start = piece_end;
  }
}

std::vector<std::size_t> find_all(TextPieces pieces, std::string_view pattern, std::size_t most) {
  std::vector<std::size_t> found;
  if (pattern.empty() || most == 0) {
    return found;
  }
  // The pattern is searched in each piece (the searcher skips up to its
  // length at each step), then in a window around each join, from the
  // pattern's length less one before it to as much after it: whatever is
  // found there crosses the join. Occurrences are so found in order; one
  // that crosses several short pieces is found at each of their joins, and
  // taken once.
  const std::boyer_moore_horspool_searcher searcher(pattern.begin(), pattern.end());
  const auto search = [&](std::string_view text, std::size_t offset) {
    for (auto at = text.begin(); found.size() < most;) {
      at = std::search(at, text.end(), searcher);
      if (at == text.end()) {
        return;
      }
      const std::size_t where = offset + static_cast<std::size_t>(at - text.begin());
      if (found.empty() || where >= found.back() + pattern.size()) {
        found.push_back(where);
      }
      at += static_cast<std::ptrdiff_t>(pattern.size());
    }
  };
  const std::size_t reach = pattern.size() - 1;
  std::size_t piece_start = 0;
  for (std::size_t i = 0; i < pieces.size() && found.size() < most; ++i) {
    search(std::string_view(pieces[i].data(), pieces[i].size()), piece_start);
    const std::size_t join = piece_start + pieces[i].size();
    if (i + 1 < pieces.size() && reach > 0) {
      const std::size_t from = join >= reach ? join - reach : 0;
      std::string window;
      for_each_part(pieces, from, join + reach - from,
                    [&](std::string_view part) { window += part; });
      search(window, from);
    }
    piece_start = join;
  }
  return found;
}

void overwrite(TextPieces pieces, std::size_t at, std::string_view bytes) {
  std::size_t piece_start = 0;
  for (const auto piece : pieces) {
    const std::size_t piece_end = piece_start + piece.size();
    if (piece_end > at && piece_start < at + bytes.size()) {
      const std::size_t from = std::max(at, piece_start);
      const std::size_t to = std::min(at + bytes.size(), piece_end);
      std::copy_n(bytes.data() + (from - at), to - from, piece.data() + (from - piece_start));
    }
    piece_start = piece_end;
  }
}

} // namespace kensa::util
