// Compile-fail cases for the literals. Built with no SMTPCODES_CASE_* defined
// this file must compile (the control); with one defined it must not, and the
// compiler must name the reason (see CMakeLists.txt).
#include <smtpcodes/literals.hpp>

using namespace smtpcodes::literals;

constexpr auto good_reply = 550_reply;
constexpr auto good_status = "5.1.1"_status;

#if defined(SMTPCODES_CASE_reply_two_digits)
[[maybe_unused]] constexpr auto bad = 55_reply;
#elif defined(SMTPCODES_CASE_reply_four_digits)
[[maybe_unused]] constexpr auto bad = 5500_reply;
#elif defined(SMTPCODES_CASE_reply_leading_zero)
[[maybe_unused]] constexpr auto bad = 055_reply;
#elif defined(SMTPCODES_CASE_reply_hex)
[[maybe_unused]] constexpr auto bad = 0x226_reply;
#elif defined(SMTPCODES_CASE_status_class)
[[maybe_unused]] constexpr auto bad = "6.1.1"_status;
#elif defined(SMTPCODES_CASE_status_detail)
[[maybe_unused]] constexpr auto bad = "5.1.1000"_status;
#elif defined(SMTPCODES_CASE_status_leading_zero)
[[maybe_unused]] constexpr auto bad = "5.01.1"_status;
#elif defined(SMTPCODES_CASE_status_runtime_context)
// Not a constant expression: only consteval (C++20) rejects it.
[[maybe_unused]] auto bad = "5.1"_status;
#endif

int main() { return good_reply.value() == 550 && good_status.detail() == 1 ? 0 : 1; }
