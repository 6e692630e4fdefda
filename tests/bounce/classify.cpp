// Bounce classification: verdict, reason, retry advice, evidence.
#include <doctest/doctest.h>

#include <string_view>

#include <smtpcodes/bounce/classify.hpp>
#include <smtpcodes/literals.hpp>

using smtpcodes::BounceFacts;
using smtpcodes::BounceReason;
using smtpcodes::BounceType;
using smtpcodes::DsnAction;
using smtpcodes::EnhancedStatus;
using smtpcodes::EvidenceKind;
using smtpcodes::Retry;
using namespace smtpcodes::literals;

static_assert(smtpcodes::classify_text("550 5.1.1 user unknown").bounce == BounceType::hard);
static_assert(smtpcodes::classify_text("550 5.1.1 user unknown").reason == BounceReason::unknown_recipient);
static_assert(smtpcodes::classify_text("452 4.2.2 mailbox full").retry == Retry::retry_later);
static_assert(smtpcodes::classify_text("").bounce == BounceType::none);
static_assert(smtpcodes::classify(BounceFacts{DsnAction::delivered, {}, {}, {}}).reason == BounceReason::delivered);
static_assert(smtpcodes::name(BounceReason::unknown_recipient) == "unknown_recipient");
static_assert(smtpcodes::name(BounceType::soft) == "soft");

