// The registry's lookups against linear scans of its own tables, and the
// properties in tests/support/registry_properties.hpp, for every reply code
// and for enhanced status codes over every class and a wide sweep of
// subjects and details.
#include <cstddef>
#include <cstdint>
#include <string>

#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

#include "support/input_generators.hpp"
#include "support/registry_properties.hpp"

namespace {

smtpcodes::EnhancedStatus status_of(unsigned status_class, unsigned subject, unsigned detail) {
  return smtpcodes::EnhancedStatus::from_parts(status_class, subject, detail).value();
}

}  // namespace

TEST_CASE("every reply code looks up like a scan of the tables") {
  std::size_t failures = 0;
  const auto check = [&](smtpcodes::ReplyCode code) {
    if (const char* failure = smtpcodes_properties::check_registry(code)) {
      if (++failures <= 10) FAIL_CHECK((std::string(failure) + " for " + std::to_string(code.value())));
    }
  };
  check(smtpcodes::ReplyCode{});
  for (unsigned value = 100; value <= 999; ++value) check(smtpcodes::ReplyCode::from_value(value).value());
  CHECK(failures == 0);
}

TEST_CASE("enhanced status codes look up like a scan of the tables") {
  std::size_t checked = 0;
  std::size_t failures = 0;
  const auto check = [&](smtpcodes::ReplyCode reply, smtpcodes::EnhancedStatus status) {
    ++checked;
    if (const char* failure = smtpcodes_properties::check_registry(reply, status)) {
      if (++failures <= 10) {
        FAIL_CHECK((std::string(failure) + " for " + std::to_string(reply.value()) + " " +
                    std::string(smtpcodes::to_string(status).view())));
      }
    }
  };
  const smtpcodes::ReplyCode replies[] = {smtpcodes::ReplyCode::from_value(250).value(),
                                          smtpcodes::ReplyCode::from_value(451).value(),
                                          smtpcodes::ReplyCode::from_value(550).value()};
  check(replies[2], smtpcodes::EnhancedStatus{});
  // Every registered subject and then some, with every detail; then every
  // subject with the details a registry might plausibly reach.
  for (const unsigned status_class : {2U, 4U, 5U}) {
    for (unsigned subject = 0; subject <= 12; ++subject) {
      for (unsigned detail = 0; detail <= 999; ++detail) {
        check(replies[(subject + detail) % 3], status_of(status_class, subject, detail));
      }
    }
    for (unsigned subject = 13; subject <= 999; ++subject) {
      for (unsigned detail = 0; detail <= 30; ++detail) {
        check(replies[detail % 3], status_of(status_class, subject, detail));
      }
    }
  }
  smtpcodes_inputs::Random random(5248);
  for (int i = 0; i < 20000; ++i) {
    const auto reply = smtpcodes::ReplyCode::from_value(static_cast<unsigned>(100 + random.below(900))).value();
    check(reply, status_of(static_cast<unsigned>("245"[random.below(3)] - '0'),
                           static_cast<unsigned>(random.below(1000)), static_cast<unsigned>(random.below(1000))));
  }
  MESSAGE(checked << " codes");
  CHECK(failures == 0);
}
