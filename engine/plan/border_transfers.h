// Border adjustments in the plan: when part of one municipality moves to a neighbour, neither
// number changes, but the records of the part (addresses, properties, residents) must move from
// the one municipality's systems to the other's. One data-transfer task per pair of systems of
// the two municipalities that share a domain and hold the key per record (docs/reform.md).
#pragma once

#include <string>
#include <vector>

#include "engine/model/landscape.h"

namespace landskap {

// Keys that identify a record whose municipality a border adjustment changes: addresses,
// properties (gnr/bnr, buildings) and residents (fødselsnummer, d-nummer).
bool IsRecordKey(std::string_view key);

// Adds, for every border adjustment of `key` in the landscape's changes, a task system
// "transfer.<from-system>+<to-system>" (kind municipal, owned by the receiving municipality,
// holding `key`, cutover after both systems, the receiving system's vendor and domain) for each
// pair of a system of the giving municipality and one of the receiving municipality with the
// same domain, both holding `key` and a record key. The task comes after both systems' own work
// (cutover.after), not through integrations: an integration into the receiving system would put
// the task before it. Returns the ids added, sorted. Idempotent: a task already in the landscape
// is not added twice.
std::vector<std::string> AddBorderTransfers(Landscape* landscape, KeyIndex key);

}  // namespace landskap
