// synth_tool: writes a synthetic national landscape (engine/synth.h) to a file, for scale
// tests, benchmarks and the comparison with NetworkX and igraph (bench/compare.py).
//   synth_tool --municipalities 356 --systems-per-municipality 560 --seed 1 -o big.json
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "engine/synth.h"

namespace po = boost::program_options;

namespace {

// Streams the landscape into a temporary file beside `path`, then renames it over `path`, so
// that an interrupted run never leaves half a file under the final name.
bool WriteAtomically(const landskap::SynthOptions& options, const std::string& path,
                     landskap::SynthSummary* summary, std::string* error) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path temp = target;
  temp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      *error = "cannot create " + temp.string();
      return false;
    }
    *summary = landskap::WriteSyntheticLandscape(options, out);
    out.flush();
    if (!out) {
      *error = "cannot write " + temp.string() + " (disk full?)";
      std::error_code ec;
      fs::remove(temp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    *error = "cannot rename " + temp.string() + " to " + path + ": " + ec.message();
    fs::remove(temp, ec);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  landskap::SynthOptions options;
  std::string output;
  po::options_description desc(
      "synth_tool: writes a synthetic national landscape (format landskap/1)\n\n"
      "Example:\n  synth_tool --municipalities 356 --systems-per-municipality 560 --merging 40 "
      "--seed 1 -o big.json\n\nOptions");
  desc.add_options()("help,h", "show this help")(
      "municipalities", po::value(&options.municipalities)->default_value(356),
      "number of municipalities (up to 700)")(
      "systems-per-municipality", po::value(&options.systems_per_municipality)->default_value(560),
      "systems in each municipality (at least 3)")(
      "integrations-per-system", po::value(&options.integrations_per_system)->default_value(5.0),
      "average integrations per municipal system")(
      "merging", po::value(&options.merging)->default_value(0),
      "municipalities that get a new kommunenummer (merging neighbours), listed in 'changes'")(
      "reform-date", po::value(&options.reform_date)->default_value("2020-01-01"),
      "the date the new numbers take effect")("seed", po::value(&options.seed)->default_value(1),
                                              "random seed; same seed, same file")(
      "output,o", po::value(&output)->default_value("-"), "output file; - for stdout");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(desc).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "synth_tool: error: " << e.what() << "\nRun 'synth_tool --help' for options.\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }
  if (std::string problem = landskap::CheckSynthOptions(options); !problem.empty()) {
    std::cerr << "synth_tool: error: " << problem << "\n";
    return 2;
  }
  auto started = std::chrono::steady_clock::now();
  landskap::SynthSummary summary;
  if (output == "-") {
    summary = landskap::WriteSyntheticLandscape(options, std::cout);
    std::cout.flush();
  } else {
    std::string error;
    if (!WriteAtomically(options, output, &summary, &error)) {
      std::cerr << "synth_tool: error: " << error << "\n";
      return 2;
    }
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr,
               "synth_tool: %s: %zu systems (%zu municipal, %zu national, %zu intermunicipal, "
               "%zu vendor), %zu integrations, %zu changes in %.1f s\n",
               output == "-" ? "stdout" : output.c_str(), summary.systems,
               summary.municipal_systems, summary.national_systems, summary.intermunicipal_systems,
               summary.vendor_systems, summary.integrations, summary.changes, seconds);
  return 0;
}
