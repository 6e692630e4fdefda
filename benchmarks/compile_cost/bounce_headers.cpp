// Codes in free text, DSNs, MTA logs, classification, bounce messages.
#include <smtpcodes/bounce/message.hpp>
#include <smtpcodes/bounce/classify.hpp>
#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/bounce/find.hpp>
#include <smtpcodes/bounce/mta_log.hpp>
