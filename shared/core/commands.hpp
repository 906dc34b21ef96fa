// Every command, declared once. A command is what an actor asks for; `decide` turns it into
// events or a Rejection. Adding one: see CONTRIBUTING.md ("How to add a command").
#pragma once

#include <string>
#include <string_view>

#include "core/type_list.hpp"
#include "core/types.hpp"

namespace accord {

// Which actor kinds may send a command. decide() checks this before anything else.
struct Senders {
  bool server = false;
  bool facilitator = false;
  bool participant = false;
};

// The server admits a newcomer (it has authenticated the connection).
struct JoinMatch {
  static constexpr std::string_view kName = "join_match";
  static constexpr Senders kSenders{.server = true};
  std::string name;
  Role role = Role::player;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("name", self.name);
    v("role", self.role);
  }
};

struct LeaveMatch {
  static constexpr std::string_view kName = "leave_match";
  static constexpr Senders kSenders{.participant = true};
  template <class Self, class V>
  static void describe(Self&, V&&) {}
};

// Take a seat, or join its delegation when others already hold it.
struct TakeSeat {
  static constexpr std::string_view kName = "take_seat";
  static constexpr Senders kSenders{.participant = true};
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
  }
};

struct LeaveSeat {
  static constexpr std::string_view kName = "leave_seat";
  static constexpr Senders kSenders{.participant = true};
  template <class Self, class V>
  static void describe(Self&, V&&) {}
};

struct SetReady {
  static constexpr std::string_view kName = "set_ready";
  static constexpr Senders kSenders{.participant = true};
  bool ready = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("ready", self.ready);
  }
};

// Replace the seat's private note (a delegation's own notepad; secret).
struct WriteNote {
  static constexpr std::string_view kName = "write_note";
  static constexpr Senders kSenders{.participant = true};
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("text", self.text);
  }
};

struct PostChat {
  static constexpr std::string_view kName = "post_chat";
  static constexpr Senders kSenders{.participant = true};
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("text", self.text);
  }
};

// Close the lobby: unseated players are placed at random on free seats, the briefing starts.
struct StartMatch {
  static constexpr std::string_view kName = "start_match";
  static constexpr Senders kSenders{.server = true, .facilitator = true};
  template <class Self, class V>
  static void describe(Self&, V&&) {}
};

using CommandTypes =
    TypeList<JoinMatch, LeaveMatch, TakeSeat, LeaveSeat, SetReady, WriteNote, PostChat, StartMatch>;
using Command = VariantOf<CommandTypes>::type;

}  // namespace accord
