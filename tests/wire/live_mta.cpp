// Replies from real MTAs, parsed and checked: greeting, EHLO, unknown
// recipient, relay denied, bad sequence, syntax errors, a message too large,
// and pipelined commands. tools/test.d/50-live-mta.sh starts Postfix, Exim
// and OpenSMTPD on 127.0.0.1 (in a network namespace with only loopback) and
// runs this once per server, with SMTPCODES_LIVE_MTA_PORT set and the test
// suite of that server selected (-ts=postfix, -ts=exim, -ts=opensmtpd). The expectations match
// the configurations in tools/live-mta/. Without the variable every case
// fails: a live test must never pass without a server.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/wire/ehlo.hpp>
#include <smtpcodes/wire/reply_stream.hpp>

using smtpcodes::Extension;
using smtpcodes::ReplyDiagnostic;

namespace {

// What a reply should be: code, enhanced code ("" for none), line count,
// and the message of the last line (the text after the enhanced code).
struct Expected {
  unsigned code;
  std::string_view enhanced;
  std::size_t lines;
  std::string_view message;
  bool message_is_prefix = false;
  std::initializer_list<ReplyDiagnostic> diagnostics = {};
};

// A parsed reply, copied out of the stream so that it outlives the buffer.
struct Received {
  std::string raw;
  bool ok = false;
  smtpcodes::Reply reply;  // views into raw after rebind()

  void rebind() {
    const auto parsed = smtpcodes::parse_whole_reply(raw);
    ok = parsed.has_value();
    if (ok) reply = *parsed;
  }
};

class Session {
 public:
  Session() {
    const char* port = std::getenv("SMTPCODES_LIVE_MTA_PORT");
    REQUIRE_MESSAGE(port != nullptr, "SMTPCODES_LIVE_MTA_PORT is not set: no MTA to test against");
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(std::atoi(port)));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{};
    timeout.tv_sec = 20;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    REQUIRE(::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() { ::close(fd_); }

  void send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      REQUIRE(sent > 0);
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
  }

  // The next reply, read in small pieces so that real replies arrive split.
  Received receive() {
    for (;;) {
      const smtpcodes::ReplyStreamStatus status = stream_.next();
      if (status == smtpcodes::ReplyStreamStatus::reply) {
        Received received;
        received.raw = std::string(stream_.reply().raw());
        CHECK(stream_.reply().complete());
        received.rebind();
        CHECK(received.ok);
        return received;
      }
      REQUIRE_MESSAGE(status == smtpcodes::ReplyStreamStatus::need_more_data, "stream status ",
                      static_cast<int>(status), " error ", name(stream_.error().kind));
      char chunk[7];
      const ssize_t count = ::recv(fd_, chunk, sizeof chunk, 0);
      REQUIRE_MESSAGE(count > 0, "the server closed the connection or timed out");
      std::string_view rest(chunk, static_cast<std::size_t>(count));
      while (!rest.empty()) rest.remove_prefix(stream_.feed(rest));
    }
  }

  // True when the server has closed the connection, with nothing unread.
  bool closed() {
    char byte = 0;
    return ::recv(fd_, &byte, 1, 0) == 0;
  }

  Received command(std::string_view line) {
    send(std::string(line) + "\r\n");
    return receive();
  }

 private:
  int fd_ = -1;
  smtpcodes::StaticReplyStream<8192> stream_;
};

void check(const Received& received, const Expected& expected) {
  CAPTURE(received.raw);
  REQUIRE(received.ok);
  const smtpcodes::Reply& reply = received.reply;
  CHECK(reply.code().value() == expected.code);
  if (expected.enhanced.empty()) {
    CHECK_FALSE(reply.has_enhanced_status());
  } else {
    CHECK(reply.enhanced_status_source() == smtpcodes::EnhancedStatusSource::given);
    CHECK(smtpcodes::to_string(reply.enhanced_status()).view() == expected.enhanced);
  }
  CHECK(reply.line_count() == expected.lines);
  const std::string_view message = reply.line(reply.line_count() - 1).message;
  if (expected.message_is_prefix) {
    CHECK(message.substr(0, expected.message.size()) == expected.message);
  } else {
    CHECK(message == expected.message);
  }
  smtpcodes::ReplyDiagnostics diagnostics;
  for (ReplyDiagnostic d : expected.diagnostics) diagnostics.add(d);
  CHECK(reply.diagnostics().bits() == diagnostics.bits());
}

}  // namespace

TEST_SUITE_BEGIN("postfix");

