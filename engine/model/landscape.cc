// Interning of ids and the names of the enumerations as the file spells them.
#include "engine/model/landscape.h"

#include <algorithm>
#include <array>

namespace landskap {
namespace {

constexpr std::array<std::string_view, 5> kKindNames = {"", "national", "municipal",
                                                        "intermunicipal", "vendor"};
constexpr std::array<std::string_view, 5> kCriticalityNames = {"", "low", "medium", "high",
                                                               "critical"};

}  // namespace

std::string_view KindName(Kind kind) { return kKindNames[static_cast<size_t>(kind)]; }
std::string_view CriticalityName(Criticality c) {
  return kCriticalityNames[static_cast<size_t>(c)];
}

std::optional<Kind> ParseKind(std::string_view text) {
  for (size_t i = 1; i < kKindNames.size(); ++i)
    if (kKindNames[i] == text) return static_cast<Kind>(i);
  return std::nullopt;
}

std::optional<Criticality> ParseCriticality(std::string_view text) {
  for (size_t i = 1; i < kCriticalityNames.size(); ++i)
    if (kCriticalityNames[i] == text) return static_cast<Criticality>(i);
  return std::nullopt;
}

bool Integration::Carries(KeyIndex key) const {
  return std::binary_search(carries.begin(), carries.end(), key);
}

std::optional<SystemIndex> Landscape::FindSystem(std::string_view id) const {
  return system_by_id_.Find(id, SystemId());
}

std::optional<KeyIndex> Landscape::FindKey(std::string_view id) const {
  auto it = key_by_id_.find(id);
  if (it == key_by_id_.end()) return std::nullopt;
  return it->second;
}

std::optional<IntegrationIndex> Landscape::FindIntegration(std::string_view id) const {
  return integration_by_id_.Find(id, IntegrationId());
}

std::optional<SystemIndex> Landscape::AddSystem(System system) {
  auto index = static_cast<SystemIndex>(systems.size());
  if (FindSystem(system.id)) return std::nullopt;
  systems.push_back(std::move(system));
  system_by_id_.Insert(systems.back().id, index, SystemId());
  return index;
}

KeyIndex Landscape::InternKey(std::string_view id) {
  auto [it, inserted] = key_by_id_.emplace(std::string(id), static_cast<KeyIndex>(keys.size()));
  if (inserted) keys.push_back({std::string(id), "", false});
  return it->second;
}

std::optional<IntegrationIndex> Landscape::AddIntegration(Integration integration) {
  auto index = static_cast<IntegrationIndex>(integrations.size());
  if (integration.id.empty()) {
    integration.id_generated = true;
    integrations.push_back(std::move(integration));
    NameIntegration(index);
    return index;
  }
  if (FindIntegration(integration.id)) return std::nullopt;
  integrations.push_back(std::move(integration));
  integration_by_id_.Insert(integrations.back().id, index, IntegrationId());
  return index;
}

IntegrationIndex Landscape::AddIntegrationNamedLater(Integration integration) {
  auto index = static_cast<IntegrationIndex>(integrations.size());
  integration.id.clear();
  integration.id_generated = true;
  integrations.push_back(std::move(integration));
  unnamed_.push_back(index);
  return index;
}

void Landscape::NameIntegrations() {
  // Every unnamed integration gets an id: make room once.
  integration_by_id_.Reserve(integration_by_id_.size() + unnamed_.size(), IntegrationId());
  for (IntegrationIndex i : unnamed_) NameIntegration(i);
  unnamed_.clear();
  unnamed_.shrink_to_fit();
}

void Landscape::Reserve(size_t system_count, size_t integration_count) {
  systems.reserve(system_count);
  integrations.reserve(integration_count);
  system_by_id_.Reserve(system_count, SystemId());
  integration_by_id_.Reserve(integration_count, IntegrationId());
}

void Landscape::NameIntegration(IntegrationIndex index) {
  // Each candidate is tried by inserting it (one lookup, not a lookup and then an insert): a
  // national file names a million integrations this way.
  Integration& integration = integrations[index];
  integration.id = systems[integration.from].id;
  integration.id += ':';
  integration.id += systems[integration.to].id;
  ++id_probes_;
  if (integration_by_id_.Insert(integration.id, index, IntegrationId())) return;
  std::string base = std::move(integration.id);
  // Ids are never removed, so every N below the remembered one is still taken.
  uint32_t& next = next_suffix_.try_emplace(base, 2).first->second;
  for (;;) {
    integration.id = base + "+" + std::to_string(next++);
    ++id_probes_;
    if (integration_by_id_.Insert(integration.id, index, IntegrationId())) return;
  }
}

std::vector<std::string_view> Landscape::SystemIds() const {
  std::vector<std::string_view> ids;
  ids.reserve(systems.size());
  for (const System& s : systems) ids.push_back(s.id);
  return ids;
}

}  // namespace landskap
