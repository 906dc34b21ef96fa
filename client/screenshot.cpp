#include "screenshot.hpp"

#include <SDL.h>
#include <stb_image_write.h>

#include <vector>

namespace accord::client {

bool save_screenshot(SDL_Renderer* renderer, const std::filesystem::path& file,
                     std::string* error) {
  int w = 0, h = 0;
  if (SDL_GetRendererOutputSize(renderer, &w, &h) != 0 || w <= 0 || h <= 0) {
    if (error) *error = SDL_GetError();
    return false;
  }
  const auto stride = static_cast<std::size_t>(w) * 4;
  std::vector<unsigned char> pixels(stride * static_cast<std::size_t>(h));
  // RGBA32: R, G, B, A in memory whatever the endianness, which is what stb expects.
  if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(),
                           static_cast<int>(stride)) != 0) {
    if (error) *error = SDL_GetError();
    return false;
  }
  for (std::size_t i = 3; i < pixels.size(); i += 4)
    pixels[i] = 255;
  if (stbi_write_png(file.string().c_str(), w, h, 4, pixels.data(), static_cast<int>(stride)) ==
      0) {
    if (error) *error = "cannot write " + file.string();
    return false;
  }
  return true;
}

}  // namespace accord::client
