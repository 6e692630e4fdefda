// Deterministic benchmark inputs: reply lines in the styles of Postfix, Exim,
// Gmail, Microsoft 365 and Yahoo, with about one in ten damaged the way real
// logs and bounce texts are damaged. The generator is our own (splitmix64)
// rather than <random>'s distributions, whose output differs between
// standard libraries: every compiler sees the same bytes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness.hpp"

namespace smtpcodes_bench {
namespace {

constexpr std::size_t input_count = 16384;  // well past what a branch predictor can learn
constexpr std::uint64_t seed = 0x5e7c0de5;

class Random {
 public:
  explicit Random(std::uint64_t state) : state_(state) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }
  bool one_in(std::size_t n) { return below(n) == 0; }

 private:
  std::uint64_t state_;
};

// {u} user, {d} domain, {i} IPv4 address, {h} host name, {q} queue id.
constexpr std::string_view templates[] = {
    // Postfix
    "220 {h} ESMTP Postfix (Debian/GNU)",
    "250-{h}",
    "250-PIPELINING",
    "250-SIZE 10240000",
    "250-ETRN",
    "250-STARTTLS",
    "250-ENHANCEDSTATUSCODES",
    "250-8BITMIME",
    "250 DSN",
    "250 2.1.0 Ok",
    "250 2.1.5 Ok",
    "354 End data with <CR><LF>.<CR><LF>",
    "250 2.0.0 Ok: queued as {q}",
    "221 2.0.0 Bye",
    "550 5.1.1 <{u}@{d}>: Recipient address rejected: User unknown in virtual mailbox table",
    "450 4.7.1 Client host rejected: cannot find your hostname, [{i}]",
    "554 5.7.1 <{u}@{d}>: Relay access denied",
    "450 4.2.0 <{u}@{d}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/{d}.html",
    "552 5.3.4 Message size exceeds fixed limit",
    // Exim
    "220 {h} ESMTP Exim 4.96 Mon, 23 Nov 2026 12:05:11 +0000",
    "250-{h} Hello {h} [{i}]",
    "250-SIZE 52428800",
    "250 HELP",
    "550-Verification failed for <{u}@{d}>",
    "550-Called:   {i}",
    "550 Sender verify failed",
    "451 Temporary local problem - please try later",
    "550 Unrouteable address",
    "250 OK id={q}",
    // Gmail
    "220 mx.google.com ESMTP {q} - gsmtp",
    "250-mx.google.com at your service, [{i}]",
    "250 SMTPUTF8",
    "250 2.0.0 OK  1732363511 {q} - gsmtp",
    "550-5.1.1 The email account that you tried to reach does not exist. Please try",
    "550-5.1.1 double-checking the recipient's email address for typos or",
    "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser {q} - gsmtp",
    "421-4.7.28 [{i}] Our system has detected an unusual rate of",
    "421 4.7.28 unsolicited mail originating from your IP address. {q} - gsmtp",
    "550-5.7.26 This mail has been blocked because the sender is unauthenticated.",
    "452-4.2.2 The email account that you tried to reach is over quota. Please direct",
    // Microsoft 365
    "220 {h}.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Mon, 23 Nov 2026 12:05:11 +0000",
    "250-{h}.mail.protection.outlook.com Hello [{i}]",
    "250-SIZE 157286400",
    "250 CHUNKING",
    "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [{h}.prod.protection.outlook.com]",
    "550 5.7.606 Access denied, banned sending IP [{i}]. To request removal from this list please visit https://sender.office.com/",
    "452 4.5.3 Too many recipients ({q}) [{h}.prod.protection.outlook.com]",
    "451 4.7.500 Server busy. Please try again later from [{i}]. (S77714) [{h}.prod.protection.outlook.com]",
    "250 2.6.0 <{q}@{h}> [InternalId={q}, Hostname={h}] Queued mail for delivery",
    // Yahoo
    "220 mta.{d} ESMTP ready",
    "421 4.7.0 [TSS04] Messages from {i} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    "553 5.7.2 [TSS09] All messages from {i} will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes",
    "554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes",
    "552 1 Requested mail action aborted, mailbox not found",
    "250 recipient <{u}@{d}> ok",
};

// Whole replies, lines separated by '\n' here and by CRLF in the inputs.
constexpr std::string_view reply_templates[] = {
    // Postfix, Exim, Gmail and Microsoft 365 EHLO replies
    "250-{h}\n250-PIPELINING\n250-SIZE 10240000\n250-VRFY\n250-ETRN\n250-STARTTLS\n250-ENHANCEDSTATUSCODES\n"
    "250-8BITMIME\n250-DSN\n250 CHUNKING",
    "250-{h} Hello {h} [{i}]\n250-SIZE 52428800\n250-8BITMIME\n250-PIPELINING\n250-PIPE_CONNECT\n250-STARTTLS\n"
    "250 HELP",
    "250-mx.google.com at your service, [{i}]\n250-SIZE 157286400\n250-8BITMIME\n250-STARTTLS\n"
    "250-ENHANCEDSTATUSCODES\n250-PIPELINING\n250-CHUNKING\n250 SMTPUTF8",
    "250-{h}.mail.protection.outlook.com Hello [{i}]\n250-SIZE 157286400\n250-PIPELINING\n250-DSN\n"
    "250-ENHANCEDSTATUSCODES\n250-STARTTLS\n250-8BITMIME\n250-BINARYMIME\n250-CHUNKING\n250 SMTPUTF8",
    // greetings and the mail transaction
    "220 {h} ESMTP Postfix (Debian/GNU)",
    "220 mx.google.com ESMTP {q} - gsmtp",
    "220 {h} ESMTP Exim 4.96 Mon, 23 Nov 2026 12:05:11 +0000",
    "250 2.1.0 Ok",
    "250 2.1.5 Ok",
    "354 End data with <CR><LF>.<CR><LF>",
    "250 2.0.0 Ok: queued as {q}",
    "250 2.0.0 OK  1732363511 {q} - gsmtp",
    "221 2.0.0 Bye",
    // rejections and deferrals
    "550 5.1.1 <{u}@{d}>: Recipient address rejected: User unknown in virtual mailbox table",
    "450 4.7.1 Client host rejected: cannot find your hostname, [{i}]",
    "554 5.7.1 <{u}@{d}>: Relay access denied",
    "550-Verification failed for <{u}@{d}>\n550-Called:   {i}\n550-Sent:     RCPT TO:<{u}@{d}>\n"
    "550-Response: 550 5.1.1 User unknown\n550 Sender verify failed",
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
    "550-5.1.1 double-checking the recipient's email address for typos or\n"
    "550-5.1.1 unnecessary spaces. For more information, go to\n"
    "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser {q} - gsmtp",
    "421-4.7.28 [{i}] Our system has detected an unusual rate of\n"
    "421-4.7.28 unsolicited mail originating from your IP address. To protect our\n"
    "421 4.7.28 users from spam, mail sent from your IP address has been rate limited. {q} - gsmtp",
    "550 5.7.606 Access denied, banned sending IP [{i}]. To request removal from this list please visit "
    "https://sender.office.com/ and follow the directions.",
    "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [{h}.prod.protection.outlook.com]",
    "451 4.7.500 Server busy. Please try again later from [{i}]. (S77714) [{h}.prod.protection.outlook.com]",
    "421 4.7.0 [TSS04] Messages from {i} temporarily deferred due to unexpected volume or user complaints - "
    "4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    "554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes",
};

// Indexes into reply_templates: the EHLO replies, and the rejections.
constexpr std::size_t ehlo_templates = 4;
constexpr std::size_t first_rejection = 13;

constexpr std::string_view users[] = {"john.smith", "info", "a.b-c", "postmaster", "x9823"};
constexpr std::string_view domains[] = {"example.com", "mail.example.org", "yahoo.com", "example.co.uk"};
constexpr std::string_view hosts[] = {"mx1.example.com", "AM6PR04MB5432", "smtp-out.example.net", "mta7"};

std::string number(Random& random, std::size_t bound) { return std::to_string(random.below(bound)); }

std::string fill(std::string_view text, Random& random) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}') {
      switch (text[i + 1]) {
        case 'u': out += users[random.below(std::size(users))]; break;
        case 'd': out += domains[random.below(std::size(domains))]; break;
        case 'h': out += hosts[random.below(std::size(hosts))]; break;
        case 'i':
          out += number(random, 223) + '.' + number(random, 256) + '.' + number(random, 256) + '.' +
                 number(random, 256);
          break;
        case 'q':
          for (int k = 0; k < 10; ++k) out += "0123456789ABCDEF"[random.below(16)];
          break;
      }
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The damage seen in practice: cut lines, codes with the wrong length or
// digits, a log prefix, other separators, CRLF, blank lines.
std::string damage_reply(std::string line, Random& random) {
  switch (random.below(10)) {
    case 0: return line.substr(0, random.below(3));                 // "", "5", "55"
    case 1: return line.insert(1, 1, '5');                          // "5550 ..."
    case 2: line[0] = "0169"[random.below(4)]; return line;         // first digit out of range
    case 3: line[1] = "6789"[random.below(4)]; return line;         // second digit out of range
    case 4: line[3] = ":\t/."[random.below(4)]; return line;        // other separators
    case 5: return "SMTP error from remote mail server: " + line;   // a log line
    case 6: return " " + line;                                      // leading space
    case 7: line[2] = 'x'; return line;                             // a letter in the code
    case 8: return line.substr(0, 3) + "\r";                        // bare CR
    default: return line.substr(0, 3) + "5.7.1";                    // missing space
  }
}

