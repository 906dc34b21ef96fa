// Who talked to whom: the seats as nodes, the bilateral and caucus channels as edges weighted by
// how many messages were sent in them. Counts only: nothing here reads a message's text.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace accord::report {

struct NetworkChannel {
  ChannelKind kind = ChannelKind::bilateral;
  std::string name;                // a caucus's name; empty for a bilateral
  std::vector<SeatIndex> members;  // sorted
  int messages = 0;
};

struct CommunicationNetwork {
  std::vector<int> plenary;       // per seat: messages sent in the plenary
  std::vector<int> delegation;    // per seat: messages in its own delegation channel
  std::vector<int> private_sent;  // per seat: messages it sent in bilateral and caucus channels
  std::vector<NetworkChannel>
      channels;  // bilateral and caucus channels the view shows, opened order
};

CommunicationNetwork communication_network(const Match& view);

// The network as an inline SVG drawing: the seats on a circle (sized by what they said in the
// plenary), a line per bilateral channel and a hub per caucus, each labelled with its count.
std::string network_svg(const Match& view, const CommunicationNetwork& network);

}  // namespace accord::report
