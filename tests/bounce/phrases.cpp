// Phrase families: word boundaries, addresses and URLs, user rules, sources,
// and the Sisimai name of every reason.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include <smtpcodes/bounce/classify.hpp>
#include <smtpcodes/bounce/phrases.hpp>
#include <smtpcodes/bounce/reason.hpp>

using smtpcodes::BounceReason;
using smtpcodes::Phrase;
using smtpcodes::PhraseOrigin;
using smtpcodes::PhraseRules;
using namespace std::string_view_literals;

static_assert(smtpcodes::find_phrases("550 Message garbled").reason() != BounceReason::blocked);
static_assert(smtpcodes::find_phrases("blocked using zen.spamhaus.org").reason() == BounceReason::blocked);
static_assert(smtpcodes::sisimai_reason(BounceReason::unknown_recipient) == "userunknown");

TEST_CASE("phrases match at word boundaries only") {
  struct Row {
    std::string_view text;
    BounceReason reason;
  };
  constexpr Row rows[] = {
      // "rbl" inside "garbled", "spam" inside "antispam-gw", "quota" inside "quotation".
      {"554 5.6.0 Message garbled", BounceReason::unknown},
      {"relayed by antispamgw.example.net", BounceReason::unknown},
      {"see the quotation below", BounceReason::unknown},
      // A sender's quota of mail it may send is not the recipient's full mailbox.
      {"554 host : You've reached your daily relay quota - 192.0.2.1", BounceReason::rate_limited},
      {"550 5.4.5 Daily user sending quota exceeded", BounceReason::rate_limited},
      {"554 Message rejected: Daily message quota exceeded.", BounceReason::rate_limited},
      {"552 5.2.2 user is over quota", BounceReason::mailbox_full},
      {"listed in an RBL", BounceReason::blocked},
      {"Your message looks like SPAM", BounceReason::spam_or_content},
      // A trailing '*' lets the word go on.
      {"Messages are being throttled", BounceReason::rate_limited},
      {"Ip frequency limited", BounceReason::rate_limited},
      // White space of any kind, folded lines included, matches one space.
      {"User\r\n\tunknown", BounceReason::unknown_recipient},
      {"User\n\n\n   unknown", BounceReason::unknown_recipient},
      // A phrase wrapped over two lines of one multiline reply (RFC 5321 §4.2.1).
      {"550-5.7.1 Messages with multiple\n550 5.7.1 addresses in From: header are not accepted",
       BounceReason::syntax_error},
      {"550-Messages with multiple\r\n    550 addresses in From", BounceReason::syntax_error},
      {"550-5.7.1 Messages with multiple 550 5.7.1 addresses in From", BounceReason::syntax_error},
      // RFC 3464's example of a local mailer's diagnostic.
      {"500 (err.nosuchuser)", BounceReason::unknown_recipient},
      // An error token joins its words with '_'.
      {"550 BAD_RECIPIENT - see the page about undelivered mail", BounceReason::unknown_recipient},
      {"550 MAILBOX_FULL", BounceReason::mailbox_full},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(smtpcodes::name(smtpcodes::find_phrases(row.text).reason()) == smtpcodes::name(row.reason));
  }
}

TEST_CASE("phrases never match inside addresses or URLs") {
  CHECK(smtpcodes::find_phrases("report to dmarc@reports.example.com").reason() == BounceReason::unknown);
  CHECK(smtpcodes::find_phrases("see https://example.com/spam/policy").reason() == BounceReason::unknown);
  CHECK(smtpcodes::find_phrases("see www.spamhaus.org.example").reason() == BounceReason::unknown);
  // The same words outside the address still count.
  CHECK(smtpcodes::find_phrases("DMARC policy of example.com failed (dmarc@example.com)").reason() ==
        BounceReason::authentication);
  // An address ends where its domain would have an empty label (Sendmail's "a@b...User unknown").
  CHECK(smtpcodes::find_phrases("550 ann@example.net...User unknown").reason() == BounceReason::unknown_recipient);
  CHECK(smtpcodes::find_phrases("..ann@...User unknown").reason() == BounceReason::unknown_recipient);
  CHECK(smtpcodes::find_phrases("@...user unknown").reason() == BounceReason::unknown_recipient);
  CHECK(smtpcodes::find_phrases("ann@example.net... User unknown").reason() == BounceReason::unknown_recipient);
}