TEST_CASE("classify_text: reasons, verdicts and the evidence") {
  struct Row {
    std::string_view text;
    BounceType bounce;
    BounceReason reason;
    EvidenceKind evidence;
  };
  constexpr Row rows[] = {
      // Specific statuses decide.
      {"550 5.1.1 The email account that you tried to reach does not exist", BounceType::hard,
       BounceReason::unknown_recipient, EvidenceKind::enhanced_status},
      {"550 5.1.2 Host unknown", BounceType::hard, BounceReason::unknown_domain, EvidenceKind::enhanced_status},
      // 5.1.10 is null MX (RFC 7505), but Microsoft sends it for unknown users: the text decides,
      // unless the reply is 521 or 556 (RFC 7504).
      {"556 5.1.10 Recipient address has null MX", BounceType::hard, BounceReason::no_mail_domain,
       EvidenceKind::reply_code},
      {"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", BounceType::hard,
       BounceReason::unknown_recipient, EvidenceKind::text},
      {"552 5.2.2 Mailbox full", BounceType::soft, BounceReason::mailbox_full, EvidenceKind::enhanced_status},
      {"552 5.3.4 Message size exceeds fixed limit", BounceType::soft, BounceReason::message_too_large,
       EvidenceKind::enhanced_status},
      {"550 5.7.26 Unauthenticated email is not accepted", BounceType::soft, BounceReason::authentication,
       EvidenceKind::enhanced_status},
      {"550 5.7.25 The IP address sending this message does not have a PTR record", BounceType::soft,
       BounceReason::reverse_dns, EvidenceKind::enhanced_status},
      {"530 5.7.10 Encryption needed", BounceType::soft, BounceReason::tls, EvidenceKind::enhanced_status},
      {"550 5.7.606 Access denied, banned sending IP [192.0.2.225]", BounceType::soft, BounceReason::blocked,
       EvidenceKind::enhanced_status},
      {"550 5.7.515 Access denied, sending domain does not meet the required authentication level", BounceType::soft,
       BounceReason::authentication, EvidenceKind::enhanced_status},
      {"451 4.4.316 Connection timed out", BounceType::soft, BounceReason::network_error,
       EvidenceKind::enhanced_status},
      {"550 5.1.6 Recipient has moved", BounceType::hard, BounceReason::mailbox_moved, EvidenceKind::enhanced_status},
      // 4.4.7 wraps the last error; the expiry decides.
      {"4.4.7 Delivery time expired; last error: 550 5.1.1 unknown", BounceType::soft, BounceReason::expired,
       EvidenceKind::enhanced_status},
      // A rate limit wins over a status that would condemn the address (some providers send 5.1.1).
      {"550 5.1.1 Rate limit exceeded for this sender", BounceType::soft, BounceReason::rate_limited,
       EvidenceKind::text},
      {"550 5.1.1 Over quota", BounceType::hard, BounceReason::unknown_recipient, EvidenceKind::enhanced_status},
      // Generic codes: the text decides.
      {"550 5.7.1 Relay access denied", BounceType::soft, BounceReason::relay_denied, EvidenceKind::text},
      {"554 5.7.1 Service unavailable; Client host [192.0.2.99] blocked using zen.spamhaus.org", BounceType::soft,
       BounceReason::blocked, EvidenceKind::text},
      {"550 5.7.1 Message rejected as spam", BounceType::soft, BounceReason::spam_or_content, EvidenceKind::text},
      {"554 5.7.1 The message contains a virus", BounceType::soft, BounceReason::virus, EvidenceKind::text},
      {"550 5.7.1 DMARC policy violation", BounceType::soft, BounceReason::authentication, EvidenceKind::text},
      {"550 5.0.0 No such user here", BounceType::hard, BounceReason::unknown_recipient, EvidenceKind::text},
      {"550 User unknown", BounceType::hard, BounceReason::unknown_recipient, EvidenceKind::text},
      {"550 Requested action not taken: mailbox unavailable", BounceType::hard, BounceReason::unknown_recipient,
       EvidenceKind::text},
      {"421 Too many connections from your IP", BounceType::soft, BounceReason::rate_limited, EvidenceKind::text},
      {"450 Client host rejected: cannot find your reverse hostname", BounceType::soft, BounceReason::reverse_dns,
       EvidenceKind::text},
      {"553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", BounceType::soft,
       BounceReason::relay_denied, EvidenceKind::text},
      {"550 Sender address rejected: Domain not found", BounceType::soft, BounceReason::sender_rejected,
       EvidenceKind::text},
      {"554 Transaction failed: Duplicate header 'DKIM-Signature'", BounceType::soft, BounceReason::syntax_error,
       EvidenceKind::text},
      {"550 Account disabled", BounceType::soft, BounceReason::mailbox_disabled, EvidenceKind::text},
      {"530 Must issue a STARTTLS command first", BounceType::soft, BounceReason::tls, EvidenceKind::text},
      {"connect to mx.example.com[192.0.2.1]:25: Connection refused", BounceType::soft, BounceReason::network_error,
       EvidenceKind::text},
      // Phrases match across folded or wrapped lines. "Host not found, try again" is the
      // resolver's TRY_AGAIN, which Postfix defers on (dns_lookup: DNS_RETRY); "Host not
      // found" alone is HOST_NOT_FOUND.
      {"<a@example.com>: Name service error for domain example.com: Host not\n    found, try again", BounceType::soft,
       BounceReason::network_error, EvidenceKind::text},
      {"<a@example.com>: Name service error for domain example.com: Host\n    not found", BounceType::hard,
       BounceReason::unknown_domain, EvidenceKind::text},
      {"550 User\r\n\tunknown", BounceType::hard, BounceReason::unknown_recipient, EvidenceKind::text},
      // 521 with a status of its own is a provider's block, not RFC 7504's null host.
      {"521 5.2.1 :  AOL will not accept delivery of this message.", BounceType::soft, BounceReason::blocked,
       EvidenceKind::text},
      // An access map's own words after Postfix's prefix name no reason: the codes decide, and
      // a generic status does not condemn the address.
      {"550 5.6.0 <a@b>: Recipient address rejected: Media error", BounceType::soft, BounceReason::spam_or_content,
       EvidenceKind::enhanced_status},
      {"554 5.7.1 <a@b>: Recipient address rejected: Nonexistent user", BounceType::hard,
       BounceReason::unknown_recipient, EvidenceKind::text},
      {"450 4.2.0 <a@b>: Recipient address rejected: Greylisted, see http://postgrey.example", BounceType::soft,
       BounceReason::rate_limited, EvidenceKind::text},
      // Reply codes alone with a narrow meaning.
      {"552 Requested mail action aborted", BounceType::soft, BounceReason::mailbox_full, EvidenceKind::reply_code},
      {"521 example.com does not accept mail", BounceType::hard, BounceReason::no_mail_domain,
       EvidenceKind::reply_code},
      {"521 5.3.2 <a@example.com>: Recipient address rejected", BounceType::hard, BounceReason::no_mail_domain,
       EvidenceKind::reply_code},
      {"host mx.example.com refused to talk to me: 421 Service not available", BounceType::soft, BounceReason::blocked,
       EvidenceKind::text},
      {"556", BounceType::hard, BounceReason::no_mail_domain, EvidenceKind::reply_code},
      // Codes without a reason.
      {"550", BounceType::soft, BounceReason::unknown, EvidenceKind::none},
      {"451 4.0.0 something odd", BounceType::soft, BounceReason::unknown, EvidenceKind::none},
      // Not a bounce.
      {"250 2.0.0 OK", BounceType::none, BounceReason::delivered, EvidenceKind::enhanced_status},
      {"Thank you for your order", BounceType::none, BounceReason::unknown, EvidenceKind::none},
      {"Connection to 192.5.1.1 failed at 11:29:37", BounceType::none, BounceReason::unknown, EvidenceKind::none},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const auto verdict = smtpcodes::classify_text(row.text);
    CHECK(smtpcodes::name(verdict.bounce) == smtpcodes::name(row.bounce));
    CHECK(smtpcodes::name(verdict.reason) == smtpcodes::name(row.reason));
    CHECK(smtpcodes::name(verdict.evidence.kind) == smtpcodes::name(row.evidence));
  }
}