// The enhanced status code of a reply line, if it has one after the code.
std::string status_of(const std::string& line) {
  if (line.size() < 5) return {};
  std::size_t start = 4;
  while (start < line.size() && line[start] == ' ') ++start;
  std::size_t end = start;
  while (end < line.size() && line[end] != ' ') ++end;
  const std::string token = line.substr(start, end - start);
  const bool looks_like_status = token.size() >= 5 && token[1] == '.' && token.find('.', 2) != std::string::npos;
  return looks_like_status ? token : std::string{};
}

std::string damage_status(std::string status, Random& random) {
  switch (random.below(10)) {
    case 0: return status.substr(0, random.below(status.size()));   // cut
    case 1: return status.insert(2, 1, '0');                        // "5.01.1"
    case 2: status[0] = "0136"[random.below(4)]; return status;     // bad class
    case 3: return status + '.';                                    // trailing dot
    case 4: return status.insert(2, "99");                          // "5.991.1": too many digits
    case 5: status[1] = ','; return status;                         // wrong separator
    case 6: return status + ';';                                    // punctuation from prose
    case 7: return "#" + status;                                    // "#5.1.1"
    case 8: return status.insert(status.rfind('.') + 1, "00");      // leading zeros in detail
    default: return status.substr(0, status.rfind('.') + 1);        // "5.1."
  }
}

