// Whole replies, the stream and EHLO, without the registry or bounces.
#include <smtpcodes/wire/ehlo.hpp>
#include <smtpcodes/wire/reply.hpp>
#include <smtpcodes/wire/reply_stream.hpp>
