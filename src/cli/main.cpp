// kensa: the command-line front end. Everything else is in libkensa.
#include "app.hpp"

int main(int argc, char** argv) {
  return kensa::cli::run(argc, argv);
}
