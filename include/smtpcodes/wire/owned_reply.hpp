#ifndef SMTPCODES_WIRE_OWNED_REPLY_HPP
#define SMTPCODES_WIRE_OWNED_REPLY_HPP

// A reply that keeps a copy of its bytes, for users who keep a reply after
// the buffer it was parsed from is gone (a stream's reply() lasts until the
// next feed() or next()). Copying the bytes allocates: this is no parse path,
// and it is in its own header so that the parsers need no <string>.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <smtpcodes/wire/reply.hpp>

namespace smtpcodes {
inline namespace v0 {

template <std::size_t MaxLines = Reply::max_lines>
class BasicOwnedReply {
 public:
  BasicOwnedReply() = default;
  // Copies reply's bytes (raw()); the copy's lines view them.
  explicit BasicOwnedReply(const BasicReply<MaxLines>& reply) : bytes_(reply.raw()), reply_(reply) { rebase(); }
  BasicOwnedReply(const BasicOwnedReply& other) : bytes_(other.bytes_), reply_(other.reply_) { rebase(); }
  BasicOwnedReply(BasicOwnedReply&& other) noexcept : bytes_(std::move(other.bytes_)), reply_(other.reply_) {
    rebase();
  }
  BasicOwnedReply& operator=(const BasicOwnedReply& other) {
    if (this != &other) {
      bytes_ = other.bytes_;
      reply_ = other.reply_;
      rebase();
    }
    return *this;
  }
  BasicOwnedReply& operator=(BasicOwnedReply&& other) noexcept {
    bytes_ = std::move(other.bytes_);
    reply_ = other.reply_;
    rebase();
    return *this;
  }
  ~BasicOwnedReply() = default;

  // The reply, whose views point into this object: valid while it lives.
  [[nodiscard]] const BasicReply<MaxLines>& reply() const& noexcept { return reply_; }
  // The views would point into a temporary.
  [[nodiscard]] const BasicReply<MaxLines>& reply() const&& = delete;
  [[nodiscard]] const BasicReply<MaxLines>* operator->() const& noexcept { return &reply_; }
  [[nodiscard]] const BasicReply<MaxLines>* operator->() const&& = delete;

 private:
  void rebase() noexcept { detail::rebase_reply(reply_, bytes_.data()); }

  std::string bytes_;
  BasicReply<MaxLines> reply_{};
};

using OwnedReply = BasicOwnedReply<>;

// An owning copy of reply (allocates; see BasicOwnedReply).
template <std::size_t MaxLines>
[[nodiscard]] BasicOwnedReply<MaxLines> to_owned(const BasicReply<MaxLines>& reply) {
  return BasicOwnedReply<MaxLines>(reply);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_WIRE_OWNED_REPLY_HPP
