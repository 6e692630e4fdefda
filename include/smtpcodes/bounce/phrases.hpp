#ifndef SMTPCODES_BOUNCE_PHRASES_HPP
#define SMTPCODES_BOUNCE_PHRASES_HPP

// Phrase families: the words MTAs and mail services use for each bounce
// reason, one table, each row with where the wording comes from. A phrase
// matches at word boundaries, case ignored, any run of white space (folded
// lines included) matching one space; a trailing '*' lets the last word go
// on ("throttl*" matches "throttled", "throttling"); a '?' matches a run of
// digits, none included, for services' codes that number their servers
// ("ofr?_416" matches "OFR_416" and "OFR004_416"). Phrases starting inside
// an address or a URL never match ("dmarc" in dmarc@reports.example.com).
//
// Users add their own phrases at run time (PhraseRules): they are consulted
// before this table, with the same matching, and need no allocation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/bounce/reason.hpp>
#include <smtpcodes/detail/digits.hpp>
#include <smtpcodes/detail/phrase_index.hpp>
#include <smtpcodes/detail/text.hpp>

namespace smtpcodes {
inline namespace v0 {

// Where a phrase comes from. The facts (which words an MTA writes) are taken
// from these; no prose or code is copied.
enum class PhraseOrigin : std::uint8_t {
  user,            // a PhraseRule given at run time
  sisimai,         // Sisimai: 4.25's lib/Sisimai/{Reason,Lhost,Rhost}/*.pm and 5's reason/why-*.go phrase lists
  postfix,         // Postfix smtpd/smtp/bounce sources and bounce(5) templates
  exim,            // the Exim specification, "Retry configuration" and router messages
  sendmail,        // Sendmail's DSN and error texts (deliver.c, domain.c)
  qmail,           // qmail-send and qmail-remote messages (djb's qmail documentation)
  gmail,           // Gmail delivery status notifications
  microsoft,       // Microsoft Learn: NDRs in Exchange Online and Exchange Server
  aiosmtpd,        // aiosmtpd's SMTP server replies
  mailman,         // GNU Mailman's rejection notices
  fml,             // fml mailing-list manager notices
  translation,     // an English phrase of the same row's reason as localized MTAs and services word it
  os_error,        // POSIX strerror texts that MTAs quote (ECONNREFUSED, ETIMEDOUT ...)
  unverified,      // names no row any more (every row has a source); kept for source compatibility
  rfc,             // an RFC or the IANA enhanced-status registry's own wording (RFC 8689, X.7.28, X.7.29)
  other_software,  // other mail software's own replies: rspamd, pyspf, qpsmtpd, Cyrus, Momentum, Mercury/32, Spey,
                   // DSPAM
  provider,        // a mail provider's published error texts (AT&T, AOL, Comcast, Coremail, Zoho ...)
};

[[nodiscard]] constexpr std::string_view name(PhraseOrigin origin) noexcept {
  switch (origin) {
    case PhraseOrigin::sisimai: return "sisimai";
    case PhraseOrigin::postfix: return "postfix";
    case PhraseOrigin::exim: return "exim";
    case PhraseOrigin::sendmail: return "sendmail";
    case PhraseOrigin::qmail: return "qmail";
    case PhraseOrigin::gmail: return "gmail";
    case PhraseOrigin::microsoft: return "microsoft";
    case PhraseOrigin::aiosmtpd: return "aiosmtpd";
    case PhraseOrigin::mailman: return "mailman";
    case PhraseOrigin::fml: return "fml";
    case PhraseOrigin::translation: return "translation";
    case PhraseOrigin::os_error: return "os_error";
    case PhraseOrigin::rfc: return "rfc";
    case PhraseOrigin::other_software: return "other_software";
    case PhraseOrigin::provider: return "provider";
    case PhraseOrigin::unverified: return "unverified";
    case PhraseOrigin::user: break;
  }
  return "user";
}

struct Phrase {
  std::string_view text;  // lower case; see the matching rules above
  BounceReason reason;
  PhraseOrigin origin;
};

// A caller's phrases, consulted before the library's: a view of an array
// the caller owns (text in lower case, as in the library's table).
struct PhraseRules {
  const Phrase* rules = nullptr;
  std::size_t count = 0;
};

namespace detail {

// The families in priority order: the first phrase of the table that occurs
// in the diagnostic decides (not the first in the text). Block-list names
// come before "spam*" (so "blocked using spamhaus" is a block), specific
// reasons before the generic policy words at the end. The expiry family is
// looked for beside the others: an expiry wraps the error that caused it.
inline constexpr Phrase phrase_families[] = {
    // Receiving services' own error codes and wording. A code names the
    // reason the service documents for it wherever the bounce comes from, so
    // these rows come before every family they could collide with. Facts via
    // Sisimai 5's receiving-host modules (go-sisimai rhost/for-*.go), which
    // cite the provider's page where there is one.
    //
    // T-Online (Deutsche Telekom) refuses a sending host it does not trust
    // with "554 IP=<ip> - A problem occurred. (Ask your postmaster for help or
    // to contact <addr> to clarify.) (BL)", or "None/bad reputation ...
    // (NOWL)": the host's reputation (postmaster.t-online.de, "IP
    // troubleshooting"), whatever status the relaying MTA puts on it.
    {"problem occurred. (ask your postmaster for help"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"none/bad reputation"sv, BounceReason::blocked, PhraseOrigin::provider},
    // Cox: "AUP#<code>" (https://www.cox.com/residential/support/cox-postmaster-email-administration.html).
    {"aup#cxbl"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#cdrbl"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#ipbl*"sv, BounceReason::blocked, PhraseOrigin::provider},  // IPBL0001 ... IPBL1111: the DNSBLs listing the IP
    {"aup#urlbl*"sv, BounceReason::spam_or_content, PhraseOrigin::provider},  // a URL in the body is block-listed
    {"aup#cxdns"sv, BounceReason::reverse_dns, PhraseOrigin::provider},
    {"aup#cxsndr"sv, BounceReason::authentication, PhraseOrigin::provider},  // SPF, DomainKeys or DKIM of the sender
    {"aup#cxsmtp"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"aup#cxcnct"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#cxmxrt"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    // Sending stopped for suspicious activity on the sender's Cox account.
    {"aup#cxthrt"sv, BounceReason::authentication, PhraseOrigin::provider},
    {"aup#cxmj"sv, BounceReason::authentication, PhraseOrigin::provider},
    {"cox too many bad commands"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"dns check failure - try again later"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"esmtp no data before greeting"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"esmtp server temporarily not available"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"message threshold exceeded"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    // Cox, GoDaddy and Spectrum block the IP for this; before "invalid recipient*".
    {"too many invalid recipients"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    // Spectrum: "AUP#I-nnnn" for mail to Spectrum, "AUP#O-nnnn" for mail
    // from it; a range of codes shares a reason, so a row ending in '*'
    // stands for the range and the single codes inside it come first
    // (https://www.spectrumbusiness.net/support/internet/understanding-email-error-codes).
    {"aup#i-1000"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#o-1000"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#i-1090"sv, BounceReason::system_error, PhraseOrigin::provider},
    {"aup#o-1090"sv, BounceReason::system_error, PhraseOrigin::provider},
    {"aup#i-10*"sv, BounceReason::sender_rejected, PhraseOrigin::provider},  // 1010-1080: the sending account
    {"aup#o-10*"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"aup#i-116*"sv, BounceReason::blocked, PhraseOrigin::provider},  // 1160-1190: the sender domain's policy
    {"aup#o-116*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#i-117*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#o-117*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#i-118*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#o-118*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#i-119*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#o-119*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#i-11*"sv, BounceReason::reverse_dns, PhraseOrigin::provider},  // 1100-1150: no full-circle DNS
    {"aup#o-11*"sv, BounceReason::reverse_dns, PhraseOrigin::provider},
    {"aup#i-1260"sv, BounceReason::network_error, PhraseOrigin::provider},  // IPv6 not served
    {"aup#o-1260"sv, BounceReason::network_error, PhraseOrigin::provider},
    {"aup#i-12*"sv, BounceReason::blocked, PhraseOrigin::provider},  // 1200-1250: Cloudmark CSI, Spamhaus
    {"aup#o-12*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#i-13*"sv, BounceReason::rate_limited, PhraseOrigin::provider},  // 1300-1490: connections, volume
    {"aup#o-13*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#i-14*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#o-14*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#i-150*"sv, BounceReason::sender_rejected, PhraseOrigin::provider},  // sent as another address
    {"aup#o-150*"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"aup#i-152*"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"aup#o-152*"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"aup#i-153*"sv, BounceReason::message_too_large, PhraseOrigin::provider},
    {"aup#o-153*"sv, BounceReason::message_too_large, PhraseOrigin::provider},
    {"aup#i-154*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#o-154*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#i-155*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#o-155*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#i-156*"sv, BounceReason::blocked, PhraseOrigin::provider},  // too many invalid recipients
    {"aup#o-156*"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"aup#i-158*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"aup#o-158*"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    // GoDaddy: "IBnnn" at the end of the reply
    // (https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685).
    {"ib401"sv, BounceReason::authentication, PhraseOrigin::provider},  // AUTH on an inbound server
    {"ib501"sv, BounceReason::syntax_error, PhraseOrigin::provider},    // blank From:
    {"ib502"sv, BounceReason::syntax_error, PhraseOrigin::provider},    // an IP address as From:
    {"ib506"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"ib508"sv, BounceReason::authentication, PhraseOrigin::provider},
    {"ib108"sv, BounceReason::reverse_dns, PhraseOrigin::provider},
    {"ib212"sv, BounceReason::spam_or_content, PhraseOrigin::provider},
    {"ib705"sv, BounceReason::virus, PhraseOrigin::provider},
    {"ib605"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"ib007"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"ib101"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"ib504"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"ib510"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"ib607"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"ib103"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"ib104"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"ib105"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"ib106"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"ib110"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"ib111"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"ib112"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"ib113"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"account storage limit"sv, BounceReason::mailbox_full, PhraseOrigin::provider},
    // Orange and La Poste (Sisimai 5 rhost/FrancePTT, after postmastery.com's
    // list of Orange codes): "OFR_416", "OFR004_405", "LPN007_420"; '?' is
    // the digits, if any, between the prefix and '_'.
    {"lpnaaa_101"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"ofr?_101"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"lpn?_101"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"ofr?_102"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"lpn?_102"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"ofr?_103"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"lpn?_103"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"ofr?_104"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"lpn?_104"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"ofr?_305"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"lpn?_305"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"ofr?_401"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"lpn?_401"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"ofr?_402"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"lpn?_402"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"ofr?_403"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"lpn?_403"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"ofr?_405"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"lpn?_405"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"ofr?_415"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"lpn?_415"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"ofr?_416"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"lpn?_416"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"ofr?_417"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"lpn?_417"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"ofr?_420"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},  // archived mailbox
    {"lpn?_420"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"ofr?_421"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},  // MAIL FROM not the user's
    {"lpn?_421"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"ofr?_426"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},  // the recipient's account is blocked
    {"lpn?_426"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"ofr?_505"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"lpn?_505"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"ofr?_506"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"lpn?_506"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"ofr?_510"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"lpn?_510"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"ofr?_514"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"lpn?_514"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"ofr?_517"sv, BounceReason::authentication, PhraseOrigin::sisimai},  // DMARC
    {"lpn?_517"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"ofr?_630"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"lpn?_630"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"ofr?_999"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"lpn?_999"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"spf/dns de votre nom de domaine"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    // Facebook: "RCP-P1" and the like (https://www.facebook.com/postmaster/response_codes).
    {"rcp-p1"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"int-p1"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"int-p3"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"int-p4"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"rcp-p2"sv, BounceReason::blocked, PhraseOrigin::provider},  // the recipient's preferences refuse it
    {"rcp-p3"sv, BounceReason::blocked, PhraseOrigin::provider},  // ... or privacy settings
    {"rcp-t1"sv, BounceReason::system_error, PhraseOrigin::provider},
    {"rcp-t4"sv, BounceReason::mailbox_disabled, PhraseOrigin::provider},
    {"pol-p1"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"pol-p2"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"pol-p3"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"pol-p4"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"pol-t1"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"pol-t2"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"pol-t3"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"pol-p5"sv, BounceReason::virus, PhraseOrigin::provider},
    {"pol-p6"sv, BounceReason::spam_or_content, PhraseOrigin::provider},  // a blocked URL
    {"msg-p1"sv, BounceReason::message_too_large, PhraseOrigin::provider},
    {"int-p2"sv, BounceReason::message_too_large, PhraseOrigin::provider},
    {"msg-p2"sv, BounceReason::spam_or_content, PhraseOrigin::provider},  // an attachment type
    {"msg-p3"sv, BounceReason::syntax_error, PhraseOrigin::provider},     // a header field repeated
    {"dns-p1"sv, BounceReason::sender_rejected, PhraseOrigin::provider},  // the MAIL FROM domain
    {"dns-p2"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"dns-t1"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"dns-p3"sv, BounceReason::reverse_dns, PhraseOrigin::provider},
    {"dns-t2"sv, BounceReason::reverse_dns, PhraseOrigin::provider},
    {"con-t1"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"con-t2"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"con-t3"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"con-t4"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"msg-t1"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    // Mimecast (https://community.mimecast.com/s/article/email-security-cloud-gateway-mimecast-smtp-error-codes).
    // A signature rejection is a virus or a spam score: content either way.
    {"mcspamsignature*"sv, BounceReason::spam_or_content, PhraseOrigin::provider},
    {"rejected due to security policies"sv, BounceReason::spam_or_content, PhraseOrigin::provider},
    {"spf sender invalid"sv, BounceReason::authentication, PhraseOrigin::provider},
    {"internal resources are temporarily unavailable"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"this route requires"sv, BounceReason::tls, PhraseOrigin::provider},  // TLS, TLS 1.2, strong ciphers
    {"maximum email size exceeded"sv, BounceReason::message_too_large, PhraseOrigin::provider},
    {"incorrect hostname used for inbounds"sv, BounceReason::network_error, PhraseOrigin::provider},
    {"account inbounds disabled"sv, BounceReason::no_mail_domain, PhraseOrigin::provider},
    {"envelope blocked"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"block policy for envelope from"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"header-based blocked senders"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"header-based manually blocked senders"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"submitter failed to authenticate"sv, BounceReason::authentication, PhraseOrigin::provider},
    {"account service is temporarily unavailable"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"exceeding outbound thread limit"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    // Symantec MessageLabs / Email Security.cloud (Broadcom knowledge base articles
    // 162137, 162152, 162232, 165163, 175407; via Sisimai 5 rhost/MessageLabs).
    {"domain authentication fail"sv, BounceReason::authentication, PhraseOrigin::provider},
    {"tls/sslv3 connection required"sv, BounceReason::tls, PhraseOrigin::provider},
    {"have not been configured to let you"sv, BounceReason::relay_denied, PhraseOrigin::provider},
    {"sender envelope domain not allowed"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"your domain has been blocked"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"your email address has been blocked"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"your domain has been blacklisted"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"your email address has been blacklisted"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"badmailfrom"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"filtered by outbound scanning"sv, BounceReason::spam_or_content, PhraseOrigin::provider},
    {"mailbox is not allowed"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"your ip is in the pbl"sv, BounceReason::blocked, PhraseOrigin::provider},
    // Tencent QQ Mail (https://service.mail.qq.com/detail/122).
    {"suspected bounce attacks"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"suspected spam ip"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"mail is rejected by recipients"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"mail content denied"sv, BounceReason::spam_or_content, PhraseOrigin::provider},
    {"bad address syntax"sv, BounceReason::syntax_error, PhraseOrigin::provider},
    // Apple iCloud Mail (https://support.apple.com/en-us/102322; Sisimai 5 rhost/Apple).
    {"recipient no longer on server"sv, BounceReason::mailbox_moved, PhraseOrigin::sisimai},
    {"inactive email address"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"due to excessive volume"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    // Cloudflare Email Routing (https://developers.cloudflare.com/email-routing/postmaster/).
    {"found on one or more dnsbls"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"upstream error"sv, BounceReason::system_error, PhraseOrigin::provider},
    // Zoho Mail (Sisimai 5 rhost/Zoho): "virus <name> detected by Zoho Mail".
    {"detected by zoho mail"sv, BounceReason::virus, PhraseOrigin::sisimai},
    // Yahoo (https://senders.yahooinc.com/smtp-error-codes): [TSS04] is its
    // "unexpected volume or user complaints" deferral, a reputation block.
    {"tss04"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"receiving mail too quickly"sv, BounceReason::rate_limited, PhraseOrigin::provider},  // Yahoo and Gmail
    {"max message per connection reached"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"headers are not rfc compliant"sv, BounceReason::syntax_error, PhraseOrigin::provider},
    // Yahoo Help ("Email sent to Yahoo Mail addresses is rejected"): the user
    // does not exist, answered after the data; remove the address.
    {"dd this user doesn't have a"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    // Microsoft (Exchange Online, Outlook.com; Sisimai 5 rhost/Microsoft, after
    // Microsoft Learn's NDR pages and replies observed from outlook.com).
    {"due to ip reputation"sv, BounceReason::blocked, PhraseOrigin::sisimai},  // 4.7.650 ... (S775)
    {"message receive limit"sv, BounceReason::rate_limited, PhraseOrigin::microsoft},
    {"exceeded permitted limits"sv, BounceReason::rate_limited, PhraseOrigin::microsoft},
    {"recipient thread limit"sv, BounceReason::rate_limited, PhraseOrigin::microsoft},
    {"sending from unregistered domains"sv, BounceReason::sender_rejected, PhraseOrigin::microsoft},
    {"allowed-senders list"sv, BounceReason::sender_rejected, PhraseOrigin::microsoft},
    {"because the domain is not reachable"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    // Gmail and Google Workspace (https://support.google.com/a/answer/3726730).
    {"unusual rate of unsolicited mail"sv, BounceReason::blocked, PhraseOrigin::gmail},
    {"ip not in whitelist for rcpt domain"sv, BounceReason::blocked, PhraseOrigin::gmail},
    {"invalid credentials for relay"sv, BounceReason::relay_denied, PhraseOrigin::gmail},
    {"not authorized to send email directly"sv, BounceReason::relay_denied, PhraseOrigin::gmail},
    {"mail sending denied"sv, BounceReason::sender_rejected, PhraseOrigin::gmail},
    {"smtp relay limit"sv, BounceReason::rate_limited, PhraseOrigin::gmail},
    {"daily user sending limit"sv, BounceReason::rate_limited, PhraseOrigin::gmail},
    {"daily sending quota"sv, BounceReason::rate_limited, PhraseOrigin::gmail},
    // A sender's own quota of relayed or sent mail, before "quota"sv (a full mailbox):
    // GoDaddy's relay ("You've reached your daily relay quota"), Outlook.com's
    // "Daily user sending quota exceeded", Amazon SES's "Daily message quota exceeded".
    {"relay quota"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"sending quota"sv, BounceReason::rate_limited, PhraseOrigin::microsoft},
    {"daily message quota"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"too many login attempts"sv, BounceReason::authentication, PhraseOrigin::gmail},
    {"no identity changes permitted"sv, BounceReason::authentication, PhraseOrigin::gmail},
    {"application-specific password required"sv, BounceReason::authentication, PhraseOrigin::gmail},
    {"username and password not accepted"sv, BounceReason::authentication, PhraseOrigin::gmail},
    {"log in with your web browser"sv, BounceReason::authentication, PhraseOrigin::gmail},
    {"log in through your web browser"sv, BounceReason::authentication, PhraseOrigin::gmail},
    // Gmail's refusal of unauthenticated mail: "550-5.7.1 This message does not
    // have authentication information or fails to pass authentication checks
    // (SPF or DKIM)" (Google's bulk sender guidelines); MTAs may keep only the first line.
    {"does not have authentication information"sv, BounceReason::authentication, PhraseOrigin::gmail},
    {"missing a valid address in the from"sv, BounceReason::syntax_error, PhraseOrigin::gmail},
    {"missing a valid message-id"sv, BounceReason::syntax_error, PhraseOrigin::gmail},
    {"unicode character in a disallowed header"sv, BounceReason::syntax_error, PhraseOrigin::gmail},
    {"encoded-word syntax is not permitted"sv, BounceReason::syntax_error, PhraseOrigin::gmail},
    {"smtp protocol violation"sv, BounceReason::syntax_error, PhraseOrigin::gmail},
    {"content presents a potential security issue"sv, BounceReason::spam_or_content, PhraseOrigin::gmail},
    {"nature of the content or the links"sv, BounceReason::spam_or_content, PhraseOrigin::gmail},
    {"temporary system problem"sv, BounceReason::system_error, PhraseOrigin::gmail},
    // Reputation before rate limits: Yahoo defers for "unexpected volume or user complaints".
    // MTAs' own texts (each MTA's messages, as Sisimai 5's lhost/via-*.go modules read them):
    // specific enough to come before every family.
    // Exim (its router, transport and address-parser messages).
    {"all host address lookups failed permanently"sv, BounceReason::unknown_domain, PhraseOrigin::exim},
    {"all relevant mx records point to non-existent hosts"sv, BounceReason::unknown_domain, PhraseOrigin::exim},
    {"angle-brackets nested too deep"sv, BounceReason::syntax_error, PhraseOrigin::exim},
    {"domain missing in source-routed address"sv, BounceReason::syntax_error, PhraseOrigin::exim},
    {"delivery to file forbidden"sv, BounceReason::system_error, PhraseOrigin::exim},
    {"delivery to pipe forbidden"sv, BounceReason::system_error, PhraseOrigin::exim},
    // Exim names a pipe delivery that failed "pipe to |<command>" (the text the
    // command wrote follows): the receiving system's own program failed.
    {"pipe to |"sv, BounceReason::system_error, PhraseOrigin::exim},
    {R"(too many "received" headers)"sv, BounceReason::network_error, PhraseOrigin::exim},
    // qmail-remote, and qmail-ldap's messages.
    // qmail-remote's "Connected to <ip> but my name was rejected.": the server
    // refused the client's HELO, so the sending host.
    {"but my name was rejected"sv, BounceReason::blocked, PhraseOrigin::qmail},
    {"couldn't find a mail exchanger or ip address"sv, BounceReason::no_mail_domain, PhraseOrigin::qmail},
    {"listed as a best-preference mx or a for that host"sv, BounceReason::network_error, PhraseOrigin::qmail},
    {"not enough free space"sv, BounceReason::mailbox_full, PhraseOrigin::qmail},
    {"exeeded the maximum size the user accepts"sv, BounceReason::message_too_large, PhraseOrigin::qmail},
    {"mailaddress is administrativ*"sv, BounceReason::mailbox_disabled, PhraseOrigin::qmail},
    {"automatic homedir creator crashed"sv, BounceReason::system_error, PhraseOrigin::qmail},
    {"illegal value in ldap attribute"sv, BounceReason::system_error, PhraseOrigin::qmail},
    {"ldap attribute is not given but mandatory"sv, BounceReason::system_error, PhraseOrigin::qmail},
    {"performing search on ldap server"sv, BounceReason::system_error, PhraseOrigin::qmail},
    {"too many results returned but needs to be unique"sv, BounceReason::system_error, PhraseOrigin::qmail},
    // OpenSMTPD (its mta and scheduler errors).
    {"could not retrieve credentials"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"address family mismatch on destination mx*"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"bad dns lookup error code"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"could not retrieve source address"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"no valid route to remote mx"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"no valid route to destination"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"all routes to destination blocked"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"temporary failure in mx lookup"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"destination seem to reject all mails"sv, BounceReason::no_mail_domain, PhraseOrigin::sisimai},
    // Exchange 2007 and later (enhanced status text tokens, Microsoft Learn's NDR pages) and
    // Exchange 2003 (MSEXCH:IMS codes with letters in them; the all-digit ones are left out).
    {"resolver.adr.exrecipnotfound"sv, BounceReason::unknown_recipient, PhraseOrigin::microsoft},
    {"smtpsend.dns.nonexistentdomain"sv, BounceReason::unknown_domain, PhraseOrigin::microsoft},
    {"smtpsend.dns.mxloopback"sv, BounceReason::network_error, PhraseOrigin::microsoft},
    {"resolver.adr.reciplimit"sv, BounceReason::rate_limited, PhraseOrigin::microsoft},
    {"resolver.adr.badprimary"sv, BounceReason::system_error, PhraseOrigin::microsoft},
    {"resolver.adr.invalidinsmtp"sv, BounceReason::system_error, PhraseOrigin::microsoft},
    {"resolver.adr.ambiguous"sv, BounceReason::system_error, PhraseOrigin::microsoft},
    {"resolver.rst.authrequired"sv, BounceReason::authentication, PhraseOrigin::microsoft},
    {"resolver.rst.notauthorized"sv, BounceReason::sender_rejected, PhraseOrigin::microsoft},
    {"resolver.rst.recipsizelimit"sv, BounceReason::message_too_large, PhraseOrigin::microsoft},
    {"000c05a6"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"000c0595"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"000d06b5"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"000502cc"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"000b0981"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    // Domino, Courier, Sun/Oracle Messaging Server, Lotus Notes, au (KDDI) and fml.
    {"cannot route mail to user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"several matches found in domino directory"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"no se encuentra en el directorio de domino"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"this domain's dns violates rfc 1035"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"illegal host/domain name found"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"message has exceeded maximum hop count"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"account is temporarily limited"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"remote domain doesnt exist"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"not member article from"sv, BounceReason::sender_rejected, PhraseOrigin::fml},
    // fml's loop check ("Loop Alert: Duplicated Message-ID"): a loop, as a hop count is.
    {"duplicated message-id"sv, BounceReason::network_error, PhraseOrigin::fml},
    // Gmail: the resolver failed, not the name; before "dns error".
    {"could not contact dns servers"sv, BounceReason::network_error, PhraseOrigin::gmail},
    // Sisimai 5 (why-mailboxfull.go): a mailbox with too many messages is full, before "too many messages".
    {"user has too many messages on the server"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"user complaints"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    // Rate limits.
    // Sisimai 5 (why-ratelimited.go, why-speeding.go, why-toomanyconn.go).
    {"please try again slower"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"too many smtp sessions"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"max emails per hour"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"trop de connexions"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"rate limit*"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"ratelimit"sv, BounceReason::rate_limited, PhraseOrigin::other_software},
    {"rate that prevents"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"unusual rate"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"sending rate"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"too many connections"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"too many concurrent"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"too many simultaneous"sv, BounceReason::rate_limited, PhraseOrigin::other_software},
    {"too many messages"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"too many recipients"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"too many emails"sv, BounceReason::rate_limited, PhraseOrigin::provider},
    {"too many sessions"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"too many errors"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"connection limit*"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"throttl*"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"frequency limit*"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"greylist*"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"try again later, closing connection"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"receiving mail at a rate"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"exceeded the maximum number of"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"temporarily deferred due to"sv, BounceReason::rate_limited, PhraseOrigin::sisimai},
    {"daily limit"sv, BounceReason::rate_limited, PhraseOrigin::microsoft},
    // Malware.
    // Malware found, not the word alone: antivirus footers ("checked for
    // viruses", "analizado con NOD32 antivirus") name no reason.
    {"virus detected"sv, BounceReason::virus, PhraseOrigin::sisimai},
    {"virus found"sv, BounceReason::virus, PhraseOrigin::sisimai},
    {"infected with a virus"sv, BounceReason::virus, PhraseOrigin::sisimai},
    {"contains a virus"sv, BounceReason::virus, PhraseOrigin::sisimai},
    {"prohibited virus"sv, BounceReason::virus, PhraseOrigin::sisimai},
    {"used by recent viruses"sv, BounceReason::virus, PhraseOrigin::sisimai},
    // Sisimai 5 (why-virusdetected.go): before "attachment*".
    {"potentially executable attachment"sv, BounceReason::virus, PhraseOrigin::sisimai},
    {"malware"sv, BounceReason::virus, PhraseOrigin::sisimai},
    {"infected"sv, BounceReason::virus, PhraseOrigin::sisimai},
    {"trojan"sv, BounceReason::virus, PhraseOrigin::sisimai},
    // Message format problems, before the words about spam and authentication they mention.
    // Sisimai 5 (why-contenterror.go): the message's form, refused as content.
    {"header size exceeds maximum permitted"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"improper use of 8-bit data"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"invalid mime headers"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"improperly-formatted binary content"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"unnecessary base64 encoding"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"mime complexity exceeds"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"message header size, or recipient list"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    // Sendmail's "552 5.6.0 Headers too large (<n> max)" (MaxHeadersLength),
    // a header refused for its size, as the rows above; before "too large".
    {"headers too large"sv, BounceReason::spam_or_content, PhraseOrigin::sendmail},
    // A filter's "554 5.7.x Header error" refuses what the header says, under
    // a policy status: Sisimai's suites read it as content, filtering or policy.
    {"header error"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"duplicate header"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"rfc 5322 compliant"sv, BounceReason::syntax_error, PhraseOrigin::gmail},
    {"multiple addresses in from"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    // A spam filter's verdict, before the authentication words its advice
    // lists ("failed several antispam checks ... check your SPF, HELO and
    // PTR"); DSPAM, a content filter, names itself in its refusals.
    {"antispam check*"sv, BounceReason::spam_or_content, PhraseOrigin::other_software},
    {"anti-spam check*"sv, BounceReason::spam_or_content, PhraseOrigin::other_software},
    {"dspam"sv, BounceReason::spam_or_content, PhraseOrigin::other_software},
    // Authentication of the sender.
    // Sisimai 5 (why-authfailure.go, why-securityerror.go).
    {"required authentication level"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"inspect your spf settings"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"doesn't meet the authentication requirements"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"authentication credentials invalid"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"authentication turned on in your email client"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"dmarc"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"dkim"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"spf check"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"spf fail"sv, BounceReason::authentication, PhraseOrigin::other_software},
    {"spf validation"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"sender policy framework"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"spf record*"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"spf)"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"(spf"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"spf=fail"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"spf: "sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"arc validation"sv, BounceReason::authentication, PhraseOrigin::rfc},
    {"not authenticated"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"smtp authentication"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"unauthenticated"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"authentication failed"sv, BounceReason::authentication, PhraseOrigin::postfix},
    // Sisimai 5 (why-securityerror.go); Orange's French "authentification requise / invalide".
    {"authentication failure"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"authentification requise"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"authentification invalide"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"authentication required"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"authentication is required"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    {"does not pass"sv, BounceReason::authentication, PhraseOrigin::sisimai},
    // Reverse DNS of the sending host.
    // Sisimai 5 (why-requireptr.go): before "sending ip" and "dynamic ip".
    {"forward dns entry does not point to the sending ip"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"generic dns ptr-record*"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"missing ptr"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"unresolvable relay host name"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"reverse dns"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"reverse lookup"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"reverse hostname"sv, BounceReason::reverse_dns, PhraseOrigin::postfix},
    // "bad dns ptr resource record" (Sisimai Reason/Blocked.pm).
    {"ptr resource record"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"ptr record*"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"no ptr"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"rdns"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"cannot find your hostname"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"cannot resolve your"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"no dns"sv, BounceReason::reverse_dns, PhraseOrigin::provider},
    {"ip name lookup failed"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"connecting ip"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    // The HELO or MAIL FROM domain does not resolve to the connecting
    // address ("domain [x] mismatches client ip", "service permits 2
    // unverifyable sending IPs - x is not <ip>"; Sisimai 5 why-requireptr.go pairs).
    {"mismatches client ip"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    {"unverifyable sending ips"sv, BounceReason::reverse_dns, PhraseOrigin::sisimai},
    // TLS.
    {"starttls"sv, BounceReason::tls, PhraseOrigin::sisimai},
    {"not support tls"sv, BounceReason::tls, PhraseOrigin::sisimai},
    {"tls required"sv, BounceReason::tls, PhraseOrigin::sisimai},
    {"tls is required"sv, BounceReason::tls, PhraseOrigin::sisimai},
    {"requiretls"sv, BounceReason::tls, PhraseOrigin::rfc},
    {"encryption required"sv, BounceReason::tls, PhraseOrigin::sisimai},
    {"tls negotiation"sv, BounceReason::tls, PhraseOrigin::other_software},
    {"tls handshake"sv, BounceReason::tls, PhraseOrigin::sisimai},
    {"certificate"sv, BounceReason::tls, PhraseOrigin::sisimai},
    // Relaying.
    // Sisimai 5 (why-norelaying.go).
    {"we don't handle mail for"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"requires authentication when attempting to send to a non-local"sv, BounceReason::relay_denied,
     PhraseOrigin::sisimai},
    {"not configured to relay"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"unable to relay for"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"not allowed to relay"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"insecure mail relay"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"relay access denied"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"relaying denied"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"relay denied"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"relay not permitted"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    // Sisimai 4.25 (NoRelaying.pm): "... to be used as a relay", "we do not allow relaying mail to".
    {"as a relay"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"relaying mail to"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"relaying not permitted"sv, BounceReason::relay_denied, PhraseOrigin::other_software},
    {"relaying not allowed"sv, BounceReason::relay_denied, PhraseOrigin::other_software},
    {"not permitted to relay"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"unable to relay"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"we do not relay"sv, BounceReason::relay_denied, PhraseOrigin::other_software},
    {"no relaying"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    // Zoho: the From address is not one the account may send as.
    {"relaying disallowed"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"relaying to"sv, BounceReason::relay_denied, PhraseOrigin::exim},
    {"rcpthost*"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"not a gateway"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    {"open relay"sv, BounceReason::relay_denied, PhraseOrigin::sisimai},
    // The sender, and lists that refuse a non-member (Mailman, Google Groups, fml).
    // Sisimai 5 (why-rejected.go, why-blocked.go): the sender's address or IP, before the block-list words and "bad
    // sender".
    {"sender ip address rejected"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"bad sender ip address"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"sender email address rejected"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender address has been blacklisted"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"email address has been blacklisted"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender is in my black list"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"batv"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"backscatter protection detected an invalid"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"isn't on the recipient's list of senders"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"bogus mail from"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"from: domain is invalid"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"fully qualified email address required"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"mail from not owned by user"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"returned mail not accepted here"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender not pre-approved"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender was rejected"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"emetteur invalide"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"from a different address or alias"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"domain of sender address"sv, BounceReason::sender_rejected, PhraseOrigin::postfix},
    {"sending to/from an address that has been blacklisted"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"not allowed to post"sv, BounceReason::sender_rejected, PhraseOrigin::mailman},
    {"non-member"sv, BounceReason::sender_rejected, PhraseOrigin::mailman},
    {"members-only list"sv, BounceReason::sender_rejected, PhraseOrigin::mailman},
    {"not a member of"sv, BounceReason::sender_rejected, PhraseOrigin::fml},
    {"not subscribed to this group"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"unroutable sender address"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"empty envelope senders not allowed"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender address rejected"sv, BounceReason::sender_rejected, PhraseOrigin::postfix},
    {"purported responsible address"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"permission to post"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender rejected"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"is not a registered gateway user"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    // Sisimai 5 (why-rejected.go): servers that take no bounces they cannot
    // tie to mail they sent (unsigned, or a third party's), a null sender refused.
    {"third-party dsns"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"unsigned dsn"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    // Sisimai 4.25 (Rejected.pm, PolicyViolation.pm): Amazon SES's unverified sender, Exchange's
    // sender filter, a closed list.
    {"email address is not verified"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"email address is on senderfilterconfig list"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"closed mailing list"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender denied"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender verify failed"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"invalid sender"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"unknown sender"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender domain"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"domain of sender"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"bad sender"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    {"sender is not allowed"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    // "not listed in the directory"sv names an unknown user, before "listed in"sv names a block list.
    {"not listed in"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    // Block lists and reputation, before "spam"sv (spamhaus, spamcop).
    // Sisimai 5 (why-blocked.go, why-policyviolation.go, why-filtered.go, why-spamdetected.go).
    {"blacklisted url"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"extreme bad ip profile"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"invalid ip for sending mail"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"no access from mail server"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"use the smtp server of your isp"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"the sending mta or the sender has not passed validation"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"rejecting open proxy"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"too many unwanted messages have been sent"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"zombied"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"you are sending spam"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"currently sending spam"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"looks suspiciously like spammer"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"due to organizational settings"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"using a mass mailer"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"rejected due to user rules"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"user refuses to receive this mail"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"only accepting mail from specific email addresses"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    // Sisimai 5 (why-blocked.go, why-filtered.go): a server or a recipient's
    // filter that refuses the sending host or the sender, challenge-response
    // systems included, and a greeting that refuses the connection.
    {"listed as abusive"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"submit messages to this e-mail system has been rejected"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"requires confirmation"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"confirm this mail server"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"account is protected by"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"restricted sms e-mail"sv, BounceReason::blocked, PhraseOrigin::sisimai},            // AT&T
    {"esmtp not accepting connections"sv, BounceReason::blocked, PhraseOrigin::sisimai},  // before "not accepting"
    {"spamhaus"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"spamcop"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"blocked using"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"blacklist*"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"black list"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"blocklist*"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"block list"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"dnsbl"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"rbl"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"sorbs"sv, BounceReason::blocked, PhraseOrigin::postfix},
    {"listed at"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"listed in"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"listed on"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"reputation"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"banned sending ip"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"your ip"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"sending ip"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"client host"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"helo command rejected"sv, BounceReason::blocked, PhraseOrigin::postfix},
    {"will not accept delivery"sv, BounceReason::blocked, PhraseOrigin::provider},
    {"dynamic ip*"sv, BounceReason::blocked,
     PhraseOrigin::sisimai},  // before "not accept mail": "... from dynamic IPs"
    {"residential"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    // Content.
    // Sisimai 5 (why-spamdetected.go): before the generic policy words.
    {"mail content denied"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"unacceptable content"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"bulk email"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"rejecting mail content"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"failed several antispam checks"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"rejecting banned content"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"spam*"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"unsolicited*"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"junk mail"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"bulk mail"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"phishing*"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"content reject*"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},  // also "CONTENT REJECT:<id>"
    {"message filtered"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"message content"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"content filter"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"content restriction*"sv, BounceReason::spam_or_content, PhraseOrigin::microsoft},
    {"attachment*"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"url in"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"suspicious"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"mail flood"sv, BounceReason::spam_or_content, PhraseOrigin::rfc},
    // Sisimai 5 (why-spamdetected.go): Commtouch's Recurrent Pattern Detection, a bulk-advertising rule.
    {"recurrent pattern detection"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    {"bulk.advertising"sv, BounceReason::spam_or_content, PhraseOrigin::sisimai},
    // The recipient. Exchange Online's directory-based edge blocking answers
    // "550 5.4.1 Recipient address rejected: Access denied" for a recipient
    // it does not know (Microsoft Learn, "Fix NDR error 550 5.4.1"; the same
    // line appears in public Exchange Online NDRs outside the dev set).
    // The domain, before "does not exist" (Sisimai 5, why-hostunknown.go and why-notaccept.go).
    {"domain does not exist"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"domain must exist"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"mail domain mentioned in email address is unknown"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    // CommuniGate Pro reports it for one account ("LOCAL module(account x) reports: ..."), not for the domain.
    {"mail receiving disabled"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"recipient address rejected: access denied"sv, BounceReason::unknown_recipient, PhraseOrigin::microsoft},
    // Sisimai 5 (why-userunknown.go); a full mailbox that names the recipient first.
    {"mailbox would exceed maximum allowed storage"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"address not present in directory"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"destination addresses were unknown"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"email address could not be found"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"is not an active address"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"mailbox not present"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"no account by that name"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"no mail box available for this user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"not a local address"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"recipient is not local"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"email name is not found"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"there is no one at this address"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"wrong or no longer valid"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"unknown mailbox"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"mailbox invalid"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"user missing home directory"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"validrcptto"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"unknown virtual user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"user unknown"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"can't accept user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    // Exchange's RESOLVER.ADR.RecipientNotFound, folded or spaced by a relay.
    {"resolver.adr.recipient notfound"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"badrecipientto"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},  // qmail's badrcptto patch
    // Trend Micro InterScan's refusal of a recipient (Sisimai 5, lhost/via-trendmicro.go).
    {"please check if address is correct"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"unknown user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"unknown recipient"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"recipient unknown"sv, BounceReason::unknown_recipient, PhraseOrigin::sendmail},
    {"unknown address"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"unknown local part"sv, BounceReason::unknown_recipient, PhraseOrigin::exim},
    {"unknown or illegal alias"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"no such user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    // RFC 3464's example of a local mailer's diagnostic: "X-LOCAL; 500 (err.nosuchuser)".
    {"nosuchuser"sv, BounceReason::unknown_recipient, PhraseOrigin::rfc},
    {"nonexistent user"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"non-existent user"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    // Exim 3's directors: 'unknown local-part "x" in domain "y"' (direct.c).
    {"unknown local-part"sv, BounceReason::unknown_recipient, PhraseOrigin::exim},
    // vpopmail (qmail) answers so for an address its domain does not have (its catch-all default).
    {"no longer accepts mail"sv, BounceReason::unknown_recipient, PhraseOrigin::qmail},
    {"no such mailbox"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"no such recipient"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"no such person"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"no such address"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"no mailbox"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"user not found"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"recipient not found"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"address not found"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"mailbox not found"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"account not found"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"recipnotfound"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"recipientnotfound"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"not found by smtp address lookup"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"wasn't found at"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"couldn't be found"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"does not exist"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"doesn't exist"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"does not have an account"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"doesn't have a"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"not a valid mailbox"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"not a valid user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"not a valid recipient"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"invalid mailbox"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"invalid recipient*"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"invalid address"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"invalid user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"name is not recognized"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"user not known"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"delivery userid"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    // Postfix's "Bad recipient address syntax" is a syntax error, not an unknown user.
    {"bad recipient address syntax"sv, BounceReason::syntax_error, PhraseOrigin::postfix},
    {"bad recipient"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"badrcptto"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"addressee unknown"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"address unknown"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"not our customer"sv, BounceReason::unknown_recipient, PhraseOrigin::provider},
    {"no valid recipients"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    // Exim answers RCPT for a local part no router accepts with "550 Unrouteable
    // address" (the live stage's real Exim does), though Sisimai files the words
    // under an unknown host.
    {"unrouteable address"sv, BounceReason::unknown_recipient, PhraseOrigin::exim},
    {"is not a known user"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    // The mailbox.
    // Sisimai 5 (why-suspend.go, why-mailboxfull.go, why-systemfull.go, why-hasmoved.go).
    {"disabled temporarly for exceeding receiving limits"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"is currently suspended"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"user suspended"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"account has been temporarily suspended"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"recipient suspend the service"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"user is terminated"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"archived recipient"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"destinataire archivee"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"temporary locked"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"does not have enough space"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"mail file size exceeds the maximum"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"mailbox exceeded the local limit"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"mailbox exceeds allowed size"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"no space left on device"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"not enough disk space"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"not sufficient disk space"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"insufficient disk space"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"space has been used up"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"destinataire pleine"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"mail system full"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"has been replaced by"sv, BounceReason::mailbox_moved, PhraseOrigin::sisimai},
    {"account disabled"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"mailbox disabled"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    // Sisimai 4.25 (Suspend.pm, Filtered.pm): a suspended mailbox, Yahoo's inactive one.
    {"mailbox currently suspended"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"due to extended inactivity new mail is not currently being accepted"sv, BounceReason::mailbox_disabled,
     PhraseOrigin::sisimai},
    {"is disabled"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"been disabled"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"temporarily disabled"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"mailbox suspended"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"is suspended"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"been suspended"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"deactivated*"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"inactive"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"not active"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    {"is locked"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    // Exim's "message has been frozen" is its queue, not the mailbox (the expiry family).
    {"mailbox is frozen"sv, BounceReason::mailbox_disabled, PhraseOrigin::sisimai},
    // Sisimai Reason/MailboxFull.pm lists "mailfolder is full".
    {"mailfolder is full"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"mailbox full"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"mailbox is full"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    // Postfix's local(8) and virtual(8) when an append passes the mailbox
    // size limit (EFBIG), before "too large", which speaks of the message.
    {"error writing message: file too large"sv, BounceReason::mailbox_full, PhraseOrigin::postfix},
    {"folder is full"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"mailbox has exceeded"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"full mailbox"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"over quota"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"overquota"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"quota exceeded"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"exceeded quota"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"exceeds quota"sv, BounceReason::mailbox_full, PhraseOrigin::provider},
    {"quota"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"storage allocation"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"out of storage"sv, BounceReason::mailbox_full, PhraseOrigin::gmail},
    {"not enough storage"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"storage space"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"mailbox size"sv, BounceReason::mailbox_full, PhraseOrigin::sisimai},
    {"has moved"sv, BounceReason::mailbox_moved, PhraseOrigin::sisimai},
    {"has been moved"sv, BounceReason::mailbox_moved, PhraseOrigin::sisimai},
    {"user not local"sv, BounceReason::mailbox_moved, PhraseOrigin::sisimai},
    // The message. aiosmtpd's "552 Error: Too much mail data" is its size limit.
    // Sisimai 5 (why-exceedlimit.go, why-mesgtoobig.go).
    {"message header size exceeds limit"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"taille limite du message"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"too much mail data"sv, BounceReason::message_too_large, PhraseOrigin::aiosmtpd},
    {"message file too big"sv, BounceReason::message_too_large, PhraseOrigin::postfix},
    {"exceeds fixed maximum message size"sv, BounceReason::message_too_large, PhraseOrigin::postfix},
    {"message too large"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"message is too large"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"message too big"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"line limit exceeded"sv, BounceReason::message_too_large,
     PhraseOrigin::sisimai},  // a text line over RFC 5321's 1000
    {"message is too big"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"message size"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"message length exceeds"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"size limit"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"maximum message size"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"too large"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    {"file too big"sv, BounceReason::message_too_large, PhraseOrigin::sisimai},
    // Name service failures: the lookup failed, not the name (Sendmail "Name service error").
    {"malformed or unexpected name server reply"sv, BounceReason::network_error, PhraseOrigin::sendmail},
    {"malformed name server reply"sv, BounceReason::network_error, PhraseOrigin::sendmail},
    {"host name lookup failure"sv, BounceReason::network_error, PhraseOrigin::sendmail},
    // The domain.
    {"couldn't find any host by that name"sv, BounceReason::unknown_domain, PhraseOrigin::qmail},
    {"couldn't find any host named"sv, BounceReason::unknown_domain, PhraseOrigin::qmail},
    {"host/domain does not accept mail"sv, BounceReason::no_mail_domain, PhraseOrigin::sisimai},
    // "... does not accept mail from <sender>" refuses the sender, not mail for the domain.
    {"does not accept mail from"sv, BounceReason::sender_rejected, PhraseOrigin::sisimai},
    // AOL's AIRmail notice: "... could not be delivered because they are not
    // accepting mail from <sender>:" (a recipient's block of the sender).
    {"not accepting mail from"sv, BounceReason::sender_rejected, PhraseOrigin::provider},
    {"does not accept mail"sv, BounceReason::no_mail_domain, PhraseOrigin::sisimai},
    {"no smtp service"sv, BounceReason::no_mail_domain, PhraseOrigin::sisimai},
    {"doesn't accept mail"sv, BounceReason::no_mail_domain, PhraseOrigin::sisimai},
    {"null mx"sv, BounceReason::no_mail_domain, PhraseOrigin::sisimai},
    {"not accept mail"sv, BounceReason::no_mail_domain, PhraseOrigin::sisimai},
    // The resolver's TRY_AGAIN: the lookup failed for now, the name may well exist.
    {"host not found, try again"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"unable to resolve route"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"dns records for the destination computer could not be found"sv, BounceReason::network_error,
     PhraseOrigin::microsoft},
    {"host not found"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"host unknown"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"unknown host"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"domain not found"sv, BounceReason::unknown_domain, PhraseOrigin::postfix},
    {"unknown domain"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"no such domain"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"non-existent host"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"nonexistent domain"sv, BounceReason::unknown_domain, PhraseOrigin::microsoft},
    {"name or service not known"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"host or domain name not found"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"no mx"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"mx record"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"nxdomain"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"unroutable"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"unrouteable"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"dns error"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"dns lookup failure"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    {"domain name not found"sv, BounceReason::unknown_domain, PhraseOrigin::sisimai},
    // Generic words about the recipient, after the domain's.
    {"mailbox unavailable"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"mailbox is unavailable"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"not exist"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    // Protocol and message format.
    {"syntax error"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"command unrecognized"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"unrecognized command"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"bad sequence"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"line too long"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    // Sisimai files it under policy; the sending software broke the protocol, and fixing it is the remedy.
    {"protocol violation"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"rfc 5322"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"rfc5322"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"rfc 2822"sv, BounceReason::syntax_error, PhraseOrigin::gmail},
    {"rfc2822"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"malformed"sv, BounceReason::syntax_error, PhraseOrigin::sisimai},
    {"invalid header"sv, BounceReason::syntax_error, PhraseOrigin::other_software},
    {"bare <lf>"sv, BounceReason::syntax_error, PhraseOrigin::postfix},
    {"bare linefeed*"sv, BounceReason::syntax_error, PhraseOrigin::microsoft},
    {"protocol error"sv, BounceReason::syntax_error, PhraseOrigin::sendmail},
    // The network.
    // Sisimai 5 (why-networkerror.go).
    {"host is unreachable"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"forwarding loop"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"message looping"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"connection refused"sv, BounceReason::network_error, PhraseOrigin::os_error},
    {"did not accept our requests to connect"sv, BounceReason::network_error, PhraseOrigin::gmail},
    {"connection timed out"sv, BounceReason::network_error, PhraseOrigin::os_error},
    {"timed out"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"timeout"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"network is unreachable"sv, BounceReason::network_error, PhraseOrigin::os_error},
    {"no route to host"sv, BounceReason::network_error, PhraseOrigin::os_error},
    {"host unreachable"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"connection reset"sv, BounceReason::network_error, PhraseOrigin::os_error},
    {"lost connection"sv, BounceReason::network_error, PhraseOrigin::postfix},
    {"could not connect"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"unable to connect"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"failed to connect"sv, BounceReason::network_error, PhraseOrigin::microsoft},
    {"broken pipe"sv, BounceReason::network_error, PhraseOrigin::os_error},
    {"network error"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"smtp conversation"sv, BounceReason::network_error, PhraseOrigin::gmail},
    {"connection dropped"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"not reachable"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"did not respond"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"not responding"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"smtp connection"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"name server"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"mail loop"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"routing loop"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"too many hops"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    {"loops back"sv, BounceReason::network_error, PhraseOrigin::sisimai},
    // A server that answers the connection with an error: usually a block of the sending IP.
    {"refused to talk to me"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    // The receiving system.
    // Sisimai 5 (why-systemerror.go).
    {"can't create user output file"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"queue file write error"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"remote server is misconfigured"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"system config error"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"system error"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"internal error"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"server error"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"local error"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"configuration error"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"mailer error"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    // Postfix local(8) and pipe(8) when the command fails (Sisimai 5 why-mailererror.go).
    {"died with status"sv, BounceReason::system_error, PhraseOrigin::postfix},
    {"out of memory"sv, BounceReason::system_error, PhraseOrigin::qmail},
    {"insufficient system"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"system resources"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    // qmail-remote's "System resources temporarily unavailable. (#4.3.0)"; strerror(EAGAIN) and (EIO).
    {"resources temporarily unavailable"sv, BounceReason::system_error, PhraseOrigin::qmail},
    {"resource temporarily unavailable"sv, BounceReason::system_error, PhraseOrigin::os_error},
    {"input/output error"sv, BounceReason::system_error, PhraseOrigin::os_error},
    // Sendmail's texts for its mailers' exit codes EX_IOERR and EX_CANTCREAT (sysexits.h).
    {"i/o error"sv, BounceReason::system_error, PhraseOrigin::sendmail},
    {"can't create output"sv, BounceReason::system_error, PhraseOrigin::sendmail},
    // vpopmail's vdelivermail when it cannot write the message into a Maildir.
    {"can not open new email file"sv, BounceReason::system_error, PhraseOrigin::other_software},
    {"temporary failure"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"temporary local problem"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    // Sisimai 4.25 (SystemError.pm).
    {"could not load drd for domain"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"interrupted system call"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"it encountered an error while being processed"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"loop was found in the mail exchanger"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"not accepting"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"service unavailable"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"service not available"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"currently unavailable"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    {"unable to contact"sv, BounceReason::system_error, PhraseOrigin::sisimai},
    // Gave up after retrying (the expiry family): found beside the cause,
    // never instead of it; see find_phrases.
    // Exim freezes a message it gives up on; OpenSMTPD and Exchange name the expiry.
    {"has been frozen"sv, BounceReason::expired, PhraseOrigin::exim},
    {"was frozen on arrival"sv, BounceReason::expired, PhraseOrigin::exim},
    {"envelope expired"sv, BounceReason::expired, PhraseOrigin::sisimai},
    {"queue.expired"sv, BounceReason::expired, PhraseOrigin::microsoft},
    {"delivery time expired"sv, BounceReason::expired, PhraseOrigin::sisimai},
    {"retry timeout exceeded"sv, BounceReason::expired, PhraseOrigin::exim},
    {"retry time not reached for any host after a long failure period"sv, BounceReason::expired, PhraseOrigin::exim},
    {"have been failing for a long time"sv, BounceReason::expired, PhraseOrigin::exim},
    {"message expired"sv, BounceReason::expired, PhraseOrigin::sisimai},
    // Postfix's queue manager defers a dead destination with "delivery
    // temporarily suspended: <cause>" (src/qmgr/qmgr_defer.c); in a failure
    // notice that deferral is the last one before the queue lifetime ran out.
    {"delivery temporarily suspended"sv, BounceReason::expired, PhraseOrigin::postfix},
    {"in the queue too long"sv, BounceReason::expired, PhraseOrigin::qmail},
    {"not going to try again"sv, BounceReason::expired, PhraseOrigin::qmail},
    {"could not be delivered for"sv, BounceReason::expired, PhraseOrigin::sendmail},
    {"cannot send message for"sv, BounceReason::expired, PhraseOrigin::sendmail},
    {"was not delivered within"sv, BounceReason::expired, PhraseOrigin::sisimai},
    {"could not deliver for the last"sv, BounceReason::expired, PhraseOrigin::sisimai},
    {"giving up on"sv, BounceReason::expired, PhraseOrigin::sisimai},
    {"unable to deliver message after multiple retries"sv, BounceReason::expired, PhraseOrigin::sisimai},
    {"was not reachable within the allowed queue period"sv, BounceReason::expired, PhraseOrigin::sisimai},
    {"delivery expired"sv, BounceReason::expired, PhraseOrigin::sisimai},
    // A mailstore whose box nobody reads returns mail "not collected after 30 days" (Demon; Sisimai 5 why-expired.go).
    {"has not been collected after"sv, BounceReason::expired, PhraseOrigin::sisimai},
    // Ipswitch IMail's SMTP32 service: "Delivery failed 20 attempts: <address>".
    {"delivery failed ? attempts"sv, BounceReason::expired, PhraseOrigin::other_software},
    // Gmail's failure after days of refused connections.
    {"did not accept our requests to connect"sv, BounceReason::expired, PhraseOrigin::gmail},
    // Other languages: the texts of notices in a declared charset are decoded
    // first (charset.hpp); Japanese rows come in UTF-8 and in EUC-JP, the
    // form ISO-2022-JP and Shift_JIS are brought to.
    {"\xE3\x83\x87\xE3\x82\xA3\xE3\x83\xAC\xE3\x82\xAF\xE3\x83\x88\xE3\x83\xAA\xE3\x81\xAB\xE3\x81\xAF\xE8\xA6\x8B\xE3\x81\xA4\xE3\x81\x8B\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93"sv,
     BounceReason::unknown_recipient, PhraseOrigin::sisimai},  // ディレクトリには見つかりません (utf-8)
    {"\xA5\xC7\xA5\xA3\xA5\xEC\xA5\xAF\xA5\xC8\xA5\xEA\xA4\xCB\xA4\xCF\xB8\xAB\xA4\xC4\xA4\xAB\xA4\xEA\xA4\xDE\xA4\xBB\xA4\xF3"sv,
     BounceReason::unknown_recipient, PhraseOrigin::sisimai},  // ディレクトリには見つかりません (euc-jp)
    {"\xE3\x83\x87\xE3\x82\xA3\xE3\x83\xAC\xE3\x82\xAF\xE3\x83\x88\xE3\x83\xAA\xE3\x81\xAE\xE3\x83\xAA\xE3\x82\xB9\xE3\x83\x88\xE3\x81\xAB\xE3\x81\x82\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93"sv,
     BounceReason::unknown_recipient, PhraseOrigin::sisimai},  // ディレクトリのリストにありません (utf-8)
    {"\xA5\xC7\xA5\xA3\xA5\xEC\xA5\xAF\xA5\xC8\xA5\xEA\xA4\xCE\xA5\xEA\xA5\xB9\xA5\xC8\xA4\xCB\xA4\xA2\xA4\xEA\xA4\xDE\xA4\xBB\xA4\xF3"sv,
     BounceReason::unknown_recipient, PhraseOrigin::sisimai},  // ディレクトリのリストにありません (euc-jp)
    {"\xE5\xAD\x98\xE5\x9C\xA8\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93"sv, BounceReason::unknown_recipient,
     PhraseOrigin::translation},  // 存在しません (utf-8)
    {"\xC2\xB8\xBA\xDF\xA4\xB7\xA4\xDE\xA4\xBB\xA4\xF3"sv, BounceReason::unknown_recipient,
     PhraseOrigin::translation},  // 存在しません (euc-jp)
    {"\xE5\xAE\x9B\xE5\x85\x88\xE4\xB8\x8D\xE6\x98\x8E"sv, BounceReason::unknown_recipient,
     PhraseOrigin::translation},  // 宛先不明 (utf-8)
    {"\xB0\xB8\xC0\xE8\xC9\xD4\xCC\xC0"sv, BounceReason::unknown_recipient,
     PhraseOrigin::translation},  // 宛先不明 (euc-jp)
    {"\xE3\x83\xA1\xE3\x83\xBC\xE3\x83\xAB\xE3\x83\x9C\xE3\x83\x83\xE3\x82\xAF\xE3\x82\xB9\xE3\x81\x8C\xE3\x81\x84\xE3\x81\xA3\xE3\x81\xB1\xE3\x81\x84"sv,
     BounceReason::mailbox_full, PhraseOrigin::translation},  // メールボックスがいっぱい (utf-8)
    {"\xA5\xE1\xA1\xBC\xA5\xEB\xA5\xDC\xA5\xC3\xA5\xAF\xA5\xB9\xA4\xAC\xA4\xA4\xA4\xC3\xA4\xD1\xA4\xA4"sv,
     BounceReason::mailbox_full, PhraseOrigin::translation},  // メールボックスがいっぱい (euc-jp)
    {"\xE5\xAE\xB9\xE9\x87\x8F\xE3\x82\xAA\xE3\x83\xBC\xE3\x83\x90\xE3\x83\xBC"sv, BounceReason::mailbox_full,
     PhraseOrigin::translation},  // 容量オーバー (utf-8)
    {"\xCD\xC6\xCE\xCC\xA5\xAA\xA1\xBC\xA5\xD0\xA1\xBC"sv, BounceReason::mailbox_full,
     PhraseOrigin::translation},  // 容量オーバー (euc-jp)
    {"\xE5\x8F\x97\xE4\xBF\xA1\xE6\x8B\x92\xE5\x90\xA6"sv, BounceReason::blocked,
     PhraseOrigin::translation},                                                               // 受信拒否 (utf-8)
    {"\xBC\xF5\xBF\xAE\xB5\xF1\xC8\xDD"sv, BounceReason::blocked, PhraseOrigin::translation},  // 受信拒否 (euc-jp)
    {"\xE3\x82\xB5\xE3\x82\xA4\xE3\x82\xBA\xE3\x81\x8C\xE5\xA4\xA7\xE3\x81\x8D\xE3\x81\x99\xE3\x81\x8E"sv,
     BounceReason::message_too_large, PhraseOrigin::translation},  // サイズが大きすぎ (utf-8)
    {"\xA5\xB5\xA5\xA4\xA5\xBA\xA4\xAC\xC2\xE7\xA4\xAD\xA4\xB9\xA4\xAE"sv, BounceReason::message_too_large,
     PhraseOrigin::translation},  // サイズが大きすぎ (euc-jp)
    {"non répertorié dans l'annuaire"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},  // Domino fr
    {"utilisateur inconnu"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"destinataire inconnu"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"adresse inconnue"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"boîte aux lettres pleine"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"boite aux lettres pleine"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"benutzer unbekannt"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"empfänger unbekannt"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"unbekannter empfänger"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"postfach voll"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"postfach ist voll"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"usuario desconocido"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"destinatario desconocido"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"buzón lleno"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"buzon lleno"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"usuário desconhecido"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"utilizador desconhecido"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"destinatário desconhecido"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"caixa postal cheia"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"caixa de correio cheia"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    // Sisimai 5 (why-userunknown.go): Spanish, Italian and German servers' own texts.
    {"no existe dicha persona"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"no existe ese usuario"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"nessun utente simile"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"adresse nicht gefunden"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
    {"utente sconosciuto"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"destinatario sconosciuto"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"indirizzo inesistente"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"casella piena"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"casella di posta piena"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    // Russian: lower-case rows match mid-sentence; sentence starts are written out.
    {"пользователь не найден"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"Пользователь не найден"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"неизвестный пользователь"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"Неизвестный пользователь"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"почтовый ящик переполнен"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"Почтовый ящик переполнен"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"ящик переполнен"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"нет такого пользователя"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"Нет такого пользователя"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"адрес не существует"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"домен не найден"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"сообщение слишком большое"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    {"Сообщение слишком большое"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    // The same reasons as localized NDRs (Exchange, Gmail, GMX, Orange ...) word
    // them in full sentences; the domain before the mailbox, as in English.
    {"domain existiert nicht"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"domain nicht gefunden"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"empfänger nicht gefunden"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"adresse existiert nicht"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"empfängeradresse existiert nicht"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"e-mail-adresse existiert nicht"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"postfach des empfängers ist voll"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"mailbox ist voll"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"speicherplatz überschritten"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"nachricht ist zu groß"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    {"nachricht zu groß"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    {"domaine n'existe pas"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"domaine introuvable"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"adresse introuvable"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"adresse e-mail n'existe pas"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"adresse e-mail n’existe pas"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"destinataire est pleine"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"boîte aux lettres est pleine"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"quota dépassé"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"message trop volumineux"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    {"message est trop volumineux"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    {"dominio no existe"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"dominio inexistente"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"dirección no existe"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"direccion no existe"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"buzón está lleno"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"buzon esta lleno"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"mensaje demasiado grande"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    {"domínio não existe"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"endereço não existe"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"caixa de entrada cheia"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"caixa postal está cheia"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"mensagem muito grande"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    {"dominio non esiste"sv, BounceReason::unknown_domain, PhraseOrigin::translation},
    {"indirizzo non esiste"sv, BounceReason::unknown_recipient, PhraseOrigin::translation},
    {"casella è piena"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"casella di posta è piena"sv, BounceReason::mailbox_full, PhraseOrigin::translation},
    {"messaggio troppo grande"sv, BounceReason::message_too_large, PhraseOrigin::translation},
    // Generic policy words, last.
    {"policy reasons"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"access denied"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"blocked"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"banned"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"policies"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"policy"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"prohibited"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"not allowed"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"not authorized"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"not permitted"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"refused"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    {"denied"sv, BounceReason::blocked, PhraseOrigin::sisimai},
    // Postfix's "Recipient address rejected: <why>" names only the stage: the
    // words after it name the reason when the table knows them, and an access
    // map's own words ("... rejected: Media error") are left to the codes,
    // rather than condemn the address.
    {"recipient rejected"sv, BounceReason::unknown_recipient, PhraseOrigin::sisimai},
};

// The phrases grouped by a hash of their literal start: the bytes before
// the first ' ', '*' or '?', three at most (every phrase has two at least;
// a test checks). At each word start the search hashes the text's first
// two and three bytes, lower case, and tries only the rows of those two
// buckets, about three rows a word where grouping by the classes of the
// first two characters tried ten (issue 17).
inline constexpr std::size_t phrase_prefix_length = 4;     // bytes compared before a row is tried
inline constexpr std::size_t phrase_shortest_literal = 2;  // bytes every phrase starts with
inline constexpr std::size_t phrase_hashed_length = 3;     // bytes that choose its bucket, at most
inline constexpr std::size_t phrase_bucket_bits = 10;
inline constexpr std::size_t phrase_buckets = std::size_t{1} << phrase_bucket_bits;

// Up to four bytes from text[pos], lower case, one per byte of the result
// (zero past the end): compared with a phrase's literal start before the
// phrase itself is tried, since most tries fail in the first bytes.
[[nodiscard]] constexpr std::uint32_t prefix_key(std::string_view text, std::size_t pos) noexcept {
  const auto byte = [&](std::size_t j) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(text[pos + j])) << (8 * j);
  };
  if (text.size() - pos >= phrase_prefix_length) {
    // The four bytes at once (compilers load them as one): 0x80 marks each
    // byte from 'A' to 'Z', which then gains 0x20.
    const std::uint32_t bytes = byte(0) | byte(1) | byte(2) | byte(3);
    constexpr std::uint32_t ones = 0x01010101U;
    constexpr std::uint32_t high = ones * 0x80U;
    const std::uint32_t seven = bytes & ~high;
    const std::uint32_t upper = (seven + ones * (0x80U - 'A')) & ~(seven + ones * (0x80U - 'Z' - 1)) & ~bytes & high;
    return bytes | (upper >> 2U);
  }
  std::uint32_t key = 0;
  for (std::size_t j = 0; j < phrase_prefix_length && pos + j < text.size(); ++j) {
    key |= static_cast<std::uint32_t>(static_cast<unsigned char>(to_lower(text[pos + j]))) << (8 * j);
  }
  return key;
}

// The bucket of the rows whose literal start begins with the key's first
// `length` bytes (2 or 3); the length is hashed too, so that the buckets
// of one word's two lookups differ.
[[nodiscard]] constexpr std::size_t phrase_bucket(std::uint32_t key, std::size_t length) noexcept {
  const std::uint32_t bytes = key & ((std::uint32_t{1} << (8 * length)) - 1);
  const std::uint32_t mixed = (bytes | (static_cast<std::uint32_t>(length) << 24)) * 0x9E3779B1U;  // Fibonacci hashing
  return static_cast<std::size_t>(mixed >> (32 - phrase_bucket_bits));
}

// How many bytes a phrase's literal start has, up to `limit`.
[[nodiscard]] constexpr std::size_t literal_start_length(std::string_view phrase, std::size_t limit) noexcept {
  std::size_t length = 0;
  while (length < limit && length < phrase.size() && phrase[length] != ' ' && phrase[length] != '*' &&
         phrase[length] != '?') {
    ++length;
  }
  return length;
}

struct PhraseIndex {
  static constexpr std::size_t size = sizeof(phrase_families) / sizeof(phrase_families[0]);
  std::uint16_t order[size]{};                // table indexes, by bucket, then table order
  std::uint16_t start[phrase_buckets + 1]{};  // order[start[b] .. start[b + 1]) are bucket b's
  // By position in order: the phrase's literal start (four bytes at most,
  // as prefix_key packs them), the mask of those bytes, and how many they are.
  std::uint32_t prefix[size]{};
  std::uint32_t prefix_mask[size]{};
  std::uint8_t prefix_length[size]{};
};

// A row's first `length` bytes packed as prefix_key packs the text's (the
// table is lower case already).
[[nodiscard]] constexpr std::uint32_t row_key(std::string_view phrase, std::size_t length) noexcept {
  std::uint32_t key = 0;
  for (std::size_t j = 0; j < length; ++j) {
    key |= static_cast<std::uint32_t>(static_cast<unsigned char>(phrase[j])) << (8 * j);
  }
  return key;
}

// The bucket of a row of the table.
[[nodiscard]] constexpr std::size_t phrase_bucket_of(std::string_view phrase) noexcept {
  const std::size_t length = literal_start_length(phrase, phrase_hashed_length);
  return phrase_bucket(row_key(phrase, length), length);
}

// Called only by the test that checks the generated index: the search reads
// detail/phrase_index.hpp, which tools/generate_phrase_index.py writes,
// because this function, evaluated as a constant in every translation unit,
// cost the compiler more than the whole table (issue 17). A stable counting
// sort by bucket.
[[nodiscard]] constexpr PhraseIndex make_phrase_index() noexcept {
  PhraseIndex index;
  for (const Phrase& phrase : phrase_families) ++index.start[phrase_bucket_of(phrase.text) + 1];
  for (std::size_t b = 0; b < phrase_buckets; ++b)
    index.start[b + 1] = static_cast<std::uint16_t>(index.start[b + 1] + index.start[b]);
  std::uint16_t filled[phrase_buckets]{};
  for (std::size_t i = 0; i < PhraseIndex::size; ++i) {
    const std::size_t b = phrase_bucket_of(phrase_families[i].text);
    const std::size_t k = index.start[b] + filled[b]++;
    index.order[k] = static_cast<std::uint16_t>(i);
    const std::string_view text = phrase_families[i].text;
    const std::size_t length = literal_start_length(text, phrase_prefix_length);
    index.prefix[k] = row_key(text, length);
    index.prefix_mask[k] = static_cast<std::uint32_t>((std::uint64_t{1} << (8 * length)) - 1);
    index.prefix_length[k] = static_cast<std::uint8_t>(length);
  }
  return index;
}

static_assert(sizeof(phrase_index_order) == sizeof(PhraseIndex::order) &&
                  sizeof(phrase_index_start) == sizeof(PhraseIndex::start) &&
                  sizeof(phrase_index_prefix_length) == sizeof(PhraseIndex::prefix_length),
              "the phrase table changed: run tools/generate_phrase_index.py");

inline constexpr char word_continues = '*';  // a phrase's last character: the word may go on
inline constexpr char digit_run = '?';       // any run of digits, none included

// Past the code that starts each line of a multiline reply (RFC 5321
// §4.2.1: "550-5.7.1 text" then "550 5.7.1 more text"), so that a phrase
// wrapped over two lines of one reply still matches, also where the
// reporting MTA joined the lines with a space (Postfix does).
[[nodiscard]] constexpr std::size_t skip_continuation_code(std::string_view text, std::size_t t) noexcept {
  constexpr std::size_t reply_code_length = 3;
  if (t + reply_code_length >= text.size() || !is_digit(text[t]) || !is_digit(text[t + 1]) || !is_digit(text[t + 2]) ||
      (text[t + 3] != '-' && text[t + 3] != ' ')) {
    return t;
  }
  std::size_t after = t + reply_code_length + 1;
  // An enhanced status after it: digit '.' digits '.' digits.
  std::size_t s = after;
  if (s < text.size() && is_digit(text[s]) && s + 1 < text.size() && text[s + 1] == '.') {
    s += 2;
    while (s < text.size() && is_digit(text[s])) ++s;
    if (s < text.size() && text[s] == '.') {
      ++s;
      while (s < text.size() && is_digit(text[s])) ++s;
      if (s < text.size() && is_space(text[s])) after = s;
    }
  }
  while (after < text.size() && is_space_or_tab(text[after])) ++after;
  return after;
}

// Does phrase occur at text[pos], ending at a word boundary?
[[nodiscard]] constexpr bool matches_phrase_at(std::string_view text, std::size_t pos, std::string_view phrase,
                                               std::size_t known = 0) noexcept {
  // The first `known` characters are literal and already matched (the index's prefix check).
  std::size_t t = pos + known;
  for (std::size_t k = known; k < phrase.size(); ++k) {
    const char p = phrase[k];
    if (p == word_continues && k + 1 == phrase.size()) return true;
    if (t == text.size()) {
      if (p == digit_run) continue;
      return false;
    }
    if (p == ' ') {
      // Error tokens join their words with '_' ("550 BAD_RECIPIENT").
      if (!is_word_gap(text[t])) return false;
      while (t < text.size() && is_word_gap(text[t])) ++t;
      // A phrase that goes on with digits ("rfc 822") reads them as its own.
      if (k + 1 < phrase.size() && !is_digit(phrase[k + 1]) && phrase[k + 1] != digit_run) {
        t = skip_continuation_code(text, t);
      }
      continue;
    }
    if (to_lower(text[t]) != p) {
      // Looked at only on a mismatch, which ends most attempts anyway.
      if (p != digit_run) return false;
      while (t < text.size() && is_digit(text[t])) ++t;
      continue;
    }
    ++t;
  }
  return t == text.size() || !is_alnum(phrase.back()) || !is_alnum(text[t]);
}

// May a phrase start at text[pos]: at a word start, not inside an address or URL?
[[nodiscard]] constexpr bool starts_word(std::string_view text, std::size_t pos) noexcept {
  return pos == 0 || !is_alnum(text[pos - 1]) || !is_alnum(text[pos]);
}

// Characters of the tokens that may be addresses or URLs: printable ASCII
// except white space and the brackets and quotes around them. Text in other
// scripts, written without spaces, is never part of such a token.
[[nodiscard]] constexpr bool is_token_char(char c) noexcept { return (ascii_kind(c) & AsciiKind::token) != 0; }

// The token that starts at text[pos]: where it ends, and whether it is an
// address or a URL (it holds '@' or "://", or starts with "www.").
struct Token {
  std::size_t end = 0;
  bool address_or_url = false;
  bool url = false;  // "://" or "www.", not only '@'
};

[[nodiscard]] constexpr Token scan_token(std::string_view text, std::size_t pos) noexcept {
  Token token{pos, false};
  for (; token.end < text.size(); ++token.end) {
    const unsigned char kind = ascii_kind(text[token.end]);
    if ((kind & AsciiKind::token) == 0) break;
    if ((kind & AsciiKind::address_mark) == 0) continue;
    if (text[token.end] == '@') {
      token.address_or_url = true;
    } else if (text.substr(token.end + 1, 2) == "//") {  // ':' then "//"
      token.address_or_url = token.url = true;
    }
  }
  if (to_lower(text[pos]) == 'w' && istarts_with(text.substr(pos, token.end - pos), "www.")) {
    token.address_or_url = token.url = true;
  }
  return token;
}

// Where an address token that starts at pos really ends: a domain has no
// empty label, so in Sendmail's "a@b.example...User unknown" written
// without its space the address ends at the dots, and the word after them
// is read. Only the token's last word is looked at, from the end: the
// '@' lies before it, so the address keeps at least one byte.
[[nodiscard]] constexpr std::size_t address_token_end(std::string_view text, std::size_t pos,
                                                      std::size_t end) noexcept {
  std::size_t word = end;
  while (word > pos && is_alnum(text[word - 1])) --word;
  if (word == end || word < pos + 2 || text[word - 1] != '.' || text[word - 2] != '.') return end;
  std::size_t cut = word - 2;
  while (cut > pos && text[cut - 1] == '.') --cut;
  return cut;
}

// DNS block lists whose TXT records are the URLs of their look-up pages. An
// MTA that refuses a listed client quotes that record in its reply
// (Postfix: default_rbl_reply's $rbl_reason, postconf(5); Exim:
// $dnslist_text; Sendmail: FEATURE(dnsbl)), so a reply may name the list
// only inside a URL: "553 http://www.spamhaus.org/query/bl?ip=192.0.2.1".
inline constexpr Phrase blocklist_url_hosts[] = {
    {"spamhaus.org"sv, BounceReason::blocked, PhraseOrigin::postfix},
    {"spamcop.net"sv, BounceReason::blocked, PhraseOrigin::postfix},
    {"abuseat.org"sv, BounceReason::blocked, PhraseOrigin::postfix},  // the CBL
    {"sorbs.net"sv, BounceReason::blocked, PhraseOrigin::postfix},
    {"barracudacentral.org"sv, BounceReason::blocked, PhraseOrigin::postfix},
    {"uceprotect.net"sv, BounceReason::blocked, PhraseOrigin::postfix},
    {"mailspike.net"sv, BounceReason::blocked, PhraseOrigin::postfix},
    {"spamrats.com"sv, BounceReason::blocked, PhraseOrigin::postfix},
};

// The block list whose look-up page a URL token points to, or nullptr:
// the URL's host is one of blocklist_url_hosts or a name under one.
[[nodiscard]] constexpr const Phrase* blocklist_of_url(std::string_view url) noexcept {
  const std::size_t scheme = url.find("://");
  std::string_view host = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  for (std::size_t i = 0; i < host.size(); ++i) {
    if (host[i] == '/' || host[i] == '?' || host[i] == '#' || host[i] == ':') {
      host = host.substr(0, i);
      break;
    }
  }
  for (const Phrase& list : blocklist_url_hosts) {
    if (host.size() < list.text.size()) continue;
    const std::size_t start = host.size() - list.text.size();
    if ((start == 0 || host[start - 1] == '.') && iequals(host.substr(start), list.text)) return &list;
  }
  return nullptr;
}

}  // namespace detail

// What the phrase search found: the phrase that decides the reason (the
// first of the table, user rules first) and, separately, whether the text
// says the MTA gave up (a phrase of the expiry family).
struct PhraseFinding {
  const Phrase* phrase = nullptr;  // the deciding phrase, or nullptr
  std::size_t offset = 0;          // where it starts in the text
  const Phrase* expiry = nullptr;  // an expiry-family phrase, or nullptr

  [[nodiscard]] constexpr BounceReason reason() const noexcept {
    return phrase != nullptr ? phrase->reason : BounceReason::unknown;
  }
};

namespace detail {

// The first of the caller's rules before `before` that matches at text[pos],
// else `before`.
[[nodiscard]] constexpr std::size_t first_user_rule_at(std::string_view text, std::size_t pos, PhraseRules user,
                                                       std::size_t before) noexcept {
  for (std::size_t i = 0; i < before; ++i) {
    if (!user.rules[i].text.empty() && matches_phrase_at(text, pos, user.rules[i].text)) return i;
  }
  return before;
}

// What find_phrases has found so far.
struct PhraseSearch {
  PhraseFinding found;
  std::size_t best = PhraseIndex::size;        // the row of found.phrase when it is the library's
  std::size_t best_user = 0;                   // the rule of found.phrase when it is the user's, else user.count
  std::size_t expiry_row = PhraseIndex::size;  // the row of found.expiry
};

// Tries the library's rows of one bucket at text[pos]: those earlier in the
// table than the best so far, and the expiry rows while no earlier place
// had one (the first row of the first place is kept).
constexpr void try_bucket(PhraseSearch& search, std::string_view text, std::size_t pos, std::uint32_t key,
                          std::size_t bucket, bool user_found, bool expiry_open) noexcept {
  for (std::size_t k = phrase_index_start[bucket]; k < phrase_index_start[bucket + 1]; ++k) {
    if ((key & phrase_index_prefix_mask[k]) != phrase_index_prefix[k]) continue;
    const std::size_t i = phrase_index_order[k];
    const Phrase& phrase = phrase_families[i];
    const bool expiry = phrase.reason == BounceReason::expired;
    if (expiry ? !expiry_open || i >= search.expiry_row : user_found || i >= search.best) continue;
    if (!matches_phrase_at(text, pos, phrase.text, phrase_index_prefix_length[k])) continue;
    if (expiry) {
      search.found.expiry = &phrase;
      search.expiry_row = i;
    } else {
      search.best = i;
      search.found.phrase = &phrase;
      search.found.offset = pos;
    }
  }
}

}  // namespace detail

// One pass over the text. At each word start (outside addresses and URLs)
// the user's rules are tried, then the library's phrases of the two
// buckets of the word's first bytes that come earlier in the table than the
// best so far. When no phrase decides, the first URL of a DNS block list's
// look-up page does (detail::blocklist_url_hosts). Work is linear in the
// text (each token is measured once).
[[nodiscard]] constexpr PhraseFinding find_phrases(std::string_view text, PhraseRules user = {}) noexcept {
  detail::PhraseSearch search;
  search.best_user = user.count;
  detail::Token token;
  bool skip_token = false;
  const Phrase* blocklist = nullptr;
  std::size_t blocklist_offset = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (detail::is_space(text[pos])) continue;
    if (!detail::is_token_char(text[pos])) {
      skip_token = false;
    } else if (pos >= token.end) {
      token = detail::scan_token(text, pos);
      if (token.address_or_url && !token.url) token.end = detail::address_token_end(text, pos, token.end);
      skip_token = token.address_or_url;
      // A block list decides only when no phrase does: once one is found, URLs are not read.
      if (token.url && blocklist == nullptr && search.found.phrase == nullptr) {
        blocklist = detail::blocklist_of_url(text.substr(pos, token.end - pos));
        blocklist_offset = pos;
      }
    }
    if (skip_token) {
      pos = token.end - 1;  // the rest of an address or URL starts nothing
      continue;
    }
    if (!detail::starts_word(text, pos)) continue;
    const std::size_t user_rule = detail::first_user_rule_at(text, pos, user, search.best_user);
    if (user_rule < search.best_user) {
      search.best_user = user_rule;
      search.found.phrase = &user.rules[user_rule];
      search.found.offset = pos;
    }
    const std::uint32_t key = detail::prefix_key(text, pos);
    const bool user_found = search.best_user < user.count;
    const bool expiry_open = search.found.expiry == nullptr;
    for (std::size_t length = detail::phrase_shortest_literal; length <= detail::phrase_hashed_length; ++length) {
      detail::try_bucket(search, text, pos, key, detail::phrase_bucket(key, length), user_found, expiry_open);
    }
    // The rest of a word starts nothing: skip to its last character.
    if (detail::is_alnum(text[pos])) {
      while (pos + 1 < text.size() && detail::is_alnum(text[pos + 1])) ++pos;
    }
  }
  if (search.found.phrase == nullptr && blocklist != nullptr) {
    search.found.phrase = blocklist;
    search.found.offset = blocklist_offset;
  }
  return search.found;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_PHRASES_HPP
