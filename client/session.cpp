#include "session.hpp"

#include "core/rules.hpp"

namespace accord::client {

std::optional<Rejection> Session::refusal(const Command& command, SendAs as) const {
  if (as == SendAs::facilitator && !can_facilitate())
    return Rejection{RejectCode::not_allowed, "", "Only the room's facilitator can do this."};
  const Actor actor = as == SendAs::facilitator ? Actor::facilitator() : Actor::of(participant());
  return decide(view(), actor, command, now()).rejection;
}

void Session::send(const Command& command, SendAs as) {
  if (as == SendAs::facilitator)
    post_facilitator(command);
  else
    post(command);
}

}  // namespace accord::client
