// Splitting a municipality's landscape between its successors, the way a split project does it
// (1507 Ålesund into 1508 Ålesund and 1580 Haram on 2024-01-01): one successor, the keeper,
// keeps the administration and the old municipality's systems; for each system a decision says
// what the others get: nothing (keep), a new instance of their own (an establishment, with the
// integrations to the national registers, shared services and neighbours rebuilt for them), a
// share of it (it becomes intermunicipal, under an agreement) or their part of its data moved to
// a system of their own (an extraction). Without decisions a stated rule proposes them. Pure:
// a landscape and decisions in, a landscape and a summary out (docs/split.md). The sibling of
// engine/merge/merge.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.h"
#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap {

// The value of the "format" field of a split decisions file.
inline constexpr std::string_view kSplitDecisionsFormat = "landskap-split-decisions/1";
// Days to establish a new instance or extract data when neither the decision nor the system
// (its cutover.effort_days) says; the same as a merger's conversion.
inline constexpr double kDefaultEstablishmentDays = 10;
// Days to write and approve an agreement on a shared system when the decision does not say.
inline constexpr double kDefaultAgreementDays = 5;

enum class SplitChoice { kKeep, kNewInstance, kShared, kDivide };
// "keep", "new-instance", "shared", "divide": the words of the decisions file.
const char* SplitChoiceName(SplitChoice choice);
std::optional<SplitChoice> SplitChoiceFromName(std::string_view name);

// One decision about one system of the old municipality.
struct SplitDecision {
  std::string system;
  SplitChoice choice = SplitChoice::kKeep;
  // Whom it is for besides the keeper: who gets a new instance (new-instance), who gets its
  // part of the data (divide), who shares it with the keeper (shared). Empty: every successor
  // but the keeper. A system may have several new-instance and divide decisions for different
  // successors; keep and shared are one decision for the system.
  std::vector<std::string> successors;
  std::optional<double> effort_days;  // the task's days (establishment, extraction, agreement)
  std::string domain;                 // optional, checked against the system's
  std::string note;
  std::string location;  // "/decisions/3"
};

struct SplitDecisions {
  std::string file;  // label for messages
  // Optional: the split the file was written for; each must match the command's.
  std::string from, keeper;
  std::vector<std::string> into;
  std::vector<SplitDecision> decisions;
};

// Reads a split decisions file (through ReadInput). Every error and warning goes to
// `diagnostics` with the file's name and a JSON path, all at once; returns false on errors.
bool ReadSplitDecisionsFile(const std::string& path, SplitDecisions* out, Diagnostics* diagnostics);
bool ParseSplitDecisionsText(std::string_view text, const std::string& label, SplitDecisions* out,
                             Diagnostics* diagnostics);
// The decisions as a decisions file (two-space indented JSON, a newline at the end).
std::string WriteSplitDecisions(const SplitDecisions& decisions);

// A domain every municipality must have a system of its own for, and why (the law or the
// register that makes it so). The proposal gives every successor a new instance of the old
// municipality's systems in these domains and shares the rest.
struct EssentialDomain {
  std::string_view domain;
  std::string_view why;
};
// Sorted by domain.
const std::vector<EssentialDomain>& DomainsEveryMunicipalityMustHave();
const EssentialDomain* FindEssentialDomain(std::string_view domain);

// The successor whose name in SSB's register is the old municipality's own (1508 Ålesund for
// 1507 Ålesund): the one that keeps the administration. nullopt when none or several are.
std::optional<std::string> KeeperByName(const std::string& from,
                                        const std::vector<std::string>& successors);

// The first part of a new instance's id for `number`: its name in the register in lower case,
// æ ø å as ae o a, anything but letters and digits as '-' ("haram" for 1580, "nordre-follo" for
// 3020); the number itself when the register does not know it.
std::string SuccessorPrefix(const std::string& number);

