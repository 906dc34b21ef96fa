// Deals: a promise in words, a seat's deals with their answers (drafting screen and bilateral
// tabs), and the offer form of a bilateral tab: what you promise and what you ask for, one or two
// promises each side over the clauses and drafts on the table (posts OfferDeal).

#include <algorithm>

#include "core/deals.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

constexpr std::size_t kMaxTerms = 2;  // the rules: one or two promises each side
constexpr DealAction kActions[] = {DealAction::cosponsor_clause, DealAction::vote_yes_clause,
                                   DealAction::vote_yes_draft};

std::string action_text(const Ui& u, DealAction a) {
  return u.s.get("deal.action." + std::string(to_string(a)));
}

std::string target_text(const Ui& u, const Match& v, const DealTerm& t) {
  if (t.action == DealAction::vote_yes_draft)
    return t.target < v.drafts.size() ? v.drafts[t.target].title : std::string("?");
  if (t.target >= v.clauses.size()) return "?";
  return u.f("deal.clause",
             {std::to_string(t.target + 1), ui::clause_title(u, v.clauses[t.target])});
}

// What `promiser` can promise for this kind of promise now: the targets the rules accept
// (deal_term_problem, the check OfferDeal makes), less clauses the facilitator has hidden (a
// promise about a hidden clause is void).
std::vector<std::uint32_t> candidates(const Match& v, DealAction a, SeatIndex promiser) {
  std::vector<std::uint32_t> out;
  const std::size_t n = a == DealAction::vote_yes_draft ? v.drafts.size() : v.clauses.size();
  for (std::uint32_t target = 0; target < n; ++target) {
    if (a != DealAction::vote_yes_draft && v.clauses[target].hidden) continue;
    if (!deal_term_problem(v, promiser, DealTerm{a, target})) out.push_back(target);
  }
  return out;
}

// One side's promises: each a kind and a target, removable; "add" while fewer than two.
void term_editor(Ui& u, const Match& v, std::vector<DealTerm>& terms, SeatIndex promiser,
                 const char* id) {
  ImGui::PushID(id);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float remove_w = ui::button_width(u.s.get("deal.remove"));
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float widest = 0;  // the kind's combo shows its longest name whole
  for (const auto a : kActions)
    widest = std::max(widest, ImGui::CalcTextSize(action_text(u, a).c_str()).x);
  const float action_w =
      std::min(widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2.0f + u.px(4),
               (avail - remove_w - 2 * spacing) * 0.5f);
  const float target_w = std::max(u.px(120), avail - remove_w - action_w - 2 * spacing);
  for (std::size_t i = 0; i < terms.size();) {
    ImGui::PushID(static_cast<int>(i));
    DealTerm& t = terms[i];
    const std::string action = action_text(u, t.action);
    ui::log(action);
    ImGui::SetNextItemWidth(action_w);
    if (ImGui::BeginCombo("##action", action.c_str())) {
      for (const auto a : kActions) {
        const std::string label = action_text(u, a);
        ui::log(label);
        if (ImGui::Selectable(label.c_str(), a == t.action) && a != t.action) {
          t.action = a;
          const auto c = candidates(v, a, promiser);
          t.target = c.empty() ? 0 : c.front();
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    const auto options = candidates(v, t.action, promiser);
    const std::string current = options.empty() ? u.s.get("deal.nothing") : target_text(u, v, t);
    ui::log(current);
    ImGui::SetNextItemWidth(target_w);
    const bool open = ImGui::BeginCombo("##target", current.c_str());
    if (!open) ui::tooltip(current);  // a long clause title does not fit the box
    if (open) {
      for (const auto c : options) {
        const std::string label = target_text(u, v, DealTerm{t.action, c});
        ui::log(label);
        if (ImGui::Selectable(label.c_str(), c == t.target)) t.target = c;
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    const bool removed = ui::button(u.s.get("deal.remove"));
    ImGui::PopID();
    if (removed)
      terms.erase(terms.begin() + static_cast<std::ptrdiff_t>(i));
    else
      ++i;
  }
  if (terms.size() < kMaxTerms && ui::button(u.s.get("deal.add"))) {
    DealTerm t;
    for (const auto a : kActions) {
      const auto c = candidates(v, a, promiser);
      // The first possible promise not already listed.
      const auto free = std::find_if(c.begin(), c.end(), [&](std::uint32_t target) {
        return std::find(terms.begin(), terms.end(), DealTerm{a, target}) == terms.end();
      });
      if (free != c.end()) {
        t = DealTerm{a, *free};
        break;
      }
    }
    terms.push_back(t);
  }
  ImGui::PopID();
}

}  // namespace

std::string deal_term_text(const Ui& u, const Match& v, const DealTerm& term) {
  return u.f("deal.term", {action_text(u, term.action), target_text(u, v, term)});
}

void draw_deal_list(Ui& u, SeatIndex me, std::optional<SeatIndex> with) {
  Session& session = *u.session;
  const Match& v = session.view();
  for (DealId d = 0; d < v.deals.size(); ++d) {
    const Deal& deal = v.deals[d];
    if (deal.from != me && deal.to != me) continue;
    const SeatIndex other = deal.from == me ? deal.to : deal.from;
    if (with && other != *with) continue;
    ImGui::PushID(static_cast<int>(d));
    const std::string& name = ui::seat_name(v, other);
    ui::text_wrapped(u.f("drafting.deal_line",
                         {name, u.s.get("deal_status." + std::string(to_string(deal.status)))}));
    const auto& mine = deal.from == me ? deal.from_terms : deal.to_terms;
    const auto& theirs = deal.from == me ? deal.to_terms : deal.from_terms;
    ImGui::Indent();
    for (const auto& t : mine)
      ui::text_wrapped(u.f("deal.mine", {deal_term_text(u, v, t)}));
    for (const auto& t : theirs)
      ui::text_wrapped(u.f("deal.theirs", {name, deal_term_text(u, v, t)}));
    if (deal.status == DealStatus::offered) {
      if (deal.to == me) {
        ui::command_button(u, u.s.get("drafting.accept"), AnswerDeal{d, true});
        ImGui::SameLine();
        ui::command_button(u, u.s.get("drafting.decline"), AnswerDeal{d, false});
      } else {
        ui::command_button(u, u.s.get("drafting.withdraw"), WithdrawDeal{d});
      }
    } else if (deal.status == DealStatus::accepted) {
      ui::command_button(u, u.s.get("deal.withdraw_accepted"), WithdrawDeal{d});
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
}

void draw_deal_form(Ui& u, SeatIndex me, SeatIndex with) {
  Session& session = *u.session;
  const Match& v = session.view();
  ImGui::PushID("deal_form");
  ui::text_disabled(u.s.get("deal.help"));
  ui::text(u.s.get("deal.you_give"));
  term_editor(u, v, u.state.deal_give, me, "give");
  ui::text(u.f("deal.you_get", {ui::seat_name(v, with)}));
  term_editor(u, v, u.state.deal_get, with, "get");
  if (ui::command_button(u, u.s.get("deal.offer"),
                         OfferDeal{with, u.state.deal_give, u.state.deal_get})) {
    if (!session.last_rejection()) {
      u.state.deal_give.clear();
      u.state.deal_get.clear();
      u.state.deal_form = false;
    }
  }
  ImGui::SameLine();
  if (ui::button(u.s.get("deal.cancel"))) {
    u.state.deal_give.clear();
    u.state.deal_get.clear();
    u.state.deal_form = false;
  }
  ImGui::PopID();
}

}  // namespace accord::client
