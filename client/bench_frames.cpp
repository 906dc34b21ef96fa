#include "bench_frames.hpp"
#include "paths/asset_location.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

#include "cli.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "local_session.hpp"
#include "screenshot.hpp"
#include "settings.hpp"
#include "text_log.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double cpu_ms(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double process_cpu_ms() {
  return cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
}

double thread_cpu_ms() {
  return cpu_ms(CLOCK_THREAD_CPUTIME_ID);
}

double resident_mib() {
  std::ifstream in("/proc/self/statm");
  long size = 0, resident = 0;
  in >> size >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

std::string fixed(double v, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

// The value below which `share` of the samples lie (nearest rank).
double percentile(std::vector<double> samples, double share) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<std::size_t>(share * static_cast<double>(samples.size() - 1) + 0.5);
  return samples[std::min(rank, samples.size() - 1)];
}

fs::path asset_dir(const Options& o) {
  if (!o.assets.empty()) return o.assets;
  return default_asset_dir();
}

class BusySession final : public Session {
 public:
  BusySession(Match view, SeatIndex seat, ParticipantId me, TimeMs now, std::string scenario)
      : view_(std::move(view)), seat_(seat), me_(me), now_(now), scenario_(std::move(scenario)) {}
  void post(const Command&) override { ++posted_; }
  bool can_facilitate() const override { return false; }
  void post_facilitator(const Command&) override { ++posted_; }
  bool poll(double) override { return false; }
  const Match& view() const override { return view_; }
  const Match* public_view() const override { return nullptr; }
  std::optional<SeatIndex> seat() const override { return seat_; }
  ParticipantId participant() const override { return me_; }
  TimeMs now() const override { return now_; }
  double real_ms_until_next_event() const override { return 1000.0; }
  const std::optional<Rejection>& last_rejection() const override { return rejection_; }
  void clear_rejection() override {}
  ConnectionState connection() const override { return ConnectionState::local; }
  const std::string& scenario_id() const override { return scenario_; }

 private:
  Match view_;
  SeatIndex seat_;
  ParticipantId me_;
  TimeMs now_;
  std::string scenario_;
  std::optional<Rejection> rejection_;
  int posted_ = 0;
};

// Free-text clauses and chat lines in the words of the game (the analyzer reads the clauses).
constexpr const char* kClauseTexts[] = {
    "States shall not conduct or knowingly support cyber operations that damage critical "
    "infrastructure providing services to the public.",
    "States should cooperate to exchange information, assist each other and prosecute "
    "terrorist and criminal use of ICTs.",
    "A voluntary peer review of national implementation, reported annually to the General "
    "Assembly.",
    "States should respect human rights online, including the right to privacy and freedom "
    "of expression.",
    "An independent attribution panel shall investigate serious incidents at the request of "
    "any state party.",
    "Capacity building for developing states, funded through a voluntary trust fund.",
    "States shall not harm the emergency response teams of another state.",
    "States should report ICT vulnerabilities responsibly and share remedies.",
};

constexpr const char* kChatTexts[] = {
    "We can support clause 4 if the review stays voluntary.",
    "Our delegation will not accept binding attribution; an independent panel is a red line "
    "for us, as we said in the briefing, but we are open to a fact-finding mechanism.",
    "Agreed.",
    "Could the sponsors clarify whether critical infrastructure includes the financial "
    "sector? Several of us read it differently and the wording matters for the vote.",
    "Let us table the capacity-building clause together.",
    "We propose to switch clause 12 to the softer variant.",
    "Time is short: please co-sponsor what you can live with.",
    "The plenary should hear the small states before the vote.",
};

}  // namespace

