// Every reply code 100 to 999, checked in one constant expression: format
// it, parse it back (lenient), and for the RFC 5321 codes, strictly too.
#include <smtpcodes/smtpcodes.hpp>

constexpr bool every_reply_code_round_trips() {
  for (unsigned value = 100; value <= 999; ++value) {
    const auto code = smtpcodes::ReplyCode::from_value(value);
    const auto text = smtpcodes::to_string(*code);
    const auto parsed = smtpcodes::parse_reply(text.view(), smtpcodes::ParseMode::lenient);
    if (!parsed || *parsed != *code) return false;
    if (smtpcodes::parse_reply(text.view()).has_value() != code->is_standard()) return false;
  }
  return true;
}
static_assert(every_reply_code_round_trips());
