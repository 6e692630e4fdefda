// smtpcodes probe: a short SMTP session with a server, printing each reply
// as parsed, for diagnosing a server by hand. POSIX sockets only.
#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <smtpcodes/wire/ehlo.hpp>
#include <smtpcodes/wire/reply_stream.hpp>

#include "commands.hpp"
#include "reply_output.hpp"

namespace smtpcodes_cli {
namespace {

class Connection {
 public:
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  explicit Connection(int fd) : fd_(fd) {}
  ~Connection() {
    if (fd_ >= 0) ::close(fd_);
  }

  static int open(const char* host, const char* port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int error = ::getaddrinfo(host, port, &hints, &found); error != 0) {
      std::fprintf(stderr, "smtpcodes probe: %s:%s: %s\n", host, port, ::gai_strerror(error));
      return -1;
    }
    int fd = -1;
    for (addrinfo* at = found; at != nullptr && fd < 0; at = at->ai_next) {
      fd = ::socket(at->ai_family, at->ai_socktype, at->ai_protocol);
      if (fd < 0) continue;
      if (::connect(fd, at->ai_addr, at->ai_addrlen) != 0) {
        ::close(fd);
        fd = -1;
      }
    }
    ::freeaddrinfo(found);
    if (fd < 0) {
      std::fprintf(stderr, "smtpcodes probe: cannot connect to %s:%s: %s\n", host, port, std::strerror(errno));
      return -1;
    }
    timeval timeout{};
    timeout.tv_sec = 30;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    return fd;
  }

  bool send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) {
        std::fprintf(stderr, "smtpcodes probe: send: %s\n", std::strerror(errno));
        return false;
      }
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // Reads until the stream has a reply or an error; false on EOF or a timeout.
  bool receive(smtpcodes::ReplyStream& stream, bool json) {
    for (;;) {
      switch (stream.next()) {
        case smtpcodes::ReplyStreamStatus::reply: print_reply(stream.reply(), json, json ? "" : "S: "); return true;
        case smtpcodes::ReplyStreamStatus::error:
          print_reply_error(stream.error(), json, json ? "" : "S: ");
          saw_reply_error_ = true;
          return true;
        case smtpcodes::ReplyStreamStatus::end_of_stream:
          std::fprintf(stderr, "smtpcodes probe: the server closed the connection\n");
          return false;
        case smtpcodes::ReplyStreamStatus::need_more_data: break;
      }
      char chunk[4096];
      const ssize_t count = ::recv(fd_, chunk, sizeof chunk, 0);
      if (count < 0) {
        std::fprintf(stderr, "smtpcodes probe: receive: %s\n", std::strerror(errno));
        return false;
      }
      if (count == 0) {
        stream.finish();
        continue;
      }
      std::string_view rest(chunk, static_cast<std::size_t>(count));
      while (!rest.empty()) {
        const std::size_t taken = stream.feed(rest);
        rest.remove_prefix(taken);
        if (taken == 0 && !rest.empty()) {
          if (stream.next() == smtpcodes::ReplyStreamStatus::error) {
            print_reply_error(stream.error(), json, json ? "" : "S: ");
            saw_reply_error_ = true;
          }
        }
      }
    }
  }

  [[nodiscard]] bool saw_reply_error() const { return saw_reply_error_; }

 private:
  int fd_;
  bool saw_reply_error_ = false;
};

}  // namespace

const CommandSpec& probe_spec() {
  static const CommandSpec spec{
      "probe",
      "HOST [PORT]",
      "a short SMTP session with a server, each reply parsed",
      "Connects to HOST (port 25 unless PORT is given), sends EHLO, MAIL FROM, RCPT TO and QUIT\n"
      "(and DATA with a short test message when asked), and prints each reply as parsed.\n"
      "Exit status 1 when a reply could not be parsed, 2 when the connection failed or closed.",
      {
          {"--json", "", "", "one JSON object per reply, as `replies --json` (docs/cli.md)"},
          {"--helo", "", "NAME", "the name to send with EHLO (default localhost)"},
          {"--from", "", "ADDR", "the envelope sender for MAIL FROM (default: the null sender <>)"},
          {"--rcpt", "", "ADDR", "the recipient for RCPT TO (default postmaster)"},
          {"--data", "", "", "also send DATA and a short test message"},
      },
      {"smtpcodes probe mx.example.org", "smtpcodes probe --rcpt bob@example.org --from me@example.net 127.0.0.1 2525"},
  };
  return spec;
}

int run_probe(const Arguments& arguments) {
  const bool json = arguments.has("--json");
  if (arguments.positional.empty() || arguments.positional.size() > 2) {
    return usage_error(probe_spec(), "needs HOST and at most a PORT");
  }
  const std::string host(arguments.positional[0]);
  const std::string port(arguments.positional.size() > 1 ? arguments.positional[1] : std::string_view("25"));
  const std::string helo(arguments.value("--helo", "localhost"));
  const std::string from(arguments.value("--from", ""));
  const std::string rcpt(arguments.value("--rcpt", "postmaster"));

  const int fd = Connection::open(host.c_str(), port.c_str());
  if (fd < 0) return exit_usage_or_io;
  Connection connection(fd);
  char buffer[32 * 1024];
  smtpcodes::ReplyOptions reply_options;
  reply_options.mode = smtpcodes::ParseMode::lenient;  // a probe wants to see what the server sends
  reply_options.max_line_length = 1000;
  smtpcodes::ReplyStream stream(buffer, sizeof buffer, reply_options);

  auto command = [&](const std::string& line) {
    if (!json) std::printf("C: %s\n", line.c_str());
    return connection.send(line + "\r\n") && connection.receive(stream, json);
  };
  if (!connection.receive(stream, json)) return exit_usage_or_io;
  if (!command("EHLO " + helo)) return exit_usage_or_io;
  if (!json && stream.reply().code().is_success()) {
    const auto ehlo = smtpcodes::parse_ehlo(stream.reply()).value();
    std::printf("   extensions:");
    for (const smtpcodes::EhloExtension& extension : ehlo) {
      std::printf(" %.*s", static_cast<int>(extension.keyword.size()), extension.keyword.data());
    }
    if (ehlo.has_size_limit())
      std::printf(" (size limit %llu octets)", static_cast<unsigned long long>(ehlo.size_limit()));
    std::printf("\n");
  }
  if (!command("MAIL FROM:<" + from + ">")) return exit_usage_or_io;
  if (!command("RCPT TO:<" + rcpt + ">")) return exit_usage_or_io;
  if (arguments.has("--data") && command("DATA") && stream.reply().code().value() == 354) {
    if (!json) std::printf("C: (a short test message)\n");
    const std::string message = "From: <" + from + ">\r\nTo: <" + rcpt +
                                ">\r\nSubject: smtpcodes probe\r\n\r\nA test message from smtpcodes probe.\r\n.\r\n";
    if (!connection.send(message) || !connection.receive(stream, json)) return exit_usage_or_io;
  }
  command("QUIT");
  return connection.saw_reply_error() ? exit_nothing_found : exit_success;
}

}  // namespace smtpcodes_cli
