#include "report/debrief_json.hpp"

#include "core/json_codec.hpp"
#include "report/participation.hpp"
#include "report/timeline.hpp"
#include "scoring/seat_score.hpp"

namespace accord::report {
namespace {

using nlohmann::json;

json line_json(const scoring::ScoreLine& line) {
  return {{"points", line.points}, {"text", line.text}};
}

json seat_json(const scoring::SeatScore& s) {
  json objectives = json::array(), red_lines = json::array(), influence = json::array(),
       deals = json::array();
  for (const auto& o : s.objectives)
    objectives.push_back({{"text", o.text},
                          {"condition", o.condition},
                          {"achieved", o.achieved},
                          {"points", o.line.points},
                          {"explanation", o.line.text}});
  for (const auto& r : s.red_lines)
    red_lines.push_back({{"ref", r.ref},
                         {"lifted_by", r.lifted_by},
                         {"at_stake", r.at_stake},
                         {"kept_out", r.kept_out},
                         {"points", r.line.points},
                         {"explanation", r.line.text}});
  for (const auto& l : s.influence)
    influence.push_back(line_json(l));
  for (const auto& l : s.deals)
    deals.push_back(line_json(l));
  return {{"seat", s.seat},
          {"name", s.name},
          {"total", s.total},
          {"objectives_points", s.objectives_points},
          {"red_lines_points", s.red_lines_points},
          {"influence_points", s.influence_points},
          {"deals_points", s.deals_points},
          {"objectives", objectives},
          {"red_lines", red_lines},
          {"influence", influence},
          {"deals", deals},
          {"summary", s.summary}};
}

}  // namespace

Match without_private_text(const Match& view) {
  Match out = view;
  for (auto& channel : out.channels)
    for (auto& message : channel.messages)
      if (channel.kind != ChannelKind::plenary || message.hidden) message.text.clear();
  for (auto& seat : out.seats)
    seat.private_note.clear();
  return out;
}

std::string debrief_json(const DebriefSource& src) {
  const Match& m = src.view;
  const auto& catalogue = src.content.clauses();
  const scoring::MatchRecord record(m, catalogue);
  json doc;
  doc["format"] = "cyber-accord-debrief";
  doc["version"] = 1;
  doc["scenario"] = std::string(src.scenario_id);
  doc["room"] = std::string(src.room_code);
  doc["content_hash"] = src.content.content_hash_hex();
  doc["match"] = json_codec::to_value(without_private_text(m));
  json cards = json::array();
  for (const auto& d : record.adopted_drafts()) {
    json card{{"draft", d.draft},
              {"title", d.draft < m.drafts.size() ? m.drafts[d.draft].title : ""},
              {"clauses", d.clauses}};
    if (d.outcome.scorecard)
      card["scorecard"] = json::parse(scoring::render_json(*d.outcome.scorecard), nullptr, false);
    cards.push_back(std::move(card));
  }
  doc["scorecards"] = cards;
  json seats = json::array();
  for (const auto& s : scoring::seat_scores(record))
    seats.push_back(seat_json(s));
  doc["seat_scores"] = seats;
  json students = json::array();
  for (const auto& r : participation(m)) {
    json row{{"participant", r.id},
             {"name", r.name},
             {"seat", r.seat ? json(*r.seat) : json(nullptr)},
             {"role", !r.seat  ? "none"
                      : r.head ? "head"
                               : "member"},
             {"left", r.left},
             {"messages", r.messages},
             {"clauses_tabled", r.clauses_tabled},
             {"amendments", r.amendments},
             {"seat_cosponsorships", r.seat_cosponsorships},
             {"seat_ballots", r.seat_ballots},
             {"seat_deals_offered", r.seat_deals_offered},
             {"seat_deals_accepted", r.seat_deals_accepted},
             {"last_spoke_ms", r.last_spoke ? json(*r.last_spoke) : json(nullptr)}};
    students.push_back(std::move(row));
  }
  if (src.participation) doc["participation"] = students;
  json events = json::array();
  for (const auto& e : timeline(m, catalogue)) {
    json item{{"round", e.round}, {"text", e.text}};
    if (e.at) item["at_ms"] = *e.at;
    events.push_back(std::move(item));
  }
  doc["timeline"] = events;
  return doc.dump(2) + "\n";
}

}  // namespace accord::report
