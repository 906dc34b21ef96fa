// Test hook: the strings the screens drew in the last frame, so a test can prove a screenshot
// shows real content (the state's name, a clause title, a timer, a score).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace accord::client::text_log {

void begin_frame();
void record(std::string_view text);
const std::vector<std::string>& last_frame();
bool contains(std::string_view needle);
bool write(const std::filesystem::path& file);
// Tests: called with each string as it is recorded (while its widget is being laid out, so a
// UI-action test can read ImGui's cursor there and click it). nullptr: none.
using Observer = void (*)(std::string_view text);
void set_observer(Observer observer);

}  // namespace accord::client::text_log
