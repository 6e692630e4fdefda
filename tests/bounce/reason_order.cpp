// The order of decisions (docs/bounces.md): the kinds of issue 13, each
// from a minimal diagnostic written for this test.
#include <doctest/doctest.h>

#include <string_view>

#include <smtpcodes/bounce/classify.hpp>

using smtpcodes::BounceFacts;
using smtpcodes::BounceReason;
using smtpcodes::BounceType;
using smtpcodes::DsnAction;
using smtpcodes::Retry;

namespace {

struct Row {
  std::string_view kind;
  DsnAction action;
  std::string_view diagnostic;
  BounceReason reason;
  BounceType bounce;
};

smtpcodes::Verdict verdict_of(const Row& row) {
  BounceFacts facts;
  facts.action = row.action;
  facts.diagnostic = row.diagnostic;
  return smtpcodes::classify(facts);
}

}  // namespace

TEST_CASE("the reason of each kind of diagnostic") {
  using R = BounceReason;
  using B = BounceType;
  constexpr DsnAction failed = DsnAction::failed;
  constexpr DsnAction delayed = DsnAction::delayed;
  constexpr Row rows[] = {
      // Expiry notices that name no other cause.
      {"exim retry timeout", failed, "retry timeout exceeded", R::expired, B::soft},
      {"exim hosts failing", failed,
       "all hosts for 'example.net' have been failing for a long time (and retry time not reached)", R::expired,
       B::soft},
      {"exim long failure period", failed, "retry time not reached for any host after a long failure period",
       R::expired, B::soft},
      {"gmail failed permanently", failed,
       "Technical details of permanent failure: The recipient server did not accept our requests to connect.",
       R::expired, B::soft},
      {"qmail queue too long", failed,
       "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1) I'm not going to try again; this message has "
       "been in the queue too long.",
       R::expired, B::soft},
      // The MTA's own expiry wording outranks the receiving system's passing trouble it retried.
      {"qmail queue too long after a system error", failed,
       "Resources temporarily unavailable, please try again later [#4.1.9]. /I'm not going to try again; this "
       "message has been in the queue too long.",
       R::expired, B::soft},
      // Without that wording a failed action over a transient system error keeps the cause.
      {"failed over a system error", failed, "451 4.3.0 Error: queue file write error", R::system_error, B::soft},
      {"imail giving up", failed, "Giving up on 192.0.2.1", R::expired, B::soft},
      {"smtp32 attempts", failed, "Delivery failed 20 attempts: u@example.net", R::expired, B::soft},
      {"not collected", failed, "failed because it has not been collected after 30 days", R::expired, B::soft},
      {"delivery expired", failed, "Delivery expired after 5 days in the queue", R::expired, B::soft},
      {"sendmail days", failed, "Message could not be delivered for 5 days", R::expired, B::soft},
      {"sendmail cannot send", failed, "u@example.net... Cannot send message for 5 days", R::expired, B::soft},
      {"postfix suspended", failed,
       "delivery temporarily suspended: connect to mx.example.net[192.0.2.1]:25: Connection refused", R::expired,
       B::soft},
      {"5.4.7", failed, "5.4.7 Delivery expired (message too old)", R::expired, B::soft},
      // A failed action with a transient reply code and no status: the MTA gave up (Zoho's notices).
      {"failed after 421", failed, "ERROR_CODE :421, ERROR_CODE :, Host not reachable.", R::expired, B::soft},
      {"failed after 451 without wording", failed, "451 please come back later", R::expired, B::soft},
      // A delay is no expiry, and a 5xx reply is no transient failure.
      {"delayed 421", delayed, "421 Host not reachable", R::network_error, B::soft},
      // An addressing status for a sending limit (Microsoft's NDR list).
      {"microsoft daily limit", failed,
       "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients",
       R::rate_limited, B::soft},
      // An addressing status against a reply code and a text that agree (qmail quota patches).
      {"552 over quota (#5.1.1)", failed, "552 sorry, mailbox u@example.net is over quota temporarily (#5.1.1)",
       R::mailbox_full, B::soft},
      // A size refusal concerns the message, whatever addressing status a reporter put on it.
      {"size over 5.1.1", failed, "550 5.1.1 RCPT TO:<u@example.net> max message size exceeded", R::message_too_large,
       B::soft},
      // A receiving service's own code outvotes it too (Facebook's recipient preferences).
      {"facebook RCP-P2 over 5.1.1", failed, "550 5.1.1 RCP-P2 Refused due to recipient preferences", R::blocked,
       B::soft},
      {"facebook RCP-P1 with 5.1.1", failed, "550 5.1.1 RCP-P1 The attempted recipient does not exist",
       R::unknown_recipient, B::hard},
      // The text alone does not outvote it: a 550 names no reason of its own.
      {"550 over quota (#5.1.1)", failed, "550 sorry, mailbox u@example.net is over quota (#5.1.1)",
       R::unknown_recipient, B::hard},
      // A delay is not an expiry.
      {"postfix suspended delay", delayed,
       "delivery temporarily suspended: connect to mx.example.net[192.0.2.1]:25: Connection refused", R::network_error,
       B::soft},
      {"gmail delay", delayed, "The recipient server did not accept our requests to connect.", R::network_error,
       B::soft},
      // Named causes win over the expiry wording; the cause is the reason.
      {"expiry with full mailbox", failed, "retry timeout exceeded: 452 4.2.2 mailbox full", R::mailbox_full, B::soft},
      // Generic codes yield to text.
      {"5.7.1 relay", failed, "550 5.7.1 Unable to relay: this system is not configured to relay mail", R::relay_denied,
       B::soft},
      {"5.4.4 name service", failed,
       "554 5.4.4 Name service error for example.net: Malformed or unexpected name server reply", R::network_error,
       B::soft},
      {"5.0.0 text", failed, "550 5.0.0 Sender address rejected: Domain not found", R::sender_rejected, B::soft},
      {"5.3.0 text", failed, "554 5.3.0 Message rejected: relay access denied", R::relay_denied, B::soft},
      {"5.5.0 text", failed, "550 5.5.0 mailbox full", R::mailbox_full, B::soft},
      {"5.7.0 text", failed, "550 5.7.0 Listed on a block list", R::blocked, B::soft},
      {"bare 550", failed, "550 Requested action not taken: no such user here", R::unknown_recipient, B::hard},
      {"bare 554", failed, "554 delivery error: dd This user doesn't have a example.com account", R::unknown_recipient,
       B::hard},
      // Specific codes win over text.
      {"5.1.1 over text", failed, "550 5.1.1 User unknown; listed on a block list", R::unknown_recipient, B::hard},
      {"5.2.2 over text", failed, "552 5.2.2 Over quota; message too large", R::mailbox_full, B::soft},
      // The sender, not the recipient.
      {"sender rejected", failed, "553 5.7.1 <a@example.org>: Sender address rejected: Access denied",
       R::sender_rejected, B::soft},
      {"domain of sender", failed, "553 Domain of sender address a@nowhere.example does not exist", R::sender_rejected,
       B::soft},
      {"not a member", failed, "You are not a member of this list; not allowed to post", R::sender_rejected, B::soft},
      // Policy, authentication, reputation.
      {"yahoo 5.7.9 policy", failed, "554 5.7.9 Message not accepted for policy reasons", R::blocked, B::soft},
      {"user complaints", delayed,
       "421 4.7.0 [TSS04] Messages temporarily deferred due to unexpected volume or user complaints", R::blocked,
       B::soft},
      // Words inside words.
      {"garbled", failed, "554 5.6.0 Message garbled", R::spam_or_content, B::soft},
      // Size, not quota.
      {"too much mail data", failed, "552 Error: Too much mail data", R::message_too_large, B::soft},
      // A header refused for its size or what it says is content, not the message's size or its syntax.
      // The reply to MAIL FROM speaks of the sender's address, not the recipient's.
      {"after MAIL FROM", failed,
       "SMTP error from remote mail server after MAIL FROM:<ann@example.org> SIZE=1022: 553 5.1.0 example.org does "
       "not exist",
       R::sender_rejected, B::soft},
      {"after RCPT TO", failed,
       "SMTP error from remote mail server after RCPT TO:<bob@example.net>: 553 5.1.0 example.net does not exist",
       R::unknown_domain, B::hard},
      // MTAs' and services' own words.
      {"qmail's HELO refused", failed,
       "Connected to 192.0.2.1 but my name was rejected. Remote host said: 501 5.0.0 Invalid domain name", R::blocked,
       B::soft},
      {"Gmail's unauthenticated mail", failed,
       "550-5.7.1 This message does not have authentication information or fails to pass", R::authentication, B::soft},
      {"Exim's pipe", failed, "pipe to |/usr/local/bin/filter\n  generated by ann@example.org", R::system_error,
       B::soft},
      {"headers too large", failed, "552 5.6.0 Headers too large (32768 max)", R::spam_or_content, B::soft},
      {"header error", failed, "554 5.7.0 Header error", R::spam_or_content, B::soft},
      // "does not exist" after a host name speaks of the domain; after an address or a user, of the mailbox.
      {"host does not exist", failed, "553 mx.example.com does not exist", R::unknown_domain, B::hard},
      {"quoted host does not exist", failed, "553 <mail.example.org> does not exist", R::unknown_domain, B::hard},
      {"address does not exist", failed, "550 <joe@example.com> does not exist", R::unknown_recipient, B::hard},
      {"user does not exist", failed, "550 User joe does not exist", R::unknown_recipient, B::hard},
      // qmail: no host by that name.
      {"qmail no host", failed, "Sorry, I couldn't find any host by that name. (#5.1.2)", R::unknown_domain, B::hard},
      {"qmail no host, no code", failed, "Sorry, I couldn't find any host by that name.", R::unknown_domain, B::hard},
      // Exchange 2003's "<status> - <its name> <the server's reply>": the reply's words decide, not the name.
      {"glossed status, server's access denied", failed,
       "5.1.0 - Unknown address error 550-'5.7.1 <b@example.org>... Access denied' (delivery attempts: 0)", R::blocked,
       B::soft},
      {"glossed status, server's unknown user", failed,
       "5.3.0 - Other mail system problem 550-\"Unknown user u@example.jp\" (delivery attempts: 0)",
       R::unknown_recipient, B::hard},
      {"glossed status, server names nothing", failed,
       "5.1.0 - Unknown address error 550-'Go away' (delivery attempts: 0)", R::unknown_recipient, B::hard},
      // A permanent refusal of the session itself speaks of the sending host.
      {"refused at EHLO", failed, "SMTP error from remote mail server after EHLO mx.example.org: 550 Rejected",
       R::blocked, B::soft},
      {"refused at the greeting", failed, "SMTP error from remote mail server after initial connection: 554 go away",
       R::blocked, B::soft},
      {"transient at EHLO", delayed, "SMTP error from remote mail server after EHLO mx.example.org: 451 try later",
       R::unknown, B::soft},
      {"refused at MAIL FROM", failed,
       "SMTP error from remote mail server after MAIL FROM:<a@example.org>: 550 Rejected", R::unknown, B::soft},
      // Without the quoted reply the form is not Exchange's: the text is read as it stands.
      {"status name without a reply", failed, "5.1.0 - Unknown address error, access denied", R::unknown_recipient,
       B::hard},
  };
  for (const Row& row : rows) {
    CAPTURE(row.kind);
    const auto verdict = verdict_of(row);
    CHECK(smtpcodes::name(verdict.reason) == smtpcodes::name(row.reason));
    CHECK(smtpcodes::name(verdict.bounce) == smtpcodes::name(row.bounce));
  }
}

