#ifndef SMTPCODES_BOUNCES_HPP
#define SMTPCODES_BOUNCES_HPP

// The second umbrella header: everything of <smtpcodes/smtpcodes.hpp> and the
// bounce layer, which reads what comes back when mail fails: codes in free
// text, delivery status notifications (RFC 3464), MTA log lines, bounce
// classification and whole bounce messages.
// clang-format off
#include <smtpcodes/smtpcodes.hpp>
#include <smtpcodes/find.hpp>
#include <smtpcodes/dsn.hpp>
#include <smtpcodes/transfer_encoding.hpp>
#include <smtpcodes/mta_log.hpp>
#include <smtpcodes/classify.hpp>
#include <smtpcodes/bounce_message.hpp>
// clang-format on

#endif  // SMTPCODES_BOUNCES_HPP
