#include <smtpcodes/smtpcodes.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <functional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

using namespace smtpcodes::literals;
using smtpcodes::EnhancedStatus;
using smtpcodes::ReplyCode;

static_assert(std::is_nothrow_invocable_r_v<std::size_t, std::hash<ReplyCode>, ReplyCode>);
static_assert(std::is_nothrow_invocable_r_v<std::size_t, std::hash<EnhancedStatus>, EnhancedStatus>);
static_assert(std::is_default_constructible_v<std::hash<smtpcodes::Subject>>);

TEST_CASE("every reply code hashes apart") {
  std::unordered_set<ReplyCode> codes;
  std::unordered_set<std::size_t> hashes;
  for (unsigned value = 100; value <= 999; ++value) {
    const ReplyCode code = ReplyCode::from_value(value).value();
    CHECK(std::hash<ReplyCode>{}(code) == std::hash<ReplyCode>{}(ReplyCode::from_value(value).value()));
    codes.insert(code);
    hashes.insert(std::hash<ReplyCode>{}(code));
  }
  CHECK(codes.size() == 900);
  CHECK(hashes.size() == 900);
  CHECK(codes.count(550_reply) == 1);
  CHECK(codes.count(ReplyCode{}) == 0);
}

TEST_CASE("every enhanced status code hashes apart") {
  std::unordered_set<std::size_t> hashes;
  std::size_t count = 0;
  for (unsigned status_class : {2U, 4U, 5U}) {
    for (unsigned subject = 0; subject <= 999; subject += 37) {
      for (unsigned detail = 0; detail <= 999; ++detail) {
        hashes.insert(std::hash<EnhancedStatus>{}(EnhancedStatus::from_parts(status_class, subject, detail).value()));
        ++count;
      }
    }
  }
  CHECK(hashes.size() == count);
}

TEST_CASE("codes as keys of unordered containers") {
  std::unordered_map<EnhancedStatus, int> seen;
  for (const char* text : {"5.1.1", "5.1.1", "4.2.2", "5.7.26", "5.01.1"}) {
    ++seen[smtpcodes::parse_enhanced_status(text, smtpcodes::ParseMode::lenient).value()];
  }
  CHECK(seen.size() == 3);
  CHECK(seen["5.1.1"_status] == 3);
  CHECK(seen["4.2.2"_status] == 1);
  CHECK(seen.count("5.7.1"_status) == 0);

  std::unordered_set<smtpcodes::Subject> subjects{smtpcodes::Subject::addressing, smtpcodes::Subject{12},
                                                  smtpcodes::Subject::addressing};
  CHECK(subjects.size() == 2);
}
