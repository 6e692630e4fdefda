// The price of the main umbrella (codes, registry, replies) for a file that includes it.
#include <smtpcodes/smtpcodes.hpp>
