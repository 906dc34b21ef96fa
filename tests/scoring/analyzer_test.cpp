// The free-text analyzer: modal strength, negation and its scope, qualifiers, and any input.
#include <algorithm>
#include <chrono>

#include "scoring/analyzer.hpp"
#include "scoring/report.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

Analysis analyze(std::string_view text) {
  return analyze_clause(shipped().lexicon(), text);
}

int points(const Analysis& a, Criterion c) {
  return a.points[index_of(c)];
}

const PhraseHit* hit(const Analysis& a, std::string_view matched) {
  for (const auto& h : a.hits)
    if (h.matched == matched) return &h;
  return nullptr;
}

TEST_CASE("modal strength orders shall above should above may") {
  // "human rights" is RF +3 at full strength: shall 3, should 3 x 0.667 = 2, may 3 x 0.333 = 1.
  const auto strong = analyze("States shall respect human rights online.");
  const auto medium = analyze("States should respect human rights online.");
  const auto weak = analyze("States may respect human rights online.");
  CHECK(points(strong, Criterion::RF) == 3);
  CHECK(points(medium, Criterion::RF) == 2);
  CHECK(points(weak, Criterion::RF) == 1);
  CHECK(hit(strong, "human rights")->strength == Strength::strong);
  CHECK(hit(weak, "human rights")->strength == Strength::weak);
  CHECK(points(analyze("States must respect human rights."), Criterion::RF) == 3);
  CHECK(points(analyze("States are encouraged to respect human rights."), Criterion::RF) == 1);
  // The nearest modal counts: "will consider" is a weak commitment.
  CHECK(points(analyze("States will consider human rights."), Criterion::RF) == 1);
}

TEST_CASE("the modal may follow the phrase it governs") {
  const auto a = analyze("Publication of national strategies shall be annual.");
  CHECK(hit(a, "publication")->strength == Strength::strong);
  const auto b = analyze("Annual reports shall be made public.");
  CHECK(hit(b, "reports")->strength == Strength::strong);
  CHECK(points(b, Criterion::TR) == 3);
}

TEST_CASE("negation: 'shall not attack' is restraint") {
  const auto restraint = analyze("States shall not attack critical infrastructure.");
  const auto threat = analyze("States shall attack critical infrastructure.");
  // not attack: RS +2, critical infrastructure RS +1 -> 3; attack: -2 + 1 -> -1.
  CHECK(points(restraint, Criterion::RS) == 3);
  CHECK(points(threat, Criterion::RS) == -1);
  REQUIRE(hit(restraint, "attack"));
  CHECK(hit(restraint, "attack")->negated);
  CHECK(hit(restraint, "attack")->negated_by == "not");
  CHECK_FALSE(hit(restraint, "critical infrastructure")->negated);
  CHECK(analyze("No State shall attack hospitals.").hits[0].negated);
  CHECK(analyze("States shall refrain from attacks on hospitals.").hits[0].negated);
}

TEST_CASE("negation: 'shall not be obliged to publish' hurts transparency") {
  const auto a = analyze("States shall not be obliged to publish their doctrine.");
  CHECK(points(a, Criterion::TR) == -2);
  CHECK(hit(a, "publish")->negated);
  CHECK(points(analyze("States shall publish their doctrine."), Criterion::TR) == 2);
}

TEST_CASE("negation scope: carried over 'or', stopped by 'and', lapses after the window") {
  const auto both = analyze("States shall not attack or damage hospitals.");
  CHECK(hit(both, "attack")->negated);
  CHECK(hit(both, "damage")->negated);
  const auto later = analyze("States shall not attack hospitals or damage schools.");
  CHECK(hit(later, "damage")->negated);
  const auto split = analyze("States shall not attack hospitals and shall publish reports.");
  CHECK(hit(split, "attack")->negated);
  CHECK_FALSE(hit(split, "publish")->negated);
  CHECK(points(split, Criterion::TR) == 3);
  // The negation reaches across a parenthesis up to the window (12 words), then lapses.
  const auto far = analyze("States shall not, whatever the many reasons they may have, publish.");
  CHECK(hit(far, "publish")->negated);
  const auto lapsed = analyze(
      "States shall not, for all the many good, sound and varied reasons that they may have had "
      "over the years, publish.");
  CHECK_FALSE(hit(lapsed, "publish")->negated);
  const auto twice = analyze("States shall not fail to publish their strategies.");
  CHECK_FALSE(hit(twice, "publish")->negated);
  CHECK(analyze("States may not attack hospitals.").hits[0].negated);
}

