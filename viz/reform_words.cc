// Sentences about the reform, through the catalogue (po/nb.po) like every word on the wall.
#include "viz/reform_words.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "engine/model/municipality.h"

namespace landskap::viz {
namespace {

std::vector<std::string> Labels(const std::vector<std::string>& numbers) {
  std::vector<std::string> out;
  for (const std::string& n : numbers) out.push_back(OwnerLabel(n));
  return out;
}

std::string On(const ReformStep& step, Language language) {
  if (!step.effective) return "";
  return Fill(Tr(language, " on {date}"), {{"date", LongDate(language, *step.effective)}});
}

// "Ålesund" for "1508": the name alone, for titles.
std::string NameOnly(const std::string& number) {
  auto name = MunicipalityName(number);
  return name ? *name : number;
}

}  // namespace

std::string JoinWithAnd(Language language, const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? Tr(language, " and ") : ", ";
    out += items[i];
  }
  return out;
}

std::string ReformStepText(const ReformStep& step, Language language) {
  std::string on = On(step, language);
  switch (step.kind) {
    case ReformKind::kRenumbering:
      return Fill(Tr(language, "{from} gets the number {to}{on}"),
                  {{"from", OwnerLabel(step.from.front())}, {"to", step.to.front()}, {"on", on}});
    case ReformKind::kMerger: {
      std::vector<std::string> parts = Labels(step.from);
      for (const std::string& p : step.parts_from)
        parts.push_back(
            Fill(Tr(language, "part of {municipality}"), {{"municipality", OwnerLabel(p)}}));
      std::string pattern =
          parts.size() == 1 ? "{from} merges into {to}{on}" : "{from} merge into {to}{on}";
      return Fill(Tr(language, pattern), {{"from", JoinWithAnd(language, parts)},
                                          {"to", OwnerLabel(step.to.front())},
                                          {"on", on}});
    }
    case ReformKind::kSplit:
      return Fill(Tr(language, "{from} is split into {to}{on}"),
                  {{"from", OwnerLabel(step.from.front())},
                   {"to", JoinWithAnd(language, Labels(step.to))},
                   {"on", on}});
    case ReformKind::kBorderAdjustment:
      return Fill(Tr(language, "part of {from} moves to {to}{on}"),
                  {{"from", OwnerLabel(step.from.front())},
                   {"to", OwnerLabel(step.to.front())},
                   {"on", on}});
  }
  return "";
}

std::string ReformText(const std::vector<ReformStep>& steps, Language language) {
  std::vector<std::string> parts;
  if (steps.size() <= 5) {
    for (const ReformStep& s : steps) parts.push_back(ReformStepText(s, language));
  } else {
    size_t renumberings = 0, mergers = 0;
    for (const ReformStep& s : steps) {
      renumberings += s.kind == ReformKind::kRenumbering;
      mergers += s.kind == ReformKind::kMerger;
    }
    if (renumberings)
      parts.push_back(Count(language, static_cast<long long>(renumberings),
                            "{n} municipality gets a new number",
                            "{n} municipalities get new numbers"));
    if (mergers)
      parts.push_back(
          Count(language, static_cast<long long>(mergers), "{n} merger", "{n} mergers"));
    for (const ReformStep& s : steps)
      if (s.kind == ReformKind::kSplit || s.kind == ReformKind::kBorderAdjustment)
        parts.push_back(ReformStepText(s, language));
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

std::string ScopeText(const ReformScope& scope, std::optional<std::string> key, Language language) {
  switch (scope.basis()) {
    case ReformScope::Basis::kOwners:
      return Fill(Tr(language, "Scope: the municipalities you named ({list}) and shared systems."),
                  {{"list", JoinWithAnd(language, Labels(scope.changing()))}});
    case ReformScope::Basis::kChanges:
      return Fill(Tr(language, "Scope: {reform}; shared systems are in scope too."),
                  {{"reform", ReformText(scope.reform(), language)}});
    case ReformScope::Basis::kNone:
      if (!key) return "";
      return Fill(Tr(language,
                     "Scope: no changes in the file and no change table, so every system that "
                     "holds {key} is treated as changing (give --changes or --owner to scope it "
                     "to a reform)."),
                  {{"key", *key}});
  }
  return "";
}

std::string ReformTitle(const std::vector<ReformStep>& steps, Language language) {
  if (steps.empty()) return "";
  if (steps.size() == 1) {
    const ReformStep& s = steps.front();
    std::vector<std::string> names;
    for (const std::string& n : s.from) names.push_back(NameOnly(n));
    for (const std::string& n : s.to)
      if (std::find(names.begin(), names.end(), NameOnly(n)) == names.end())
        names.push_back(NameOnly(n));
    static const std::map<ReformKind, const char*> kWhat = {
        {ReformKind::kRenumbering, "new number"},
        {ReformKind::kMerger, "merger"},
        {ReformKind::kSplit, "municipal split"},
        {ReformKind::kBorderAdjustment, "border adjustment"}};
    std::string what = Tr(language, kWhat.at(s.kind));
    if (s.effective) what += " " + LongDate(language, *s.effective);
    return JoinWithAnd(language, names) + ": " + what;
  }
  std::optional<DayNumber> first;
  for (const ReformStep& s : steps)
    if (s.effective && (!first || *s.effective < *first)) first = s.effective;
  std::string out = Count(language, static_cast<long long>(steps.size()), "{n} change of number",
                          "{n} changes of number");
  if (first) out += " " + LongDate(language, *first);
  return out;
}

std::string PictureTitle(const Landscape& landscape, std::string_view file, Language language) {
  if (!landscape.name.empty()) return landscape.name;
  if (auto key = landscape.FindKey("kommunenummer")) {
    std::string title = ReformTitle(DescribeReform(landscape, *key), language);
    if (!title.empty()) return title;
  }
  return std::filesystem::path(file).filename().string();
}

}  // namespace landskap::viz
