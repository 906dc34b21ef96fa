#include "session.hpp"

#include "core/rules.hpp"

namespace accord::client {

std::optional<Rejection> Session::refusal(const Command& command, SendAs as) const {
  if (as == SendAs::facilitator && !can_facilitate())
    return Rejection{RejectCode::not_allowed, "", "Only the room's facilitator can do this."};
  const Actor actor = as == SendAs::facilitator ? Actor::facilitator() : Actor::of(participant());
  // A facilitator who also plays a seat (solo) has a seat's view, without the inject library:
  // ask the rules with the library's entry for that inject.
  const auto* fire = std::get_if<FireInject>(&command);
  const MatchSettings* settings = facilitator_settings();
  if (fire && as == SendAs::facilitator && settings && settings != &view().settings) {
    Match probe;
    probe.phase = view().phase;
    probe.injects_fired = view().injects_fired;
    for (const auto& inject : settings->injects)
      if (inject.id == fire->inject) probe.settings.injects.push_back(inject);
    return decide(probe, actor, command, now()).rejection;
  }
  return decide(view(), actor, command, now()).rejection;
}

void Session::send(const Command& command, SendAs as) {
  if (as == SendAs::facilitator)
    post_facilitator(command);
  else
    post(command);
}

}  // namespace accord::client