struct SplitOptions {
  std::string label;              // the input file's name, for messages
  std::string from;               // the old kommunenummer, which ceases
  std::vector<std::string> into;  // the successors, at least two; the keeper among them
  std::string keeper;
  std::string name;                    // the result's name; "" keeps the input's
  std::optional<DayNumber> effective;  // for the changes split adds, and those without a date
  const SplitDecisions* decisions = nullptr;  // nullptr: the proposal alone
  std::string key = "kommunenummer";
};

// What one decision (or proposal) did with one system of the old municipality.
struct SplitOutcome {
  std::string system, domain;
  SplitChoice choice = SplitChoice::kKeep;
  std::vector<std::string> successors;  // whom it is for (sorted); empty for keep
  bool decided = false;                 // from the decisions file; else proposed
  std::string reason;                   // the decision's note, or the proposal's rule
  std::optional<double> effort_days;    // as the decision gave it
  std::string given_domain;             // as the decision gave it
};

// A piece of work the split adds, each a system of the result that `landskap plan` schedules.
struct SplitTask {
  enum class Kind { kEstablishment, kAgreement, kExtraction };
  Kind kind = Kind::kEstablishment;
  std::string task;       // its id: the new instance, agreement.<id>, extraction.<id>.<number>
  std::string system;     // the old municipality's system it comes from
  std::string successor;  // whom it is for: the new instance's or the data's owner; the keeper
                          // for an agreement (which it owns)
  std::string receiver;   // an extraction's receiving system
  std::string vendor, domain;
  double effort_days = 0;
  std::string effort_from;  // "decision", "system's cutover", "default"
};

// An integration of the old municipality's system, seen from a successor with a new instance.
struct SplitIntegration {
  std::string integration;  // its id in the input
  std::string successor;
  std::string from, to;  // rebuilt: its ends in the result; without counterpart: in the input
  std::string id;        // rebuilt: its id in the result
  // Without counterpart: the end the successor has nothing of (the system stays with the
  // keeper alone, or the successor gets its data divided into a system of its own).
  std::string missing;
};

struct SuccessorSummary {
  std::string number;
  bool keeper = false;
  size_t own_systems = 0;     // systems it owns in the result, tasks not counted
  size_t shared_systems = 0;  // systems of the split it shares with the keeper (or others)
  size_t new_instances = 0, extractions = 0, agreements = 0;
  size_t rebuilt = 0, without_counterpart = 0;
  double effort_days = 0;
  std::vector<std::pair<std::string, double>> effort_by_vendor;  // by vendor ("" = none)
};

struct SplitSummary {
  std::string from, keeper;
  std::vector<std::string> into;  // sorted
  size_t systems_in = 0, systems_out = 0, integrations_in = 0, integrations_out = 0;
  size_t old_systems = 0;                             // systems owned by `from` in the input
  std::vector<SplitOutcome> outcomes;                 // by system id, then decision order
  std::vector<SplitTask> tasks;                       // by task id
  std::vector<SplitIntegration> rebuilt;              // by successor, then input order
  std::vector<SplitIntegration> without_counterpart;  // by successor, then input order
  std::vector<SuccessorSummary> successors;           // by number
  std::vector<std::pair<std::string, double>> effort_by_vendor;  // all tasks, by vendor
};

// Splits `input`. Returns false with errors in `diagnostics` (options at "", decisions at
// their JSON paths in the decisions file, the input's changes at /changes/N) when it cannot;
// warnings are allowed. The result has no system owned by `from`, the input's changes (plus a
// split row per successor the file lacks), and validates.
bool SplitLandscape(const Landscape& input, const SplitOptions& options, Landscape* out,
                    SplitSummary* summary, Diagnostics* diagnostics);

// The decisions the split was made with, as a decisions file to edit and give back: for every
// system of the old municipality, the decisions given for it (when any), else the proposal.
// Given back with --decisions, it gives the same landscape.
SplitDecisions SplitAsDecisions(const SplitSummary& summary);

}  // namespace landskap
