// A deterministic generator of national landscapes (format landskap/1) for scale tests and
// benchmarks: municipalities with their own systems, national registers that feed them,
// intermunicipal systems shared by neighbours, vendor platforms, cross-border integrations,
// and optionally a reform in which some municipalities merge and get new numbers.
// The same options and seed give byte-identical output on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace landskap {

struct SynthOptions {
  // 356 municipalities × 560 systems at 5 integrations per system is the national picture
  // (~200 000 systems, ~1 000 000 integrations).
  int municipalities = 356;
  int systems_per_municipality = 560;
  // Average integrations per municipal system, national feeds and reports included.
  double integrations_per_system = 5.0;
  // How many municipalities get a new kommunenummer (in groups of 2-4 neighbours that merge;
  // a last single one is renumbered), listed in the file's `changes`. 0: no reform.
  int merging = 0;
  std::string reform_date = "2020-01-01";
  uint64_t seed = 1;
};

struct SynthSummary {
  size_t systems = 0;
  size_t municipal_systems = 0;
  size_t national_systems = 0;
  size_t intermunicipal_systems = 0;
  size_t vendor_systems = 0;
  size_t integrations = 0;
  size_t changes = 0;
};

// Empty when the options can be generated, else what is wrong (for people).
std::string CheckSynthOptions(const SynthOptions& options);

// Writes the landscape as JSON to `out`, one system or integration per line. The options must
// pass CheckSynthOptions. Memory stays small (the systems' metadata, not the integrations).
SynthSummary WriteSyntheticLandscape(const SynthOptions& options, std::ostream& out);

}  // namespace landskap