TEST_CASE("classify: facts from a notification") {
  SUBCASE("the DSN status wins over a code in the text") {
    const auto verdict =
        smtpcodes::classify(BounceFacts{DsnAction::failed, 550_reply, "5.2.2"_status, "550 over quota"});
    CHECK(verdict.reason == BounceReason::mailbox_full);
    CHECK(verdict.bounce == BounceType::soft);
    CHECK(verdict.retry == Retry::retry_later);
    CHECK(verdict.retry_after_seconds == 24 * 3600);
  }
  SUBCASE("a failed recipient with a transient status and no text: the MTA gave up") {
    const auto verdict = smtpcodes::classify(BounceFacts{DsnAction::failed, {}, "4.0.0"_status, {}});
    CHECK(verdict.reason == BounceReason::expired);
    CHECK(verdict.evidence.kind == EvidenceKind::action);
  }
  SUBCASE("a routing loop is returned when found, not given up on after retries") {
    const auto verdict = smtpcodes::classify(
        BounceFacts{DsnAction::failed, {}, "4.4.6"_status, "forwarded more than the maximum allowed times"});
    CHECK(smtpcodes::name(verdict.reason) == "network_error");
    CHECK_FALSE(verdict.gave_up);
    CHECK(verdict.bounce == BounceType::soft);
  }
  SUBCASE("Action failed alone is a soft bounce with an unknown reason") {
    const auto verdict = smtpcodes::classify(BounceFacts{DsnAction::failed, {}, {}, {}});
    CHECK(verdict.bounce == BounceType::soft);
    CHECK(verdict.reason == BounceReason::unknown);
    CHECK(verdict.retry == Retry::after_fix);
  }
  SUBCASE("retry advice uses the registry's Retry") {
    CHECK(smtpcodes::classify_text("550 5.1.1 user unknown").retry == Retry::do_not_retry);
    CHECK(smtpcodes::classify_text("250 2.0.0 OK").retry == Retry::not_needed);
    CHECK(smtpcodes::classify_text("554 5.7.1 blocked using zen.spamhaus.org").retry == Retry::after_fix);
  }
  SUBCASE("delayed recipients are soft even with a permanent-looking text") {
    const auto verdict = smtpcodes::classify(BounceFacts{DsnAction::delayed, {}, {}, "user unknown"});
    CHECK(verdict.bounce == BounceType::soft);
  }
  SUBCASE("a hard reason under a transient class is soft") {
    const auto verdict = smtpcodes::classify_text("450 4.1.1 user unknown, try later");
    CHECK(verdict.reason == BounceReason::unknown_recipient);
    CHECK(verdict.bounce == BounceType::soft);
  }
  SUBCASE("an unknown user after the data is a filter's answer, unless the service documents the words") {
    // The server accepted the address at RCPT TO; a later "user unknown" is
    // not proof that it is bad (Japanese carriers' domain filters answer so).
    const auto filter = smtpcodes::classify_text("SMTP error after end of data: 550 Unknown user u@example.jp");
    CHECK(filter.reason == BounceReason::unknown_recipient);
    CHECK(filter.bounce == BounceType::soft);
    // Yahoo documents this answer after the data as an account that does not exist.
    const auto yahoo = smtpcodes::classify_text(
        "SMTP error after end of data: 554 delivery error: dd This user doesn't have a yahoo.com account "
        "(u@yahoo.com) [0]");
    CHECK(yahoo.reason == BounceReason::unknown_recipient);
    CHECK(yahoo.bounce == BounceType::hard);
  }
  SUBCASE("relayed and expanded count as delivered") {
    CHECK(smtpcodes::classify(BounceFacts{DsnAction::relayed, {}, {}, {}}).reason == BounceReason::delivered);
    CHECK(smtpcodes::classify(BounceFacts{DsnAction::expanded, {}, {}, {}}).bounce == BounceType::none);
  }
  SUBCASE("the text's own reason is kept when the status decided") {
    const auto verdict = smtpcodes::classify_text("4.4.7 Message expired: connection refused");
    CHECK(verdict.reason == BounceReason::expired);
    CHECK(verdict.text_reason == BounceReason::network_error);
  }
  SUBCASE("under an expiry status, the status is the last error's own, and the MTA still gave up") {
    struct Row {
      EnhancedStatus field;  // the notice's Status, or none
      std::string_view diagnostic;
      std::string_view status;  // the verdict's
      BounceReason text_reason;
    };
    const Row rows[] = {
        // Amazon SES and WorkMail: the expiry wraps the last reply in angle brackets.
        {"4.4.7"_status, "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>",
         "4.4.2", BounceReason::network_error},
        {{},
         "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>",
         "4.4.2",
         BounceReason::network_error},
        // Sendmail: Status 4.4.7 over the last reply it had.
        {"4.4.7"_status, "450 4.2.2 <a@example.jp>... Mailbox Full", "4.2.2", BounceReason::mailbox_full},
        // Nothing more specific to report, or a status of another class: the expiry stays.
        {"4.4.7"_status, "421 Connection timed out", "4.4.7", BounceReason::network_error},
        {"4.4.7"_status, "Gave up. Last error: 550 5.1.1 user unknown", "4.4.7", BounceReason::unknown_recipient},
        {{}, "4.4.7 Message expired: connection refused", "4.4.7", BounceReason::network_error},
        // A subject RFC 3463 does not define is a reference, not the last error's status.
        {"4.4.7"_status, "421 Message from (192.0.2.1) temporarily deferred - 4.16.50. Please refer to the help page",
         "4.4.7", BounceReason::unknown},
    };
    for (const Row& row : rows) {
      CAPTURE(row.diagnostic);
      const auto verdict = smtpcodes::classify(BounceFacts{DsnAction::failed, {}, row.field, row.diagnostic});
      CHECK(verdict.reason == BounceReason::expired);
      CHECK(verdict.gave_up);
      CHECK(verdict.evidence.kind == EvidenceKind::enhanced_status);
      CHECK(smtpcodes::to_string(verdict.enhanced_status).view() == row.status);
      CHECK(smtpcodes::name(verdict.text_reason) == smtpcodes::name(row.text_reason));
    }
    // Nor is it the status of a notice that has none.
    const auto verdict =
        smtpcodes::classify(BounceFacts{DsnAction::failed, {}, {}, "421 temporarily deferred - 4.16.50. Try later"});
    CHECK(verdict.enhanced_status.class_digit() == 0);
    CHECK(verdict.reply_code.value() == 421);
  }
  SUBCASE("text evidence points at the phrase") {
    const std::string_view text = "554 rejected: Relay access denied";
    const auto verdict = smtpcodes::classify_text(text);
    REQUIRE(verdict.evidence.kind == EvidenceKind::text);
    CHECK(verdict.evidence.phrase == "relay access denied");
    REQUIRE(verdict.evidence.offset.has_value());
    CHECK(text.substr(*verdict.evidence.offset, verdict.evidence.phrase.size()) == "Relay access denied");
  }
}

