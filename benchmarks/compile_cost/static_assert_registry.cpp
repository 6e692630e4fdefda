// The whole registry checked in constant expressions: every reply code and
// every enhanced status code (in each class) it records is formatted, parsed
// back, and described without falling back; every derivation pairing is
// consistent. One static_assert per table keeps each evaluation under the
// compilers' default constexpr step limits.
#include <smtpcodes/smtpcodes.hpp>

constexpr bool every_reply_code_record_holds() {
  for (const auto& record : smtpcodes::reply_code_records()) {
    const auto parsed = smtpcodes::parse_reply(smtpcodes::to_string(record.code()).view(),
                                               smtpcodes::ParseMode::lenient);
    if (!parsed || *parsed != record.code()) return false;
    const auto description = smtpcodes::describe(record.code());
    if (description.fallback || description.title != record.title()) return false;
  }
  return true;
}

constexpr bool every_enhanced_status_record_holds(smtpcodes::StatusClass status_class) {
  for (const auto& record : smtpcodes::enhanced_status_records()) {
    const auto status = record.in_class(status_class);
    const auto parsed = smtpcodes::parse_enhanced_status(smtpcodes::to_string(status).view());
    if (!parsed || *parsed != status) return false;
    if (smtpcodes::describe(status).fallback) return false;
  }
  return true;
}

constexpr bool every_derivation_pairing_is_consistent() {
  for (const auto& pairing : smtpcodes::derivation_pairings()) {
    if (!smtpcodes::check_consistency(pairing.reply(), pairing.status()).consistent()) return false;
  }
  return true;
}

static_assert(every_reply_code_record_holds());
static_assert(every_enhanced_status_record_holds(smtpcodes::StatusClass::success));
static_assert(every_enhanced_status_record_holds(smtpcodes::StatusClass::persistent_transient_failure));
static_assert(every_enhanced_status_record_holds(smtpcodes::StatusClass::permanent_failure));
static_assert(every_derivation_pairing_is_consistent());
