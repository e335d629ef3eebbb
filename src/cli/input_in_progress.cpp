#include "input_in_progress.hpp"

#include <exception>
#include <mutex>
#include <utility>

namespace kensa::cli {

namespace {

// Set by the main thread; read by app.cpp, possibly from another thread
// when the program terminates there.
std::mutex g_mutex;
std::string g_input;

// Swaps without allocating, so that setting the name cannot fail half way.
void swap_input(std::string& other) noexcept {
  const std::lock_guard lock(g_mutex);
  g_input.swap(other);
}

} // namespace

InputInProgress::InputInProgress(std::string input)
    : m_previous(std::move(input)), m_exceptions(std::uncaught_exceptions()) {
  swap_input(m_previous);
}

InputInProgress::~InputInProgress() {
  if (std::uncaught_exceptions() == m_exceptions) {
    swap_input(m_previous);
  }
}

std::string input_in_progress() noexcept {
  try {
    const std::lock_guard lock(g_mutex);
    return g_input;
  } catch (...) {
    return {};
  }
}

} // namespace kensa::cli
