#pragma once

#include <cstddef>
#include <exception>
#include <thread>

// Splitting one big, evenly spread job (the components of a 100,000-component
// SBOM) over the two halves of its range, the second on its own thread.
namespace kensa {

// From this many items on, a second thread pays for itself: below it, the
// thread costs more than the half it would take over.
constexpr std::size_t k_two_halves_threshold = 4096;

// Calls work(begin, end, half) for [0, count / 2) with half 0 on this thread
// and [count / 2, count) with half 1 on a second one, and returns when both
// are done. `work` must keep what each half writes apart. An exception in
// either half is thrown again here (the first half's when both throw).
template <typename Work>
void run_in_two_halves(std::size_t count, Work&& work) {
  const std::size_t middle = count / 2;
  std::exception_ptr second_error;
  std::thread second([&] {
    try {
      work(middle, count, 1);
    } catch (...) {
      second_error = std::current_exception();
    }
  });
  try {
    work(std::size_t{0}, middle, 0);
  } catch (...) {
    second.join();
    throw;
  }
  second.join();
  if (second_error) {
    std::rethrow_exception(second_error);
  }
}

// Runs `here` on this thread and `beside` on a second one, and returns when
// both are done: two unrelated parts of one big job. They must not write
// what the other reads. Exceptions are thrown again as run_in_two_halves
// does.
template <typename Here, typename Beside>
void run_side_by_side(Here&& here, Beside&& beside) {
  run_in_two_halves(2, [&](std::size_t, std::size_t, int half) {
    if (half == 0) {
      here();
    } else {
      beside();
    }
  });
}

} // namespace kensa