TEST_CASE("every reason has a distinct name") {
  for (int a = 0; a <= static_cast<int>(BounceReason::syntax_error); ++a) {
    for (int b = a + 1; b <= static_cast<int>(BounceReason::syntax_error); ++b) {
      CHECK(smtpcodes::name(static_cast<BounceReason>(a)) != smtpcodes::name(static_cast<BounceReason>(b)));
    }
  }
}

TEST_CASE("the phrase table is lower case, so that ifind matches it") {
  for (const auto& phrase : smtpcodes::detail::phrase_families) {
    CAPTURE(phrase.text);
    for (char c : phrase.text) CHECK_FALSE((c >= 'A' && c <= 'Z'));
  }
}

TEST_CASE("classify: the reason of every enhanced status and reply code the tables name, without text") {
  // One row per case of reason_for_status and reason_for_reply (RFC 3463,
  // RFC 5248 registry, provider details), so that a changed mapping shows.
  struct Row {
    std::string_view status;  // empty: the reply code alone
    unsigned reply;           // 0: the status alone
    BounceReason reason;
  };
  constexpr Row rows[] = {
      {"5.1.1", 0, BounceReason::unknown_recipient},
      {"5.1.3", 0, BounceReason::unknown_recipient},
      {"5.1.4", 0, BounceReason::unknown_recipient},
      {"5.1.2", 0, BounceReason::unknown_domain},
      {"5.1.6", 0, BounceReason::mailbox_moved},
      {"5.1.7", 0, BounceReason::sender_rejected},
      {"5.1.8", 0, BounceReason::sender_rejected},
      {"5.1.10", 0, BounceReason::no_mail_domain},
      {"5.1.0", 0, BounceReason::unknown_recipient},
      {"5.2.1", 0, BounceReason::mailbox_disabled},
      {"5.2.2", 0, BounceReason::mailbox_full},
      {"5.2.3", 0, BounceReason::message_too_large},
      {"5.2.4", 0, BounceReason::system_error},
      {"5.2.0", 0, BounceReason::mailbox_disabled},
      {"5.3.4", 0, BounceReason::message_too_large},
      {"5.3.1", 0, BounceReason::system_error},
      {"5.3.5", 0, BounceReason::system_error},
      {"5.3.0", 0, BounceReason::system_error},
      {"5.4.4", 0, BounceReason::unknown_domain},
      {"5.4.310", 0, BounceReason::unknown_domain},
      {"4.4.7", 0, BounceReason::expired},
      {"5.4.300", 0, BounceReason::expired},
      {"4.4.2", 0, BounceReason::network_error},
      {"4.4.316", 0, BounceReason::network_error},
      {"4.4.0", 0, BounceReason::network_error},
      {"4.5.3", 0, BounceReason::rate_limited},
      {"5.5.2", 0, BounceReason::syntax_error},
      {"5.6.1", 0, BounceReason::spam_or_content},
      {"5.7.8", 0, BounceReason::authentication},
      {"5.7.515", 0, BounceReason::authentication},
      {"5.7.10", 0, BounceReason::tls},
      {"5.7.11", 0, BounceReason::tls},
      {"5.7.13", 0, BounceReason::mailbox_disabled},
      {"5.7.17", 0, BounceReason::mailbox_moved},
      {"5.7.25", 0, BounceReason::reverse_dns},
      {"5.7.27", 0, BounceReason::sender_rejected},
      {"5.7.28", 0, BounceReason::spam_or_content},
      {"5.7.7", 0, BounceReason::spam_or_content},
      {"5.7.606", 0, BounceReason::blocked},
      {"5.7.1", 0, BounceReason::blocked},
      {"5.9.1", 0, BounceReason::unknown},
      {"2.0.0", 0, BounceReason::delivered},
      {"", 500, BounceReason::syntax_error},
      {"", 555, BounceReason::syntax_error},
      {"", 521, BounceReason::no_mail_domain},
      {"", 556, BounceReason::no_mail_domain},
      {"", 551, BounceReason::mailbox_moved},
      {"", 552, BounceReason::mailbox_full},
      {"", 452, BounceReason::mailbox_full},
      {"", 553, BounceReason::unknown_recipient},
      {"", 535, BounceReason::authentication},
      {"", 454, BounceReason::authentication},
      {"", 538, BounceReason::tls},
      {"", 421, BounceReason::system_error},
      {"", 571, BounceReason::blocked},
      {"", 250, BounceReason::delivered},
      {"", 550, BounceReason::unknown},
      {"", 450, BounceReason::unknown},
  };
  for (const Row& row : rows) {
    CAPTURE(row.status);
    CAPTURE(row.reply);
    BounceFacts facts;
    facts.action = DsnAction::failed;
    if (!row.status.empty()) facts.enhanced_status = *smtpcodes::parse_enhanced_status(row.status);
    if (row.reply != 0) facts.reply_code = *smtpcodes::ReplyCode::from_value(row.reply);
    // The action that goes with the code: a failed recipient with a
    // transient code has expired (given up after retrying), which is
    // another rule.
    const char first_digit = row.status.empty() ? static_cast<char>('0' + row.reply / 100) : row.status[0];
    if (first_digit == '2') facts.action = DsnAction::delivered;
    if (first_digit == '4') facts.action = DsnAction::delayed;
    CHECK(smtpcodes::name(smtpcodes::classify(facts).reason) == smtpcodes::name(row.reason));
  }
}