TEST_CASE("an expiry keeps its cause in text_reason and says it gave up") {
  BounceFacts facts;
  facts.action = DsnAction::failed;
  facts.diagnostic = "4.4.7 retry timeout exceeded; last error: connect to mx.example.net: Connection refused";
  const auto verdict = smtpcodes::classify(facts);
  CHECK(verdict.reason == BounceReason::expired);
  CHECK(verdict.text_reason == BounceReason::network_error);
  CHECK(verdict.gave_up);
  // A named cause is the reason; the verdict still says the MTA gave up.
  facts.diagnostic = "retry timeout exceeded: 452 4.2.2 mailbox full";
  const auto full = smtpcodes::classify(facts);
  CHECK(full.reason == BounceReason::mailbox_full);
  CHECK(full.gave_up);
}

TEST_CASE("a message that can never fit is not retried later") {
  const auto verdict = smtpcodes::classify_text("552 Error: Too much mail data");
  CHECK(verdict.reason == BounceReason::message_too_large);
  CHECK(verdict.retry == Retry::after_fix);
}

TEST_CASE("Remote server returned '550 5.7.129 ...' keeps both codes") {
  const auto verdict = smtpcodes::classify_text(
      "Remote server returned '550 5.7.129 RESOLVER.RST.RestrictedToRecipientsPermission; not authorized'");
  CHECK(verdict.reply_code.value() == 550);
  CHECK(smtpcodes::to_string(verdict.enhanced_status).view() == "5.7.129");
}
