// The bounce classifier and retry_advice agree: BounceReason and
// FailureReason name the same reasons, and every code of the registry, as a
// failed recipient's status or reply, gets the classifier's retry from the
// one rule table of registry/retry.hpp.
#include <doctest/doctest.h>

#include <smtpcodes/bounces.hpp>

namespace sc = smtpcodes;

TEST_CASE("BounceReason and FailureReason have the same enumerators") {
  constexpr auto last = static_cast<unsigned>(sc::FailureReason::syntax_error);
  for (unsigned value = 0; value <= last; ++value) {
    CAPTURE(value);
    CHECK(sc::name(static_cast<sc::BounceReason>(value)) == sc::name(static_cast<sc::FailureReason>(value)));
  }
  // Neither has more: past the last, both names are a fallback.
  CHECK(sc::name(static_cast<sc::FailureReason>(last + 1)) == "undefined");
  const std::string_view after_last = sc::name(static_cast<sc::BounceReason>(last + 1));
  CHECK((after_last == "unknown" || after_last == "undefined"));
}

namespace {

void check_agrees(const sc::BounceFacts& facts) {
  const sc::Verdict verdict = sc::classify(facts);
  const sc::RetryAdvice advice =
      sc::retry_advice(verdict.enhanced_status, verdict.reply_code, static_cast<sc::FailureReason>(verdict.reason));
  if (verdict.bounce == sc::BounceType::none) return;  // nothing failed
  CHECK(verdict.retry == advice.retry);
  CHECK(verdict.retry_after_seconds == advice.retry_after_seconds);
}

}  // namespace

TEST_CASE("every registry code classified as a failure gets retry_advice's answer") {
  for (const sc::EnhancedStatusRecord& record : sc::enhanced_status_records()) {
    for (const auto status_class :
         {sc::StatusClass::persistent_transient_failure, sc::StatusClass::permanent_failure}) {
      sc::BounceFacts facts;
      facts.action =
          status_class == sc::StatusClass::permanent_failure ? sc::DsnAction::failed : sc::DsnAction::delayed;
      facts.enhanced_status = record.in_class(status_class);
      CAPTURE(sc::to_string(facts.enhanced_status).view());
      check_agrees(facts);
    }
  }
  for (const sc::ReplyCodeRecord& record : sc::reply_code_records()) {
    sc::BounceFacts facts;
    facts.reply_code = record.code();
    CAPTURE(record.code().value());
    check_agrees(facts);
  }
}