// A whole reply with CRLF line endings; about one in ten damaged the way
// broken servers and proxies damage replies.
std::string make_reply(std::string_view pattern, Random& random) {
  std::string lines = fill(pattern, random);
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = lines.find('\n', start);
    parts.push_back(lines.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::size_t bare_line_feed = parts.size();  // none
  if (random.one_in(10)) {
    const std::size_t index = random.below(parts.size());
    std::string& line = parts[index];
    switch (random.below(6)) {
      case 0: line = damage_reply(line, random); break;         // a broken code on one line
      case 1: line[2] = line[2] == '9' ? '0' : '9'; break;      // codes that differ between lines
      case 2: bare_line_feed = index; break;                    // LF without CR
      case 3: parts.back()[3] = '-'; break;                     // the last line says more follows
      case 4: parts[0][3] = ' '; break;                         // a reply ends early, data follows
      default: line += ' ' + std::string(600, 'x'); break;      // a line longer than 512 octets
    }
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += parts[i] + (i == bare_line_feed ? "\n" : "\r\n");
  return out;
}

// Keeps the texts alive in one buffer, each followed by NUL so that sscanf
// can read them, and hands out views into it.
std::vector<std::string_view> pack(const std::vector<std::string>& texts) {
  static std::vector<std::string> storage;  // one string per array, never resized again
  std::string buffer;
  for (const std::string& text : texts) {
    buffer += text;
    buffer += '\0';
  }
  storage.push_back(std::move(buffer));
  const std::string& packed = storage.back();
  std::vector<std::string_view> views;
  std::size_t offset = 0;
  for (const std::string& text : texts) {
    views.emplace_back(packed.data() + offset, text.size());
    offset += text.size() + 1;
  }
  return views;
}

// A session's worth of replies, about 16 KiB, as a client reads them.
std::string make_stream(Random& random, bool ehlo_heavy) {
  std::string stream;
  while (stream.size() < 16384) {
    const std::size_t pick = ehlo_heavy ? (random.one_in(2) ? random.below(ehlo_templates)
                                                            : random.below(std::size(reply_templates)))
                                        : (random.one_in(4) ? random.below(std::size(reply_templates))
                                                            : first_rejection + random.below(std::size(reply_templates) -
                                                                                            first_rejection));
    stream += make_reply(reply_templates[pick], random);
  }
  return stream;
}

// How bounce messages and logs quote a server's reply.
constexpr std::string_view diagnostic_prefixes[] = {
    "host {h}[{i}] said: ",                            // Postfix bounce
    "smtp; ",                                          // RFC 3464 Diagnostic-Code
    "SMTP error from remote mail server after RCPT TO:<{u}@{d}>: ",  // Exim
    "Remote Server returned '",                        // Exchange
    "The recipient server did not accept our requests to connect. ",  // Gmail
    "",
};
constexpr std::string_view diagnostic_suffixes[] = {
    " (in reply to RCPT TO command)", "", "'", " (in reply to end of DATA command)", "",
};

// Whole diagnostic texts in the shapes MTAs write them (Postfix, Exim,
// Exchange, qmail), and texts full of IP addresses, ports, dates and
// version numbers that hold no code.
constexpr std::string_view diagnostic_text_templates[] = {
    // Postfix
    "<{u}@{d}>: host {h}[{i}] said: 550 5.1.1 <{u}@{d}>: Recipient address rejected: User unknown in virtual "
    "mailbox table (in reply to RCPT TO command)",
    "host {h}[{i}] said: 552 5.2.2 <{u}@{d}>: Mailbox full (in reply to end of DATA command)",
    "host {h}[{i}] said: 450 4.7.1 Client host rejected: cannot find your hostname, [{i}] (in reply to RCPT TO "
    "command)",
    "host {h}[{i}] said: 550-5.7.1 [{i} 19] Our system has detected that this message is likely unsolicited mail. "
    "(in reply to end of DATA command)",
    // Exim
    "SMTP error from remote mail server after RCPT TO:<{u}@{d}>: 550 Unrouteable address",
    "SMTP error from remote mail server after RCPT TO:<{u}@{d}>: host {h} [{i}]: 550 5.1.1 <{u}@{d}>: User unknown",
    "SMTP error from remote mail server after end of data: 552 Message size exceeds maximum permitted",
    // Exchange
    "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
    "Remote Server returned '554 5.4.14 Hop count exceeded - possible mail loop ATTR34 [{h}]'",
    "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##",
    // qmail
    "Sorry, no mailbox here by that name. (#5.1.1)",
    "{i} does not like recipient. Remote host said: 553 sorry, that domain isn't in my list of allowed rcpthosts "
    "(#5.7.1) Giving up on {i}.",
    "Sorry, I couldn't find any host named {d}. (#5.1.2)",
    // No code: addresses, ports, dates, versions, queue ids.
    "connect to {h}[{i}]:25: Connection timed out",
    "delivery temporarily suspended: connect to {h}[{i}]:25: Connection refused",
    "Connection to {i}:465 lost after 30 seconds on Mon, 23 Nov 2026 12:05:11 +0000",
    "retry timeout exceeded; last attempt at 2026-11-23 12:05:50 by Exim 4.96 (queue id {q})",
    "from {h} ([{i}]) by {h} with ESMTPS id {q} (version=TLS1.3); Mon, 23 Nov 2026 11:29:37 +0000",
    "agent v2.5.1.0 on {h} port 587 refused the connection after 4.2 seconds",
    "Received: by {h} (Postfix 3.7.11) with ESMTP id {q}; Mon, 23 Nov 2026 11:29:37 +0000",
    "scanned by MailScanner 4.85.2 on {i} in 250 ms",
};

// Whole bounce messages: the notices of Postfix, Exim, qmail, Sendmail,
// Exchange Online and Gmail, a delay warning, a feedback report and an
// automatic reply, each followed by the returned message (Received fields,
// a folded DKIM signature, prose of 4 to 60 lines). {B} is the message's
// MIME boundary, {O} the returned message, {E} the base64 of the
// delivery-status fields that follow it.
constexpr std::string_view bounce_templates[] = {
    // Postfix
    "Return-Path: <>\nReceived: by {h} (Postfix) id {q}; Mon, 23 Nov 2026 11:29:37 +0000 (UTC)\n"
    "Date: Mon, 23 Nov 2026 11:29:37 +0000 (UTC)\nFrom: MAILER-DAEMON@{d} (Mail Delivery System)\n"
    "Subject: Undelivered Mail Returned to Sender\nTo: {u}@{d}\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{B}\"\n"
    "Content-Transfer-Encoding: 8bit\nMessage-Id: <{q}@{h}>\n\nThis is a MIME-encapsulated message.\n\n--{B}\n"
    "Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
    "This is the mail system at host {h}.\n\nI'm sorry to have to inform you that your message could not\n"
    "be delivered to one or more recipients. It's attached below.\n\nFor further assistance, please send mail "
    "to postmaster.\n\n                   The mail system\n\n<{u}@{d}>: host {h}[{i}] said: 550 5.1.1 <{u}@{d}>:\n"
    "    Recipient address rejected: User unknown in virtual mailbox table (in reply\n    to RCPT TO command)\n\n"
    "--{B}\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; {h}\nX-Postfix-Queue-ID: {q}\nX-Postfix-Sender: rfc822; {u}@{d}\n"
    "Arrival-Date: Mon, 23 Nov 2026 11:29:35 +0000 (UTC)\n\nFinal-Recipient: rfc822; {u}@{d}\n"
    "Original-Recipient: rfc822;{u}@{d}\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; {h}\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <{u}@{d}>: Recipient address rejected: User\n    unknown in virtual mailbox "
    "table\n\n--{B}\nContent-Description: Undelivered Message\nContent-Type: message/rfc822\n"
    "Content-Transfer-Encoding: 8bit\n\n{O}\n--{B}--\n",
    // Postfix delay warning
    "Return-Path: <>\nFrom: MAILER-DAEMON@{d} (Mail Delivery System)\nSubject: Delayed Mail (still being retried)\n"
    "To: {u}@{d}\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"{B}\"\n\n--{B}\n"
    "Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
    "This is the mail system at host {h}.\n\n####################################################################\n"
    "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
    "####################################################################\n\nYour message could not be delivered "
    "for more than 4 hour(s).\nIt will be retried until it is 5 day(s) old.\n\n<{u}@{d}>: connect to {h}[{i}]:25: "
    "Connection timed out\n\n--{B}\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; {h}\n\nFinal-Recipient: rfc822; {u}@{d}\nAction: delayed\nStatus: 4.4.1\n"
    "Diagnostic-Code: X-Postfix; connect to {h}[{i}]:25: Connection timed out\n"
    "Will-Retry-Until: Sat, 28 Nov 2026 11:29:35 +0000 (UTC)\n\n--{B}\nContent-Description: Undelivered Message "
    "Headers\nContent-Type: text/rfc822-headers\n\n{O}\n--{B}--\n",
    // Exim
    "Return-path: <>\nEnvelope-to: {u}@{d}\nReceived: from mail by {h} with local (Exim 4.96)\n\tid {q}\n"
    "\tfor {u}@{d}; Mon, 23 Nov 2026 11:29:37 +0000\nX-Failed-Recipients: {u}@{d}\nAuto-Submitted: auto-replied\n"
    "From: Mail Delivery System <Mailer-Daemon@{h}>\nTo: {u}@{d}\nContent-Type: text/plain; charset=us-ascii\n"
    "Subject: Mail delivery failed: returning message to sender\nMessage-Id: <E{q}@{h}>\n"
    "Date: Mon, 23 Nov 2026 11:29:37 +0000\n\nThis message was created automatically by mail delivery software.\n\n"
    "A message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. "
    "The following address(es) failed:\n\n  {u}@{d}\n    host {h} [{i}]\n    SMTP error from remote mail server "
    "after RCPT TO:<{u}@{d}>:\n    550 5.2.1 The email account that you tried to reach is disabled.\n\n"
    "------ This is a copy of the message, including all the headers. ------\n\n{O}\n",
    // qmail
    "Return-Path: <>\nReceived: (qmail 26120 invoked for bounce); 23 Nov 2026 11:29:37 -0000\n"
    "Date: 23 Nov 2026 11:29:37 -0000\nFrom: MAILER-DAEMON@{h}\nTo: {u}@{d}\nSubject: failure notice\n\n"
    "Hi. This is the qmail-send program at {h}.\nI'm afraid I wasn't able to deliver your message to the following "
    "addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<{u}@{d}>:\n"
    "{i} does not like recipient.\nRemote host said: 552 5.2.2 <{u}@{d}>: Mailbox full\nGiving up on {i}.\n\n"
    "--- Below this line is a copy of the message.\n\n{O}\n",
    // Sendmail, the delivery-status part in base64
    "Return-Path: <MAILER-DAEMON@{h}>\nDate: Mon, 23 Nov 2026 11:29:37 +0100\nFrom: Mail Delivery Subsystem "
    "<MAILER-DAEMON@{h}>\nMessage-Id: <{q}@{h}>\nTo: <{u}@{d}>\nMIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{B}\"\n"
    "Subject: Returned mail: see transcript for details\nAuto-Submitted: auto-generated (failure)\n\n"
    "This is a MIME-encapsulated message\n\n--{B}\n\nThe original message was received at Mon, 23 Nov 2026 "
    "11:29:30 +0100\nfrom {h} [{i}]\n\n   ----- The following addresses had permanent fatal errors -----\n"
    "<{u}@{d}>\n    (reason: 550 5.7.1 <{u}@{d}>... Relaying denied)\n\n   ----- Transcript of session follows "
    "-----\n... while talking to {h}.:\n>>> RCPT To:<{u}@{d}>\n<<< 550 5.7.1 <{u}@{d}>... Relaying denied\n"
    "550 5.1.1 <{u}@{d}>... User unknown\n\n--{B}\nContent-Type: message/delivery-status\n"
    "Content-Transfer-Encoding: base64\n\n{E}\n--{B}\nContent-Type: message/rfc822\n\n{O}\n--{B}--\n"
    "Reporting-MTA: dns; {h}\nArrival-Date: Mon, 23 Nov 2026 11:29:30 +0100\n\nFinal-Recipient: RFC822; {u}@{d}\n"
    "Action: failed\nStatus: 5.7.1\nRemote-MTA: DNS; {h}\nDiagnostic-Code: SMTP; 550 5.7.1 <{u}@{d}>... Relaying "
    "denied\nLast-Attempt-Date: Mon, 23 Nov 2026 11:29:37 +0100\n",
    // Exchange Online: plain and HTML alternatives, the plain one in quoted-printable
    "From: Microsoft Outlook <postmaster@{d}>\nTo: <{u}@{d}>\nDate: Mon, 23 Nov 2026 11:29:37 +0000\n"
    "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{B}\"\nX-MS-Exchange-Message-Is-Ndr:\n"
    "Content-Language: en-US\nMessage-ID: <{q}@{h}>\nSubject: Undeliverable: quarterly report\n"
    "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n\n--{B}\nContent-Type: multipart/alternative; "
    "differences=Content-Type;\n\tboundary=\"alt-{B}\"\n\n--alt-{B}\nContent-Type: text/plain; charset=\"us-ascii\"\n"
    "Content-Transfer-Encoding: quoted-printable\n\nYour message to {u}@{d} couldn't be delivered.\n{u} wasn't "
    "found at {d}.\n\nAction Required                                                         Recipient\n"
    "Unknown To address\n\nHow to Fix It\nThe address may be misspelled or may not exist. Try one or more of the =\n"
    "following:\n\nDiagnostic information for administrators:\n\nGenerating server: {h}\n\n{u}@{d}\n"
    "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient {u}@{d} not found =\nby SMTP "
    "address lookup'\n\n--alt-{B}\nContent-Type: text/html; charset=\"us-ascii\"\n\n<html><head></head><body>"
    "<p>Your message to {u}@{d} couldn't be delivered.</p><p>{u} wasn't found at {d}.</p></body></html>\n\n"
    "--alt-{B}--\n\n--{B}\nContent-Type: message/delivery-status\n\nReporting-MTA: dns;{h}\n"
    "Received-From-MTA: dns;{h}\nArrival-Date: Mon, 23 Nov 2026 11:29:35 +0000\n\nFinal-Recipient: rfc822;{u}@{d}\n"
    "Action: failed\nStatus: 5.1.10\nDiagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient "
    "not found by SMTP address lookup\n\n--{B}\nContent-Type: message/rfc822\n\n{O}\n--{B}--\n",
    // Gmail
    "Return-Path: <>\nReceived: by 2002:a05:6a10:{q} with SMTP id {q}; Mon, 23 Nov 2026 03:29:37 -0800 (PST)\n"
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nTo: {u}@{d}\nAuto-Submitted: auto-replied\n"
    "Subject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\n"
    "Content-Type: multipart/report; boundary=\"{B}\"; report-type=delivery-status\n\n--{B}\n"
    "Content-Type: multipart/related; boundary=\"rel-{B}\"\n\n--rel-{B}\nContent-Type: multipart/alternative; "
    "boundary=\"alt-{B}\"\n\n--alt-{B}\nContent-Type: text/plain; charset=\"UTF-8\"\n\n** Address not found **\n\n"
    "Your message wasn't delivered to {u}@{d} because the address couldn't be found, or is unable to receive "
    "mail.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does "
    "not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. {q} - "
    "gsmtp\n\n--alt-{B}\nContent-Type: text/html; charset=\"UTF-8\"\n\n<html><body><h2>Address not found</h2>"
    "</body></html>\n\n--alt-{B}--\n\n--rel-{B}--\n\n--{B}\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; googlemail.com\nArrival-Date: Mon, 23 Nov 2026 03:29:35 -0800 (PST)\n\n"
    "Final-Recipient: rfc822; {u}@{d}\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; {h}. ({i}, the server for "
    "the domain {d}.)\nDiagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not "
    "exist. {q} - gsmtp\nLast-Attempt-Date: Mon, 23 Nov 2026 03:29:37 -0800 (PST)\n\n--{B}\n"
    "Content-Type: message/rfc822\n\n{O}\n--{B}--\n",
    // A feedback report (RFC 5965)
    "From: <staff@{d}>\nDate: Mon, 23 Nov 2026 11:29:37 +0000\nSubject: FW: Earn money\nTo: <abuse@{d}>\n"
    "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=feedback-report;\n\tboundary=\"{B}\"\n\n--{B}\n"
    "Content-Type: text/plain; charset=\"US-ASCII\"\nContent-Transfer-Encoding: 7bit\n\nThis is an email abuse "
    "report for an email message received from IP\n{i} on Mon, 23 Nov 2026 11:29:30 +0000.\n\n--{B}\n"
    "Content-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: SomeGenerator/1.0\nVersion: 1\n"
    "Original-Mail-From: <{u}@{d}>\nOriginal-Rcpt-To: <{u}@{d}>\nArrival-Date: Mon, 23 Nov 2026 11:29:30 +0000\n"
    "Source-IP: {i}\nReported-Domain: {d}\n\n--{B}\nContent-Type: message/rfc822\nContent-Disposition: inline\n\n"
    "{O}\n--{B}--\n",
    // An automatic reply (RFC 3834)
    "From: {u} <{u}@{d}>\nTo: {u}@{d}\nSubject: Automatic reply: quarterly report\nAuto-Submitted: auto-replied\n"
    "X-Autoreply: yes\nDate: Mon, 23 Nov 2026 11:29:37 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
    "I am out of the office until 30 November with limited access to email.\nFor urgent matters please contact "
    "{u}@{d}.\n",
};

constexpr std::string_view prose_lines[] = {
    "Thanks for the notes from Tuesday; the figures for the third quarter are in the attached sheet.",
    "Could you check the numbers in section 4 before we send the report to the board on Friday?",
    "The meeting moved to room 2.14 at 15:30, and the dial-in number is the same as last week.",
    "",
    "Best regards,",
    "-- ",
    "Sent from a phone; please excuse the brevity and any typos in this message.",
    "> On Mon, 16 Nov 2026 at 09:12, someone wrote:",
    "> Please find the invoice 2026-1183 for 1,250.00 EUR attached, due within 30 days.",
    "Unsubscribe: https://lists.example.com/unsubscribe?id=8a7f3c2e9b1d and manage your preferences there.",
};

std::string base64(std::string_view data) {
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < data.size(); i += 3) {
    std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(data[i])) << 16;
    if (i + 1 < data.size()) group |= static_cast<std::uint32_t>(static_cast<unsigned char>(data[i + 1])) << 8;
    if (i + 2 < data.size()) group |= static_cast<unsigned char>(data[i + 2]);
    out += alphabet[(group >> 18) & 63];
    out += alphabet[(group >> 12) & 63];
    out += i + 1 < data.size() ? alphabet[(group >> 6) & 63] : '=';
    out += i + 2 < data.size() ? alphabet[group & 63] : '=';
    if (out.size() % 77 == 76) out += '\n';
  }
  return out;
}

