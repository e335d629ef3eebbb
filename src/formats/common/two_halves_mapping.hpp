#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/util/json_document.hpp>
#include <kensa/util/two_halves.hpp>

#include <cstddef>
#include <type_traits>
#include <vector>

// Readers and writers map a big document's components on two threads (see
// util/two_halves.hpp); what one half cannot carry over is counted in its own
// loss report, so the counts come out as with one thread.
namespace kensa::format::common {

// run_in_two_halves where work(begin, end, half_losses) counts into a loss
// report of its half's own; the second's is merged into `losses` afterwards.
template <typename Work>
void run_in_two_halves(std::size_t count, LossReport& losses, Work&& work) {
  LossReport second_losses;
  kensa::run_in_two_halves(count, [&](std::size_t begin, std::size_t end, int half) {
    work(begin, end, half == 0 ? losses : second_losses);
  });
  losses.merge(second_losses);
}

// map_item(item, losses) for every object of the JSON array `items`, in two
// halves; the result has one entry per item (a default value for items that
// are no objects).
template <typename MapItem>
auto map_objects_in_two_halves(const json::Value& items, LossReport& losses, MapItem&& map_item) {
  using Mapped = std::decay_t<decltype(map_item(items, losses))>;
  std::vector<Mapped> mapped(items.size());
  run_in_two_halves(items.size(), losses,
                    [&](std::size_t begin, std::size_t end, LossReport& into) {
                      for (std::size_t i = begin; i < end; ++i) {
                        if (const json::Value item = items[i]; item.is_object()) {
                          mapped[i] = map_item(item, into);
                        }
                      }
                    });
  return mapped;
}

} // namespace kensa::format::common