TEST_CASE("a DNS block list's look-up URL names a block when no phrase does") {
  struct Row {
    std::string_view text;
    BounceReason reason;
    std::string_view phrase;
  };
  constexpr Row rows[] = {
      // The list's TXT record, quoted alone as the reply's text.
      {"553 http://www.spamhaus.org/query/bl?ip=192.0.2.1", BounceReason::blocked, "spamhaus.org"},
      {"550 Rejected: see https://check.spamhaus.org/listed/?searchterm=192.0.2.1", BounceReason::blocked,
       "spamhaus.org"},
      {"554 Go to https://www.SpamCop.net/w3m?action=checkblock&ip=192.0.2.1", BounceReason::blocked, "spamcop.net"},
      {"550 www.barracudacentral.org/reputation?ip=192.0.2.1", BounceReason::blocked, "barracudacentral.org"},
      // A phrase anywhere in the text decides first.
      {"550 user unknown, see http://www.spamhaus.org/faq", BounceReason::unknown_recipient, "user unknown"},
      // Only the URL's host counts, and only a whole name under the list's domain.
      {"550 see http://notspamhaus.org/query", BounceReason::unknown, ""},
      {"550 see http://www.spamhaus.org.example.net/query", BounceReason::unknown, ""},
      {"550 see http://example.net/why?list=spamhaus.org", BounceReason::unknown, ""},
      // An address is not a URL.
      {"550 write to abuse@spamhaus.org", BounceReason::unknown, ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const smtpcodes::PhraseFinding found = smtpcodes::find_phrases(row.text);
    CHECK(smtpcodes::name(found.reason()) == smtpcodes::name(row.reason));
    CHECK((found.phrase != nullptr ? found.phrase->text : ""sv) == row.phrase);
  }
  static_assert(smtpcodes::find_phrases("553 http://www.spamhaus.org/query/bl").reason() == BounceReason::blocked);
  // A user's rule still comes first.
  constexpr Phrase mine[] = {{"query", BounceReason::spam_or_content, PhraseOrigin::user}};
  CHECK(smtpcodes::find_phrases("query: http://www.spamhaus.org/x", PhraseRules{mine, 1}).reason() ==
        BounceReason::spam_or_content);
}

TEST_CASE("antivirus footers name no reason") {
  CHECK(smtpcodes::find_phrases("Mensaje analizado con NOD32 antivirus").reason() == BounceReason::unknown);
  CHECK(smtpcodes::find_phrases("This email has been checked for viruses by Avast").reason() == BounceReason::unknown);
  CHECK(smtpcodes::find_phrases("554 5.7.1 Virus detected: Eicar-Test").reason() == BounceReason::virus);
}

TEST_CASE("user rules are consulted first, with the same matching") {
  constexpr Phrase mine[] = {{"mailbox parked"sv, BounceReason::mailbox_disabled, PhraseOrigin::user},
                             {"relay*"sv, BounceReason::relay_denied, PhraseOrigin::user}};
  const PhraseRules rules{mine, 2};
  const auto verdict = smtpcodes::classify_text("550 5.1.1 mailbox parked by its owner", rules);
  CHECK(verdict.reason == BounceReason::mailbox_disabled);
  CHECK(verdict.evidence.phrase == "mailbox parked");
  // A user rule wins over a library phrase earlier in the text.
  CHECK(smtpcodes::find_phrases("user unknown; relaying refused", rules).reason() == BounceReason::relay_denied);
  // ... and never matches inside a word.
  CHECK(smtpcodes::find_phrases("norelay here", rules).reason() == BounceReason::unknown);
  // Without rules, the library decides.
  CHECK(smtpcodes::classify_text("550 5.1.1 mailbox parked by its owner").reason == BounceReason::unknown_recipient);
}

TEST_CASE("the expiry family is found beside the cause") {
  const auto found = smtpcodes::find_phrases("retry timeout exceeded; last error: Connection refused");
  REQUIRE(found.expiry != nullptr);
  CHECK(found.reason() == BounceReason::network_error);
}

TEST_CASE("receiving services' own codes name their reason") {
  struct Row {
    std::string_view diagnostic;
    BounceReason reason;
  };
  // Diagnostics in each service's shape, through classify_text: a generic
  // status (X.0.0, X.5.0, X.7.1) or a bare 550/554 leaves the reason to the
  // service's code, and most of these would say something else without it.
  constexpr Row rows[] = {
      // T-Online: a sending host without reputation, whatever the tag.
      {"554 5.5.0 IP=192.0.2.7 - A problem occurred. (Ask your postmaster for help or to contact "
       "abuse@mx.example.de to clarify.) (BL)",
       BounceReason::blocked},
      {"554 IP=192.0.2.7 - None/bad reputation. Ask your postmaster for help. (NOWL)", BounceReason::blocked},
      // Cox: the code after "AUP#".
      {"554 5.0.0 see the error codes page. AUP#CXBL", BounceReason::blocked},
      {"550 5.0.0 message rejected. AUP#CXSNDR", BounceReason::authentication},
      {"550 5.0.0 sending refused for this account. AUP#CXMJ", BounceReason::authentication},
      {"554 5.0.0 see the error codes page AUP#IPBL0011", BounceReason::blocked},
      {"421 4.0.0 try later AUP#CXCNCT", BounceReason::rate_limited},
      // Cox, GoDaddy and Spectrum block the IP for this, whatever "invalid recipient" says alone.
      {"554 this IP has sent too many invalid recipients", BounceReason::blocked},
      // Spectrum: ranges of codes, single codes inside them first.
      {"550 5.0.0 see the error codes page. AUP#I-1000", BounceReason::blocked},
      {"550 5.0.0 see the error codes page. AUP#O-1040", BounceReason::sender_rejected},
      {"451 4.0.0 try again later. AUP#O-1090", BounceReason::system_error},
      {"550 5.0.0 see the error codes page. AUP#I-1120", BounceReason::reverse_dns},
      {"550 5.0.0 see the error codes page. AUP#I-1170", BounceReason::blocked},
      {"421 4.0.0 slow down. AUP#I-1310", BounceReason::rate_limited},
      {"552 5.0.0 see the error codes page. AUP#O-1530", BounceReason::message_too_large},
      {"550 5.0.0 see the error codes page. AUP#O-1560", BounceReason::blocked},
      // GoDaddy: "IBnnn" at the end.
      {"550 jane@example.com Inspect your settings, and try again. IB508", BounceReason::authentication},
      {"421 Temporarily rejected. IB108", BounceReason::reverse_dns},
      {"554 Connection refused. This IP has a poor standing. IB103", BounceReason::blocked},
      {"552 Message rejected. IB705", BounceReason::virus},
      // Orange and La Poste: prefix, server digits (or none), '_', code.
      {"550 5.5.0 Boite du destinataire archivee. Archived recipient. LPN007_420", BounceReason::mailbox_disabled},
      {"550 5.0.0 Service indisponible. OFR006_103 [103]", BounceReason::blocked},
      {"550 5.0.0 Boite du destinataire pleine. OFR_417 [417]", BounceReason::mailbox_full},
      {"550 5.7.1 Message refuse, verification en echec LPN007_517", BounceReason::authentication},
      // Facebook.
      {"550 5.0.0 DNS-P3 see the response codes page", BounceReason::reverse_dns},
      {"550 5.7.1 POL-P5 message refused", BounceReason::virus},
      {"550 5.0.0 RCP-P1 see the response codes page", BounceReason::unknown_recipient},
      // Mimecast.
      {"554 email rejected due to security policies - MCSpamSignature.sa.2.2", BounceReason::spam_or_content},
      {"553 this route requires encryption (tls)", BounceReason::tls},
      {"550 Administrative prohibition envelope blocked - sender@example.org", BounceReason::sender_rejected},
      // MessageLabs: a sender refusal, not a block of the recipient.
      {"553-Sorry, your email address has been blacklisted", BounceReason::sender_rejected},
      {"553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)", BounceReason::sender_rejected},
      // Tencent QQ Mail, before "spam*".
      {"550 Suspected spam ip, please try again later", BounceReason::blocked},
      // Apple iCloud.
      {"550 5.0.0 recipient no longer on server: someone@example.com", BounceReason::mailbox_moved},
      // Cloudflare Email Routing ("dnsbl" alone does not end at "DNSBLs").
      {"550 5.0.0 host found on one or more DNSBLs", BounceReason::blocked},
      // Zoho Mail.
      {"552 5.7.1 virus Eicar-Test detected by Zoho Mail", BounceReason::virus},
      // Yahoo.
      {"421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred", BounceReason::blocked},
      // Microsoft: reputation before "rate limit*".
      {"451 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation.",
       BounceReason::blocked},
      // Gmail: a block for unsolicited mail before "unusual rate"; a sending quota before "quota".
      {"550 5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address.",
       BounceReason::blocked},
      {"550 5.4.5 Daily sending quota exceeded.", BounceReason::rate_limited},
  };
  for (const Row& row : rows) {
    CAPTURE(row.diagnostic);
    CHECK(smtpcodes::name(smtpcodes::classify_text(row.diagnostic).reason) == smtpcodes::name(row.reason));
  }
}

TEST_CASE("a '?' in a phrase is a run of digits, none included") {
  CHECK(smtpcodes::find_phrases("Invalid recipient. OFR_416 [416]").reason() == BounceReason::unknown_recipient);
  CHECK(smtpcodes::find_phrases("Archived recipient. LPN007_420").reason() == BounceReason::mailbox_disabled);
  // Letters are not digits, and the code still starts and ends a word.
  CHECK(smtpcodes::find_phrases("ref OFRX_420").reason() == BounceReason::unknown);
  CHECK(smtpcodes::find_phrases("ref XOFR_420").reason() == BounceReason::unknown);
  CHECK(smtpcodes::find_phrases("ref OFR_4200").reason() == BounceReason::unknown);
  // A user rule reads '?' the same way.
  constexpr Phrase mine[] = {{"ticket ?-closed"sv, BounceReason::mailbox_disabled, PhraseOrigin::user}};
  const PhraseRules rules{mine, 1};
  CHECK(smtpcodes::find_phrases("see ticket 1234-closed", rules).reason() == BounceReason::mailbox_disabled);
  // Three digits and a dash after a space are the digits, not a reply code continuing.
  CHECK(smtpcodes::find_phrases("see ticket 123-closed", rules).reason() == BounceReason::mailbox_disabled);
  CHECK(smtpcodes::find_phrases("see ticket a-closed", rules).reason() == BounceReason::unknown);
}

TEST_CASE("every phrase is lower case, non-empty, and names its origin") {
  for (const Phrase& phrase : smtpcodes::detail::phrase_families) {
    CAPTURE(phrase.text);
    REQUIRE_FALSE(phrase.text.empty());
    for (char c : phrase.text) CHECK_FALSE((c >= 'A' && c <= 'Z'));
    CHECK(phrase.origin != PhraseOrigin::user);
    CHECK(phrase.origin != PhraseOrigin::unverified);  // every row names its source
    CHECK(phrase.reason != BounceReason::unknown);
  }
}

TEST_CASE("the index finds every phrase in its own words, in any case") {
  for (const Phrase& phrase : smtpcodes::detail::phrase_families) {
    CAPTURE(phrase.text);
    // The index groups phrases by their first two characters.
    REQUIRE(phrase.text.size() >= 2);
    CHECK(phrase.text[0] != '*');
    CHECK(phrase.text[1] != '*');
    CHECK(phrase.text[0] != '?');
    CHECK(phrase.text[1] != '?');
    CHECK(phrase.text.back() != '?');
    std::string words;
    for (char c : phrase.text) {
      if (c == '?') {
        words.append("004");  // a run of digits
      } else {
        words.push_back(c);
      }
    }
    if (words.back() == '*') words.pop_back();
    std::string upper = words;
    for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    for (const std::string& text : {"x " + words + " y", "x " + upper + " y", "x\t" + words}) {
      const smtpcodes::PhraseFinding found = smtpcodes::find_phrases(text);
      const Phrase* hit = phrase.reason == BounceReason::expired ? found.expiry : found.phrase;
      REQUIRE(hit != nullptr);
      // No earlier row of another reason hides it ("does not exist" once
      // hid "domain does not exist").
      CHECK(smtpcodes::name(hit->reason) == smtpcodes::name(phrase.reason));
    }
  }
}

TEST_CASE("servers' own words for each reason, as Sisimai 5 lists them") {
  struct Row {
    std::string_view text;  // written for this test in the servers' words
    BounceReason reason;
  };
  constexpr Row rows[] = {
      {"550 5.1.1 <kim@example.net>: email address could not be found", BounceReason::unknown_recipient},
      // Sisimai 4.25's lists (MesgTooBig.pm, Rejected.pm, PolicyViolation.pm).
      {"500 Line limit exceeded", BounceReason::message_too_large},
      {"550 'ann@example.org' is not a registered gateway user", BounceReason::sender_rejected},
      {"550 Protocol violation", BounceReason::syntax_error},
      {"RCPT TO:<kim@example.net>: 550 Unrouteable address", BounceReason::unknown_recipient},
      {"Loop Alert: Duplicated Message-ID in <x@example.net>", BounceReason::network_error},
      {"550 5.7.1 This server does not accept mail from ann@example.org", BounceReason::sender_rejected},
      // AOL's AIRmail notice, a recipient's block of the sender; the server's own refusal stays a system error.
      {"Your mail to the following recipients could not be delivered because they are not accepting mail from "
       "ann@example.org:",
       BounceReason::sender_rejected},
      {"421 Service not accepting connections, try later", BounceReason::system_error},
      {"550 5.7.1 example.net does not accept mail (RFC 7504)", BounceReason::no_mail_domain},
      {"Name service error for domain example.net: Host not found, try again", BounceReason::network_error},
      {"Name service error for domain example.net: Host not found", BounceReason::unknown_domain},
      {"550 We do not permit this host to be used as a relay", BounceReason::relay_denied},
      {"554 Message rejected: Email address is not verified.", BounceReason::sender_rejected},
      {"550 5.2.1 Mailbox currently suspended", BounceReason::mailbox_disabled},
      {"451 Could not load DRD for domain (example.net)", BounceReason::system_error},
      {"550 Closed mailing list: you are not allowed to post", BounceReason::sender_rejected},
      {"550 Unknown mailbox kim@example.net", BounceReason::unknown_recipient},
      {"553 sorry, this recipient is not in my validrcptto list (#5.7.1)", BounceReason::unknown_recipient},
      {"550 No existe ese usuario", BounceReason::unknown_recipient},
      {"550 Domain does not exist: example.invalid", BounceReason::unknown_domain},
      {"LOCAL module(account kim) reports: mail receiving disabled", BounceReason::mailbox_disabled},
      {R"(550 Unknown local-part "kim" in domain "example.net")", BounceReason::unknown_recipient},
      {"<kim@example.net>: This address no longer accepts mail.", BounceReason::unknown_recipient},
      {"cannot update mailbox /var/mail/kim: error writing message: File too large", BounceReason::mailbox_full},
      {"451 System resources temporarily unavailable. (#4.3.0)", BounceReason::system_error},
      {"write error: Resource temporarily unavailable", BounceReason::system_error},
      {"x-unix; input/output error", BounceReason::system_error},
      {"451 4.0.0 I/O error", BounceReason::system_error},
      {"550 5.0.0 Can't create output", BounceReason::system_error},
      {"can not open new email file errno=13 file=/home/vpopmail/kim/Maildir/tmp/x", BounceReason::system_error},
      {"554 kim@example.net user suspended", BounceReason::mailbox_disabled},
      {"550 This account has been temporarily suspended", BounceReason::mailbox_disabled},
      {"452 4.3.1 Insufficient disk space; try again later", BounceReason::mailbox_full},
      {"550 User has too many messages on the server", BounceReason::mailbox_full},
      {"550 Mailbox would exceed maximum allowed storage", BounceReason::mailbox_full},
      {"551 kim@example.net has been replaced by kim@example.com", BounceReason::mailbox_moved},
      {"552 Message header size exceeds limit", BounceReason::message_too_large},
      {"553 Sender email address rejected", BounceReason::sender_rejected},
      {"553 Your email address has been blacklisted", BounceReason::sender_rejected},
      {"550 BATV failed to verify", BounceReason::sender_rejected},
      {"550 Sender IP address rejected", BounceReason::blocked},
      {"554 Rejecting open proxy 192.0.2.1", BounceReason::blocked},
      {"550 Blacklisted URL in message", BounceReason::spam_or_content},
      {"554 Message rejected because of unacceptable content", BounceReason::spam_or_content},
      {"421 Too many SMTP sessions for this host", BounceReason::rate_limited},
      {"450 Please try again slower", BounceReason::rate_limited},
      {"550 The message doesn't meet the required authentication level", BounceReason::authentication},
      {"550 Mail from hosts with generic DNS PTR-records is not accepted", BounceReason::reverse_dns},
      {"554 It has a potentially executable attachment", BounceReason::virus},
      {"554 Message looping (received 6 times)", BounceReason::network_error},
      {"451 Queue file write error", BounceReason::system_error},
      // Sisimai 5's lists, round 8 (why-requireptr, -securityerror, -blocked, -filtered, -userunknown,
      // -rejected, -norelaying, -systemerror, -mailererror, -spamdetected).
      {"550 domain [example.org] mismatches client ip 192.0.2.9.", BounceReason::reverse_dns},
      {"450 service permits 2 unverifyable sending IPs - mx.example.org is not 192.0.2.9", BounceReason::reverse_dns},
      {"535 Authentication failure", BounceReason::authentication},
      {"550 5.7.1 Authentification requise", BounceReason::authentication},
      {"550 We do not accept mail from dynamic IPs", BounceReason::blocked},
      {"554 Server IP 192.0.2.9 listed as abusive", BounceReason::blocked},
      {"554 mx.example.net ESMTP not accepting connections", BounceReason::blocked},
      {"550 This account is protected by a challenge-response system", BounceReason::blocked},
      {"550 Your server requires confirmation", BounceReason::blocked},
      {"550 Sorry, can't accept user kim", BounceReason::unknown_recipient},
      {"550 5.1.1 RESOLVER.ADR.Recipient NotFound", BounceReason::unknown_recipient},
      {"553 sorry, this recipient is in my badrecipientto list (#5.7.1)", BounceReason::unknown_recipient},
      {"550 Error: no third-party DSNs", BounceReason::sender_rejected},
      {"550 Transaction failed unsigned DSN for kim@example.net", BounceReason::sender_rejected},
      {"Command died with status 1: /usr/bin/procmail", BounceReason::system_error},
      {"550 This message was rejected by Recurrent Pattern Detection System", BounceReason::spam_or_content},
      // A filter's verdict before the authentication words of its advice; a filter that names itself.
      {"554 5.7.1 Your message failed several antispam checks; check your setup (spf, HELO, PTR)",
       BounceReason::spam_or_content},
      {"553 5.7.3 CONTENT REJECT:198.51.100.7.2011101001:dspam check:4", BounceReason::spam_or_content},
      // MTAs' own messages.
      {"all relevant MX records point to non-existent hosts", BounceReason::unknown_domain},
      {"Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", BounceReason::no_mail_domain},
      {"553 Mailaddress is administrativley disabled. (#5.2.1)", BounceReason::mailbox_disabled},
      {"Requested action not taken: mailbox unavailable (not enough free space)", BounceReason::mailbox_full},
      {"No valid route to remote MX", BounceReason::network_error},
      {"550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found", BounceReason::unknown_recipient},
      {"554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain", BounceReason::unknown_domain},
      {"MSEXCH:IMS:EXAMPLE:HOST 0 (000C05A6) Unknown Recipient", BounceReason::unknown_recipient},
      {"DNS Error: Could not contact DNS servers", BounceReason::network_error},
      // Exim's frozen message is its queue; a frozen mailbox is the account.
      {"Message 1abcDE-000123-XY has been frozen", BounceReason::unknown},
      {"550 mailbox is frozen", BounceReason::mailbox_disabled},
      // Postfix's deferral of a dead destination is no suspended mailbox.
      {"delivery temporarily suspended: connect to mx.example.net: Connection timed out", BounceReason::network_error},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(smtpcodes::name(smtpcodes::find_phrases(row.text).reason()) == smtpcodes::name(row.reason));
  }
}

TEST_CASE("every reason has one Sisimai name, distinct except where Sisimai has fewer") {
  for (std::size_t a = 0; a < smtpcodes::bounce_reason_count; ++a) {
    const auto reason = static_cast<BounceReason>(a);
    CAPTURE(smtpcodes::name(reason));
    CHECK_FALSE(smtpcodes::sisimai_reason(reason).empty());
    for (std::size_t b = a + 1; b < smtpcodes::bounce_reason_count; ++b) {
      CHECK(smtpcodes::sisimai_reason(reason) != smtpcodes::sisimai_reason(static_cast<BounceReason>(b)));
    }
  }
  CHECK(smtpcodes::sisimai_reason(BounceReason::unknown) == "undefined");
  CHECK(smtpcodes::sisimai_reason(BounceReason::expired) == "expired");
  CHECK(smtpcodes::name(static_cast<BounceReason>(smtpcodes::bounce_reason_count - 1)) == "syntax_error");
}

namespace {

constexpr std::string_view agreement_texts[] = {
    "550 5.1.1 <kim@example.net>: Recipient address rejected: User unknown in virtual mailbox table",
    "552 5.2.2 Mailbox full; quota exceeded",
    "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
    "421 4.7.0 [TSS04] Messages temporarily deferred due to unexpected volume or user complaints",
    "retry timeout exceeded: connect to mx.example.net: Connection refused",
    "550 Domain does not exist: example.invalid",
    "report to dmarc@reports.example.com",
    "554 email rejected due to security policies - MCSpamSignature.sa.2.2",
    "550 OFR004_416 Mail rejete",
    "Message garbled",
};
constexpr std::size_t agreement_count = sizeof(agreement_texts) / sizeof(agreement_texts[0]);

struct Findings {
  BounceReason reason[agreement_count]{};
  std::size_t offset[agreement_count]{};
  bool expiry[agreement_count]{};
};

constexpr Findings find_all() {
  Findings findings;
  for (std::size_t i = 0; i < agreement_count; ++i) {
    const smtpcodes::PhraseFinding found = smtpcodes::find_phrases(agreement_texts[i]);
    findings.reason[i] = found.reason();
    findings.offset[i] = found.offset;
    findings.expiry[i] = found.expiry != nullptr;
  }
  return findings;
}

}  // namespace

TEST_CASE("the phrase search works in a constant expression and agrees with run time") {
  constexpr Findings at_compile_time = find_all();
  const Findings at_run_time = find_all();
  for (std::size_t i = 0; i < agreement_count; ++i) {
    CAPTURE(agreement_texts[i]);
    CHECK(smtpcodes::name(at_compile_time.reason[i]) == smtpcodes::name(at_run_time.reason[i]));
    CHECK(at_compile_time.offset[i] == at_run_time.offset[i]);
    CHECK(at_compile_time.expiry[i] == at_run_time.expiry[i]);
  }
  CHECK(at_run_time.reason[0] == BounceReason::unknown_recipient);
  CHECK(at_run_time.expiry[4]);
}

TEST_CASE("the generated phrase index is the one make_phrase_index computes") {
  // Computed here at run time; detail/phrase_index.hpp is written by
  // tools/generate_phrase_index.py (the phrase_index_up_to_date test runs it).
  const smtpcodes::detail::PhraseIndex computed = smtpcodes::detail::make_phrase_index();
  for (std::size_t b = 0; b <= smtpcodes::detail::phrase_buckets; ++b) {
    CAPTURE(b);
    REQUIRE(computed.start[b] == smtpcodes::detail::phrase_index_start[b]);
  }
  for (std::size_t k = 0; k < smtpcodes::detail::PhraseIndex::size; ++k) {
    CAPTURE(k);
    CHECK(computed.order[k] == smtpcodes::detail::phrase_index_order[k]);
    CHECK(computed.prefix[k] == smtpcodes::detail::phrase_index_prefix[k]);
    CHECK(computed.prefix_mask[k] == smtpcodes::detail::phrase_index_prefix_mask[k]);
    CHECK(computed.prefix_length[k] == smtpcodes::detail::phrase_index_prefix_length[k]);
    // The search compares a row from the end of its start: the mask's bytes, and no more.
    const std::size_t length = smtpcodes::detail::phrase_index_prefix_length[k];
    REQUIRE(length >= smtpcodes::detail::phrase_shortest_literal);
    REQUIRE(length <= smtpcodes::detail::phrase_prefix_length);
    const std::uint64_t mask = (std::uint64_t{1} << (8 * length)) - 1;
    CHECK(smtpcodes::detail::phrase_index_prefix_mask[k] == mask);
    const std::string_view text = smtpcodes::detail::phrase_families[smtpcodes::detail::phrase_index_order[k]].text;
    CHECK(text.substr(0, length).find_first_of(" *?") == std::string_view::npos);
    // It stops at four bytes, at the phrase's end, or at a ' ', '*' or '?'.
    const bool stopped = length == smtpcodes::detail::phrase_prefix_length || length == text.size() ||
                         std::string_view(" *?").find(text[length]) != std::string_view::npos;
    CHECK(stopped);
  }
  // Each row sits in the bucket that a text starting with it hashes to.
  for (std::size_t b = 0; b < smtpcodes::detail::phrase_buckets; ++b) {
    for (std::size_t k = smtpcodes::detail::phrase_index_start[b]; k < smtpcodes::detail::phrase_index_start[b + 1];
         ++k) {
      const std::string_view text = smtpcodes::detail::phrase_families[smtpcodes::detail::phrase_index_order[k]].text;
      const std::size_t hashed = std::min<std::size_t>(smtpcodes::detail::phrase_index_prefix_length[k],
                                                       smtpcodes::detail::phrase_hashed_length);
      CAPTURE(text);
      CHECK(smtpcodes::detail::phrase_bucket(smtpcodes::detail::prefix_key(text, 0), hashed) == b);
    }
  }
}

namespace {

// Does the token hold an address or a URL? (What scan_token finds in one pass.)
bool is_address_or_url(std::string_view token) {
  return token.find('@') != std::string_view::npos || token.find("://") != std::string_view::npos ||
         smtpcodes::detail::istarts_with(token, "www.");
}

// find_phrases without its index: every row tried at every word start, from
// its first byte, in table order.
smtpcodes::PhraseFinding find_phrases_without_index(std::string_view text) {
  using namespace smtpcodes::detail;
  smtpcodes::PhraseFinding found;
  std::size_t best = PhraseIndex::size;
  std::size_t token_end = 0;
  bool skip_token = false;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (is_space(text[pos])) continue;
    if (!is_token_char(text[pos])) {
      skip_token = false;
    } else if (pos >= token_end) {
      token_end = pos;
      while (token_end < text.size() && is_token_char(text[token_end])) ++token_end;
      skip_token = is_address_or_url(text.substr(pos, token_end - pos));
    }
    if (skip_token || !starts_word(text, pos)) continue;
    for (std::size_t i = 0; i < PhraseIndex::size; ++i) {
      const Phrase& phrase = phrase_families[i];
      const bool expiry = phrase.reason == BounceReason::expired;
      if ((!expiry && i >= best) || (expiry && found.expiry != nullptr)) continue;
      if (!matches_phrase_at(text, pos, phrase.text)) continue;
      if (expiry) {
        found.expiry = &phrase;
      } else {
        best = i;
        found.phrase = &phrase;
        found.offset = pos;
      }
    }
    while (pos + 1 < text.size() && is_alnum(text[pos]) && is_alnum(text[pos + 1])) ++pos;
  }
  return found;
}

}  // namespace