namespace {

constexpr std::string_view domain = "mx.smtpcodes.test";

// Greeting and EHLO, which every session starts with.
void open(Session& session) {
  check(session.receive(), {220, "", 1, "mx.smtpcodes.test ESMTP smtpcodes live test"});
  const Received ehlo = session.command("EHLO client.smtpcodes.test");
  check(ehlo, {250, "", 8, "CHUNKING"});
}

}  // namespace

TEST_CASE("postfix: greeting and a multi-line EHLO reply") {
  Session session;
  check(session.receive(), {220, "", 1, "mx.smtpcodes.test ESMTP smtpcodes live test"});
  const Received received = session.command("EHLO client.smtpcodes.test");
  check(received, {250, "", 8, "CHUNKING"});
  const auto ehlo = smtpcodes::parse_ehlo(received.reply).value();
  CHECK(ehlo.domain() == domain);
  CHECK(ehlo.size() == 7);
  CHECK(ehlo.size_limit() == 2000);
  for (Extension e : {Extension::pipelining, Extension::size, Extension::enhanced_status_codes,
                      Extension::eight_bit_mime, Extension::dsn, Extension::smtputf8, Extension::chunking}) {
    CHECK(ehlo.has(e));
  }
  CHECK_FALSE(ehlo.has(Extension::starttls));
  CHECK(ehlo.find("VRFY") == nullptr);  // discarded by the configuration
  check(session.command("QUIT"), {221, "2.0.0", 1, "Bye"});
}

TEST_CASE("postfix: unknown recipient and relay denied") {
  Session session;
  open(session);
  check(session.command("MAIL FROM:<>"), {250, "2.1.0", 1, "Ok"});
  check(session.command("RCPT TO:<nobody-here@mx.smtpcodes.test>"),
        {550, "5.1.1", 1,
         "<nobody-here@mx.smtpcodes.test>: Recipient address rejected: User unknown in local recipient table"});
  check(session.command("RCPT TO:<someone@elsewhere.test>"),
        {554, "5.7.1", 1, "<someone@elsewhere.test>: Relay access denied"});
  check(session.command("RCPT TO:<root@mx.smtpcodes.test>"), {250, "2.1.5", 1, "Ok"});
  check(session.command("QUIT"), {221, "2.0.0", 1, "Bye"});
}

TEST_CASE("postfix: bad sequence of commands and syntax errors") {
  Session session;
  open(session);
  check(session.command("RCPT TO:<root@mx.smtpcodes.test>"), {503, "5.5.1", 1, "Error: need MAIL command"});
  check(session.command("DATA"), {503, "5.5.1", 1, "Error: need RCPT command"});
  check(session.command("FROBNICATE"), {500, "5.5.2", 1, "Error: command not recognized"});
  check(session.command("MAIL FROM:<unterminated"), {501, "5.1.7", 1, "Bad sender address syntax"});
  check(session.command("MAIL"), {501, "5.5.4", 1, "Syntax: MAIL FROM:<address>"});
  check(session.command("QUIT"), {221, "2.0.0", 1, "Bye"});
}

TEST_CASE("postfix: messages too large for SIZE 2000: announced, and sent") {
  {
    Session announced;
    open(announced);
    check(announced.command("MAIL FROM:<> SIZE=100000"), {552, "5.3.4", 1, "Message size exceeds fixed limit"});
    check(announced.command("QUIT"), {221, "2.0.0", 1, "Bye"});
  }
  Session session;
  open(session);
  check(session.command("MAIL FROM:<>"), {250, "2.1.0", 1, "Ok"});
  check(session.command("RCPT TO:<root@mx.smtpcodes.test>"), {250, "2.1.5", 1, "Ok"});
  check(session.command("DATA"), {354, "", 1, "End data with <CR><LF>.<CR><LF>"});
  std::string message = "Subject: too large\r\n\r\n";
  for (int i = 0; i < 60; ++i) message += "0123456789012345678901234567890123456789012345678901234567890123456789\r\n";
  session.send(message + ".\r\n");
  check(session.receive(), {552, "5.3.4", 1, "Error: message file too big"});
  check(session.command("QUIT"), {221, "2.0.0", 1, "Bye"});
}

