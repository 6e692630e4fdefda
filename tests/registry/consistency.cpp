// check_consistency() and derive_enhanced_status(): table-driven cases.
#include <doctest/doctest.h>

#include <smtpcodes/registry/consistency.hpp>

#include <string_view>

namespace sc = smtpcodes;
using sc::detail::make_reply_code;

namespace {

struct ConsistencyCase {
  unsigned reply;
  std::string_view status;
  bool class_agrees;
  sc::Association association;
};

constexpr ConsistencyCase consistency_cases[] = {
    {550, "5.1.1", true, sc::Association::listed},
    {451, "4.1.1", true, sc::Association::listed},
    {552, "5.2.2", true, sc::Association::listed},
    {550, "4.2.2", false, sc::Association::not_listed},  // RFC 3463 sec. 2: the classes must agree
    {450, "5.2.2", false, sc::Association::not_listed},
    {250, "5.0.0", false, sc::Association::listed},     // "Any" still needs the class to agree
    {550, "5.2.2", true, sc::Association::not_listed},  // common, but the registry lists only 552
    {554, "5.7.17", true, sc::Association::listed},     // 5XX
    {454, "5.7.17", false, sc::Association::not_listed},
    {550, "5.1.2", true, sc::Association::none_given},
    {550, "5.7.606", true, sc::Association::unregistered},
    {535, "5.7.8", true, sc::Association::listed},
    {556, "5.1.10", true, sc::Association::listed},
    {354, "2.0.0", false, sc::Association::listed},  // no class 3 exists
    {571, "5.7.1", true, sc::Association::not_listed},
    {250, "2.6.4", true, sc::Association::listed},
};

struct DerivationCase {
  unsigned reply;
  std::string_view status;  // empty: no enhanced code
  sc::DerivationRule rule;
};

constexpr DerivationCase derivation_cases[] = {
    {535, "5.7.8", sc::DerivationRule::registered_pairing},
    {556, "5.1.10", sc::DerivationRule::registered_pairing},
    {432, "4.7.12", sc::DerivationRule::registered_pairing},  // the RFC meaning wins over the dotless 4.3.2
    {530, "5.7.0", sc::DerivationRule::registered_pairing},
    {235, "2.7.0", sc::DerivationRule::registered_pairing},
    {571, "5.7.1", sc::DerivationRule::dotless_vendor_code},
    {431, "4.3.1", sc::DerivationRule::dotless_vendor_code},
    {511, "5.1.1", sc::DerivationRule::dotless_vendor_code},
    {515, "5.0.0", sc::DerivationRule::class_default},  // the dotless reading does not line up
    {513, "5.0.0", sc::DerivationRule::class_default},  // only partly
    {548, "5.0.0", sc::DerivationRule::class_default},  // 5.4.8 is not registered
    {422, "4.0.0", sc::DerivationRule::class_default},  // registry and vendors disagree
    {550, "5.0.0", sc::DerivationRule::class_default},
    {454, "4.0.0", sc::DerivationRule::class_default},  // STARTTLS or AUTH: ambiguous
    {250, "2.0.0", sc::DerivationRule::class_default},
    {599, "5.0.0", sc::DerivationRule::class_default},
    {354, "", sc::DerivationRule::none},
    {101, "", sc::DerivationRule::none},
    {650, "", sc::DerivationRule::none},
};

}  // namespace

TEST_CASE("check_consistency: class digits (RFC 3463 sec. 2) and registry associations") {
  for (const ConsistencyCase& c : consistency_cases) {
    CAPTURE(c.reply);
    CAPTURE(c.status);
    const auto reply = make_reply_code(static_cast<std::uint16_t>(c.reply));
    const auto status = *sc::parse_enhanced_status(c.status);
    const sc::Consistency result = sc::check_consistency(reply, status);
    CHECK(result.class_agrees == c.class_agrees);
    CHECK(result.consistent() == c.class_agrees);
    CHECK(result.association == c.association);
    CHECK(sc::association(reply, status) == c.association);
  }
  CHECK_FALSE(sc::check_consistency(make_reply_code(550), sc::EnhancedStatus{}).class_agrees);
}

TEST_CASE("check_consistency: class agreement over every reply code and class") {
  for (std::uint16_t value = 100; value <= 999; ++value) {
    for (unsigned status_class : {2U, 4U, 5U}) {
      const auto result = sc::check_consistency(
          make_reply_code(value), sc::detail::make_enhanced_status(static_cast<std::uint8_t>(status_class), 1, 1));
      CHECK(result.class_agrees == (value / 100 == status_class));
    }
  }
}

TEST_CASE("derive_enhanced_status: each rule") {
  for (const DerivationCase& c : derivation_cases) {
    CAPTURE(c.reply);
    const sc::DerivedStatus derived = sc::derive_enhanced_status(make_reply_code(static_cast<std::uint16_t>(c.reply)));
    CHECK(derived.rule == c.rule);
    CHECK(derived.has_value() == !c.status.empty());
    CHECK(sc::to_string(derived.status).view() == c.status);
  }
}

TEST_CASE("derive_enhanced_status: every derived code agrees with its reply's class") {
  for (std::uint16_t value = 100; value <= 999; ++value) {
    const auto reply = make_reply_code(value);
    const sc::DerivedStatus derived = sc::derive_enhanced_status(reply);
    if (!derived.has_value()) {
      CHECK((value / 100 != 2 && value / 100 != 4 && value / 100 != 5));
      continue;
    }
    CHECK(sc::check_consistency(reply, derived.status).class_agrees);
    CHECK(sc::lookup_enhanced_status(derived.status) != nullptr);
  }
}
