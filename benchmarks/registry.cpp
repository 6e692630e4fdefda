// Registry lookups: the title of a code, as a caller writing a log line or a
// bounce report wants it. Every baseline is filled from the registry's own
// tables at start-up, so all rows know exactly the same codes; each returns
// the title's length, or -1 for a code it does not know (for describe: when
// it falls back to the subject or class), so that `smtpcodes_icount check`
// can prove they know the same codes.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "harness.hpp"

namespace {

using smtpcodes::EnhancedStatus;
using smtpcodes::ReplyCode;

long length(std::string_view title) { return static_cast<long>(title.size()); }

struct Entry {
  unsigned key;
  std::string_view title;
};

// Hand: what a careful engineer writes. A 900-slot array for reply codes, a
// sorted array and std::lower_bound for subject*1000+detail.
const std::array<std::string_view, 900>& reply_titles() {
  static const std::array<std::string_view, 900> titles = [] {
    std::array<std::string_view, 900> out{};
    for (const auto& record : smtpcodes::reply_code_records()) out[record.code().value() - 100U] = record.title();
    return out;
  }();
  return titles;
}

const std::vector<Entry>& status_entries() {
  static const std::vector<Entry> entries = [] {
    std::vector<Entry> out;
    for (const auto& record : smtpcodes::enhanced_status_records()) {
      out.push_back({record.subject_number() * 1000U + record.detail(), record.title()});
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
    return out;
  }();
  return entries;
}

long hand_reply(ReplyCode code) {
  const std::string_view title = reply_titles()[code.value() - 100U];
  return title.empty() ? -1 : length(title);
}

long hand_status(EnhancedStatus status) {
  const std::vector<Entry>& entries = status_entries();
  const unsigned key = status.subject_number() * 1000U + status.detail();
  const auto found = std::lower_bound(entries.begin(), entries.end(), key,
                                      [](const Entry& entry, unsigned k) { return entry.key < k; });
  return found != entries.end() && found->key == key ? length(found->title) : -1;
}

// libc: bsearch over the same sorted arrays.
const std::vector<Entry>& reply_entries() {
  static const std::vector<Entry> entries = [] {
    std::vector<Entry> out;
    for (const auto& record : smtpcodes::reply_code_records()) out.push_back({record.code().value(), record.title()});
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
    return out;
  }();
  return entries;
}

int compare_entries(const void* a, const void* b) {
  const unsigned x = static_cast<const Entry*>(a)->key, y = static_cast<const Entry*>(b)->key;
  return x < y ? -1 : x > y ? 1 : 0;
}

long bsearch_in(const std::vector<Entry>& entries, unsigned key) {
  const Entry wanted{key, {}};
  const void* found = std::bsearch(&wanted, entries.data(), entries.size(), sizeof(Entry), compare_entries);
  return found ? length(static_cast<const Entry*>(found)->title) : -1;
}

long bsearch_reply(ReplyCode code) { return bsearch_in(reply_entries(), code.value()); }
long bsearch_status(EnhancedStatus status) {
  return bsearch_in(status_entries(), status.subject_number() * 1000U + status.detail());
}

// Heavy: the map of strings a typical application builds.
using TitleMap = std::unordered_map<unsigned, std::string>;

const TitleMap& reply_map() {
  static const TitleMap map = [] {
    TitleMap out;
    for (const auto& record : smtpcodes::reply_code_records()) out.emplace(record.code().value(), record.title());
    return out;
  }();
  return map;
}

const TitleMap& status_map() {
  static const TitleMap map = [] {
    TitleMap out;
    for (const Entry& entry : status_entries()) out.emplace(entry.key, entry.title);
    return out;
  }();
  return map;
}

long map_reply(ReplyCode code) {
  const auto found = reply_map().find(code.value());
  return found != reply_map().end() ? length(found->second) : -1;
}

long map_status(EnhancedStatus status) {
  const auto found = status_map().find(status.subject_number() * 1000U + status.detail());
  return found != status_map().end() ? length(found->second) : -1;
}

}  // namespace

SMTPCODES_BENCHMARK("title of a ReplyCode", "smtpcodes lookup_reply_code", library, reply_codes,
                    [](ReplyCode code) -> long {
                      const auto* record = smtpcodes::lookup_reply_code(code);
                      return record ? length(record->title()) : -1;
                    });
SMTPCODES_BENCHMARK("title of a ReplyCode", "smtpcodes describe (with fallback)", library, reply_codes,
                    [](ReplyCode code) {
                      const auto description = smtpcodes::describe(code);
                      return description.fallback ? -1 : length(description.title);
                    });
SMTPCODES_BENCHMARK("title of a ReplyCode", "hand array", hand, reply_codes, hand_reply);
SMTPCODES_BENCHMARK("title of a ReplyCode", "bsearch", libc, reply_codes, bsearch_reply);
SMTPCODES_BENCHMARK("title of a ReplyCode", "std::unordered_map", heavy, reply_codes, map_reply);

SMTPCODES_BENCHMARK("title of an EnhancedStatus", "smtpcodes lookup_enhanced_status", library, enhanced_statuses,
                    [](EnhancedStatus status) -> long {
                      const auto* record = smtpcodes::lookup_enhanced_status(status);
                      return record ? length(record->title()) : -1;
                    });
SMTPCODES_BENCHMARK("title of an EnhancedStatus", "smtpcodes describe (with fallback)", library,
                    enhanced_statuses,
                    [](EnhancedStatus status) {
                      const auto description = smtpcodes::describe(status);
                      return description.fallback ? -1 : length(description.title);
                    });
SMTPCODES_BENCHMARK("title of an EnhancedStatus", "hand lower_bound", hand, enhanced_statuses, hand_status);
SMTPCODES_BENCHMARK("title of an EnhancedStatus", "bsearch", libc, enhanced_statuses, bsearch_status);
SMTPCODES_BENCHMARK("title of an EnhancedStatus", "std::unordered_map", heavy, enhanced_statuses, map_status);