TEST_CASE("postfix: pipelined commands (RFC 2920): the replies come out one by one, in order") {
  Session session;
  open(session);
  session.send(
      "MAIL FROM:<sender@client.smtpcodes.test>\r\n"
      "RCPT TO:<root@mx.smtpcodes.test>\r\n"
      "RCPT TO:<nobody-here@mx.smtpcodes.test>\r\n"
      "RCPT TO:<postmaster@elsewhere.test>\r\n"
      "DATA\r\n");
  check(session.receive(), {250, "2.1.0", 1, "Ok"});
  check(session.receive(), {250, "2.1.5", 1, "Ok"});
  check(session.receive(), {550, "5.1.1", 1,
                            "<nobody-here@mx.smtpcodes.test>: Recipient address rejected: User unknown in local "
                            "recipient table"});
  check(session.receive(), {554, "5.7.1", 1, "<postmaster@elsewhere.test>: Relay access denied"});
  check(session.receive(), {354, "", 1, "End data with <CR><LF>.<CR><LF>"});
  session.send("Subject: pipelined\r\n\r\nHello.\r\n.\r\nQUIT\r\n");
  check(session.receive(), {250, "2.0.0", 1, "Ok: queued as ", true});
  check(session.receive(), {221, "2.0.0", 1, "Bye"});
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("exim");

namespace {

// Exim sends no enhanced status codes (it does not offer ENHANCEDSTATUSCODES).
constexpr Expected exim_greeting{220, "", 1, "mx2.smtpcodes.test ESMTP smtpcodes live test (Exim)"};
constexpr Expected exim_ehlo{250, "", 9, "HELP"};

void open_exim(Session& session) {
  check(session.receive(), exim_greeting);
  check(session.command("EHLO client.smtpcodes.test"), exim_ehlo);
}

}  // namespace

TEST_CASE("exim: greeting and a multi-line EHLO reply") {
  Session session;
  check(session.receive(), exim_greeting);
  const Received received = session.command("EHLO client.smtpcodes.test");
  check(received, exim_ehlo);
  CHECK(received.reply.line(0).text == "mx2.smtpcodes.test Hello client.smtpcodes.test [127.0.0.1]");
  const auto ehlo = smtpcodes::parse_ehlo(received.reply).value();
  CHECK(ehlo.domain() == "mx2.smtpcodes.test");
  CHECK(ehlo.greeting() == "Hello client.smtpcodes.test [127.0.0.1]");
  CHECK(ehlo.size() == 8);
  CHECK(ehlo.size_limit() == 2000);
  for (Extension e : {Extension::size, Extension::eight_bit_mime, Extension::pipelining, Extension::chunking,
                      Extension::starttls, Extension::smtputf8}) {
    CHECK(ehlo.has(e));
  }
  CHECK_FALSE(ehlo.has(Extension::enhanced_status_codes));
  REQUIRE(ehlo.find("PIPECONNECT") != nullptr);
  CHECK(ehlo.find("PIPECONNECT")->extension == Extension::unknown);
  CHECK(session.command("QUIT").reply.code().value() == 221);
}

TEST_CASE("exim: unknown recipient, relay denied, and the multi-line 503 after them") {
  Session session;
  open_exim(session);
  check(session.command("MAIL FROM:<>"), {250, "", 1, "OK"});
  check(session.command("RCPT TO:<nobody-here@mx2.smtpcodes.test>"), {550, "", 1, "Unrouteable address"});
  const Received refused = session.command("DATA");
  check(refused, {503, "", 3, "Valid RCPT command must precede DATA"});
  CHECK(refused.reply.line(0).text == "All RCPT commands were rejected with this error:");
  CHECK(refused.reply.line(1).text == "Unrouteable address");
  check(session.command("RSET"), {250, "", 1, "Reset OK"});
  check(session.command("MAIL FROM:<>"), {250, "", 1, "OK"});
  check(session.command("RCPT TO:<someone@elsewhere.test>"), {550, "", 1, "relay not permitted"});
  check(session.command("QUIT"), {221, "", 1, "mx2.smtpcodes.test closing connection"});
}

TEST_CASE("exim: bad sequence (with its 503-503 reply) and syntax errors") {
  Session session;
  open_exim(session);
  check(session.command("RCPT TO:<root@mx2.smtpcodes.test>"), {503, "", 1, "sender not yet given"});
  // Exim quotes the earlier reply, code and all, inside the text.
  const Received quoted = session.command("DATA");
  check(quoted, {503, "", 3, "valid RCPT command must precede DATA", false, {ReplyDiagnostic::reply_code_in_text}});
  CHECK(quoted.reply.line(1).text == "503 sender not yet given");
  check(session.command("FROBNICATE"), {500, "", 1, "unrecognized command"});
  check(session.command("MAIL FROM:<unterminated"),
        {501, "", 1, R"(<unterminated: "@" or "." expected after "unterminated")"});
  check(session.command("QUIT"), {221, "", 1, "mx2.smtpcodes.test closing connection"});
}

TEST_CASE("exim: messages too large for SIZE 2000: announced, and sent") {
  Session session;
  open_exim(session);
  check(session.command("MAIL FROM:<> SIZE=100000"), {552, "", 1, "Message size exceeds maximum permitted"});
  check(session.command("MAIL FROM:<>"), {250, "", 1, "OK"});
  check(session.command("RCPT TO:<root@mx2.smtpcodes.test>"), {250, "", 1, "Accepted"});
  check(session.command("DATA"), {354, "", 1, "Enter message, ending with \".\" on a line by itself"});
  std::string message = "Subject: too large\r\n\r\n";
  for (int i = 0; i < 60; ++i) message += "0123456789012345678901234567890123456789012345678901234567890123456789\r\n";
  session.send(message + ".\r\n");
  check(session.receive(), {552, "", 1, "Message size exceeds maximum permitted"});
  check(session.command("QUIT"), {221, "", 1, "mx2.smtpcodes.test closing connection"});
}

TEST_CASE("exim: pipelined commands (RFC 2920): the replies come out one by one, in order") {
  Session session;
  open_exim(session);
  session.send(
      "MAIL FROM:<sender@client.smtpcodes.test>\r\n"
      "RCPT TO:<root@mx2.smtpcodes.test>\r\n"
      "RCPT TO:<nobody-here@mx2.smtpcodes.test>\r\n"
      "RCPT TO:<postmaster@elsewhere.test>\r\n"
      "DATA\r\n");
  check(session.receive(), {250, "", 1, "OK"});
  check(session.receive(), {250, "", 1, "Accepted"});
  check(session.receive(), {550, "", 1, "Unrouteable address"});
  check(session.receive(), {550, "", 1, "relay not permitted"});
  check(session.receive(), {354, "", 1, "Enter message, ending with \".\" on a line by itself"});
  session.send("Subject: pipelined\r\n\r\nHello.\r\n.\r\nQUIT\r\n");
  check(session.receive(), {250, "", 1, "OK id=", true});
  check(session.receive(), {221, "", 1, "mx2.smtpcodes.test closing connection"});
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("opensmtpd");

namespace {

constexpr Expected opensmtpd_greeting{220, "", 1, "mx3.smtpcodes.test ESMTP OpenSMTPD"};
constexpr Expected opensmtpd_ehlo{250, "", 6, "HELP"};
constexpr Expected opensmtpd_bye{221, "2.0.0", 1, "Bye"};
constexpr Expected opensmtpd_ok{250, "2.0.0", 1, "Ok"};
constexpr Expected opensmtpd_recipient_ok{250, "2.1.5", 1, "Destination address valid: Recipient ok"};
constexpr Expected opensmtpd_data{354, "", 1, "Enter mail, end with \".\" on a line by itself"};

void open_opensmtpd(Session& session) {
  check(session.receive(), opensmtpd_greeting);
  check(session.command("EHLO client.smtpcodes.test"), opensmtpd_ehlo);
}

// The tail of a message of 100 lines, 7 kB: over SIZE 5000.
std::string too_large_message() {
  std::string message = "Subject: too large\r\n\r\n";
  for (int i = 0; i < 100; ++i) message += "0123456789012345678901234567890123456789012345678901234567890123456789\r\n";
  return message + ".\r\n";
}

}  // namespace

TEST_CASE("opensmtpd: greeting, a multi-line EHLO reply, and HELP with an enhanced code on every line") {
  Session session;
  check(session.receive(), opensmtpd_greeting);
  const Received received = session.command("EHLO client.smtpcodes.test");
  check(received, opensmtpd_ehlo);
  CHECK(received.reply.line(0).text ==
        "mx3.smtpcodes.test Hello client.smtpcodes.test [127.0.0.1], pleased to meet you");
  const auto ehlo = smtpcodes::parse_ehlo(received.reply).value();
  CHECK(ehlo.domain() == "mx3.smtpcodes.test");
  CHECK(ehlo.greeting() == "Hello client.smtpcodes.test [127.0.0.1], pleased to meet you");
  CHECK(ehlo.size() == 5);
  CHECK(ehlo.size_limit() == 5000);
  for (Extension e : {Extension::eight_bit_mime, Extension::enhanced_status_codes, Extension::size, Extension::dsn}) {
    CHECK(ehlo.has(e));
  }
  // OpenSMTPD 6.8 offers neither PIPELINING nor (without a certificate) STARTTLS.
  for (Extension e : {Extension::pipelining, Extension::starttls, Extension::chunking, Extension::smtputf8}) {
    CHECK_FALSE(ehlo.has(e));
  }
  REQUIRE(ehlo.find("HELP") != nullptr);
  CHECK(ehlo.find("HELP")->extension == Extension::unknown);
  const Received help = session.command("HELP");
  check(help, {214, "2.0.0", 4, "End of HELP info"});
  CHECK(help.reply.line(0).message == "This is OpenSMTPD");
  check(session.command("QUIT"), opensmtpd_bye);
}

TEST_CASE("opensmtpd: unknown recipient and relay denied, both without an enhanced code") {
  Session session;
  open_opensmtpd(session);
  check(session.command("MAIL FROM:<>"), opensmtpd_ok);
  // ENHANCEDSTATUSCODES is offered, yet these two replies carry none.
  check(session.command("RCPT TO:<nobody-here@mx3.smtpcodes.test>"),
        {550, "", 1, "Invalid recipient: <nobody-here@mx3.smtpcodes.test>"});
  check(session.command("RCPT TO:<someone@elsewhere.test>"),
        {550, "", 1, "Invalid recipient: <someone@elsewhere.test>"});
  check(session.command("RCPT TO:<root@mx3.smtpcodes.test>"), opensmtpd_recipient_ok);
  check(session.command("DATA"), opensmtpd_data);
  session.send("Subject: accepted\r\n\r\nHello.\r\n.\r\n");
  const Received accepted = session.receive();
  check(accepted, {250, "2.0.0", 1, "", true});  // "<queue id> Message accepted for delivery"
  const std::string_view tail = " Message accepted for delivery";
  const std::string_view message = accepted.reply.line(0).message;
  CHECK((message.size() > tail.size() && message.substr(message.size() - tail.size()) == tail));
  check(session.command("QUIT"), opensmtpd_bye);
}

TEST_CASE("opensmtpd: bad sequence of commands and syntax errors") {
  Session session;
  open_opensmtpd(session);
  constexpr Expected not_now{503, "5.5.1", 1, "Invalid command: Command not allowed at this point."};
  constexpr Expected unrecognized{500, "5.5.1", 1, "Invalid command: Command unrecognized"};
  check(session.command("RCPT TO:<root@mx3.smtpcodes.test>"), not_now);
  check(session.command("DATA"), not_now);
  check(session.command("FROBNICATE"), unrecognized);
  check(session.command("MAIL FROM:<unterminated"), {553, "5.1.0", 1, "Sender address syntax error"});
  check(session.command("MAIL"), unrecognized);  // no arguments: not taken for MAIL at all
  check(session.command("VRFY root"), unrecognized);
  check(session.command("QUIT"), opensmtpd_bye);
}

TEST_CASE("opensmtpd: messages too large for SIZE 5000: announced (and accepted), and sent") {
  Session session;
  open_opensmtpd(session);
  // OpenSMTPD 6.8 takes the SIZE parameter without comparing it with its
  // limit, and refuses the message after DATA, with 554 (RFC 1870 says 552).
  check(session.command("MAIL FROM:<> SIZE=100000"), opensmtpd_ok);
  check(session.command("RCPT TO:<root@mx3.smtpcodes.test>"), opensmtpd_recipient_ok);
  check(session.command("DATA"), opensmtpd_data);
  session.send(too_large_message());
  check(session.receive(), {554, "5.3.4", 1, "Message too big for system: Transaction failed, message too big"});
  check(session.command("RSET"), {250, "2.0.0", 1, "Reset state"});
  check(session.command("QUIT"), opensmtpd_bye);
}

TEST_CASE("opensmtpd: pipelined commands, which it does not offer: one refusal, then the connection closes") {
  Session session;
  open_opensmtpd(session);
  session.send(
      "MAIL FROM:<sender@client.smtpcodes.test>\r\n"
      "RCPT TO:<root@mx3.smtpcodes.test>\r\n"
      "RCPT TO:<nobody-here@mx3.smtpcodes.test>\r\n"
      "DATA\r\n");
  check(session.receive(), {500, "5.5.1", 1, "Invalid command: Pipelining not supported"});
  CHECK(session.closed());
}

TEST_SUITE_END();
