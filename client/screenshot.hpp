// A PNG of what the renderer holds: call after rendering a frame and before presenting it.
#pragma once

#include <filesystem>
#include <string>

struct SDL_Renderer;

namespace accord::client {

bool save_screenshot(SDL_Renderer* renderer, const std::filesystem::path& file,
                     std::string* error = nullptr);

}  // namespace accord::client