void replace_all(std::string& text, std::string_view placeholder, std::string_view value) {
  for (std::size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
}

// The message a bounce returns: the hops it took, a folded signature, prose.
std::string returned_message(Random& random) {
  std::string message;
  const std::size_t hops = 2 + random.below(5);
  for (std::size_t i = 0; i < hops; ++i) {
    message +=
        "Received: from {h} ({h} [{i}])\n\tby {h} (Postfix) with ESMTPS id {q}\n\tfor <{u}@{d}>; "
        "Mon, 23 Nov 2026 11:29:3" +
        number(random, 10) + " +0000 (UTC)\n";
  }
  message +=
      "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={d}; s=s1;\n\th=from:to:subject:date:"
      "message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\n\tb=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVy"
      "ZSBidXQgaXQgaXMgYXMgbG9uZyBhcyBvbmU=\nFrom: {u} <{u}@{d}>\nTo: {u}@{d}\nSubject: quarterly report\n"
      "Date: Mon, 23 Nov 2026 11:29:30 +0000\nMessage-ID: <{q}.{q}@{h}>\nMIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=us-ascii\n\n";
  const std::size_t lines = 4 + random.below(57);
  for (std::size_t i = 0; i < lines; ++i) {
    message += prose_lines[random.below(std::size(prose_lines))];
    message += '\n';
  }
  return message;
}

// One bounce message, about one in ten damaged the way mail stores damage
// them (cut short, a closing boundary lost), a quarter with CRLF.
std::string make_bounce(Random& random) {
  std::string message(bounce_templates[random.below(std::size(bounce_templates))]);
  std::string boundary;
  for (int k = 0; k < 12; ++k) boundary += "0123456789ABCDEF"[random.below(16)];
  replace_all(message, "{B}", boundary);
  replace_all(message, "{O}", returned_message(random));
  message = fill(message, random);
  const std::size_t encoded = message.find("{E}");
  if (encoded != std::string::npos) {
    // The fields after the closing boundary go, in base64, where {E} stands.
    const std::size_t closing = message.rfind("--\n");
    const std::string fields = message.substr(closing + 3);
    message.erase(closing + 3);
    message.replace(encoded, 3, base64(fields));
  }
  if (random.one_in(10)) {
    if (random.one_in(2)) {
      message.resize(message.size() / 2 + random.below(message.size() / 2));
    } else {
      const std::size_t closing = message.rfind("--\n");
      if (closing != std::string::npos && closing > 0) message.erase(message.rfind('\n', closing - 1) + 1);
    }
  }
  if (random.one_in(4)) replace_all(message, "\n", "\r\n");
  return message;
}
}  // namespace

