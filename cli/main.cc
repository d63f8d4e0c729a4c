// The landskap binary: hands the command line to cli::Run.
#include <iostream>

#include "cli/io.h"

int main(int argc, char** argv) {
  landskap::cli::Args args(argv + 1, argv + argc);
  return landskap::cli::Run(args, {std::cout, std::cerr});
}
