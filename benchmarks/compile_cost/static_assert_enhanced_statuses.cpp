// 2,400 enhanced status codes: every class, every subject RFC 3463 defines
// (0 to 7), details 0 to 99. Each code is formatted, parsed back and
// compared; one static_assert per class keeps each evaluation under the
// compilers' default constexpr step limits.
#include <smtpcodes/smtpcodes.hpp>

constexpr bool every_status_of_class_round_trips(unsigned status_class) {
  for (unsigned subject = 0; subject <= 7; ++subject) {
    for (unsigned detail = 0; detail <= 99; ++detail) {
      const auto status = smtpcodes::EnhancedStatus::from_parts(status_class, subject, detail);
      const auto parsed = smtpcodes::parse_enhanced_status(smtpcodes::to_string(*status).view());
      if (!parsed || *parsed != *status) return false;
    }
  }
  return true;
}

static_assert(every_status_of_class_round_trips(2));
static_assert(every_status_of_class_round_trips(4));
static_assert(every_status_of_class_round_trips(5));