// Diagnostic lines as bounces and logs carry them: a prefix, a reply line
// (one in ten damaged, see damage_reply), sometimes a suffix.
const std::vector<std::string_view>& diagnostic_lines() {
  static const std::vector<std::string_view> lines = [] {
    Random random(seed + 5);
    std::vector<std::string> texts;
    while (texts.size() < input_count) {
      std::string line = fill(templates[random.below(std::size(templates))], random);
      if (random.one_in(10)) line = damage_reply(std::move(line), random);
      texts.push_back(fill(diagnostic_prefixes[random.below(std::size(diagnostic_prefixes))], random) + line +
                      std::string(diagnostic_suffixes[random.below(std::size(diagnostic_suffixes))]));
    }
    return pack(texts);
  }();
  return lines;
}

const std::vector<std::string_view>& diagnostic_texts() {
  static const std::vector<std::string_view> texts = [] {
    Random random(seed + 6);
    std::vector<std::string> filled;
    while (filled.size() < input_count) {
      filled.push_back(fill(diagnostic_text_templates[random.below(std::size(diagnostic_text_templates))], random));
    }
    return pack(filled);
  }();
  return texts;
}

const std::vector<std::string_view>& whole_replies() {
  static const std::vector<std::string_view> replies = [] {
    Random random(seed + 2);
    std::vector<std::string> texts;
    while (texts.size() < input_count / 4) {
      texts.push_back(make_reply(reply_templates[random.below(std::size(reply_templates))], random));
    }
    return pack(texts);
  }();
  return replies;
}

