// retry_advice and describe(...).remedy come from one rule table
// (registry/retry.hpp): every code of the registry gets the same answer both
// ways, and the disagreements of 0.1 are settled.
#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

#include <string_view>

namespace sc = smtpcodes;
using namespace smtpcodes::literals;

namespace {

sc::RetryAdvice advice_of(const sc::Remedy& remedy) {
  return sc::RetryAdvice{remedy.retry, remedy.retry_after_seconds, remedy.actor};
}

sc::ReplyCode reply_code(unsigned value) { return *sc::ReplyCode::from_value(value); }

}  // namespace

TEST_CASE("the rule table has one row per FailureReason, in order") {
  for (unsigned value = 0; value <= static_cast<unsigned>(sc::FailureReason::syntax_error); ++value) {
    const auto reason = static_cast<sc::FailureReason>(value);
    CAPTURE(sc::name(reason));
    CHECK(sc::retry_rule(reason).reason == reason);
    CHECK(sc::name(reason) != "undefined");
  }
  CHECK(sc::name(static_cast<sc::FailureReason>(200)) == "undefined");
}

TEST_CASE("every reply code, 100 to 999: describe's remedy is retry_advice's answer") {
  for (unsigned value = 100; value <= 999; ++value) {
    CAPTURE(value);
    const sc::ReplyCode code = reply_code(value);
    const sc::ReplyCodeDescription description = sc::describe(code);
    CHECK(advice_of(description.remedy) == sc::retry_advice(code, sc::EnhancedStatus{}));
    CHECK(advice_of(description.remedy) ==
          sc::retry_advice(sc::EnhancedStatus{}, code, sc::failure_reason(code, sc::EnhancedStatus{})));
  }
}

TEST_CASE("every enhanced status record in every class: describe's remedy is retry_advice's answer") {
  for (const sc::EnhancedStatusRecord& record : sc::enhanced_status_records()) {
    for (const auto status_class : {sc::StatusClass::success, sc::StatusClass::persistent_transient_failure,
                                    sc::StatusClass::permanent_failure}) {
      const sc::EnhancedStatus status = record.in_class(status_class);
      CAPTURE(sc::to_string(status).view());
      const sc::EnhancedStatusDescription description = sc::describe(status);
      CHECK(advice_of(description.remedy) == sc::retry_advice(sc::ReplyCode{}, status));
      CHECK(advice_of(description.remedy) ==
            sc::retry_advice_in_class(record.in_class(status_class).class_digit(), record.remedy().reason));
    }
  }
  // Unregistered details fall back to their subject, and still agree.
  for (const sc::EnhancedStatus status : {"5.7.606"_status, "4.2.99"_status, "5.9.9"_status}) {
    CAPTURE(sc::to_string(status).view());
    CHECK(advice_of(sc::describe(status).remedy) == sc::retry_advice(sc::ReplyCode{}, status));
  }
}

TEST_CASE("a temporary failure is retried later, a permanent one by its reason") {
  // 454 4.7.1: a policy refusal the server calls temporary (greylisting,
  // relay access for now) is retried, not held for a fix.
  const sc::RetryAdvice policy = sc::retry_advice(454_reply, "4.7.1"_status);
  CHECK(policy.retry == sc::Retry::retry_later);
  CHECK(policy.retry_after_seconds == 3600);
  CHECK(policy.actor == sc::Actor::sender_admin);
  CHECK(sc::describe(454_reply).remedy.retry == sc::Retry::retry_later);
  CHECK(sc::describe("4.7.1"_status).remedy.retry == sc::Retry::retry_later);
  CHECK(sc::retry_advice(550_reply, "5.7.1"_status).retry == sc::Retry::after_fix);

  // 552 "Too much mail data" (RFC 5321 §4.5.3.1.10): the message is too
  // large, not the mailbox full; it is never sent again as it is.
  const sc::RetryAdvice too_large = sc::retry_advice(552_reply, sc::EnhancedStatus{}, "Too much mail data");
  CHECK(too_large.retry == sc::Retry::after_fix);
  CHECK(too_large.actor == sc::Actor::sender);
  CHECK(sc::describe(552_reply).remedy.reason == sc::FailureReason::message_too_large);
  CHECK(sc::retry_advice(552_reply, "5.3.4"_status).retry == sc::Retry::after_fix);
  // The same code with a full mailbox is retried the next day.
  const sc::RetryAdvice full = sc::retry_advice(552_reply, "5.2.2"_status);
  CHECK(full.retry == sc::Retry::retry_later);
  CHECK(full.retry_after_seconds == 24 * 3600);
  CHECK(full.actor == sc::Actor::recipient);
  CHECK(sc::retry_advice(552_reply, sc::EnhancedStatus{}, "Mailbox quota exceeded").retry == sc::Retry::retry_later);

  CHECK(sc::retry_advice(550_reply, "5.1.1"_status).retry == sc::Retry::do_not_retry);
  CHECK(sc::retry_advice(450_reply, "4.1.1"_status).retry == sc::Retry::retry_later);
  CHECK(sc::retry_advice(250_reply, "2.0.0"_status) == sc::RetryAdvice{});
  CHECK(sc::retry_advice(354_reply, sc::EnhancedStatus{}) == sc::RetryAdvice{});
  CHECK(sc::retry_advice(421_reply, sc::EnhancedStatus{}).retry_after_seconds == 30 * 60);
}

TEST_CASE("retry_advice of a whole reply reads its code, enhanced code and text") {
  const auto too_large = sc::parse_whole_reply("552 Too much mail data\r\n");
  REQUIRE(too_large);
  CHECK(sc::retry_advice(*too_large).retry == sc::Retry::after_fix);
  const auto full = sc::parse_whole_reply("552-Sorry,\r\n552 the mailbox is full\r\n");
  REQUIRE(full);
  CHECK(sc::retry_advice(*full).retry == sc::Retry::retry_later);
  const auto greylisted = sc::parse_whole_reply("451 4.7.1 Greylisted, try again later\r\n");
  REQUIRE(greylisted);
  CHECK(sc::retry_advice(*greylisted).retry == sc::Retry::retry_later);
  static_assert(sc::retry_advice(550_reply, "5.1.1"_status).retry == sc::Retry::do_not_retry);
}

TEST_CASE("with no code, the reason alone decides, as the classifier does") {
  CHECK(sc::retry_advice_in_class(0, sc::FailureReason::unknown) == sc::RetryAdvice{});
  CHECK(sc::retry_advice_in_class(0, sc::FailureReason::unknown_recipient).retry == sc::Retry::do_not_retry);
  CHECK(sc::retry_advice_in_class(0, sc::FailureReason::rate_limited).retry == sc::Retry::retry_later);
  CHECK(sc::retry_advice_in_class(1, sc::FailureReason::network_error).retry == sc::Retry::retry_later);
}
