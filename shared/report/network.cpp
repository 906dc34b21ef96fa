#include "report/network.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "report/html.hpp"

namespace accord::report {
namespace {

std::string num(double v) {
  const long scaled = std::lround(v * 10.0);
  std::string out = std::to_string(scaled / 10);
  if (scaled % 10 != 0) {
    if (scaled < 0 && scaled / 10 == 0) out = "-0";
    out += "." + std::to_string(std::labs(scaled % 10));
  }
  return out;
}

struct Point {
  double x = 0, y = 0;
};

}  // namespace

CommunicationNetwork communication_network(const Match& m) {
  CommunicationNetwork out;
  const std::size_t seats = m.settings.seats.size();
  out.plenary.assign(seats, 0);
  out.delegation.assign(seats, 0);
  out.private_sent.assign(seats, 0);
  for (const Channel& channel : m.channels) {
    int counted = 0;
    for (const ChatMessage& message : channel.messages) {
      if (message.from_facilitator) continue;
      ++counted;
      if (!message.seat || *message.seat >= seats) continue;
      switch (channel.kind) {
        case ChannelKind::plenary:
          ++out.plenary[*message.seat];
          break;
        case ChannelKind::delegation:
          ++out.delegation[*message.seat];
          break;
        case ChannelKind::bilateral:
        case ChannelKind::caucus:
          ++out.private_sent[*message.seat];
          break;
      }
    }
    if (channel.kind != ChannelKind::bilateral && channel.kind != ChannelKind::caucus) continue;
    if (channel.members.size() < 2) continue;  // not shown to this viewer
    out.channels.push_back({channel.kind, channel.name, channel.members, counted});
  }
  return out;
}

std::string network_svg(const Match& m, const CommunicationNetwork& net) {
  const std::size_t n = m.settings.seats.size();
  constexpr double kWidth = 720, kHeight = 600;
  const Point centre{kWidth / 2, kHeight / 2};
  const double radius = 215;
  std::vector<Point> at(n);
  for (std::size_t s = 0; s < n; ++s) {
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(s) /
                                                     std::max<double>(1, static_cast<double>(n));
    at[s] = {centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)};
  }
  int busiest = 1;
  for (const auto& c : net.channels)
    busiest = std::max(busiest, c.messages);
  int loudest = 1;
  for (const int p : net.plenary)
    loudest = std::max(loudest, p);
  const auto stroke = [&](int messages) {
    return 1.0 + 7.0 * std::sqrt(static_cast<double>(messages) / busiest);
  };

  std::string out = "<svg class=\"network\" viewBox=\"0 0 " + num(kWidth) + " " + num(kHeight) +
                    "\" role=\"img\" aria-label=\"Communication network\">\n";
  std::string labels;
  for (const auto& c : net.channels) {
    const std::string opacity = c.messages == 0 ? "0.35" : "0.75";
    const std::string colour = c.kind == ChannelKind::bilateral ? "#3a6ea5" : "#b5651d";
    const std::string width = num(stroke(c.messages));
    if (c.kind == ChannelKind::bilateral && c.members.size() == 2 && c.members[0] < n &&
        c.members[1] < n) {
      const Point a = at[c.members[0]], b = at[c.members[1]];
      out += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" +
             num(b.y) + "\" stroke=\"" + colour + "\" stroke-width=\"" + width +
             "\" stroke-opacity=\"" + opacity +
             (c.messages == 0 ? "\" stroke-dasharray=\"4 3" : "") + "\"/>\n";
      const Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
      labels += "<text class=\"count\" x=\"" + num(mid.x) + "\" y=\"" + num(mid.y + 3.5) + "\">" +
                std::to_string(c.messages) + "</text>\n";
      continue;
    }
    // A caucus: a hub between its members, pulled towards the centre.
    Point hub{0, 0};
    std::size_t members = 0;
    for (const SeatIndex s : c.members)
      if (s < n) {
        hub.x += at[s].x;
        hub.y += at[s].y;
        ++members;
      }
    if (members == 0) continue;
    hub = {centre.x + (hub.x / static_cast<double>(members) - centre.x) * 0.55,
           centre.y + (hub.y / static_cast<double>(members) - centre.y) * 0.55};
    for (const SeatIndex s : c.members)
      if (s < n)
        out += "<line x1=\"" + num(hub.x) + "\" y1=\"" + num(hub.y) + "\" x2=\"" + num(at[s].x) +
               "\" y2=\"" + num(at[s].y) + "\" stroke=\"" + colour + "\" stroke-width=\"" + width +
               "\" stroke-opacity=\"" + opacity + "\"/>\n";
    labels += "<rect x=\"" + num(hub.x - 9) + "\" y=\"" + num(hub.y - 9) +
              "\" width=\"18\" height=\"18\" fill=\"#fff\" stroke=\"" + colour +
              "\" transform=\"rotate(45 " + num(hub.x) + " " + num(hub.y) + ")\"/>\n";
    labels += "<text class=\"count\" x=\"" + num(hub.x) + "\" y=\"" + num(hub.y + 3.5) + "\">" +
              std::to_string(c.messages) + "</text>\n";
    if (!c.name.empty())
      labels += "<text class=\"caucus\" x=\"" + num(hub.x) + "\" y=\"" + num(hub.y + 22) + "\">" +
                escape(c.name) + "</text>\n";
  }
  out += labels;
  for (std::size_t s = 0; s < n; ++s) {
    const int said = s < net.plenary.size() ? net.plenary[s] : 0;
    const double r = 6 + 10 * std::sqrt(static_cast<double>(said) / loudest);
    out += "<circle cx=\"" + num(at[s].x) + "\" cy=\"" + num(at[s].y) + "\" r=\"" + num(r) +
           "\" fill=\"#dde6f0\" stroke=\"#223\"/>\n";
    // The label outside the circle, on the node's side.
    const double dx = at[s].x - centre.x, dy = at[s].y - centre.y;
    const double len = std::max(1.0, std::hypot(dx, dy));
    const Point label{at[s].x + dx / len * (r + 6), at[s].y + dy / len * (r + 6) + 4};
    const char* anchor = std::abs(dx) < 30 ? "middle" : dx > 0 ? "start" : "end";
    out += "<text class=\"seat\" x=\"" + num(label.x) + "\" y=\"" +
           num(label.y + (dy > 0 && std::abs(dx) < 30 ? 8 : 0)) + "\" text-anchor=\"" + anchor +
           "\">" + escape(m.settings.seats[s].name) + " (" + std::to_string(said) + ")</text>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace accord::report
