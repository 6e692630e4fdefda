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
          }
        }
      }
    }
  }

 private:
  int fd_;
};

std::string_view value_after(const Options& options, std::string_view flag, std::string_view fallback) {
  for (std::size_t i = 0; i + 1 < options.arguments.size(); ++i) {
    if (options.arguments[i] == flag) return options.arguments[i + 1];
  }
  return fallback;
}

bool has_flag(const Options& options, std::string_view flag) {
  for (std::string_view argument : options.arguments) {
    if (argument == flag) return true;
  }
  return false;
}

}  // namespace

int run_probe(const Options& options) {
  std::string host;
  std::string port;
  for (std::size_t i = 0; i < options.arguments.size(); ++i) {
    const std::string_view argument = options.arguments[i];
    if (argument == "--rcpt" || argument == "--from" || argument == "--helo") {
      ++i;
    } else if (argument == "--data") {
    } else if (host.empty()) {
      host = argument;
    } else if (port.empty()) {
      port = argument;
    } else {
      std::fprintf(stderr, "smtpcodes probe: unexpected argument '%.*s'\n", static_cast<int>(argument.size()),
                   argument.data());
      return 2;
    }
  }
  if (host.empty()) {
    std::fprintf(stderr,
                 "usage: smtpcodes probe [--json] HOST [PORT] [--rcpt ADDR] [--from ADDR] [--helo NAME] [--data]\n");
    return 2;
  }
  if (port.empty()) port = "25";
  const std::string helo(value_after(options, "--helo", "localhost"));
  const std::string from(value_after(options, "--from", ""));
  const std::string rcpt(value_after(options, "--rcpt", "postmaster"));

  const int fd = Connection::open(host.c_str(), port.c_str());
  if (fd < 0) return 1;
  Connection connection(fd);
  char buffer[32 * 1024];
  smtpcodes::ReplyOptions reply_options;
  reply_options.mode = smtpcodes::ParseMode::lenient;  // a probe wants to see what the server sends
  reply_options.max_line_length = 1000;
  smtpcodes::ReplyStream stream(buffer, sizeof buffer, reply_options);

  auto command = [&](const std::string& line) {
    if (!options.json) std::printf("C: %s\n", line.c_str());
    return connection.send(line + "\r\n") && connection.receive(stream, options.json);
  };
  if (!connection.receive(stream, options.json)) return 1;
  if (!command("EHLO " + helo)) return 1;
  if (!options.json && stream.reply().code().is_success()) {
    const auto ehlo = smtpcodes::parse_ehlo(stream.reply()).value();
    std::printf("   extensions:");
    for (const smtpcodes::EhloExtension& extension : ehlo) {
      std::printf(" %.*s", static_cast<int>(extension.keyword.size()), extension.keyword.data());
    }
    if (ehlo.has_size_limit())
      std::printf(" (size limit %llu octets)", static_cast<unsigned long long>(ehlo.size_limit()));
    std::printf("\n");
  }
  if (!command("MAIL FROM:<" + from + ">")) return 1;
  if (!command("RCPT TO:<" + rcpt + ">")) return 1;
  if (has_flag(options, "--data") && command("DATA") && stream.reply().code().value() == 354) {
    if (!options.json) std::printf("C: (a short test message)\n");
    const std::string message = "From: <" + from + ">\r\nTo: <" + rcpt +
                                ">\r\nSubject: smtpcodes probe\r\n\r\nA test message from smtpcodes probe.\r\n.\r\n";
    if (!connection.send(message) || !connection.receive(stream, options.json)) return 1;
  }
  command("QUIT");
  return 0;
}

}  // namespace smtpcodes_cli