TEST_CASE("qualifiers such as 'as national law permits' hollow rights out") {
  // Rights whose limits each government sets count against the rights criterion (the rubric:
  // "fewer when content limits are set by each government"); narrow limits under
  // international standards keep the right.
  const auto full = analyze("States shall respect human rights online.");
  const auto qualified =
      analyze("States shall respect human rights online as national law permits.");
  CHECK(points(full, Criterion::RF) == 3);
  CHECK(points(qualified, Criterion::RF) < 0);
  CHECK(qualified.exact_pm[index_of(Criterion::RF)] == -1500);
  CHECK(points(analyze("Freedom of expression shall be respected, subject only to restrictions "
                       "that are necessary and proportionate."),
               Criterion::RF) > 0);
  REQUIRE(hit(qualified, "as national law permits"));
  CHECK(hit(qualified, "as national law permits")->role == PhraseRole::qualifier);
  const auto soft = analyze("States shall publish their strategies where appropriate.");
  CHECK(points(soft, Criterion::TR) == 1);
}

TEST_CASE("matches name their nearest archetypes") {
  const auto a = analyze("States shall designate points of contact for a directory.");
  REQUIRE_FALSE(a.nearest.empty());
  CHECK(a.nearest[0] == "24");
}

TEST_CASE("text the analyzer cannot read scores nothing and says so") {
  for (const char* text :
       {"Les États doivent publier leurs stratégies nationales.",
        "Государства должны публиковать свои стратегии.", "blorp zxq flibber wug snarf"}) {
    INFO(text);
    const auto a = analyze(text);
    CHECK(a.status == AnalysisStatus::unreadable);
    CHECK(a.points == Points{});
    CHECK(a.explanation.find("could not read") != std::string::npos);
  }
  const auto plain = analyze("The weather is nice in the spring.");
  CHECK(plain.status == AnalysisStatus::no_commitment);
  CHECK(plain.points == Points{});
  CHECK(analyze("").status == AnalysisStatus::empty);
  CHECK(analyze("  ...  ").status == AnalysisStatus::empty);
}

TEST_CASE("non-ASCII, invalid UTF-8 and very long input are handled") {
  const auto accents = analyze("States shall respect human rights — including privacy — online.");
  CHECK(accents.status == AnalysisStatus::scored);
  CHECK(points(accents, Criterion::RF) == 3);

  const std::string invalid = "States shall publish \xff\xfe\xc3 reports \xe2\x82.";
  const auto bad = analyze(invalid);
  CHECK(bad.status == AnalysisStatus::scored);
  CHECK(points(bad, Criterion::TR) == 3);
  // The scorecard of a clause with invalid UTF-8 still renders as valid JSON text.
  Draft d;
  d.clauses.push_back(DraftClause::of_text(invalid));
  CHECK_NOTHROW(render_json(score_ok(d)));

  std::string huge;
  while (huge.size() < (4u << 20))
    huge += "States shall publish reports and not attack. ";
  const auto start = std::chrono::steady_clock::now();
  const auto big = analyze(huge);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(big.truncated);
  CHECK(big.status == AnalysisStatus::scored);
  CHECK(points(big, Criterion::TR) == 3);  // capped at 3 per clause however often it repeats
  CHECK(elapsed < std::chrono::seconds(2));

  std::string noise;
  for (int i = 0; i < 100000; ++i)
    noise.push_back(static_cast<char>(i * 7919 % 256));
  CHECK_NOTHROW(analyze(noise));
}

TEST_CASE("a repeated sentence counts once, at its strongest wording") {
  const auto once = analyze("States should publish their national strategies.");
  const auto twice = analyze(
      "States should publish their national strategies. States should publish their national "
      "strategies. States must publish their national strategies.");
  const auto strong = analyze("States must publish their national strategies.");
  CHECK(points(once, Criterion::TR) < points(strong, Criterion::TR));
  CHECK(twice.points == strong.points);  // the "must" reading, counted once
  CHECK(twice.repeating_sentences == std::vector<int>{2, 3});
  CHECK(hit(twice, "publish")->repeated == false);  // the first mention counts
  CHECK(twice.explanation.find("Said again, so counted once: \"publish\"") != std::string::npos);
  CHECK(twice.explanation.find("Sentences 2 and 3 say nothing new") != std::string::npos);
  // A new commitment in a later sentence still counts.
  const auto more = analyze(
      "States shall publish their national strategies. States shall publish them and respect "
      "human rights.");
  CHECK(more.repeating_sentences.empty());
  CHECK(points(more, Criterion::RF) == 3);
}

