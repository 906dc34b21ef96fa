#include "core/hash.hpp"

#include "field_walker.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

// A match in which every field holds a value and every optional can be both set and unset.
Match rich_match() {
  Table t(3);
  t.seated("Ana", 0);
  t.seated("Ben", 1);
  t.join("Cy");
  t.must(Actor::of(0), WriteNote{"our line"});
  t.must(Actor::of(1), PostMessage{kPlenary, "hello"});
  t.start();
  return t.match();
}

TEST_CASE("changing any single field of a match changes its hash") {
  const Match base = rich_match();
  const Hash base_hash = hash(base);
  const std::size_t leaves = count_leaves(base);
  REQUIRE(leaves > 30);
  for (std::size_t i = 0; i < leaves; ++i) {
    Match changed = base;
    LeafPerturber perturb;
    perturb.target = i;
    perturb.visit(changed, "");
    INFO("field " << perturb.changed_path);
    REQUIRE_FALSE(changed == base);
    CHECK(hash(changed) != base_hash);
  }
}

TEST_CASE("equal matches hash equally, however they were built") {
  CHECK(hash(rich_match()) == hash(rich_match()));
  const Match m = rich_match();
  const auto decoded = decode_match(encode_match(m), stored_form());  // a snapshot's form
  REQUIRE(decoded);
  CHECK(hash(*decoded.value) == hash(m));
}

}  // namespace
}  // namespace accord::test
