// The README's streaming example: read replies from a file descriptor (a
// socket in a client; standard input here) as they arrive.
#include <unistd.h>

#include <cstdio>
#include <string_view>

#include <smtpcodes/smtpcodes.hpp>

int main() {
  const int fd = 0;
  smtpcodes::StaticReplyStream<> stream;  // a 16 KiB buffer inside; nothing allocated
  char chunk[4096];
  for (;;) {
    const ssize_t count = read(fd, chunk, sizeof chunk);
    if (count <= 0) stream.finish();  // the peer closed the connection
    std::string_view rest(chunk, count > 0 ? static_cast<std::size_t>(count) : 0);
    do {
      rest.remove_prefix(stream.feed(rest));
      for (auto status = stream.next(); status != smtpcodes::ReplyStreamStatus::need_more_data;
           status = stream.next()) {
        if (status == smtpcodes::ReplyStreamStatus::end_of_stream) return 0;
        if (status == smtpcodes::ReplyStreamStatus::error) {
          const std::string_view why = smtpcodes::message(stream.error());
          std::printf("protocol error: %.*s\n", static_cast<int>(why.size()), why.data());
          continue;
        }
        const smtpcodes::Reply& reply = stream.reply();  // valid until the next feed() or next()
        std::printf("%s %s %.*s%s\n", smtpcodes::to_string(reply.code()).c_str(),
                    smtpcodes::to_string(reply.enhanced_status()).c_str(),
                    static_cast<int>(reply.line(reply.line_count() - 1).message.size()),
                    reply.line(reply.line_count() - 1).message.data(), reply.complete() ? "" : " (cut off)");
      }
    } while (!rest.empty());
  }
}