TEST_CASE("a list of terms names each criterion once, weakly") {
  const std::string list =
      "Transparency, accountability, human rights, privacy, multistakeholder participation, "
      "capacity building, critical infrastructure protection, cybercrime cooperation, confidence "
      "building, international law, verification, peer review, open inclusive process.";
  const auto a = analyze(list);
  REQUIRE(a.term_lists.size() == 1);
  CHECK(a.term_lists[0].sentence == 1);
  CHECK_FALSE(a.term_lists[0].has_modal);
  CHECK(a.term_lists[0].terms >= 5);
  // At most 25% of a 3-point term: 0.75, which rounds to 1 point.
  for (const int p : a.points)
    CHECK(p <= 1);
  CHECK(a.explanation.find("Sentence 1 is a list of terms rather than a commitment") !=
        std::string::npos);
  CHECK(a.explanation.find("at 25% of its strongest term") != std::string::npos);
  // Adding terms to the list gains nothing.
  CHECK(analyze(list + " Human rights, privacy, transparency, security, stability, "
                       "cooperation, participation.")
            .points == a.points);

  // A modal verb does not save a sentence that is mostly terms ...
  const auto dense = analyze(
      "States shall publish transparent reports, respect human rights and privacy, include all "
      "stakeholders, build capacity, protect critical infrastructure and cooperate against "
      "cybercrime under international law with verification and peer review.");
  REQUIRE(dense.term_lists.size() == 1);
  CHECK(dense.term_lists[0].has_modal);
  for (const int p : dense.points)
    CHECK(p <= 1);
  // ... but a commitment with a few terms is not a list.
  const auto commitment = analyze(
      "States should not attack critical infrastructure, hospitals or emergency response "
      "teams.");
  CHECK(commitment.term_lists.empty());
  CHECK(points(commitment, Criterion::RS) >= 2);
}

TEST_CASE("a keyword-stuffed sentence no longer outscores the best library clause") {
  // #41 has the most points of any library clause (10); before issue 14 the list below scored
  // 33.3 (3 points in every criterion) against #41's 17.4, and the dense "shall" sentence 26.3.
  int best_library = 0;
  for (const auto& clause : shipped().clauses()) {
    Draft d;
    d.clauses.push_back(DraftClause::of_ref(clause.ref));
    best_library = std::max(best_library, score_ok(d).content);
  }
  CHECK(best_library == score_ok(draft_of({"41"})).content);
  for (const char* stuffed :
       {"Transparency, accountability, human rights, privacy, multistakeholder participation, "
        "capacity building, critical infrastructure protection, cybercrime cooperation, "
        "confidence building, international law, verification, peer review, open inclusive "
        "process.",
        "States shall publish transparent reports, respect human rights and privacy, include all "
        "stakeholders, build capacity, protect critical infrastructure and cooperate against "
        "cybercrime under international law with verification and peer review."}) {
    INFO(stuffed);
    Draft d;
    d.clauses.push_back(DraftClause::of_text(stuffed));
    CHECK(score_ok(d).content < best_library);
  }
}

}  // namespace
}  // namespace accord::scoring::test

namespace accord::scoring::test {
namespace {

TEST_CASE("words match by their stem, in either spelling, and never by a shared stem alone") {
  const int published = points(analyze("Reports shall be published."), Criterion::TR);
  CHECK(published > 0);
  CHECK(points(analyze("States shall keep publishing reports."), Criterion::TR) == published);
  // American and British spellings meet before stemming.
  const auto us = analyze("Compliance shall rest on an honor system.");
  REQUIRE(hit(us, "honor system"));
  CHECK(hit(us, "honor system")->phrase == "honour system");
  CHECK(analyze("States shall criminalize intrusion.").points ==
        analyze("States shall criminalise intrusion.").points);
  // "informal" shares Snowball's stem with "inform" but is another word.
  CHECK(analyze("The Chair shall hold an informal meeting.").points == Points{});
  CHECK(points(analyze("States shall inform each other."), Criterion::TR) > 0);
  // "secretariat" is not a secret.
  CHECK(points(analyze("States shall write to the secretariat."), Criterion::TR) == 0);
}

}  // namespace
}  // namespace accord::scoring::test