const std::vector<std::string_view>& ehlo_heavy_streams() {
  static const std::vector<std::string_view> streams = [] {
    Random random(seed + 3);
    std::vector<std::string> texts;
    while (texts.size() < 64) texts.push_back(make_stream(random, true));
    return pack(texts);
  }();
  return streams;
}

const std::vector<std::string_view>& bounce_heavy_streams() {
  static const std::vector<std::string_view> streams = [] {
    Random random(seed + 4);
    std::vector<std::string> texts;
    while (texts.size() < 64) texts.push_back(make_stream(random, false));
    return pack(texts);
  }();
  return streams;
}

const std::vector<std::string_view>& reply_lines() {
  static const std::vector<std::string_view> lines = [] {
    Random random(seed);
    std::vector<std::string> texts;
    while (texts.size() < input_count) {
      std::string line = fill(templates[random.below(std::size(templates))], random);
      if (random.one_in(4)) line += "\r\n";  // some callers keep the line ending
      if (random.one_in(10)) line = damage_reply(std::move(line), random);
      texts.push_back(std::move(line));
    }
    return pack(texts);
  }();
  return lines;
}

const std::vector<std::string_view>& one_line_replies() {
  static const std::vector<std::string_view> replies = [] {
    std::vector<std::string> texts;
    for (const std::string_view line : reply_lines()) {
      std::string text(line);
      if (text.empty() || text.back() != '\n') text += "\r\n";
      texts.push_back(std::move(text));
    }
    return pack(texts);
  }();
  return replies;
}