std::unique_ptr<Session> make_busy_drafting_session(const content::ContentCatalogue& content,
                                                    std::size_t clauses, std::size_t chat_lines,
                                                    std::string* error) {
  SoloConfig config;
  config.scenario = "opt_in_code";
  const auto* scenario = content.scenario(config.scenario);
  if (!scenario) {
    if (error) *error = "the content has no scenario 'opt_in_code'";
    return nullptr;
  }
  config.seats = std::min<std::size_t>(20, scenario->seats.size());
  config.seed = 7;
  config.start_now = true;
  auto local = LocalSession::create(content, config, error);
  if (!local) return nullptr;
  local->post_facilitator(AdvancePhase{});  // briefing → drafting
  Match v = local->view();
  if (v.phase != Phase::drafting || !local->seat()) {
    if (error) *error = "the solo match did not reach drafting";
    return nullptr;
  }
  const SeatIndex me = *local->seat();
  const auto seats = static_cast<SeatIndex>(v.seats.size());
  const TimeMs now = local->now() + 90'000;

  const auto supporters = [&](SeatIndex sponsor, std::size_t k) {
    std::set<SeatIndex> out;
    for (std::size_t j = 1; j <= k % 5; ++j)
      out.insert(static_cast<SeatIndex>((sponsor + j * 3) % seats));
    out.erase(sponsor);
    return std::vector<SeatIndex>(out.begin(), out.end());
  };
  // Catalogue clauses, one per family on the table; then free text up to `clauses`.
  std::set<std::string> families;
  for (const auto& c : v.clauses)
    if (c.draft == 0 && c.status == ClauseStatus::tabled) families.insert(c.family);
  std::size_t k = 0;
  for (const auto& option : v.settings.clause_table) {
    if (v.clauses.size() >= clauses) break;
    if (!families.insert(option.family).second) continue;
    Clause c;
    c.draft = 0;
    c.ref = option.ref;
    c.family = option.family;
    c.sponsor = static_cast<SeatIndex>(k % seats);
    c.tabled_by_bot = c.sponsor != me;
    c.round = 1;
    c.cosponsors = supporters(c.sponsor, k);
    for (const auto& other : v.settings.clause_table)
      if (k % 3 == 1 && other.family == option.family && other.ref != option.ref)
        c.amendments.push_back(Amendment{static_cast<SeatIndex>((c.sponsor + 1) % seats), 0,
                                         other.ref, "", AmendmentStatus::pending, now - 30'000});
    v.clauses.push_back(std::move(c));
    ++k;
  }
  for (std::size_t i = 0; v.clauses.size() < clauses; ++i, ++k) {
    Clause c;
    c.draft = 0;
    c.family = "free:" + std::to_string(v.clauses.size());
    c.text = kClauseTexts[i % std::size(kClauseTexts)];
    c.sponsor = static_cast<SeatIndex>((i * 7 + 1) % seats);
    c.tabled_by_bot = c.sponsor != me;
    c.round = 1;
    c.cosponsors = supporters(c.sponsor, k);
    if (i % 4 == 2)
      c.amendments.push_back(Amendment{static_cast<SeatIndex>((c.sponsor + 2) % seats), 0, "",
                                       c.text + " Subject to review after five years.",
                                       AmendmentStatus::pending, now - 20'000});
    v.clauses.push_back(std::move(c));
  }
  // Bilaterals with three seats and a caucus, then the chat lines: most in the plenary.
  std::vector<ChannelId> bilaterals;
  for (SeatIndex step = 1; step <= 3 && step < seats; ++step) {
    const auto other = static_cast<SeatIndex>((me + step) % seats);
    Channel ch;
    ch.kind = ChannelKind::bilateral;
    ch.members = {std::min(me, other), std::max(me, other)};
    bilaterals.push_back(static_cast<ChannelId>(v.channels.size()));
    v.channels.push_back(std::move(ch));
  }
  Channel caucus;
  caucus.kind = ChannelKind::caucus;
  caucus.name = "Friends of the open Internet";
  for (SeatIndex s = 0; s < std::min<SeatIndex>(seats, 5); ++s)
    caucus.members.push_back(s);
  if (!std::count(caucus.members.begin(), caucus.members.end(), me)) {
    caucus.members.push_back(me);
    std::sort(caucus.members.begin(), caucus.members.end());
  }
  const auto caucus_id = static_cast<ChannelId>(v.channels.size());
  v.channels.push_back(std::move(caucus));
  for (std::size_t i = 0; i < chat_lines; ++i) {
    ChatMessage m;
    const auto speaker = static_cast<SeatIndex>((i * 7 + 3) % seats);
    m.seat = speaker;
    m.from_bot = speaker != me;
    m.author = local->participant();
    m.text = kChatTexts[i % std::size(kChatTexts)];
    m.at = now - static_cast<TimeMs>(chat_lines - i) * 1'000;
    m.from_facilitator = i % 97 == 50;
    ChannelId channel = kPlenary;
    if (i % 10 == 7) channel = bilaterals.empty() ? kPlenary : bilaterals[i % bilaterals.size()];
    if (i % 10 == 9) channel = caucus_id;
    if (i % 25 == 3) channel = static_cast<ChannelId>(1 + me);  // the delegation
    v.channels[channel].messages.push_back(std::move(m));
  }
  // Deals with the bilateral partners over the tabled clauses.
  for (std::size_t i = 0; i < 6 && seats > 1; ++i) {
    const auto other = static_cast<SeatIndex>((me + 1 + i % 3) % seats);
    const auto a = static_cast<std::uint32_t>((i * 11) % v.clauses.size());
    const auto b = static_cast<std::uint32_t>((i * 11 + 5) % v.clauses.size());
    Deal d;
    d.from = i % 2 == 0 ? me : other;
    d.to = i % 2 == 0 ? other : me;
    d.from_terms = {DealTerm{DealAction::vote_yes_clause, a}};
    d.to_terms = {DealTerm{DealAction::vote_yes_clause, b},
                  DealTerm{DealAction::vote_yes_draft, 0}};
    d.status = i < 3 ? DealStatus::offered : DealStatus::accepted;
    d.at = now - 10'000;
    v.deals.push_back(std::move(d));
  }
  return std::make_unique<BusySession>(std::move(v), me, local->participant(), now,
                                       config.scenario);
}

int run_bench_frames(const Options& o) {
  const auto started = Clock::now();
  ::setenv("SDL_VIDEODRIVER", "offscreen", 0);
  ::setenv("SDL_RENDER_DRIVER", "software", 0);
  const fs::path assets = asset_dir(o);
  Strings strings;
  std::string error;
  if (!strings.load(assets / "i18n" / "en.json", &error)) {
    std::fprintf(stderr, "accord: %s\n", error.c_str());
    return 1;
  }
  auto load = content::load_content(assets);
  if (!load.ok()) {
    std::fprintf(stderr, "%s\n", strings.fmt("error.content", {assets.string()}).c_str());
    return 1;
  }
  const content::ContentCatalogue& content = *load.catalogue;
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "%s\n", strings.fmt("error.sdl", {SDL_GetError()}).c_str());
    return 1;
  }
  SDL_Window* window =
      SDL_CreateWindow(strings.c("app.title"), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                       o.width, o.height, SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, 0) : nullptr;
  if (!renderer) {
    std::fprintf(stderr, "%s\n", strings.fmt("error.sdl", {SDL_GetError()}).c_str());
    if (window) SDL_DestroyWindow(window);
    SDL_Quit();
    return 1;
  }
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer, &info);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForSDLRenderer(window);
  ImGui_ImplSDLRenderer_Init(renderer);

  Settings settings;
  if (o.scale_percent != 0) settings.scale_percent = o.scale_percent;
  settings.high_contrast = o.high_contrast;
  settings.clamp();
  const float scale = static_cast<float>(settings.scale_percent) / 100.0f;
  const Fonts fonts = load_fonts(static_cast<float>(settings.font_px) * scale);
  apply_theme(settings.high_contrast, scale);

  constexpr std::size_t kClauses = 60, kChatLines = 500;
  auto session = make_busy_drafting_session(content, kClauses, kChatLines, &error);
  int status = 0;
  if (!session) {
    std::fprintf(stderr, "accord: %s\n", error.c_str());
    status = 1;
  } else {
    UiState state;
    Requests requests;
    double ui_ms = 0;  // of the last frame: building it (screens and ImGui), not rasterizing
    const auto frame = [&](Screen screen, const fs::path& capture = {}) {
      const double ui0 = process_cpu_ms();
      ImGui_ImplSDLRenderer_NewFrame();
      ImGui_ImplSDL2_NewFrame();
      ImGui::NewFrame();
      text_log::begin_frame();
      const ImGuiViewport* vp = ImGui::GetMainViewport();
      ImGui::SetNextWindowPos(vp->Pos);
      ImGui::SetNextWindowSize(vp->Size);
      ImGui::Begin("##root", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                       ImGuiWindowFlags_NoSavedSettings);
      Ui u{strings, content, session.get(), settings, fonts, palette_for(settings.high_contrast),
           scale,   state,   requests};
      draw_status_bar(u);
      ImGui::Separator();
      ImGui::BeginChild("##content", ImVec2(0, 0), false);
      if (screen == Screen::chat)
        draw_chat(u);
      else
        draw_drafting(u);
      ImGui::EndChild();
      ImGui::End();
      ImGui::Render();
      ui_ms = process_cpu_ms() - ui0;
      SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
      SDL_RenderClear(renderer);
      ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
      if (!capture.empty()) {
        save_screenshot(renderer, capture);
        if (!o.text_log.empty()) text_log::write(fs::path(capture).replace_extension(".txt"));
      }
      SDL_RenderPresent(renderer);
      SDL_Event event;
      while (SDL_PollEvent(&event) != 0)
        ImGui_ImplSDL2_ProcessEvent(&event);
    };
    frame(Screen::drafting);
    const double first_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    std::printf("%s\n",
                strings
                    .fmt("bench.frames_head", {std::to_string(kClauses), std::to_string(kChatLines),
                                               std::to_string(session->view().seats.size()),
                                               std::to_string(o.width), std::to_string(o.height),
                                               std::to_string(settings.scale_percent), info.name})
                    .c_str());
    const auto measure = [&](Screen screen, std::string_view name) {
      std::vector<double> cpu, wall, ui;
      for (int i = 0; i < o.bench_frames; ++i) {
        const double c0 = process_cpu_ms();
        const auto w0 = Clock::now();
        frame(screen);
        cpu.push_back(process_cpu_ms() - c0);
        ui.push_back(ui_ms);
        wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - w0).count());
      }
      std::printf("%s\n", strings
                              .fmt("bench.frames_line",
                                   {name, std::to_string(o.bench_frames),
                                    fixed(percentile(cpu, 0.5), 2), fixed(percentile(cpu, 0.95), 2),
                                    fixed(percentile(ui, 0.5), 2), fixed(percentile(wall, 0.5), 2)})
                              .c_str());
    };
    measure(Screen::drafting, strings.get("nav.drafting"));
    // --screenshot X.png: what was measured, X.png and X-chat.png (--text-log: X.txt, X-chat.txt).
    if (!o.screenshot.empty()) frame(Screen::drafting, o.screenshot);
    state.select_channel = kPlenary;
    frame(Screen::chat);
    measure(Screen::chat, strings.get("nav.chat"));
    if (!o.screenshot.empty()) {
      fs::path chat = o.screenshot;
      chat.replace_filename(chat.stem().string() + "-chat" + chat.extension().string());
      frame(Screen::chat, chat);
      // And a bilateral tab with the deal dialog open: X-deal.png.
      const Match& v = session->view();
      for (ChannelId id = 0; id < v.channels.size(); ++id)
        if (v.channels[id].kind == ChannelKind::bilateral) {
          state.select_channel = id;
          break;
        }
      frame(Screen::chat);
      frame(Screen::chat);
      state.deal_form = true;
      state.deal_give = {DealTerm{DealAction::vote_yes_clause, 3}};
      state.deal_get = {DealTerm{DealAction::cosponsor_clause, 1},
                        DealTerm{DealAction::vote_yes_draft, 0}};
      frame(Screen::chat);
      chat.replace_filename(fs::path(o.screenshot).stem().string() + "-deal" +
                            chat.extension().string());
      frame(Screen::chat, chat);
      // And the caucus dialog: X-caucus.png.
      state.deal_form = false;
      frame(Screen::chat);
      state.caucus_form = true;
      state.caucus_name = "Friends of the Charter";
      frame(Screen::chat);
      frame(Screen::chat);
      chat.replace_filename(fs::path(o.screenshot).stem().string() + "-caucus" +
                            chat.extension().string());
      frame(Screen::chat, chat);
    }
    std::printf("%s\n", strings.fmt("bench.memory", {fixed(resident_mib(), 1)}).c_str());
    std::printf("%s\n", strings.fmt("bench.first_frame", {fixed(first_ms, 0)}).c_str());
    std::fflush(stdout);
  }
  session.reset();
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return status;
}

bool IdleBench::frame(const Session* session, const Strings& strings) {
  if (!started_) {
    if (!session || session->view().phase != Phase::lobby || session->view().participants.empty())
      return false;
    started_ = true;
    start_ = Clock::now();
    process_cpu0_ = process_cpu_ms();
    thread_cpu0_ = thread_cpu_ms();
    return false;
  }
  ++frames_;
  const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  if (seconds < seconds_) return false;
  const double process = process_cpu_ms() - process_cpu0_;
  const double thread = thread_cpu_ms() - thread_cpu0_;
  std::printf("%s\n",
              strings
                  .fmt("bench.idle",
                       {fixed(seconds, 1), std::to_string(frames_), fixed(frames_ / seconds, 2),
                        fixed(process, 1), fixed(process / (seconds * 10.0), 2), fixed(thread, 1)})
                  .c_str());
  std::fflush(stdout);
  return true;
}

}  // namespace accord::client
