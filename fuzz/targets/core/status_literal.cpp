// The check behind "5.1.1"_status. The literal is consteval from C++20 on; the
// library lets a program choose constexpr instead (config.hpp), which makes
// the same check callable at run time, where a bad code throws.
#define SMTPCODES_CONSTEVAL constexpr

#include <smtpcodes/smtpcodes.hpp>

#include "../../fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using smtpcodes::literals::operator""_status;
  const std::string_view input = smtpcodes_fuzz::text(data, size);
  const auto parsed = smtpcodes::parse_enhanced_status(input, smtpcodes::ParseMode::strict);
  try {
    const smtpcodes::EnhancedStatus status = operator""_status(input.data(), input.size());
    smtpcodes_fuzz::expect(parsed ? nullptr : "the literal accepted what the strict parser rejects", input);
    smtpcodes_fuzz::expect(*parsed == status ? nullptr : "the literal and the strict parser give different codes",
                           input);
  } catch (const smtpcodes::BadResultAccess&) {
    smtpcodes_fuzz::expect(parsed ? "the literal rejected what the strict parser accepts" : nullptr, input);
  }
  return 0;
}