const std::vector<std::string_view>& enhanced_status_texts() {
  static const std::vector<std::string_view> statuses = [] {
    Random random(seed + 1);
    std::vector<std::string> texts;
    while (texts.size() < input_count) {
      std::string status = status_of(fill(templates[random.below(std::size(templates))], random));
      if (status.empty()) continue;
      if (random.one_in(10)) status = damage_status(std::move(status), random);
      texts.push_back(std::move(status));
    }
    return pack(texts);
  }();
  return statuses;
}

const std::vector<smtpcodes::ReplyCode>& reply_codes() {
  static const std::vector<smtpcodes::ReplyCode> codes = [] {
    std::vector<smtpcodes::ReplyCode> out;
    for (std::string_view line : reply_lines()) {
      if (auto code = smtpcodes::parse_reply(line, smtpcodes::ParseMode::lenient)) out.push_back(*code);
    }
    return out;
  }();
  return codes;
}

const std::vector<smtpcodes::EnhancedStatus>& enhanced_statuses() {
  static const std::vector<smtpcodes::EnhancedStatus> statuses = [] {
    std::vector<smtpcodes::EnhancedStatus> out;
    for (std::string_view text : enhanced_status_texts()) {
      if (auto status = smtpcodes::parse_enhanced_status(text, smtpcodes::ParseMode::lenient)) {
        out.push_back(*status);
      }
    }
    return out;
  }();
  return statuses;
}

// Whole bounce messages (make_bounce), 512 of them, about 6 KB each.
const std::vector<std::string_view>& bounce_messages() {
  static const std::vector<std::string_view> messages = [] {
    Random random(seed + 5);
    std::vector<std::string> texts;
    while (texts.size() < 512) texts.push_back(make_bounce(random));
    return pack(texts);
  }();
  return messages;
}

}  // namespace smtpcodes_bench