TEST_CASE("the index's keys find what trying every row finds, in texts of folded, cut and altered phrases") {
  // Phrases written out with their white space as any run (reply codes of
  // continued lines in it), digit runs, word endings, any case, cut short or
  // altered, among words that start as many rows do.
  const std::string_view spaces[] = {" ",      "  ",    "\t",           "\n", "\r\n", "\r\n550-5.1.1 ",
                                     "\n550 ", " 550-", "\n 452 4.2.2 "};
  const std::string_view fillers[] = {"no",  "mail",  "not", "message", "user",    "a@b.example", "http://x.example/no",
                                      "550", "5.1.1", "(",   "-",       "mailbox", "No such",     "the",
                                      "x"};
  constexpr std::size_t rows = smtpcodes::detail::PhraseIndex::size;
  std::mt19937 random(29);
  std::size_t with_phrase = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t piece = random() % 6; piece > 0; --piece) {
      if (random() % 2 == 0) {
        text += fillers[random() % std::size(fillers)];
      } else {
        std::string words;
        for (const char c : smtpcodes::detail::phrase_families[random() % rows].text) {
          if (c == ' ') {
            words += spaces[random() % std::size(spaces)];
          } else if (c == '?') {
            words += std::string(random() % 3, '4');
          } else if (c != '*') {
            const bool upper = c >= 'a' && c <= 'z' && random() % 4 == 0;
            words += upper ? static_cast<char>(c - 'a' + 'A') : c;
          }
        }
        if (random() % 4 == 0) words.resize(random() % (words.size() + 1));
        if (!words.empty() && random() % 4 == 0) words[random() % words.size()] = "e \n"[random() % 3];
        text += words;
      }
      text += spaces[random() % std::size(spaces)];
    }
    if (!text.empty() && random() % 2 == 0) text.resize(random() % text.size());
    const smtpcodes::PhraseFinding expected = find_phrases_without_index(text);
    const smtpcodes::PhraseFinding found = smtpcodes::find_phrases(text);
    with_phrase += expected.phrase != nullptr ? 1U : 0U;
    CAPTURE(text);
    CHECK(found.phrase == expected.phrase);
    CHECK(found.offset == expected.offset);
    CHECK(found.expiry == expected.expiry);
  }
  CHECK(with_phrase > 1000);
}
