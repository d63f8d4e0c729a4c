// Merging the landscapes of several municipalities into the landscape of the new one, the way a
// merger project does it: shared systems (same id) become one, each domain keeps one system
// (a decision names the survivor, or merge proposes one), integrations of retired systems are
// re-pointed to the survivor, and every retirement becomes a data-conversion task that `plan`
// schedules. Pure: landscapes and decisions in, a landscape and a summary out (docs/merge.md).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.h"
#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap {

// Conversion effort when neither the decision nor the retired system says (cutover.effort_days).
inline constexpr double kDefaultConversionDays = 10;
// The value of the "format" field of a decisions file.
inline constexpr std::string_view kDecisionsFormat = "landskap-decisions/1";

struct RetireDecision {
  std::string system;
  std::optional<double> effort_days;  // conversion effort of this retirement
  std::string location;               // JSON path in the decisions file, for messages
};

// One domain's decision: `survivor` stays (owned by the new number), the `retire` systems are
// switched off after their data are converted into the survivor.
struct MergeDecision {
  std::string domain;  // optional, checked against the survivor's domain
  std::string survivor;
  std::vector<RetireDecision> retire;
  std::optional<double> effort_days;  // default for this decision's retirements
  std::string note;
  std::string location;  // "/decisions/3"
};

struct MergeDecisions {
  std::string file;  // label for messages
  std::string into;  // optional: the new number the file was written for
  std::vector<MergeDecision> decisions;
  // Read from a workbook (cli/formats/decisions_workbook.h): the cell of each JSON path
  // ("/decisions/2/survivor" -> "Beslutninger!B4"), so that messages name the cell (CellOf).
  std::map<std::string, std::string> cells;
  // The cell of `path` or of its nearest parent that has one; `path` itself for a JSON file.
  std::string CellOf(const std::string& path) const;
};

// Reads a decisions file (through ReadInput). Every error and warning goes to `diagnostics`
// with the file's name and a JSON path; returns false on errors.
bool ReadDecisionsFile(const std::string& path, MergeDecisions* out, Diagnostics* diagnostics);
bool ParseDecisionsText(std::string_view text, const std::string& label, MergeDecisions* out,
                        Diagnostics* diagnostics);
// The decisions as a decisions file (two-space indented JSON, a newline at the end).
std::string WriteDecisions(const MergeDecisions& decisions);

struct MergeInput {
  std::string label;  // the file name, for messages and the summary
  const Landscape* landscape = nullptr;
};

struct MergeOptions {
  std::string into;  // the new kommunenummer
  std::string name;  // the merged landscape's name; "" for a made-up one
  std::optional<DayNumber> effective;
  const MergeDecisions* decisions = nullptr;  // nullptr: decide nothing, only propose
  std::string key = "kommunenummer";
};

// A field that two files give differently for the same shared system, integration or key.
struct MergeConflict {
  std::string what;  // "system", "integration", "key"
  std::string id;
  std::string field;
  std::vector<std::pair<std::string, std::string>> values;  // (file, value), in file order
  std::string resolution;                                   // what the merged file holds
};

// One group of counterparts: the systems of several merging municipalities in one domain.
struct MergeGroup {
  std::string domain;
  std::string function;  // "" when the whole domain is one group, else the id after the prefix
  std::vector<std::string> systems;  // sorted
  std::string survivor;              // decided, or proposed
  std::vector<std::string> retired;  // decided, or proposed; sorted
  bool decided = false;
  std::string reason;  // why this survivor (the decision's note, or the proposal rule)
};

struct MergeRepoint {
  std::string integration;  // id in its input file
  std::string from_before, to_before, from_after, to_after;
  // kJoined: the survivor already has this integration (same ends after re-pointing, with the
  // survivor itself on the retired side), so the two are one. kNew: the survivor has no
  // counterpart; the interface must be built. kDropped: it ran between a retired system and its
  // survivor. Re-pointed integrations between the same ends are one integration in the merged
  // landscape either way.
  enum class Outcome { kNew, kJoined, kDropped } outcome = Outcome::kNew;
  // kNew with a retired provider: the consumer got its data only from the retired system.
  bool orphaned_consumer = false;
  std::string merged_id;  // id in the merged landscape ("" for kDropped)
};

struct MergeConversion {
  std::string task;  // the conversion system's id
  std::string retired, survivor, vendor, domain;
  double effort_days = 0;
  std::string effort_from;  // "retire entry", "decision", "retired system's cutover", "default"
};

struct MergeSummary {
  std::string into;
  std::vector<std::pair<std::string, std::string>> municipalities;  // (file, kommunenummer)
  size_t systems_in = 0, systems_out = 0, integrations_in = 0, integrations_out = 0;
  size_t shared_systems = 0;  // systems found in more than one file
  std::vector<MergeConflict> conflicts;
  std::vector<MergeGroup> decided;           // by domain, function
  std::vector<MergeGroup> proposals;         // groups no decision names; by domain, function
  std::vector<std::string> undecided;        // systems kept with their old owner, sorted
  std::vector<MergeRepoint> repointed;       // in input order
  std::vector<MergeConversion> conversions;  // by retired id
  std::vector<std::pair<std::string, double>> effort_by_vendor;  // by vendor ("" = none)
};

// Merges `inputs` (at least one). Returns false with errors in `diagnostics` (each naming its
// file and JSON path) when the inputs or decisions cannot be merged; warnings are allowed.
bool MergeLandscapes(const std::vector<MergeInput>& inputs, const MergeOptions& options,
                     Landscape* merged, MergeSummary* summary, Diagnostics* diagnostics);

// A decisions file the coordinator edits and feeds back: the decisions given (when any), then
// one decision per proposal.
MergeDecisions ProposalAsDecisions(const MergeSummary& summary, const MergeDecisions* given);

}  // namespace landskap
