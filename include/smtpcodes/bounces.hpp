#ifndef SMTPCODES_BOUNCES_HPP
#define SMTPCODES_BOUNCES_HPP

// The second umbrella header: everything of <smtpcodes/smtpcodes.hpp> and the
// bounce layer, which reads what comes back when mail fails: codes in free
// text, delivery status notifications (RFC 3464), MTA log lines, bounce
// classification and whole bounce messages.
// clang-format off
#include <smtpcodes/smtpcodes.hpp>
#include <smtpcodes/bounce/find.hpp>
#include <smtpcodes/bounce/mime.hpp>
#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/bounce/transfer_encoding.hpp>
#include <smtpcodes/bounce/mta_log.hpp>
#include <smtpcodes/bounce/smtp_command.hpp>
#include <smtpcodes/bounce/classify.hpp>
#include <smtpcodes/bounce/message.hpp>
// clang-format on

#endif  // SMTPCODES_BOUNCES_HPP
