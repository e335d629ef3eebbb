// kensa: the command-line front end. Everything else is in libkensa.
#include "app.hpp"

#include <csignal>

int main(int argc, char** argv) {
  // A reader of standard output that goes away (`kensa scan ... | head`)
  // must not end kensa silently by a signal: the write fails with EPIPE and
  // kensa reports that the document was not delivered (exit 2).
  std::signal(SIGPIPE, SIG_IGN);
  return kensa::cli::run(argc, argv);
}
